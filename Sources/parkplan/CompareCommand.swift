import ArgumentParser

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "compare", abstract: "(not yet available)")

    func run() throws {
        throw fail(.internalError, "parkplan compare is not available yet")
    }
}
