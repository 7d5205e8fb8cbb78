import Foundation
import LinearProgramming
import ParkModel
import TestSupport
import Testing

@testable import ParkPlanning

/// Hand-made scenarios whose optimal plans are known by reasoning.
@Suite("Engine: known optimal plans")
struct EngineTests {
    typealias F = EngineFixtures

    @Test("capacity forces an expansion, the project starts at its completion")
    func capacityForcesExpansion() throws {
        var s = F.base()
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 3)]
        s.projects = [F.project("p1", power: 15)]
        let plan = try F.plan(s).plan
        #expect(plan.status == .optimal)
        #expect(F.placement(plan, "p1")?.start == F.month("2024-04"))
        #expect(F.expansion(plan, "S1-T2")?.start == F.month("2024-01"))
        #expect(F.expansion(plan, "S1-T2")?.complete == F.month("2024-04"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 3) - 1e7))
        #expect(isClose(plan.gap, 0, tolerance: 1e-6))
    }

    @Test("construction months let the project start before the expansion completes")
    func constructionOverlapsExpansion() throws {
        var s = F.base()
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 3)]
        s.projects = [F.project("p1", power: 15, build: 2)]
        let plan = try F.plan(s).plan
        #expect(F.placement(plan, "p1")?.start == F.month("2024-02"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 1) - 1e7))
    }

    @Test("a requires chain is built in order")
    func requiresChain() throws {
        var s = F.base()
        s.expansions = [
            F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 3, requires: ["S1-bay"]),
            F.powerExpansion("S1-bay", mw: 0, cost: 1e6, lead: 2),
        ]
        s.projects = [F.project("p1", power: 15)]
        let plan = try F.plan(s).plan
        #expect(F.expansion(plan, "S1-bay")?.start == F.month("2024-01"))
        #expect(F.expansion(plan, "S1-T2")?.start == F.month("2024-03"))
        #expect(F.placement(plan, "p1")?.start == F.month("2024-06"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 5) - 1.1e7))
    }

    @Test("a planned building is built first; units are ceil(floor / unit area)")
    func plannedBuilding() throws {
        var s = F.base()
        s.buildings = [Building(id: "B-07", units: 4, unitAreaM2: 1000, power: "S1", planned: true)]
        s.expansions = [Expansion(id: "B-07-build", adds: ExpansionAdds(building: "B-07"), cost: 5e6, leadMonths: 4)]
        s.projects = [Project(id: "电子厂", floorM2: 2500, powerMW: 1, annualTax: 1e7)]
        let plan = try F.plan(s).plan
        let placement = try #require(F.placement(plan, "电子厂"))
        #expect(placement.site == "B-07")
        #expect(placement.units == 3)
        #expect(placement.start == F.month("2024-05"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 4) - 5e6))
    }

    @Test("the budget allows only the more valuable expansion")
    func budget() throws {
        var s = F.base()
        s.power = [PowerNode(id: "S1", capacityMW: 10), PowerNode(id: "S2", capacityMW: 5)]
        s.plots?.append(Plot(id: "B-01", areaM2: 50_000, power: "S2"))
        s.expansions = [
            F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 0),
            Expansion(id: "S2-T2", adds: ExpansionAdds(power: "S2", capacityMW: 10), cost: 1e7, leadMonths: 0),
        ]
        s.projects = [F.project("p1", power: 15, tax: 2e7), F.project("p2", power: 12, tax: 1e7)]
        s.budget = 1.5e7
        let plan = try F.plan(s).plan
        #expect(F.placement(plan, "p1") != nil)
        #expect(F.placement(plan, "p2") == nil)
        #expect(isClose(plan.value, F.taxValue(2e7, delayMonths: 0) - 1e7))
        s.budget = nil
        let both = try F.plan(s).plan
        #expect(isClose(both.value, F.taxValue(2e7, delayMonths: 0) + F.taxValue(1e7, delayMonths: 0) - 2e7))
    }

    @Test("an enforced policy keeps low-intensity land projects out")
    func policy() throws {
        var s = F.base()
        s.policy = Policy(minInvestmentIntensity: 300, enforce: true)
        // 10 亩 each: 1,000 万元 → 100 万元/亩 (below), 10,000 万元 → 1,000 万元/亩 (above).
        var low = F.project("low", land: 20_000.0 / 3)
        low.investment = 1e7
        var high = F.project("high", land: 20_000.0 / 3)
        high.investment = 1e8
        s.projects = [low, high]
        let plan = try F.plan(s).plan
        #expect(F.placement(plan, "low") == nil)
        #expect(F.placement(plan, "high") != nil)
        s.projects?[0].status = .committed
        #expect(try F.plan(s).plan.status == .infeasible)
    }

    @Test("quarterly periods: dates round up, leads become whole periods, delay counts months")
    func quarterly() throws {
        var s = F.base(step: 3)
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 4)]
        s.projects = [F.project("p1", power: 15, earliest: "2024-02")]
        let plan = try F.plan(s).plan
        #expect(F.expansion(plan, "S1-T2")?.complete == F.month("2024-07"))
        #expect(F.placement(plan, "p1")?.start == F.month("2024-07"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 3) - 1e7))
        #expect(plan.utilization.filter { $0.kind == .power }.count == 4)
    }

    @Test("construction past the horizon draws in the last period")
    func constructionPastHorizon() throws {
        var s = F.base()
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 11)]
        s.projects = [F.project("p1", power: 15, build: 24)]
        let plan = try F.plan(s).plan
        #expect(F.placement(plan, "p1")?.start == F.month("2024-01"))
        #expect(isClose(plan.value, F.taxValue(1e7, delayMonths: 0) - 1e7))
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 12)]
        let late = try F.plan(s).plan
        #expect(late.placements.isEmpty)
        #expect(late.expansions.isEmpty)
        #expect(isClose(late.value, 0))
    }

    @Test("an existing tenant draws capacity; an expansion is built only when it pays")
    func existingTenant() throws {
        var s = F.base()
        s.projects = [
            Project(id: "tenant", status: .existing, landM2: 10_000, powerMW: 8, annualTax: 5e7, site: "A-01"),
            F.project("c1", power: 5),
        ]
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 2e8, lead: 0)]
        let expensive = try F.plan(s).plan
        #expect(F.placement(expensive, "tenant")?.start == F.month("2024-01"))
        #expect(F.placement(expensive, "c1") == nil)
        #expect(isClose(expensive.value, 0))
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 0)]
        let cheap = try F.plan(s).plan
        #expect(F.placement(cheap, "c1")?.start == F.month("2024-01"))
        #expect(isClose(cheap.value, F.taxValue(1e7, delayMonths: 0) - 1e7))
        let s1 = cheap.utilization.first { $0.node == "S1" && $0.period == F.month("2024-01") }
        #expect(isClose(s1?.used, 13))
        #expect(isClose(s1?.capacity, 20))
    }

    @Test("committed demand beyond any capacity is infeasible")
    func infeasible() throws {
        var s = F.base()
        s.expansions = [F.powerExpansion("S1-T2", mw: 10, cost: 1e7, lead: 0)]
        s.projects = [
            F.project("big", power: 15, status: .committed), F.project("big2", power: 15, status: .committed),
        ]
        let plan = try F.plan(s).plan
        #expect(plan.status == .infeasible)
        #expect(plan.placements.isEmpty)
    }
}
