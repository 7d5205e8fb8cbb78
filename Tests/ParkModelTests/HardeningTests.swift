import Foundation
import Testing

@testable import ParkModel

/// contract §2 reading limits: pathological files are rejected with a located message.
/// (Their speed and memory were measured by hand; tests assert outcomes only.)
@Suite struct HardeningTests {
    static func laughs(levels: Int, asKey: Bool = false) -> String {
        var text = "parkplan: 1\npark: {name: X}\nhorizon: {start: 2024-01, months: 12}\n"
        text += "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1..<levels {
            text += "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += asKey ? "bomb: {*l\(levels - 1) : 1}\n" : "bomb: *l\(levels - 1)\n"
        return text
    }

    @Test func billionLaughsIsRejectedByTheNodeLimit() {
        let problems = Fixtures.problems(Self.laughs(levels: 9))
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("more than 250000 YAML values") == true)
    }

    @Test func aliasBombAsKeyIsRejectedBeforeParsing() {
        let problems = Fixtures.problems(Self.laughs(levels: 9, asKey: true))
        #expect(problems.first?.message.contains("must be plain text") == true)
        #expect(problems.first?.line == 13)
    }

    @Test func smallAliasesAreFine() throws {
        let text = Fixtures.minimal + "x-zones: &z [a]\n"
        // an unknown top-level key is still an error, but not a limit problem
        #expect(Fixtures.problems(text).first?.message.contains("unknown key 'x-zones'") == true)
    }

    @Test(arguments: [70, 1_000, 10_000, 100_000])
    func deepFlowNestingIsRejected(depth: Int) {
        let text =
            "parkplan: 1\nx: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("nested") == true)
        #expect(problems.first?.line == 2)
    }

    @Test func deepBlockNestingIsRejected() {
        var text = "parkplan: 1\n"
        for level in 0..<80 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: 80) + "leaf: 1\n"
        let problems = Fixtures.problems(text)
        #expect(problems.first?.message.contains("nested more than 64 levels") == true)
    }

    @Test func tooManyNodesIsRejected() {
        let text = "parkplan: 1\nx: [" + Array(repeating: "1", count: 260_000).joined(separator: ",") + "]\n"
        let problems = Fixtures.problems(text)
        #expect(problems.first?.message.contains("more than 250000") == true)
    }

    @Test func hugeBlockListIsRejectedBeforeParsing() {
        let text = "parkplan: 1\nx:\n" + String(repeating: "  - {id: P, area_m2: 1}\n", count: 80_000)
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("more than 250000 YAML values") == true)
    }

    @Test func compactJSONIsCountedToo() {
        let item = "{\"id\":\"P\",\"area_m2\":1}"
        let text = "{\"parkplan\":1,\"x\":[" + Array(repeating: item, count: 80_000).joined(separator: ",") + "]}"
        let problems = Fixtures.problems(text)
        #expect(problems.first?.message.contains("more than 250000 YAML values") == true)
    }

    @Test func oversizedFileIsRejectedBeforeReading() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parkplan-big-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 20 * 1024 * 1024)
        try handle.close()
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: url.path) }
        #expect(error.diagnostics.first?.message.contains("at most 16777216 bytes") == true)
        #expect(error.description.hasPrefix("\(url.path):1:1: "))
    }

    @Test func oversizedDataIsRejected() {
        let data = Data(count: InputLimits.maxFileBytes + 1)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(data: data, fileName: "big.yaml") }
    }

    @Test func folderIsRejected() {
        let error = #expect(throws: ScenarioError.self) {
            try ScenarioLoader.load(path: FileManager.default.temporaryDirectory.path)
        }
        #expect(error?.description.contains("folder") == true)
    }

    @Test(arguments: ["1e400", "-1e400", ".inf", "-.Inf", ".NaN", "nan"])
    func nonFiniteNumbersAreRejected(value: String) {
        let text = Fixtures.minimal.replacingOccurrences(of: "capacity_mw: 10", with: "capacity_mw: \(value)")
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("finite") == true)
        #expect(problems.first?.line == 5)
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "1e19", "123456789012345678901234567890"])
    func wholeNumbersBeyond64BitsAreRejected(value: String) {
        let text = Fixtures.minimal + "buildings:\n  - {id: B1, units: \(value), unit_area_m2: 10}\n"
        let problems = Fixtures.problems(text)
        #expect(problems.first?.message.contains("does not fit in 64 bits") == true)
    }

    @Test(arguments: ["2022-13", "2022-00", "2023-02-29", "2022-6", "22-06", "2022/06"])
    func impossibleDatesAreRejected(value: String) {
        let text = Fixtures.minimal.replacingOccurrences(of: "start: 2024-01", with: "start: \(value)")
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.path == "horizon.start")
    }

    @Test func leapDayIsAValidDate() throws {
        let text = Fixtures.minimal.replacingOccurrences(of: "start: 2024-01", with: "start: 2024-02-29")
        #expect(try Fixtures.load(text).base.horizon.start == YearMonth(year: 2024, month: 2))
    }

    @Test(arguments: ["yes", "no", "on", "1", "\"true\""])
    func onlyTrueAndFalseAreBooleans(value: String) {
        let text = Fixtures.minimal + "policy: {enforce: \(value)}\n"
        #expect(Fixtures.problems(text).first?.message.contains("expected true or false") == true)
    }

    @Test func tabsInJSONAreFine() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/tabs.json").path)
        #expect(document.base.plotList.first?.areaM2 == 2000)
    }
}
