import ParkModel
import Testing

@testable import ParkPlanning

/// Causes no addition of capacity, space or budget fixes (contract §5 shortfalls of kind site,
/// window, policy, connection).
@Suite("Diagnosis: structural causes")
struct DiagnosisStructuralTests {
    typealias F = DiagnosisFixtures

    @Test("a pinned site never ready within the window")
    func pinnedSiteNeverReady() throws {
        var base = F.base()
        base.plots?.append(Plot(id: "A-02", areaM2: 50_000, ready: F.month("2025-06"), power: "S1"))
        let scenario = F.with(base, projects: [F.project("a", latest: "2023-12", site: "A-02")])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "site" && s.where == "a" && s.amount == 0 && s.unit == "" && s.from == nil)
        #expect(s.message == "a cannot be placed: A-02 is ready only from 2025-06, after a's latest start 2023-12")
    }

    @Test("a planned site whose expansion cannot complete in time")
    func plannedSiteTooLate() throws {
        var base = F.base()
        base.plots?.append(Plot(id: "C-02", areaM2: 50_000, power: "S1", planned: true))
        let prep = Expansion(id: "C-02-prep", adds: ExpansionAdds(plot: "C-02"), cost: 1e6, leadMonths: 30)
        let scenario = F.with(base, projects: [F.project("a", site: "C-02")], expansions: [prep])
        let s = try #require(try F.shortfalls(scenario).first)
        #expect(s.kind == "site" && s.where == "a")
        #expect(s.message == "a cannot be placed: C-02 is planned and C-02-prep cannot complete within the horizon")
    }

    @Test("policy makes a committed project ineligible")
    func policy() throws {
        var base = F.base()
        base.policy = Policy(minInvestmentIntensity: 300, enforce: true)
        var project = F.project("a", land: 20_000)  // 30 亩
        project.investment = 3e7  // 3000 万元 → 100 万元/亩
        let found = try F.shortfalls(F.with(base, projects: [project]))
        let s = try #require(found.first)
        #expect(found.count == 1)
        #expect(s.kind == "policy" && s.where == "a")
        #expect(
            s.message
                == "a cannot be placed: a is below the land-use policy: investment intensity 100 万元/亩 < 300 (policy.enforce is true)"
        )
    }

    @Test("no connection of a needed kind")
    func connection() throws {
        var base = F.base()
        base.plots = [Plot(id: "A-01", areaM2: 100_000, sewage: "W1")]
        base.buildings = []
        let s = try #require(try F.shortfalls(F.with(base, projects: [F.project("a", power: 2)])).first)
        #expect(s.kind == "connection" && s.where == "a")
        #expect(s.message == "a cannot be placed: A-01 has no power connection; a needs 2 MW")
    }

    @Test("window outside the horizon")
    func window() throws {
        let scenario = F.with(F.base(), projects: [F.project("a", earliest: "2026-01")])
        let s = try #require(try F.shortfalls(scenario).first)
        #expect(s.kind == "window" && s.where == "a")
        #expect(s.message == "a's window has no start period inside the horizon (2023-01 to 2024-12)")
    }

    @Test("wrong kind of site, alongside a capacity shortfall of another project")
    func wrongKindAndCapacity() throws {
        var base = F.base(powerMW: 1)
        base.buildings = []
        let scenario = F.with(
            base,
            projects: [
                F.project("floor", floor: 500),
                F.project("land", power: 3, start: "2023-02"),
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.map(\.kind) == ["site", "power"])
        #expect(
            found.first?.message
                == "floor cannot be placed: A-01 is a plot; floor needs floor space in a factory building")
        #expect(found.last?.amount == 2)
        #expect(found.last?.from == F.month("2023-02"))
    }
}
