import ParkModel
import TestSupport

@testable import ParkPlanning
@testable import ParkVerification

/// Hand-made scenarios and plans for the verifier tests.
///
/// Base scenario (monthly, 2023-01 … 2023-12, 12 periods):
/// - power S1 10 MW, reserve 0.15 (usable 8.5 MW); sewage W1 100 m³/day, COD 50 kg/day; water WS1 100 m³/day.
/// - plots A (1000 m², industrial, all utilities), Z (1000 m², logistics, power only),
///   R (1000 m², industrial, ready 2023-05, power only), C (planned, built by C-prep, lead 2).
/// - building B (factory, 4 units × 100 m², 10 kN/m², 8 m, crane 5 t, power S1).
/// - expansions S1-bay (cost 10, lead 1), S1-T2 (+5 MW, cost 100, lead 3, earliest 2023-03, requires S1-bay),
///   C-prep (plot C, cost 50, lead 2). Budget 1000.
enum VerifierFixtures {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    static func base(step: Int = 1, months: Int = 12) -> Scenario {
        Scenario(
            park: Park(name: "测试园区"),
            horizon: Horizon(start: month("2023-01"), months: months, stepMonths: step),
            budget: 1000,
            power: [PowerNode(id: "S1", capacityMW: 10, reserve: 0.15)],
            sewage: [SewagePlant(id: "W1", capacityM3Day: 100, codKgDay: 50)],
            water: [WaterNode(id: "WS1", capacityM3Day: 100)],
            plots: [
                Plot(id: "A", areaM2: 1000, zone: "industrial", power: "S1", sewage: "W1", water: "WS1"),
                Plot(id: "Z", areaM2: 1000, zone: "logistics", power: "S1"),
                Plot(id: "R", areaM2: 1000, zone: "industrial", ready: month("2023-05"), power: "S1"),
                Plot(id: "C", areaM2: 1000, zone: "industrial", power: "S1", planned: true),
            ],
            buildings: [
                Building(
                    id: "B", use: .factory, units: 4, unitAreaM2: 100, floorLoadKNM2: 10,
                    clearHeightM: 8, craneT: 5, power: "S1")
            ],
            expansions: [
                Expansion(id: "S1-bay", adds: ExpansionAdds(power: "S1", capacityMW: 0), cost: 10, leadMonths: 1),
                Expansion(
                    id: "S1-T2", adds: ExpansionAdds(power: "S1", capacityMW: 5), cost: 100, leadMonths: 3,
                    earliest: month("2023-03"), requires: ["S1-bay"]),
                Expansion(id: "C-prep", adds: ExpansionAdds(plot: "C"), cost: 50, leadMonths: 2),
            ],
            projects: []
        )
    }

    /// A land candidate with no demands unless given.
    static func land(
        _ id: ProjectID, _ m2: Double, status: ProjectStatus? = nil, zones: [String]? = nil,
        power: Double? = nil, build: Int? = nil, tax: Double = 100,
        earliest: String? = nil, latest: String? = nil,
        site: SiteID? = nil, start: String? = nil
    ) -> Project {
        Project(
            id: id, status: status, landM2: m2, zones: zones, buildMonths: build, powerMW: power,
            annualTax: tax, earliest: earliest.map(month), latest: latest.map(month),
            site: site, start: start.map(month))
    }

    /// A floor candidate (factory unless `use` says otherwise).
    static func floor(
        _ id: ProjectID, _ m2: Double, use: BuildingUse? = nil, load: Double? = nil,
        crane: Double? = nil, power: Double? = nil, tax: Double = 50
    ) -> Project {
        Project(id: id, floorM2: m2, use: use, floorLoadKNM2: load, craneT: crane, powerMW: power, annualTax: tax)
    }

    /// A placement; `units` is filled for buildings from the scenario.
    static func at(_ project: ProjectID, _ site: SiteID, _ start: String, in scenario: Scenario) -> Placement {
        let units: Int? = scenario.buildingList.first { $0.id == site }.flatMap { b in
            scenario.projectList.first { $0.id == project }?.floorM2.map { Int(($0 / b.unitAreaM2).rounded(.up)) }
        }
        return Placement(project: project, site: site, start: month(start), units: units)
    }

    /// A built expansion with its completion month computed from the scenario (step and lead).
    static func built(_ id: ExpansionID, _ start: String, in scenario: Scenario) -> BuiltExpansion {
        let step = scenario.horizon.step
        let lead = scenario.expansionList.first { $0.id == id }?.leadMonthsOrZero ?? 0
        let periods = (lead + step - 1) / step
        return BuiltExpansion(id: id, start: month(start), complete: month(start).adding(months: periods * step))
    }

    /// A plan whose reported value and utilization are the verifier's own recomputation,
    /// so that only contract §3 rules can fail.
    static func plan(
        _ scenario: Scenario, _ placements: [Placement], _ expansions: [BuiltExpansion] = [],
        status: PlanStatus = .optimal
    ) -> Plan {
        var plan = Plan(
            scenario: scenario.park.name, variant: nil, status: status, value: nil, bound: nil, gap: nil,
            solver: SolverInfo(name: "test", version: "0", seconds: 0),
            placements: placements, expansions: expansions)
        plan.value = PlanVerifier.totalValue(of: plan, in: scenario)
        plan.utilization = PlanVerifier.utilization(of: plan, in: scenario)
        return plan
    }

    /// The rules a plan breaks.
    static func rules(_ plan: Plan, _ scenario: Scenario) -> Set<PlanRule> {
        Set(PlanVerifier.check(plan, in: scenario).map(\.rule))
    }
}
