import Foundation
import Testing

@testable import ParkModel

/// One file under `Fixtures/bad/`: the line its first problem must point at, and a phrase of the message.
struct BadCase: CustomTestStringConvertible, Sendable {
    var file: String
    var line: Int
    var phrase: String
    init(_ file: String, line: Int, _ phrase: String) { self.file = file; self.line = line; self.phrase = phrase }
    var testDescription: String { file }
}

@Suite struct BadFixtureTests {
    static let cases: [BadCase] = [
        BadCase("version.yaml", line: 1, "unsupported format version 2"),
        BadCase("missing-version.yaml", line: 1, "missing required field 'parkplan'"),
        BadCase("missing-name.yaml", line: 2, "missing required field 'name'"),
        BadCase("unknown-key.yaml", line: 7, "did you mean 'reserve'?"),
        BadCase("not-a-number.yaml", line: 12, "expected a number, found \"abc\""),
        BadCase("duplicate-id.yaml", line: 6, "duplicate id 'P1'"),
        BadCase("bad-reference.yaml", line: 13, "'S9' is not an id in 'power'"),
        BadCase("negative-amount.yaml", line: 17, "must not be negative"),
        BadCase("zero-area.yaml", line: 6, "must be greater than 0"),
        BadCase("reserve-range.yaml", line: 7, "at least 0 and below 1"),
        BadCase("boolean.yaml", line: 7, "expected true or false"),
        BadCase("whole-units.yaml", line: 6, "expected a whole number"),
        BadCase("int-overflow.yaml", line: 6, "does not fit in 64 bits"),
        BadCase("nan.yaml", line: 4, "finite"),
        BadCase("huge-float.yaml", line: 6, "numbers must be finite"),
        BadCase("infinity.yaml", line: 6, "finite"),
        BadCase("bad-month.yaml", line: 7, "month must be 01 to 12"),
        BadCase("bad-day.yaml", line: 17, "day does not exist"),
        BadCase("not-a-date.yaml", line: 4, "expected a month YYYY-MM"),
        BadCase("land-and-floor.yaml", line: 17, "give exactly one"),
        BadCase("no-need.yaml", line: 15, "needs 'land_m2'"),
        BadCase("latest-before-earliest.yaml", line: 18, "is before earliest"),
        BadCase("pin-outside-window.yaml", line: 19, "after the project's latest month"),
        BadCase("existing-no-site.yaml", line: 15, "needs 'site'"),
        BadCase("planned-unbuilt.yaml", line: 7, "no expansion builds it"),
        BadCase("cod-no-limit.yaml", line: 16, "sets no cod_kg_day limit"),
        BadCase("adds-two-kinds.yaml", line: 16, "exactly one of power, sewage, water, building, plot"),
        BadCase("adds-nothing.yaml", line: 16, "must name what is expanded"),
        BadCase("adds-wrong-amount.yaml", line: 16, "adds only capacity_mw"),
        BadCase("adds-existing-building.yaml", line: 16, "already exists"),
        BadCase("adds-unknown-plot.yaml", line: 16, "'P7' is not an id in 'plots'"),
        BadCase("requires-cycle.yaml", line: 15, "forms a cycle: E1 → E2 → E1"),
        BadCase("requires-unknown.yaml", line: 17, "'E0' is not an id in 'expansions'"),
        BadCase("duplicate-key.yaml", line: 5, "duplicate key 'budget'"),
        BadCase("several-documents.yaml", line: 4, "several YAML documents"),
        BadCase("syntax-error.yaml", line: 4, "YAML syntax error"),
        BadCase("unclosed-flow.yaml", line: 3, "YAML syntax error"),
        BadCase("comments-only.yaml", line: 1, "holds no scenario"),
        BadCase("pinned-wrong-kind.yaml", line: 17, "pin it to a plot"),
        BadCase("pinned-unknown-site.yaml", line: 17, "did you mean 'P1'?"),
        BadCase("existing-on-planned.yaml", line: 21, "which is planned"),
        BadCase("step-zero.yaml", line: 6, "must be greater than 0"),
        BadCase("months-missing.yaml", line: 4, "missing required field 'months'"),
        BadCase("horizon-too-long.yaml", line: 5, "too long"),
        BadCase("bad-status.yaml", line: 17, "expected one of existing, committed, candidate"),
        BadCase("bad-use.yaml", line: 6, "expected one of factory, office"),
        BadCase("top-not-mapping.yaml", line: 1, "a scenario is a mapping"),
        BadCase("list-expected.yaml", line: 4, "expected a list"),
        BadCase("mapping-expected.yaml", line: 5, "expected a mapping of fields"),
        BadCase("site-id-clash.yaml", line: 7, "also a plot id"),
        BadCase("explicit-alias-key.yaml", line: 5, "explicit keys"),
        BadCase("alias-key.yaml", line: 5, "must be plain text"),
        BadCase("empty-id.yaml", line: 5, "must not be empty"),
        BadCase("polygon-points.yaml", line: 7, "at least 3 points"),
        BadCase("variant-bad-path.yaml", line: 18, "no item with id 'p9'"),
        BadCase("variant-duplicate-name.yaml", line: 18, "duplicate variant name 'v'"),
        BadCase("variant-bad-remove.yaml", line: 18, "no item with id 'nope'"),
        BadCase("variant-bad-list.yaml", line: 18, "'projets' is not one of them"),
        BadCase("variant-unknown-key.yaml", line: 18, "did you mean 'set'?"),
        BadCase("variant-top-field.yaml", line: 18, "did you mean 'budget'?"),
        BadCase("deep-nesting.yaml", line: 4, "nested more than 64 levels"),
        BadCase("weights-string.yaml", line: 5, "expected a number, found \"high\""),
        BadCase("empty.yaml", line: 1, "the file is empty"),
        BadCase("binary.bin", line: 2, "NUL byte"),
        BadCase("latin1.yaml", line: 2, "not valid UTF-8"),
        BadCase("utf16.yaml", line: 1, "not valid UTF-8"),
        BadCase("wrong-type.json", line: 13, "expected a number, found \"lots\""),
    ]

    @Test(arguments: cases)
    func badFileIsRejectedWithLocatedMessage(_ bad: BadCase) throws {
        let path = Fixtures.url("bad/\(bad.file)").path
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(path: path) }
        let match = error.diagnostics.first { $0.line == bad.line && $0.description.contains(bad.phrase) }
        #expect(match != nil, "\(bad.file): expected line \(bad.line) with '\(bad.phrase)', got:\n\(error.description)")
        for diagnostic in error.diagnostics {
            #expect(diagnostic.file == path)
            #expect(diagnostic.description.hasPrefix("\(path):\(diagnostic.line):\(diagnostic.column): "))
            #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
        }
    }

    @Test func everyBadFixtureIsListed() {
        let listed = Set(Self.cases.map(\.file))
        let present = Set(Fixtures.files(in: "bad"))
        #expect(listed == present)
        #expect(present.count >= 30)
    }
}
