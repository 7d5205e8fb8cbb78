import ParkModel
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning

/// `unplaced` reasons: the first failed requirement of the best site (contract §5).
@Suite("Diagnosis: unplaced reasons")
struct DiagnosisUnplacedTests {
    typealias F = DiagnosisFixtures

    /// Reason for candidate `id` in a plan that places `placements` and builds nothing.
    func reason(
        _ scenario: Scenario, _ id: String, placements: [Placement] = [], expansions: [BuiltExpansion] = [],
        status: PlanStatus = .optimal
    ) -> String? {
        let plan = Plan(
            scenario: "t", variant: nil, status: status, value: 0, bound: 0, gap: 0,
            solver: SolverInfo(name: "test", version: "0", seconds: 0), placements: placements,
            expansions: expansions)
        let reasons = UnplacedReasons.reasons(instance: PlanningInstance(scenario), plan: plan)
        return reasons.first { $0.project.rawValue == id }?.reason
    }

    func candidate(
        _ id: String, land: Double? = 1_000, floor: Double? = nil, power: Double = 0,
        earliest: String? = nil, latest: String? = nil
    ) -> Project {
        F.project(id, status: .candidate, land: land, floor: floor, power: power, earliest: earliest, latest: latest)
    }

    @Test("only unplaced candidates get a reason, in scenario order")
    func onlyCandidates() {
        let scenario = F.with(
            F.base(),
            projects: [
                candidate("c2"), F.project("m"), candidate("c1"),
            ])
        let plan = Plan(
            scenario: "t", variant: nil, status: .optimal, value: 0, bound: 0, gap: 0,
            solver: SolverInfo(name: "t", version: "0", seconds: 0),
            placements: [Placement(project: "c2", site: "A-01", start: F.month("2023-01"), units: nil)])
        let reasons = UnplacedReasons.reasons(instance: PlanningInstance(scenario), plan: plan)
        #expect(reasons.map(\.project.rawValue) == ["c1"])
    }

    @Test("capacity left in the window")
    func capacity() {
        let scenario = F.with(
            F.base(powerMW: 10),
            projects: [
                F.project("m", power: 6.5), candidate("c", power: 8, earliest: "2023-04", latest: "2023-06"),
            ])
        let placed = [Placement(project: "m", site: "A-01", start: F.month("2023-01"), units: nil)]
        #expect(reason(scenario, "c", placements: placed) == "S1 power at A-01: needs 8 MW from 2023-04, 3.5 MW free")
    }

    @Test("space left on the best site")
    func space() {
        var base = F.base(areaM2: 5_000)
        base.buildings = []
        let scenario = F.with(base, projects: [F.project("m", land: 3_000), candidate("c", land: 4_000)])
        let placed = [Placement(project: "m", site: "A-01", start: F.month("2023-01"), units: nil)]
        #expect(reason(scenario, "c", placements: placed) == "A-01 land: needs 4000 m², 2000 m² free")
    }

    @Test("building units, crane, use and zone")
    func buildingRequirements() {
        var base = F.base(units: 2)
        base.plots = [Plot(id: "A-01", areaM2: 100_000, zone: "logistics", power: "S1")]
        var crane = candidate("crane", land: nil, floor: 1_000)
        crane.craneT = 5
        var office = candidate("office", land: nil, floor: 1_000)
        office.use = .office
        var zoned = candidate("zoned")
        zoned.zones = ["industrial"]
        let scenario = F.with(base, projects: [candidate("big", land: nil, floor: 3_000), crane, office, zoned])
        #expect(reason(scenario, "big") == "B-01 units: needs 3 units, 2 free")
        #expect(reason(scenario, "crane") == "B-01 crane is 0 t; crane needs 5 t")
        #expect(reason(scenario, "office") == "B-01 is a factory building; office needs an office building")
        #expect(reason(scenario, "zoned") == "A-01 is in zone logistics; zoned allows zone industrial")
    }

    @Test("site ready within the window")
    func ready() {
        var base = F.base()
        base.plots = [Plot(id: "A-01", areaM2: 100_000, ready: F.month("2024-03"), power: "S1")]
        base.buildings = []
        let scenario = F.with(base, projects: [candidate("c", latest: "2023-12")])
        #expect(reason(scenario, "c") == "A-01 is ready only from 2024-03, after c's latest start 2023-12")
    }

    @Test("policy and connection")
    func policyAndConnection() {
        var base = F.base()
        base.policy = Policy(minTaxPerMu: 15, enforce: true)
        base.buildings = []
        base.plots = [Plot(id: "A-01", areaM2: 100_000)]
        var poor = candidate("poor", land: 6_666.666_666_666_667)  // 10 亩, 10 万元 tax per year → 1 万元/亩
        poor.annualTax = 1e5
        let scenario = F.with(base, projects: [poor, candidate("powered", power: 1)])
        #expect(
            reason(scenario, "poor")
                == "poor is below the land-use policy: tax 1 万元/亩/year < 15 (policy.enforce is true)")
        #expect(reason(scenario, "powered") == "A-01 has no power connection; powered needs 1 MW")
    }

    @Test("not worth it: the expansion that would serve it costs more than it brings")
    func notWorthIt() {
        let expansion = Expansion(
            id: "S1-T2", adds: ExpansionAdds(power: "S1", capacityMW: 20), cost: 5e7, leadMonths: 2)
        var c = candidate("c", power: 8)
        c.annualTax = 1e6  // 10 years × 1e6 = 1e7 < 5e7
        let scenario = F.with(F.base(powerMW: 5), projects: [c], expansions: [expansion])
        #expect(
            reason(scenario, "c") == "not worth it: S1 power at A-01: needs 8 MW from 2023-01, 5 MW free; "
                + "building S1-T2 costs 50,000,000 CNY, more than the 9,833,333 CNY it brings")
    }

    @Test("budget left blocks the expansion")
    func budgetBlocks() {
        let expansion = Expansion(
            id: "S1-T2", adds: ExpansionAdds(power: "S1", capacityMW: 20), cost: 5e6, leadMonths: 2)
        let scenario = F.with(
            F.base(powerMW: 5, budget: 1e6), projects: [candidate("c", power: 8)], expansions: [expansion])
        #expect(
            reason(scenario, "c") == "S1 power at A-01: needs 8 MW from 2023-01, 5 MW free; "
                + "S1-T2 (5,000,000 CNY) would exceed the budget left (1,000,000 CNY)")
    }

    @Test("a planned building the plan did not build")
    func unbuiltBuilding() {
        var base = F.base()
        base.plots = []
        base.buildings = [Building(id: "B-07", units: 4, unitAreaM2: 1_000, power: "S1", planned: true)]
        let build = Expansion(id: "B-07-build", adds: ExpansionAdds(building: "B-07"), cost: 9e7, leadMonths: 3)
        let scenario = F.with(base, projects: [candidate("f", land: nil, floor: 2_000)], expansions: [build])
        #expect(
            reason(scenario, "f") == "not worth it: B-07 is not built in this plan; building B-07-build costs "
                + "90,000,000 CNY, more than the 9,750,000 CNY it brings")
    }

    @Test("everything holds: says why it was not placed")
    func fits() {
        let scenario = F.with(F.base(), projects: [candidate("c")])
        #expect(
            reason(scenario, "c", status: .feasible)
                == "not placed: it fits on A-01 from 2023-01, but the search stopped before proving the plan optimal")
    }
}
