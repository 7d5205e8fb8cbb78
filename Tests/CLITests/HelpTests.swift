import Testing

@Suite struct HelpTests {
    @Test func helpListsEveryCommand() throws {
        let result = try CLIRunner.run(["--help"])
        #expect(result.status == 0)
        for command in ["plan", "check", "readiness", "compare", "export-model", "generate"] {
            #expect(result.stdout.contains(command), "help lacks \(command)")
        }
    }

    @Test func unknownCommandIsUsageError() throws {
        let result = try CLIRunner.run(["no-such-command"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such-command"))
    }
}
