import ArgumentParser

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan plan is not available yet")
    }
}
