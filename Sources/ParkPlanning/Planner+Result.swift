import Foundation
import LinearProgramming
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkVerification

extension PlanningPipeline {
    /// The contract §5 plan for an outcome, verified (any violation → `verificationFailed`).
    func makePlan(_ outcome: Outcome, index: ModelIndex, stats: PlanningStatistics, budget: TimeBudget) throws -> Plan {
        let instance = index.instance
        let name = scenario.park.name
        switch outcome {
        case .solved(let assignment, let status, let bound, let seconds):
            let parts = PlanBuilder.valueParts(assignment, instance)
            let value = PlanBuilder.value(parts)
            let gap = max(0, (bound - value) / max(1, abs(value)))
            var plan = Plan(
                scenario: name, variant: variant, status: status, value: value, bound: bound, gap: gap,
                solver: SolverInfo(name: solver.name, version: solver.version, seconds: Self.rounded(seconds)),
                placements: PlanBuilder.placements(assignment, instance),
                expansions: PlanBuilder.expansions(assignment, instance),
                utilization: PlanBuilder.utilization(assignment, index),
                valueParts: parts)
            try verify(plan, value: value)
            // The reasons stop when only half the reserve is left (1,000 projects: ~4.5 s of them).
            let keep = schedule.reserve(projects: instance.projects.count) / 2
            plan.unplaced = UnplacedReasons.reasons(instance: instance, plan: plan, language: options.language) {
                StopRequest.isRequested || (budget.remaining.map { $0 < keep } ?? false)
            }
            return plan
        case .infeasible:
            let shortfalls = try diagnose(instance, budget: budget)
            return Plan(
                scenario: name, variant: variant, status: .infeasible, value: nil, bound: nil, gap: nil,
                solver: SolverInfo(name: solver.name, version: solver.version, seconds: 0),
                shortfalls: shortfalls)
        case .noSolution(let seconds):
            return Plan(
                scenario: name, variant: variant, status: .noSolution, value: nil, bound: nil, gap: nil,
                solver: SolverInfo(name: solver.name, version: solver.version, seconds: Self.rounded(seconds)))
        }
    }

    /// Runs the independent verifier and checks that it values the plan as we do.
    func verify(_ plan: Plan, value: Double) throws {
        var problems = PlanVerifier.violations(of: plan, in: scenario)
        let parts = PlanVerifier.value(of: plan, in: scenario)
        let verified = parts.tax + parts.investment + parts.jobs - parts.cost
        if abs(verified - value) > 1e-6 * max(1, abs(value)) {
            problems.append("the verifier values the plan at \(verified), the planner at \(value)")
        }
        if !problems.isEmpty { throw PlanningError.verificationFailed(problems) }
    }

    /// The shortfalls, within what is left of the time limit (less the reserve for writing; at
    /// least `diagnosisMinimumSeconds`): the limit is one promise for the whole run.
    func diagnose(_ instance: PlanningInstance, budget: TimeBudget) throws -> [Shortfall] {
        let reserve = schedule.reserve(projects: instance.projects.count)
        let left = budget.remaining.map { max(schedule.diagnosisMinimumSeconds, $0 - reserve) }
        let solverOptions = SolverOptions(
            timeLimitSeconds: left ?? options.timeLimitSeconds, relativeGap: options.relativeGap)
        do {
            return try InfeasibilityDiagnosis.shortfalls(
                instance: instance, solver: solver, options: solverOptions,
                language: options.language)
        } catch {
            throw PlanningError.solver("diagnosing the infeasible scenario: \(error)")
        }
    }

    /// Solver seconds to the millisecond (the only field that varies between runs).
    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
