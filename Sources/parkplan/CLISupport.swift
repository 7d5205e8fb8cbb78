import ArgumentParser
import Foundation
import ParkModel

/// contract §6 exit codes.
enum ExitStatus: Int32 {
    case done = 0
    case internalError = 1
    case badInput = 2
    case infeasible = 3
    case noSolution = 4
}

/// Writes `message` to standard error (with a newline).
func printError(_ message: String) {
    StandardStreams.writeError(message + "\n")
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

    @Option(
        name: .customLong("set"),
        help: "Change one value: PATH=VALUE (repeatable), e.g. projects.pv-modules.power_mw=40.")
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

/// The largest `--time-limit` passed on to the planner: 10⁹ s (about 31 years) already lets every
/// search run its full count; a larger finite limit is read as this one (the planner converts
/// seconds to whole numbers, which a limit such as 1e19 would overflow).
let maximumTimeLimitSeconds: Double = 1e9

/// `--time-limit` as given, capped at `maximumTimeLimitSeconds`.
func effectiveTimeLimit(_ seconds: Double) -> Double { min(seconds, maximumTimeLimitSeconds) }

/// Reads and validates a scenario file (base only); on bad input prints every problem and exits 2.
func loadDocument(path: String) throws -> ScenarioDocument {
    do {
        return try ScenarioLoader.load(path: path)
    } catch let error as ScenarioError {
        throw fail(.badInput, error.description)
    }
}
