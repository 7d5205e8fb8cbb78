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

/// The parsed node tree of a scenario file (owned by the loader), kept so
/// variants and `--set` changes can be applied with locations.
struct ScenarioTree: Sendable {
    var root: SourceNode
}

/// Reads scenario files (contract §2): YAML or JSON, limits enforced before and
/// while parsing, every problem reported with `FILE:LINE:COLUMN`.
public enum ScenarioLoader {
    /// Reads, parses and validates a scenario file (YAML or JSON). Throws `ScenarioError`.
    ///
    /// The size is checked with `stat` before the file is read, so an oversized
    /// file is rejected without reading it.
    public static func load(path: String) throws -> ScenarioDocument {
        let whole = { (message: String) in
            ScenarioError([Diagnostic(file: path, line: 1, column: 1, path: "", message: message)])
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw whole("no such file")
        }
        if isDirectory.boolValue { throw whole("this is a folder, not a scenario file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > InputLimits.maxFileBytes {
            throw whole(tooLarge(size))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw whole("cannot open the file for reading") }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew since `stat` is still caught.
        let data: Data
        do { data = try handle.read(upToCount: InputLimits.maxFileBytes + 1) ?? Data() } catch {
            throw whole("cannot read the file: \(error.localizedDescription)")
        }
        return try load(data: data, fileName: path)
    }

    /// Parses and validates scenario text; `fileName` is used in messages. Throws `ScenarioError`.
    public static func load(data: Data, fileName: String) throws -> ScenarioDocument {
        if data.count > InputLimits.maxFileBytes {
            throw ScenarioError([
                Diagnostic(file: fileName, line: 1, column: 1, path: "", message: tooLarge(data.count))
            ])
        }
        let root: SourceNode
        do {
            let text = try TextScreen.screen([UInt8](data))
            guard let parsed = try YAMLReader.parse(text, origin: .file) else {
                throw ReadProblem(line: 1, column: 1, "the file holds no scenario, only comments or blank lines")
            }
            root = parsed
        } catch let problem as ReadProblem {
            throw ScenarioError([
                Diagnostic(
                    file: fileName, line: problem.line, column: problem.column,
                    path: problem.path, message: problem.message)
            ])
        }
        let tree = ScenarioTree(root: root)
        let outcome = ScenarioBuilder.build(root)
        var findings = outcome.findings
        findings += VariantSpec.structuralFindings(in: tree)
        guard let scenario = outcome.scenario, findings.isEmpty else {
            throw ScenarioError(diagnostics(findings, fileName: fileName))
        }
        return ScenarioDocument(
            fileName: fileName, base: scenario, variantNames: scenario.variantList.map(\.name),
            tree: tree)
    }

    static func tooLarge(_ size: Int) -> String {
        "the file is \(size) bytes; a scenario file is at most \(InputLimits.maxFileBytes) bytes (16 MiB) and this one is rejected, not read"
    }

    /// Findings as diagnostics in reading order; `--set` values are located on `<command line>`.
    static func diagnostics(_ findings: [Finding], fileName: String) -> [Diagnostic] {
        ScenarioBuilder.ordered(findings).map { finding in
            let location = finding.location
            switch location.origin {
            case .file:
                return Diagnostic(
                    file: fileName, line: location.line, column: location.column,
                    path: finding.path, message: finding.message)
            case .setOption(_, let option, let offset):
                return Diagnostic(
                    file: ScenarioDocument.commandLineName, line: 1,
                    column: location.line == 1 ? offset + location.column : 1,
                    path: finding.path, message: finding.message + " (in --set \(option))")
            }
        }
    }
}

extension ScenarioDocument {
    /// The file name used for problems in `--set` options.
    public static let commandLineName = "<command line>"

    /// The base scenario with `variant` (if any) and then each `PATH=VALUE` of `sets` applied,
    /// validated again. Throws `ScenarioError` located at the variant's or the option's text.
    public func resolve(variant: String?, sets: [String]) throws -> Scenario {
        if variant == nil && sets.isEmpty { return base }
        let findings = VariantResolver(tree: tree).resolve(variant: variant, sets: sets)
        switch findings {
        case .success(let scenario): return scenario
        case .failure(let failure):
            throw ScenarioError(ScenarioLoader.diagnostics(failure.findings, fileName: fileName))
        }
    }
}

// MARK: - Checking every variant

/// The outcome of applying one variant (nil = the base) and the `--set` options.
public struct VariantCheck: Sendable {
    /// The variant's name; nil for the base scenario.
    public var variant: String?
    /// The resolved scenario, or nil when it has problems.
    public var scenario: Scenario?
    /// Every problem (empty when it resolved).
    public var problems: [Diagnostic]
}

extension ScenarioDocument {
    /// Resolves the base and then every variant, each with `sets` on top, collecting all problems.
    public func checkAll(sets: [String] = []) -> [VariantCheck] {
        ([nil] + variantNames.map(Optional.some)).map { name in
            do {
                let scenario = try resolve(variant: name, sets: sets)
                return VariantCheck(variant: name, scenario: scenario, problems: [])
            } catch let error as ScenarioError {
                return VariantCheck(variant: name, scenario: nil, problems: error.diagnostics)
            } catch {
                let problem = Diagnostic(file: fileName, line: 1, column: 1, path: "", message: "\(error)")
                return VariantCheck(variant: name, scenario: nil, problems: [problem])
            }
        }
    }
}
