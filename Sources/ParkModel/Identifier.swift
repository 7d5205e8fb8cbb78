/// A typed identifier: the `id` of one item of one list in a scenario.
///
/// Distinct tags keep project ids, site ids, node ids and expansion ids from
/// being mixed up. Ids are compared by their text (Unicode scalar order), so
/// sorting by id is deterministic for Chinese ids too.
public struct Identifier<Tag>: Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Orders by Unicode scalar values: stable across platforms and locales.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rawValue.unicodeScalars)
    }
}

public enum ProjectTag: Sendable {}
public enum SiteTag: Sendable {}
public enum NodeTag: Sendable {}
public enum ExpansionTag: Sendable {}

/// Id of a project (`projects[].id`).
public typealias ProjectID = Identifier<ProjectTag>
/// Id of a site: a plot or a building (`plots[].id`, `buildings[].id`).
public typealias SiteID = Identifier<SiteTag>
/// Id of a utility node: substation, sewage plant or water node.
public typealias NodeID = Identifier<NodeTag>
/// Id of an expansion option (`expansions[].id`).
public typealias ExpansionID = Identifier<ExpansionTag>
