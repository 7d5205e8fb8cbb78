import ArgumentParser
import Foundation
import ParkModel

/// SPEC §6 exit codes.
enum ExitStatus: Int32 {
    case done = 0
    case internalError = 1
    case badInput = 2
    case infeasible = 3
    case noSolution = 4
}

/// Writes `message` to standard error (with a newline).
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Ends the command with `status` after printing `message` to stderr.
func fail(_ status: ExitStatus, _ message: String) -> ExitCode {
    printError(message)
    return ExitCode(status.rawValue)
}

/// Options shared by commands that read a scenario and may apply a variant and `--set` changes.
struct ScenarioOptions: ParsableArguments {
    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @Option(name: .long, help: "Apply the named variant of the scenario.")
    var variant: String?

    @Option(name: .customLong("set"), help: "Change one value: PATH=VALUE (repeatable), e.g. projects.pv-modules.power_mw=40.")
    var sets: [String] = []
}

/// Loads and validates a scenario; on bad input prints every located problem and exits with 2.
func loadScenario(file: String, variant: String?, sets: [String]) throws -> (ScenarioDocument, Scenario) {
    let document = try loadDocument(path: file)
    do {
        return (document, try document.resolve(variant: variant, sets: sets))
    } catch let error as ScenarioError {
        throw fail(.badInput, error.description)
    }
}

/// Writes files only after all of them are computed, each via a temporary file and a rename,
/// so a failure never leaves a half-written file behind.
func writeOutputs(_ files: [(name: String, data: Data)], into directory: String) throws {
    let fm = FileManager.default
    do {
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for file in files {
            let target = URL(fileURLWithPath: directory).appendingPathComponent(file.name)
            let temporary = URL(fileURLWithPath: directory)
                .appendingPathComponent(".\(file.name).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try file.data.write(to: temporary)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: temporary, to: target)
        }
    } catch {
        throw fail(.badInput, "\(directory): cannot write the output: \(error.localizedDescription)")
    }
}

/// Reads and validates a scenario file (base only); on bad input prints every problem and exits 2.
func loadDocument(path: String) throws -> ScenarioDocument {
    do {
        return try ScenarioLoader.load(path: path)
    } catch let error as ScenarioError {
        throw fail(.badInput, error.description)
    }
}
