import Foundation
import GLPKSolver
import LinearProgramming
import ParkModel
import TestSupport

@testable import ParkPlanning

/// Small hand-made scenarios for the engine tests.
enum EngineFixtures {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    /// A park with one substation `S1` (10 MW, no reserve), one sewage plant and one water node,
    /// one 100,000 m² plot `A-01` connected to all three, over 12 months from 2024-01.
    static func base(months: Int = 12, step: Int? = nil, powerMW: Double = 10) -> Scenario {
        Scenario(
            park: Park(name: "测试园区"),
            horizon: Horizon(start: month("2024-01"), months: months, stepMonths: step),
            power: [PowerNode(id: "S1", capacityMW: powerMW)],
            sewage: [SewagePlant(id: "W1", capacityM3Day: 10_000)],
            water: [WaterNode(id: "WS1", capacityM3Day: 10_000)],
            plots: [Plot(id: "A-01", areaM2: 100_000, zone: "industrial", power: "S1", sewage: "W1", water: "WS1")],
            expansions: [], projects: [])
    }

    static func project(
        _ id: String, land: Double = 10_000, power: Double = 0, tax: Double = 1e7,
        status: ProjectStatus? = nil, build: Int? = nil, earliest: String? = nil,
        latest: String? = nil
    ) -> Project {
        Project(
            id: ProjectID(id), status: status, landM2: land, buildMonths: build, powerMW: power,
            annualTax: tax, earliest: earliest.map(month), latest: latest.map(month))
    }

    static func powerExpansion(
        _ id: String, mw: Double, cost: Double, lead: Int,
        requires: [String]? = nil, earliest: String? = nil
    ) -> Expansion {
        Expansion(
            id: ExpansionID(id), adds: ExpansionAdds(power: "S1", capacityMW: mw), cost: cost,
            leadMonths: lead, earliest: earliest.map(month), requires: requires?.map { ExpansionID($0) })
    }

    static func plan(_ scenario: Scenario, timeLimit: Double? = 30, warmStart: Bool = true) throws -> PlanningResult {
        try Planner.plan(
            scenario, variant: nil, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: timeLimit, warmStart: warmStart))
    }

    static func placement(_ plan: Plan, _ id: String) -> Placement? {
        plan.placements.first { $0.project.rawValue == id }
    }

    static func expansion(_ plan: Plan, _ id: String) -> BuiltExpansion? {
        plan.expansions.first { $0.id.rawValue == id }
    }

    /// Tax value of one project with `tax` per year started `delayMonths` after its earliest month.
    static func taxValue(_ tax: Double, delayMonths: Int, years: Double = 10) -> Double {
        tax * max(0, years - Double(delayMonths) / 12)
    }
}
