import Foundation
import Testing

@testable import ParkModel

/// Every problem is reported, each once, in file order, with a usable location.
@Suite struct ReportingTests {
    @Test func allProblemsAreReportedNotOnlyTheFirst() {
        let text = """
            parkplan: 1
            park: {name: X}
            horizon: {start: 2024-01, months: 12}
            plots:
              - {id: P1, area_m2: abc}
              - {id: P2, area_m2: -1}
              - {id: P3, area_m2: 5, planned: maybe}
            """
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.line) == [5, 6, 7])
        #expect(problems.map(\.path) == ["plots[0].area_m2", "plots[1].area_m2", "plots[2].planned"])
    }

    /// An impossible horizon start is reported once; checks that depend on the horizon (pins
    /// after it) are skipped instead of comparing against a placeholder month.
    @Test func badHorizonStartCausesNoFollowOnErrors() {
        let text = """
            parkplan: 1
            park: {name: X}
            horizon: {start: 2024-13, months: 12}
            plots:
              - {id: P1, area_m2: 100}
            projects:
              - {id: a, land_m2: 10, status: committed, start: 2024-06}
            """
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.path) == ["horizon.start"], "\(problems)")
        #expect(problems.first?.line == 3)
    }

    @Test func wrongValueIsNotReportedTwice() {
        let text = Fixtures.minimal.replacingOccurrences(of: "area_m2: 1000", with: "area_m2: abc")
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.description == "test.yaml:7:23: plots[0].area_m2: expected a number, found \"abc\"")
    }

    @Test func unknownKeySuggestsTheField() {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "{id: S1, capacity_mw: 10}", with: "{id: S1, capacity_mw: 10, reserv: 0.1}")
        let problems = Fixtures.problems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.message == "unknown key 'reserv' (did you mean 'reserve'?)")
        #expect(problems.first?.line == 5)
    }

    @Test func columnsCountCharactersNotBytes() {
        let text = "parkplan: 1\npark: {name: 临汾园区, currency: [x]}\nhorizon: {start: 2024-01, months: -3}\n"
        let problems = Fixtures.problems(text)
        #expect(problems.map { "\($0.line):\($0.column)" } == ["2:30", "3:35"])
    }

    @Test func fileNameIsKeptAsGiven() {
        let problems = Fixtures.problems(
            "parkplan: 7\npark: {name: X}\nhorizon: {start: 2024-01, months: 1}\n",
            name: "../some dir/场景.yaml")
        #expect(problems.first?.description.hasPrefix("../some dir/场景.yaml:1:11: parkplan: ") == true)
    }

    @Test func missingFileIsLocatedAtTheName() {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/x.yaml") }
    }
}

@Suite struct SyntaxMessageTests {
    @Test func tabIndentationIsExplained() {
        let problems = Fixtures.problems("parkplan: 1\npark:\n\tname: X\n")
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("indented with spaces only") == true)
    }

    @Test func controlCharacterIsLocated() {
        let problems = Fixtures.problems("parkplan: 1\npark: {name: \"a\u{1}\"}\n")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.message.contains("control characters") == true)
    }

    @Test func mergeKeysAreUnknownKeys() {
        let problems = Fixtures.problems(Fixtures.minimal + "<<: {budget: 3}\n")
        #expect(problems.first?.message.hasPrefix("unknown key '<<'") == true)
    }
}

@Suite struct DuplicateKeyTests {
    @Test func quotedAndPlainKeysAreTheSameKey() {
        let problems = Fixtures.problems(
            "parkplan: 1\npark: {name: X}\nhorizon: {start: 2024-01, months: 12}\n"
                + "power:\n  - {id: S1, capacity_mw: 1, \"capacity_mw\": 2}\n")
        #expect(problems.first?.line == 5)
        #expect(problems.first?.column == 30, "the second copy, not the first")
        #expect(problems.first?.message.contains("duplicate key 'capacity_mw'") == true)
        #expect(problems.first?.message.contains("first at line 5") == true)
    }

    @Test func theErrorStandsOnTheSecondCopyOfABlockKey() {
        let problems = Fixtures.problems(
            "parkplan: 1\npark: {name: X}\nhorizon: {start: 2024-01, months: 12}\n"
                + "plots:\n  - id: A\n    area_m2: 5\n    zone: x\n    area_m2: 6\n")
        #expect(problems.first?.line == 8)
        #expect(problems.first?.column == 5)
        #expect(problems.first?.message.contains("first at line 6") == true)
    }

    @Test func numberAndTextKeysCollide() {
        let problems = Fixtures.problems("parkplan: 1\n1: a\n\"1\": b\n")
        #expect(problems.first?.line == 3)
        #expect(problems.first?.message.contains("duplicate key '1'") == true)
    }
}

@Suite struct PinTests {
    @Test func pinAfterTheHorizonIsRejected() {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "{id: p1, land_m2: 500, power_mw: 2}",
            with: "{id: p1, land_m2: 500, power_mw: 2, start: 2026-01}")
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.path) == ["projects[0].start"])
        #expect(problems.first?.message.contains("after the horizon") == true)
    }

    @Test func pinInTheLastPeriodIsFine() throws {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "{id: p1, land_m2: 500, power_mw: 2}",
            with: "{id: p1, land_m2: 500, power_mw: 2, start: 2025-12}")
        #expect(try Fixtures.load(text).base.projectList.first?.start == YearMonth(year: 2025, month: 12))
    }

    @Test func existingProjectMayStartBeforeTheHorizon() throws {
        let text = Fixtures.minimal.replacingOccurrences(
            of: "{id: p1, land_m2: 500, power_mw: 2}",
            with: "{id: p1, land_m2: 500, status: existing, site: P1, start: 2019-05, earliest: 2020-01}")
        #expect(try Fixtures.load(text).base.projectList.first?.statusOrDefault == .existing)
    }
}
