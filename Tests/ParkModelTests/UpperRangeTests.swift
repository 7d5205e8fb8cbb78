import Foundation
import Testing

@testable import ParkModel

/// Issue 11: every number has an upper end within which the whole program works; beyond it the
/// loader gives a located error instead of a trap or an internal error later.
@Suite struct UpperRangeTests {
    static func scenario(project: String = "", expansion: String = "", top: String = "") -> String {
        """
        parkplan: 1
        park: {name: P}
        horizon: {start: 2024-01, months: 12}
        \(top)
        power:
          - {id: S1, capacity_mw: 40}
        plots:
          - {id: P1, area_m2: 1000000, power: S1}
        expansions:
          - {id: E1, adds: {power: S1, capacity_mw: 5}, cost: 1000, lead_months: 3\(expansion)}
        projects:
          - {id: a, land_m2: 5000, power_mw: 1, annual_tax: 1.0e8\(project)}
        """
    }

    @Test(arguments: [
        (", build_months: 9000000000000000000", "projects[0].build_months"),
        (", investment: 1.0e308", "projects[0].investment"),
        (", jobs: 1.0e12", "projects[0].jobs"),
        (", crane_t: 1.0e300", "projects[0].crane_t"),
        (", cod_kg_day: 1.0e200", "projects[0].cod_kg_day"),
    ])
    func hugeProjectFiguresAreLocated(extra: String, path: String) {
        let problems = Fixtures.problems(Self.scenario(project: extra))
        #expect(problems.map(\.path) == [path], "\(problems)")
        #expect(problems.first?.message.contains("too large") == true)
        #expect(problems.first?.line == 12)
    }

    @Test func hugeTaxIsOneErrorNotTwo() {
        let problems = Fixtures.problems(
            Self.scenario(project: "").replacingOccurrences(
                of: "annual_tax: 1.0e8",
                with: "annual_tax: 1.0e308"))
        #expect(problems.map(\.path) == ["projects[0].annual_tax"])
    }

    @Test func weightedTermsBeyondTheSolverAreRejected() {
        // 1e13 a year over 1000 years with weight 1: 1e16 > 1e15.
        let text = Self.scenario(top: "objective: {years: 1000}").replacingOccurrences(
            of: "annual_tax: 1.0e8",
            with: "annual_tax: 1.0e13")
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.path) == ["projects[0].annual_tax"])
        #expect(problems.first?.message.contains("more than the solver handles") == true)
    }

    @Test func topLevelRanges() {
        let problems = Fixtures.problems(Self.scenario(top: "budget: 1.0e20\nobjective: {weights: {cost: -1.0e9}}"))
        #expect(problems.map(\.path).sorted() == ["budget", "objective.weights.cost"])
    }

    @Test func theLimitsThemselvesAreAccepted() {
        let text = Self.scenario(project: ", build_months: 1200, investment: 1.0e13, jobs: 1.0e8")
        #expect(Fixtures.problems(text).isEmpty)
    }

    @Test func scaleMixesAreWarnedNotRejected() throws {
        let text = Self.scenario().replacingOccurrences(of: "capacity_mw: 40}", with: "capacity_mw: 1.0e9}")
            .replacingOccurrences(of: "power_mw: 1,", with: "power_mw: 0.01,")
        #expect(Fixtures.problems(text).isEmpty)
        let scenario = try Fixtures.load(text).base
        let warnings = ScenarioRanges.scaleWarnings(scenario)
        #expect(warnings.map(\.kind) == ["power"])
        #expect(ScenarioRanges.scaleWarnings(try Fixtures.load(Self.scenario()).base).isEmpty)
    }
}
