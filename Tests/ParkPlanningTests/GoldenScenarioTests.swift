import Foundation
import GLPKSolver
import ParkModel
import TestSupport
import Testing

@testable import ParkPlanning

/// Golden optimal values for the sample scenarios in `scenarios/`.
///
/// A change here means the planner now finds a different optimum: check the formulation
/// (docs/formulation.md) before updating a number.
@Suite("Golden: sample scenarios")
struct GoldenScenarioTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let variant: String?
        let value: Double
        var testDescription: String { file + (variant.map { " [\($0)]" } ?? "") }
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let cases: [Case] = [
        Case(file: "scenarios/linfen-2022.yaml", variant: nil, value: 1_513_750_000),
        Case(file: "scenarios/linfen-2022.yaml", variant: "pv-needs-40mw", value: 1_490_250_000),
        Case(file: "scenarios/linfen-2022.yaml", variant: "sewage-late", value: 1_503_750_000),
        Case(file: "scenarios/linfen-2022.yaml", variant: "budget-cut", value: 1_293_750_000),
        Case(file: "scenarios/linfen-2022.yaml", variant: "extra-candidate", value: 1_720_250_000),
        Case(file: "scenarios/tutorial.yaml", variant: nil, value: 206_000_000),
        Case(file: "scenarios/all-fields.yaml", variant: nil, value: 258_450_000),
    ]

    @Test("optimal value", arguments: cases)
    func optimalValue(_ c: Case) throws {
        let document = try ScenarioLoader.load(path: Self.root.appendingPathComponent(c.file).path)
        let scenario = try document.resolve(variant: c.variant, sets: [])
        let plan = try Planner.plan(
            scenario, variant: c.variant, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: 300)
        ).plan
        #expect(plan.status == .optimal)
        #expect(isClose(plan.value, c.value, tolerance: 1e-9))
    }

    @Test("the infeasible example is infeasible, with shortfalls")
    func infeasibleExample() throws {
        let document = try ScenarioLoader.load(
            path: Self.root.appendingPathComponent("scenarios/infeasible-example.yaml").path)
        let plan = try Planner.plan(
            document.base, variant: nil, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: 60)
        ).plan
        #expect(plan.status == .infeasible)
        #expect(!plan.shortfalls.isEmpty)
    }
}
