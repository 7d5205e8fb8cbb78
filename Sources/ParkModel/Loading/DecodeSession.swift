/// One step of a path to a value: `plots[3].area_m2`.
enum PathStep: Sendable, Equatable {
    case key(String)
    case index(Int)
}

extension Array where Element == PathStep {
    /// `plots[3].area_m2` (indices are 0-based).
    var text: String {
        var out = ""
        for step in self {
            switch step {
            case .key(let key): out += out.isEmpty ? key : "." + key
            case .index(let index): out += "[\(index)]"
            }
        }
        return out
    }
}

/// A located problem before it is tied to a file name.
struct Finding: Sendable, Equatable {
    var location: SourceLocation
    var path: String
    var message: String
}

/// Thrown only when a value cannot be decoded at all and no placeholder exists;
/// its problem has already been recorded.
struct DecodeAbort: Error {}

/// The shared state of one decoding pass: every problem found, and where each
/// decoded value sits in the source (for the semantic checks that follow).
final class DecodeSession {
    private(set) var findings: [Finding] = []
    /// Location of each decoded value in decoding order (missing values: their mapping). Only
    /// a scenario with problems asks where a path is, so the text index is built on first use.
    private var recorded: [(path: [PathStep], location: SourceLocation)] = []
    /// Location by path text (the first recorded wins); nil until asked for, or after a record.
    private var locations: [String: SourceLocation]?
    /// Keys a type accepts besides those its `Decodable` conformance asks for.
    var extraKeys: [ObjectIdentifier: [String]] = [:]

    func report(_ location: SourceLocation, _ path: [PathStep], _ message: String) {
        findings.append(Finding(location: location, path: path.text, message: message))
    }

    func record(_ path: [PathStep], at location: SourceLocation) {
        recorded.append((path, location))
        locations = nil
    }

    /// Where `path` (or its nearest recorded ancestor) sits in the source.
    func location(of path: String) -> SourceLocation {
        let locations = locationIndex()
        var current = path
        while true {
            if let found = locations[current] { return found }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = String(current[..<cut])
        }
        return locations[""] ?? .unknown
    }

    private func locationIndex() -> [String: SourceLocation] {
        if let locations { return locations }
        var index: [String: SourceLocation] = [:]
        for (path, location) in recorded where index[path.text] == nil { index[path.text] = location }
        locations = index
        return index
    }
}

/// Enums that the decoder can name and replace by a placeholder when a value is wrong.
protocol NamedCases: Decodable {
    static var caseNames: [String] { get }
    static func named(_ name: String) -> Self?
    static var placeholder: Self { get }
}

extension BuildingUse: NamedCases {
    static var caseNames: [String] { allCases.map(\.rawValue) }
    static func named(_ name: String) -> BuildingUse? { BuildingUse(rawValue: name) }
    static var placeholder: BuildingUse { .factory }
}

extension ProjectStatus: NamedCases {
    static var caseNames: [String] { allCases.map(\.rawValue) }
    static func named(_ name: String) -> ProjectStatus? { ProjectStatus(rawValue: name) }
    static var placeholder: ProjectStatus { .candidate }
}
