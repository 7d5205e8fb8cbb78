import LinearProgramming
import ParkModel
import ParkVerification
import TestSupport
import Testing

@testable import ParkPlanning

/// The planning layer against a solver that is not GLPK: it must hand the solver only valid
/// models, never trust the solver's answer (every returned plan passes the independent
/// verifier), and still return the heuristic's plan when the solver finds nothing.
@Suite struct MockSolverTests {
    static let seeds: [UInt64] = Array(1...12)

    @Test(arguments: seeds) func solverThatFindsNothingStillGivesVerifiedPlans(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        let solver = MockSolver { MockSolver.empty(.noSolution, $0) }
        let plan = try Planner.plan(
            scenario, variant: nil, solver: solver, options: PlanningOptions(timeLimitSeconds: 5)
        )
        .plan
        if plan.status == .optimal || plan.status == .feasible {
            #expect(PlanVerifier.violations(of: plan, in: scenario).isEmpty, "seed \(seed)")
            let value = try #require(plan.value), bound = try #require(plan.bound)
            #expect(bound >= value - 1e-6 * max(1, abs(value)), "seed \(seed): bound \(bound) below value \(value)")
        }
        for model in solver.models { expectValid(model) }
    }

    @Test(arguments: seeds) func wrongAnswersNeverBecomePlans(seed: UInt64) {
        let scenario = TinyScenarios.make(seed: seed)
        // Claims optimality for a point that sets every column to 1: places every project
        // everywhere and builds every expansion at every start.
        let solver = MockSolver { model in
            let ones = [Double](repeating: 1, count: model.columns.count)
            let objective = model.columns.reduce(model.objectiveConstant) { $0 + $1.objective }
            return Solution(
                status: .optimal, objective: objective, bestBound: objective, gap: 0, columnValues: ones,
                rowDuals: nil, message: "mock", nodes: 0, seconds: 0)
        }
        do {
            let plan = try Planner.plan(
                scenario, variant: nil, solver: solver,
                options: PlanningOptions(timeLimitSeconds: 5)
            ).plan
            if plan.status == .optimal || plan.status == .feasible {
                #expect(PlanVerifier.violations(of: plan, in: scenario).isEmpty, "seed \(seed)")
            }
        } catch {
            // Refusing the answer is fine; returning a plan that breaks a rule is not.
            #expect(error is PlanningError, "seed \(seed): \(error)")
        }
    }

    private func expectValid(_ model: LinearModel) {
        for column in model.columns {
            #expect(column.objective.isFinite, "\(column.name)")
            #expect(column.name.utf8.count <= 255 && column.name.allSatisfy(\.isASCII), "\(column.name)")
        }
        for row in model.rows {
            #expect(row.terms.allSatisfy { $0.coefficient.isFinite }, "\(row.name)")
            #expect(row.name.utf8.count <= 255 && row.name.allSatisfy(\.isASCII), "\(row.name)")
        }
    }
}
