import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan check is not available yet")
    }
}
