import Foundation

/// One problem in a scenario file, located: `FILE:LINE:COLUMN: path: message`.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// 1-based; 0 when unknown.
    public var line: Int
    public var column: Int
    /// Path of the offending value, e.g. `plots[3].area_m2` (empty for the whole file).
    public var path: String
    /// A sentence saying what is wrong and what to do.
    public var message: String

    public init(file: String, line: Int, column: Int, path: String, message: String) {
        self.file = file; self.line = line; self.column = column; self.path = path; self.message = message
    }

    public var description: String {
        let location = "\(file):\(line):\(column)"
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// Every problem found in a scenario (never empty).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A scenario file loaded and validated, with its variants still to apply.
public struct ScenarioDocument: Sendable {
    /// The file name as given (used in messages).
    public let fileName: String
    /// The validated base scenario.
    public let base: Scenario
    /// Variant names in file order.
    public let variantNames: [String]
    /// Internal: the parsed tree, kept so variants and `--set` can be applied with locations.
    let tree: ScenarioTree

    init(fileName: String, base: Scenario, variantNames: [String], tree: ScenarioTree) {
        self.fileName = fileName; self.base = base; self.variantNames = variantNames; self.tree = tree
    }
}

/// The parsed node tree of a scenario file (owned by the loader).
struct ScenarioTree: Sendable {}

// Placeholder entry points, replaced by the loader implementation.
public enum ScenarioLoader {
    /// Reads, parses and validates a scenario file (YAML or JSON). Throws `ScenarioError`.
    public static func load(path: String) throws -> ScenarioDocument {
        throw ScenarioError([Diagnostic(file: path, line: 0, column: 0, path: "", message: "loader not implemented")])
    }

    /// Parses and validates scenario text; `fileName` is used in messages. Throws `ScenarioError`.
    public static func load(data: Data, fileName: String) throws -> ScenarioDocument {
        throw ScenarioError([Diagnostic(file: fileName, line: 0, column: 0, path: "", message: "loader not implemented")])
    }
}

extension ScenarioDocument {
    /// The base scenario with `variant` (if any) and then each `PATH=VALUE` of `sets` applied,
    /// validated again. Throws `ScenarioError` located at the variant's or the option's text.
    public func resolve(variant: String?, sets: [String]) throws -> Scenario {
        guard variant == nil, sets.isEmpty else {
            throw ScenarioError([Diagnostic(file: fileName, line: 0, column: 0, path: "", message: "variants not implemented")])
        }
        return base
    }
}
