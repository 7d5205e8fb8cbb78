internal import CGLPK
import LinearProgramming

/// The state of one solve. Created, used and dropped on one `GLPKThread`; the
/// branch-and-cut callback reaches it through `glp_iocp.cb_info` (no global state).
final class GLPKRun {
    let model: LinearModel
    let options: SolverOptions
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant

    /// Best proven bound on the objective (objective units), from the root LP or the
    /// branch-and-cut tree's best active node; nil until one is known.
    var bestBound: Double?
    /// Incumbent objective last seen in the callback.
    var incumbent: Double?
    /// Nodes created by branch-and-cut so far (`glp_ios_tree_size`'s total count).
    var nodes = 0
    /// The initial solution after checking: integers rounded exactly; nil when absent or unusable.
    var warmStart: [Double]?
    var warmStartOffered = false
    var warmStartAccepted = false
    /// Set when the callback stopped the search because the time limit ran out.
    var stoppedForTime = false
    /// Set when the callback stopped the search at `SolverOptions.nodeLimit`.
    var stoppedForNodes = false
    var lastEventSeconds: Double?
    /// Extra sentences for `Solution.message` (warm start rejected, duals unavailable).
    var notes: [String] = []

    init(model: LinearModel, options: SolverOptions) {
        self.model = model
        self.options = options
        self.start = clock.now
    }

    var elapsedSeconds: Double {
        let d = clock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// What is left of the time limit as GLPK's `tm_lim` (milliseconds; `Int32.max` = none).
    var remainingMilliseconds: Int32 {
        guard let limit = options.timeLimitSeconds else { return Int32.max }
        let ms = ((limit - elapsedSeconds) * 1000).rounded(.up)
        return Int32(max(0, min(ms, Double(Int32.max - 1))))
    }

    /// The limit has passed, or a stop was requested (`StopRequest`: Ctrl-C keeps the best so far).
    var timeIsUp: Bool { StopRequest.isRequested || (options.timeLimitSeconds.map { elapsedSeconds >= $0 } ?? false) }

    // MARK: - Entry

    /// Matrix entries above which scaling is a single equilibration pass (see `solve`).
    static let cheapScalingEntries = 300_000

    func solve() throws -> Solution {
        if model.columns.isEmpty { return solveWithoutColumns() }
        let problem = try GLPKProblem(model)
        // glp_simplex does not scale on its own (only its presolver path does, which is never
        // used); rows in m² next to 0/1 rows otherwise end in numerical failures.
        // GLPK unscales values, duals and bounds it reports.
        // GLP_SF_AUTO iterates geometric-mean passes over the matrix and cannot be interrupted: on a
        // 2,000-expansion chain it took seconds of a two-second limit. Above `cheapScalingEntries`
        // matrix entries one equilibration pass (one sweep over the matrix) is used instead.
        let entries = model.rows.reduce(0) { $0 + $1.terms.count }
        glp_scale_prob(problem.pointer, entries > Self.cheapScalingEntries ? GLP_SF_EQ : GLP_SF_AUTO)
        return model.hasIntegerColumns ? try solveMIP(problem) : try solveLP(problem)
    }

    /// GLPK needs at least one column; with none every row's activity is 0.
    private func solveWithoutColumns() -> Solution {
        let violated = model.rows.first { row in
            (row.lower.map { $0 > 0 } ?? false) || (row.upper.map { $0 < 0 } ?? false)
        }
        if let violated {
            return finish(
                .infeasible,
                "The model has no columns and row \(GLPKValidation.describe(violated.name)) excludes 0, so it is infeasible."
            )
        }
        let duals = options.computeDuals ? [Double](repeating: 0, count: model.rows.count) : nil
        return finish(
            .optimal, "The model has no columns; its objective is the constant.",
            values: [], objective: model.objectiveConstant, bound: model.objectiveConstant, duals: duals)
    }

    // MARK: - LP

    private func solveLP(_ problem: borrowing GLPKProblem) throws -> Solution {
        let p = problem.pointer
        let code = simplex(p)
        let (status, sentence) = try GLPKStatus.simplex(code, p)
        guard status == .optimal || status == .feasible else { return finish(status, sentence) }
        let values = (1...model.columns.count).map { glp_get_col_prim(p, Int32($0)) }
        let objective = glp_get_obj_val(p)
        var duals: [Double]?
        if options.computeDuals {
            if status == .optimal {
                duals = model.rows.indices.map { glp_get_row_dual(p, Int32($0 + 1)) }
            } else {
                notes.append("Duals are unavailable because the LP was not solved to optimality.")
            }
        }
        return finish(
            status, sentence, values: values, objective: objective,
            bound: status == .optimal ? objective : nil, duals: duals)
    }

    /// Runs `glp_simplex` silently within the remaining time (at least `minimumMilliseconds`).
    ///
    /// GLPK's presolvers are never enabled, whatever `SolverOptions.presolve` says: fuzzing
    /// found valid models on which GLPK 5's LP and MIP presolvers fail an internal
    /// assertion and abort the process (`npp1.c: row->type == GLP_FX` after a fixed column
    /// with a large coefficient, `npp3.c: q->lb < q->ub` with small coefficients,
    /// `glp_add_cols: ncs = 0` when the MIP presolver removes every column with cuts on).
    func simplex(_ p: OpaquePointer, minimumMilliseconds: Int32 = 0) -> Int32 {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.tm_lim = max(remainingMilliseconds, minimumMilliseconds)
        if options.textbookPricing { parm.pricing = GLP_PT_STD }
        return glp_simplex(p, &parm)
    }

    // MARK: - Result

    /// Builds the `Solution`, clamps the bound to the incumbent, computes the gap and
    /// sends the final progress event.
    func finish(
        _ status: SolutionStatus, _ sentence: String, values: [Double] = [], objective: Double? = nil,
        bound: Double? = nil, duals: [Double]? = nil
    ) -> Solution {
        if status == .optimal || status == .feasible, let violation = Self.worstViolation(of: values, in: model) {
            notes.removeAll()
            return finish(
                .numericalFailure,
                "GLPK reported a solution (\(sentence.dropLast())) that violates "
                    + violation + "; the model's numbers are probably too far apart for GLPK's tolerances.")
        }
        var bound = bound
        if let objective, let b = bound {
            bound = model.sense == .maximize ? max(b, objective) : min(b, objective)
        }
        let gap = objective.flatMap { o in bound.map { abs($0 - o) / max(1, abs(o)) } }
        let elapsed = elapsedSeconds
        options.progress?(
            ProgressEvent(
                incumbent: objective, bestBound: bound, gap: gap, nodes: nodes,
                elapsedSeconds: elapsed))
        let message = ([sentence] + notes).joined(separator: " ")
        return Solution(
            status: status, objective: objective, bestBound: bound, gap: gap, columnValues: values,
            rowDuals: duals, message: message, nodes: nodes, seconds: elapsed,
            warmStartUsed: warmStartAccepted)
    }
}
