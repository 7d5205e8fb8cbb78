import ArgumentParser

struct ParkPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parkplan",
        abstract: "Plan an industrial park: place projects, schedule expansions, check readiness.")
}

ParkPlanCommand.main()
