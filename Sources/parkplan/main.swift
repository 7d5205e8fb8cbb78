import ArgumentParser
import Foundation
import ParkDiagnosis
import ParkModel

struct ParkPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkplan",
        abstract: "Plan an industrial park: place projects, schedule expansions, check readiness (拎包入驻).",
        discussion: """
            Exit codes: 0 done; 2 bad input or usage; 3 infeasible (committed or existing projects \
            cannot all be placed); 4 no feasible plan within the limits; 1 internal error.
            """,
        subcommands: [
            PlanCommand.self, CheckCommand.self, ReadinessCommand.self, CompareCommand.self,
            ExportModelCommand.self, GenerateCommand.self, SweepCommand.self, RiskCommand.self,
        ])
}

// contract §6: usage errors exit with 2 (ArgumentParser's default is 64).
do {
    var command = try ParkPlanCommand.parseAsRoot()
    try command.run()
} catch {
    let code = ParkPlanCommand.exitCode(for: error)
    if code == .validationFailure {
        printError(ParkPlanCommand.fullMessage(for: error))
        exit(ExitStatus.badInput.rawValue)
    }
    ParkPlanCommand.exit(withError: error)
}
