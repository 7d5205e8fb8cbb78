import LinearProgramming
import ParkModel

/// Solves the scenarios of a comparison: the base first, then each variant from the base plan
/// (`PlanningOptions.startPlan`, repaired to the variant), so that a variant starts from a plan
/// that already fits most of it instead of from the greedy plan alone.
public enum ComparisonSolve {
    /// The plans of `scenarios` (the base first), each solved with `options` and a solver made by
    /// `makeSolver`; with `warmStart` every variant gets the base plan as its start. Throws the
    /// first planner error, named by its variant ("base" for the base).
    public static func plans(
        _ scenarios: [(variant: String?, scenario: Scenario)], options: PlanningOptions, warmStart: Bool = true,
        makeSolver: () -> any LinearSolver
    ) throws -> [Plan] {
        var plans: [Plan] = []
        for (name, scenario) in scenarios {
            var options = options
            if warmStart, let base = plans.first { options.startPlan = base }
            do {
                plans.append(try Planner.plan(scenario, variant: name, solver: makeSolver(), options: options).plan)
            } catch {
                throw ComparisonSolveError(variant: name ?? "base", underlying: "\(error)")
            }
        }
        return plans
    }
}

/// A planner error while solving one scenario of a comparison.
public struct ComparisonSolveError: Error, CustomStringConvertible {
    public let variant: String
    public let underlying: String
    public var description: String { "\(variant): \(underlying)" }
}
