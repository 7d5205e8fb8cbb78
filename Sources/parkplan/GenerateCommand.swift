import ArgumentParser

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan generate is not available yet")
    }
}
