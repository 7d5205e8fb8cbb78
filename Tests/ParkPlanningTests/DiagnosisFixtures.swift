import GLPKSolver
import LinearProgramming
import ParkModel
import TestSupport

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// Hand-made scenarios for the diagnosis tests: 24 months from 2023-01, one substation `S1`,
/// one sewage plant `W1` (with a COD limit), one water node `WS1`, one plot `A-01` and one
/// factory building `B-01`, both connected to all three.
enum DiagnosisFixtures {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    static func base(
        powerMW: Double = 100, reserve: Double? = nil, sewage: Double = 10_000, cod: Double? = 5_000,
        areaM2: Double = 100_000, units: Int = 10, budget: Double? = nil
    ) -> Scenario {
        Scenario(
            park: Park(name: "诊断园区"),
            horizon: Horizon(start: month("2023-01"), months: 24),
            budget: budget,
            power: [PowerNode(id: "S1", capacityMW: powerMW, reserve: reserve)],
            sewage: [SewagePlant(id: "W1", capacityM3Day: sewage, codKgDay: cod)],
            water: [WaterNode(id: "WS1", capacityM3Day: 10_000)],
            plots: [Plot(id: "A-01", areaM2: areaM2, zone: "industrial", power: "S1", sewage: "W1", water: "WS1")],
            buildings: [
                Building(
                    id: "B-01", units: units, unitAreaM2: 1_000, floorLoadKNM2: 10, clearHeightM: 9,
                    craneT: 0, power: "S1", sewage: "W1", water: "WS1")
            ],
            expansions: [], projects: [])
    }

    /// A land project (or a floor project when `floor` is given).
    static func project(
        _ id: String, status: ProjectStatus = .committed, land: Double? = 1_000, floor: Double? = nil,
        power: Double = 0, wastewater: Double = 0, cod: Double = 0, tax: Double = 1e6,
        build: Int? = nil, earliest: String? = nil, latest: String? = nil, site: String? = nil,
        start: String? = nil
    ) -> Project {
        Project(
            id: ProjectID(id), status: status, landM2: floor == nil ? land : nil, floorM2: floor,
            buildMonths: build, powerMW: power, wastewaterM3Day: wastewater, codKgDay: cod, annualTax: tax,
            earliest: earliest.map(month), latest: latest.map(month), site: site.map { SiteID($0) },
            start: start.map(month))
    }

    static func with(_ scenario: Scenario, projects: [Project], expansions: [Expansion] = []) -> Scenario {
        var s = scenario
        s.projects = projects
        s.expansions = expansions
        return s
    }

    static func shortfalls(_ scenario: Scenario) throws -> [Shortfall] {
        try InfeasibilityDiagnosis.shortfalls(
            instance: PlanningInstance(scenario), solver: GLPKSolver(),
            options: SolverOptions(timeLimitSeconds: 30))
    }

    /// After applying `shortfalls`: no shortfall is left, the must-place projects have a plan, and
    /// that plan breaks no contract §3 rule (report fields aside: the plan leaves them empty).
    static func fitsAfterApplying(_ shortfalls: [Shortfall], to scenario: Scenario) throws -> Bool {
        let fixed = shortfalls.applied(to: scenario)
        let instance = PlanningInstance(fixed)
        guard try self.shortfalls(fixed).isEmpty,
            let plan = try InfeasibilityDiagnosis.mustPlacePlan(
                instance: instance, solver: GLPKSolver(), options: SolverOptions(timeLimitSeconds: 30))
        else { return false }
        let mustPlace = instance.projects.filter(\.mustPlace).map(\.id)
        let placed = plan.placements.map(\.project)
        let broken = PlanVerifier.check(plan, in: fixed).filter { $0.rule != .report }
        return Set(placed) == Set(mustPlace) && broken.isEmpty
    }
}
