import Foundation
import Testing

/// Issue 15: hostile numbers and text on the command line and in ids.
@Suite struct HostileTextTests {
    static let small = """
        parkplan: 1
        park: {name: "<b>Park</b> & co"}
        horizon: {start: 2023-01, months: 12}
        power:
          - {id: S1, capacity_mw: 40}
        plots:
          - {id: P1, area_m2: 100000, zone: industrial, power: S1}
        projects:
          - id: "bad\\e[31m\\a\\0<script>"
            name: "<script>alert(1)</script>"
            land_m2: 50000
            power_mw: 10
            annual_tax: 1.0e8
        """

    @Test(arguments: ["1e19", "9.3e18", "1e300"]) func hugeTimeLimitIsCapped(limit: String) throws {
        let (dir, file) = try ReportCommandTests.write(Self.small)
        for command in ["plan", "compare"] {
            let out = dir.appendingPathComponent("out-\(command)").path
            let result = try CLIRunner.run([command, file, "--time-limit", limit, "--out", out])
            #expect(result.status == 0, "\(command) \(limit): \(result.stderr)")
        }
    }

    @Test(arguments: ["inf", "nan", "-1", "abc"]) func badTimeLimitIsAUsageError(limit: String) throws {
        let (_, file) = try ReportCommandTests.write(Self.small)
        let result = try CLIRunner.run(["plan", file, "--time-limit=\(limit)", "--out", "/nonexistent/never"])
        #expect(result.status == 2, "\(limit): \(result.stderr)")
    }

    @Test(arguments: ["~", "null", ""]) func nullIdIsAnError(id: String) throws {
        let text = Self.small.replacingOccurrences(of: "id: \"bad\\e[31m\\a\\0<script>\"", with: "id: \(id)")
        let (_, file) = try ReportCommandTests.write(text)
        let result = try CLIRunner.run(["check", file])
        #expect(result.status == 2, "\(id): \(result.stdout)")
        #expect(result.stderr.contains("projects[0].id: a value is required here"), "\(result.stderr)")
    }

    @Test func controlCharactersAreShownNotSentToTheTerminal() throws {
        let (dir, file) = try ReportCommandTests.write(Self.small)
        let out = dir.appendingPathComponent("out")
        let result = try CLIRunner.run(["plan", file, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        for text in [result.stdout, result.stderr] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        }
        #expect(result.stdout.contains("bad\\u{1B}[31m\\u{7}\\u{0}<script>"), "\(result.stdout)")
        let check = try CLIRunner.run(["readiness", file])
        #expect(check.status == 0)
        #expect(!check.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0 || $0.value == 7 })
    }

    @Test func reportMarkdownEscapesMarkupAndControls() throws {
        let (dir, file) = try ReportCommandTests.write(Self.small)
        let out = dir.appendingPathComponent("out")
        let result = try CLIRunner.run(["plan", file, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(!report.contains("<script>") && !report.contains("<b>"))
        #expect(report.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(report.contains("&lt;b&gt;Park&lt;/b&gt; &amp; co"))
        #expect(!report.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let compare = try CLIRunner.run(["compare", file, "--out", out.path])
        #expect(compare.status == 0, "\(compare.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(!markdown.contains("<b>"))
    }
}
