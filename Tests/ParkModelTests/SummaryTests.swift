import Foundation
import Testing

@testable import ParkModel

@Suite struct SummaryTests {
    static func summary(_ text: String) throws -> ScenarioSummary {
        ScenarioSummary.make(try Fixtures.load(text).base)
    }

    @Test func fullExample() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/full.yaml").path)
        let s = ScenarioSummary.make(document.base)
        #expect(s.periodCount == 36)
        #expect(s.lastPeriodMonth == YearMonth(year: 2025, month: 5))
        #expect(s.counts.plannedPlots == 1 && s.counts.plannedBuildings == 1)
        #expect((s.counts.existing, s.counts.committed, s.counts.candidates) == (1, 1, 2))
        #expect(s.loads.map { "\($0.kind) \($0.node)" } == ["power S1", "water WS1", "sewage W1", "cod W1"])
        let power = try #require(s.loads.first)
        #expect(abs(power.usable - 34) < 1e-9)
        #expect(power.existingDemand == 3 && power.committedDemand == 30)
        #expect(power.expandable == 55)
        #expect(s.readiness.map(\.project) == ["pv-modules", "old-foundry"])
    }

    @Test func plannedSiteIsReadyWhenItsExpansionCompletes() throws {
        let text = """
            parkplan: 1
            park: {name: X}
            horizon: {start: 2024-01, months: 24, step_months: 3}
            plots:
              - {id: P1, area_m2: 100, planned: true, ready: 2024-02}
            expansions:
              - {id: road, adds: {power: S1, capacity_mw: 1}, lead_months: 2, earliest: 2024-03}
              - {id: prep, adds: {plot: P1}, lead_months: 4, requires: [road]}
            power: [{id: S1, capacity_mw: 1}]
            projects:
              - {id: a, land_m2: 10, site: P1, start: 2024-10, status: committed, power_mw: 4}
              - {id: b, land_m2: 10, site: P1, start: 2024-07}
              - {id: c, land_m2: 10, power_mw: 2, status: committed}
            """
        let s = try Self.summary(text)
        #expect(s.periodCount == 8)
        let a = try #require(s.readiness.first)
        #expect(a.siteReady == YearMonth(year: 2024, month: 9))
        #expect(a.builtBy == "prep")
        #expect(a.readyAtStart == true)
        #expect(s.readiness.last?.readyAtStart == false)
        #expect(s.unsitedCommitted == [ScenarioSummary.KindAmount(kind: "power", unit: "MW", amount: 2)])
        #expect(s.loads.first?.committedDemand == 0)
    }
}
