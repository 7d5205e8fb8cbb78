internal import CGLPK
import LinearProgramming

/// GLPK's return codes and solution statuses as a `SolutionStatus` plus a sentence
/// (after GLPK.jl's `_raw_simplex_string` / `_raw_intopt_string`).
///
/// Codes that can only mean the model reached GLPK unchecked (`GLP_EBOUND`,
/// `GLP_EROOT`) throw `LinearProgrammingError.solverFailure`: validation should
/// have made them impossible.
enum GLPKStatus {
    // MARK: - Simplex

    /// The outcome of `glp_simplex` returning `code` for problem `p`.
    static func simplex(_ code: Int32, _ p: OpaquePointer) throws -> (SolutionStatus, String) {
        switch code {
        case 0:
            return simplexStatus(p)
        case GLP_ETMLIM, GLP_EITLIM:
            let limit = code == GLP_ETMLIM ? "time limit" : "iteration limit"
            if glp_get_prim_stat(p) == GLP_FEAS {
                return (
                    .feasible,
                    "The simplex method reached the \(limit) with a feasible point that is not proven optimal."
                )
            }
            return (.noSolution, "The simplex method reached the \(limit) before it found a feasible point.")
        case GLP_ENOPFS:
            return (.infeasible, "The LP presolver found that the problem has no feasible solution.")
        case GLP_ENODFS:
            return (
                .unbounded, "The LP presolver found no dual feasible solution: the problem is unbounded or infeasible."
            )
        case GLP_EBADB:
            return (.numericalFailure, "The simplex method could not start: the initial basis is invalid.")
        case GLP_ESING:
            return (.numericalFailure, "The simplex method stopped: the basis matrix became singular.")
        case GLP_ECOND:
            return (.numericalFailure, "The simplex method stopped: the basis matrix is ill-conditioned.")
        case GLP_EFAIL:
            return (.numericalFailure, "The simplex method failed because of numerical difficulties.")
        case GLP_EOBJLL, GLP_EOBJUL:
            return (
                .numericalFailure,
                "The simplex method stopped at an objective limit that was never set (GLPK code \(code))."
            )
        case GLP_EBOUND:
            throw LinearProgrammingError.solverFailure(
                "glp_simplex reported incorrect bounds on a double-bounded variable (internal error: validation missed it)"
            )
        default:
            throw LinearProgrammingError.solverFailure("glp_simplex returned the unknown code \(code)")
        }
    }

    private static func simplexStatus(_ p: OpaquePointer) -> (SolutionStatus, String) {
        switch glp_get_status(p) {
        case GLP_OPT:
            return (.optimal, "The simplex method found an optimal solution.")
        case GLP_NOFEAS:
            return (.infeasible, "The problem has no feasible solution (proven by the simplex method).")
        case GLP_UNBND:
            return (.unbounded, "The objective is unbounded: the problem has feasible points but no finite optimum.")
        case let other:
            if glp_get_prim_stat(p) == GLP_NOFEAS {
                return (.infeasible, "The problem has no feasible solution (proven by the simplex method).")
            }
            if glp_get_dual_stat(p) == GLP_NOFEAS {
                return (.unbounded, "The problem has no dual feasible solution: it is unbounded or infeasible.")
            }
            return (.numericalFailure, "The simplex method ended without a conclusive status (GLPK status \(other)).")
        }
    }

    // MARK: - Branch-and-cut

    /// The outcome of `glp_intopt` returning `code` for problem `p`. `stoppedForTime`
    /// says the callback ended the search because the time limit ran out.
    /// Returns nil for `GLP_ENODFS`, which needs the LP relaxation re-solved to classify.
    static func intopt(
        _ code: Int32, _ p: OpaquePointer, stoppedForTime: Bool, stoppedForNodes: Bool = false, gap: Double?
    ) throws -> (SolutionStatus, String)? {
        let found = glp_mip_status(p) == GLP_OPT || glp_mip_status(p) == GLP_FEAS
        switch code {
        case 0:
            switch glp_mip_status(p) {
            case GLP_OPT: return (.optimal, "Branch-and-cut proved the solution optimal.")
            case GLP_NOFEAS:
                return (.infeasible, "The problem has no integer feasible solution (proven by branch-and-cut).")
            case GLP_FEAS:
                return (.feasible, "Branch-and-cut ended with a feasible solution that is not proven optimal.")
            case let other:
                return (.numericalFailure, "Branch-and-cut ended without a solution status (GLPK status \(other)).")
            }
        case GLP_EMIPGAP:
            let requested = gap.map { " (requested \($0))" } ?? ""
            return (
                .optimal,
                "Branch-and-cut stopped at the requested relative gap\(requested); the solution is optimal within it."
            )
        case GLP_ETMLIM:
            return limitOutcome(found, what: "The time limit was reached")
        case GLP_ESTOP:
            return limitOutcome(
                found,
                what: stoppedForTime
                    ? "The time limit was reached"
                    : stoppedForNodes ? "The node limit was reached" : "The search was stopped")
        case GLP_ENOPFS:
            return (
                .infeasible,
                "The MIP presolver found that the LP relaxation has no feasible solution, so the problem is infeasible."
            )
        case GLP_ENODFS:
            return nil
        case GLP_EFAIL:
            return (
                .numericalFailure,
                "Branch-and-cut failed: an LP relaxation could not be solved (numerical difficulties)."
            )
        case GLP_EROOT:
            throw LinearProgrammingError.solverFailure(
                "glp_intopt had no optimal basis for the root LP relaxation (internal error)")
        case GLP_EBOUND:
            throw LinearProgrammingError.solverFailure(
                "glp_intopt reported incorrect bounds on a variable (internal error: validation missed it)")
        default:
            throw LinearProgrammingError.solverFailure("glp_intopt returned the unknown code \(code)")
        }
    }

    private static func limitOutcome(_ found: Bool, what: String) -> (SolutionStatus, String) {
        found
            ? (.feasible, "\(what) before optimality was proven; the best solution found is returned (see gap).")
            : (.noSolution, "\(what) before any integer feasible solution was found.")
    }
}
