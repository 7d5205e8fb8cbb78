import ArgumentParser

struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "readiness", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan readiness is not available yet")
    }
}
