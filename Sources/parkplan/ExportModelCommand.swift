import ArgumentParser

struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export-model", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan export-model is not available yet")
    }
}
