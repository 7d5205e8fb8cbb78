import GLPKSolver
import ParkModel
import ParkVerification
import TestSupport
import Testing

@testable import ParkPlanning

/// A budget far below the other costs in its row (0.003 next to 1e9): the solver's absolute
/// tolerances must not let a plan build more than the budget (found by the pipeline fuzzer).
@Suite struct TinyBudgetTests {
    typealias F = DiagnosisFixtures

    @Test(arguments: [0.003, 0.009, 1.0])
    func aTinyBudgetHoldsExactly(budget: Double) throws {
        // The committed project needs 10 MW more than S1 has; E0 (0.009) adds it, E1 (1e9) too.
        let expansions = [
            Expansion(id: "E0", adds: ExpansionAdds(power: "S1", capacityMW: 20), cost: 0.009, leadMonths: 0),
            Expansion(id: "E1", adds: ExpansionAdds(power: "S1", capacityMW: 20), cost: 1e9, leadMonths: 0),
        ]
        let scenario = F.with(
            F.base(powerMW: 5, budget: budget), projects: [F.project("c", power: 15)],
            expansions: expansions)
        let plan = try Planner.plan(
            scenario, variant: nil, solver: GLPKSolver(), options: PlanningOptions(timeLimitSeconds: 10)
        )
        .plan
        if budget < 0.009 {
            #expect(plan.status == .infeasible, "\(plan.status)")
            #expect(plan.shortfalls.contains { $0.kind == "budget" || $0.kind == "power" })
        } else {
            #expect(plan.status == .optimal)
            #expect(plan.expansions.map(\.id) == ["E0"])
            #expect(PlanVerifier.violations(of: plan, in: scenario).isEmpty)
        }
    }
}
