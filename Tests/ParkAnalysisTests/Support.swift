import Foundation
import GLPKSolver
import LinearProgramming
import ParkModel
import ParkPlanning

@testable import ParkAnalysis

/// A tiny park: one substation, one plot, one building, one expansion, five candidates, so that
/// power, units and the expansion all bind somewhere.
let tinyYAML = """
    parkplan: 1
    park: {name: tiny}
    horizon: {start: 2024-01, months: 12}
    budget: 5.0e6
    power:
      - {id: P1, capacity_mw: 11}
    plots:
      - {id: L1, area_m2: 30000, power: P1}
    buildings:
      - {id: B1, units: 2, unit_area_m2: 1000, power: P1}
    expansions:
      - {id: E1, adds: {power: P1, capacity_mw: 5}, cost: 1.0e6, lead_months: 2}
    projects:
      - {id: a, land_m2: 10000, power_mw: 6, annual_tax: 1.0e6, build_months: 1}
      - {id: b, land_m2: 10000, power_mw: 6, annual_tax: 2.0e6, build_months: 1}
      - {id: c, land_m2: 10000, power_mw: 4, annual_tax: 3.0e5, build_months: 1}
      - {id: d, floor_m2: 2000, power_mw: 0.5, annual_tax: 5.0e5, build_months: 1}
      - {id: e, floor_m2: 1000, power_mw: 0.5, annual_tax: 4.0e5, build_months: 1}

    """

func tinyDocument() throws -> ScenarioDocument {
    try ScenarioLoader.load(data: Data(tinyYAML.utf8), fileName: "tiny.yaml")
}

let coldOptions = PlanningOptions(timeLimitSeconds: 30)
let makeGLPK: @Sendable () -> any LinearSolver = { GLPKSolver() }

/// The optimum of the tiny scenario with `sets`, solved from scratch by the planner.
func optimum(_ document: ScenarioDocument, sets: [String]) throws -> Plan {
    let scenario = try document.resolve(variant: nil, sets: sets)
    return try Planner.plan(scenario, variant: nil, solver: GLPKSolver(), options: coldOptions).plan
}
