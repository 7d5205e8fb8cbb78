/// Options for one solve.
public struct SolverOptions: Sendable {
    /// Wall-clock limit in seconds; nil = none. Must be finite and ≥ 0.
    public var timeLimitSeconds: Double?
    /// Stop a MIP when `|bound - incumbent| / max(1, |incumbent|)` ≤ this; nil = solver default.
    public var relativeGap: Double?
    /// Let the solver presolve. A warm start (`initialSolution`) needs the original numbering,
    /// so a solver may turn presolve off when one is given. (`GLPKSolver` never presolves:
    /// GLPK 5's presolvers abort the process on some valid models; see docs/solver.md.)
    public var presolve: Bool
    /// Called from the solving thread with progress, at most every `progressInterval` seconds.
    public var progress: (@Sendable (ProgressEvent) -> Void)?
    public var progressIntervalSeconds: Double
    /// A feasible assignment of every column, handed to the MIP search as a first incumbent.
    public var initialSolution: [Double]?
    /// Compute row duals (for a MIP by fixing the integers and re-solving the LP).
    public var computeDuals: Bool
    /// What a MIP search should spend its effort on; solvers map it to their own switches
    /// (GLPK: see `SolverEmphasis`). Ignored for an LP.
    public var emphasis: SolverEmphasis
    /// Stop a MIP search once it has created this many branch-and-bound nodes (nil = no limit);
    /// must be ≥ 1. Unlike a time limit, the result does not depend on the machine's speed.
    public var nodeLimit: Int?
    /// Explicit cut, branching and heuristic switches of a MIP search; they win over `emphasis`.
    public var tuning = MIPTuning()
    /// Simplex pricing by the textbook rule (largest reduced cost; GLPK `GLP_PT_STD`) instead of
    /// projected steepest edge. Measured on the planner's static bound LP at 600 projects:
    /// 5.5 s instead of 9–11 s (docs/performance.md); not used for the MIP's LPs.
    public var textbookPricing = false

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double? = nil, presolve: Bool = true,
        progress: (@Sendable (ProgressEvent) -> Void)? = nil, progressIntervalSeconds: Double = 0.1,
        initialSolution: [Double]? = nil, computeDuals: Bool = false,
        emphasis: SolverEmphasis = .balanced
    ) {
        self.timeLimitSeconds = timeLimitSeconds; self.relativeGap = relativeGap; self.presolve = presolve
        self.progress = progress; self.progressIntervalSeconds = progressIntervalSeconds
        self.initialSolution = initialSolution; self.computeDuals = computeDuals
        self.emphasis = emphasis
    }
}

/// A solver-neutral hint for a MIP search.
///
/// GLPK maps it as follows (its defaults: simple rounding on, everything else off):
/// - `balanced`: GLPK's defaults.
/// - `feasibility`: also the feasibility pump (`fp_heur`) and proximity search
///   (`ps_heur`, limited to half the remaining time and at most 60 s), to find a
///   first feasible point sooner in large models.
/// - `bound`: also Gomory, MIR, cover and clique cuts (`gmi_cuts`, `mir_cuts`,
///   `cov_cuts`, `clq_cuts`), to tighten the bound and close the gap in small models.
/// - `quick`: better plans soon, for short node-limited searches (the planner's
///   neighbourhood search): branch on the most fractional variable (`GLP_BR_MFV`) instead of
///   the Driebeck–Tomlin heuristic, which evaluates a tableau row per candidate, and explore
///   depth first (`GLP_BT_DFS`), which reaches integer leaves sooner.
public enum SolverEmphasis: String, Sendable, CaseIterable {
    case balanced, feasibility, bound, quick
}

/// A snapshot of the search.
public struct ProgressEvent: Sendable, Equatable {
    /// Best objective found so far; nil before the first feasible point.
    public var incumbent: Double?
    public var bestBound: Double?
    public var gap: Double?
    public var nodes: Int
    public var elapsedSeconds: Double
    public init(incumbent: Double?, bestBound: Double?, gap: Double?, nodes: Int, elapsedSeconds: Double) {
        self.incumbent = incumbent; self.bestBound = bestBound; self.gap = gap; self.nodes = nodes
        self.elapsedSeconds = elapsedSeconds
    }
}

public enum SolutionStatus: String, Sendable {
    /// Proven optimal (within the requested gap).
    case optimal
    /// A feasible point, optimality not proven (limit reached); see `gap`.
    case feasible
    case infeasible
    case unbounded
    /// A limit stopped the search before any feasible point was found.
    case noSolution
    case numericalFailure
}

public struct Solution: Sendable {
    public var status: SolutionStatus
    /// Objective of `columnValues` (including the model's constant); nil without a point.
    public var objective: Double?
    /// Best proven bound on the objective; nil when unknown.
    public var bestBound: Double?
    /// `|bound - objective| / max(1, |objective|)`; nil when either is unknown.
    public var gap: Double?
    /// One value per column (empty without a point).
    public var columnValues: [Double]
    /// One dual per row, when requested and available. For a MIP these come from the LP
    /// with every integer column fixed at its solution value.
    public var rowDuals: [Double]?
    /// A sentence explaining the status (from the solver's return codes).
    public var message: String
    public var nodes: Int
    public var seconds: Double
    /// Whether the initial solution was accepted by the solver.
    public var warmStartUsed: Bool

    public init(
        status: SolutionStatus, objective: Double?, bestBound: Double?, gap: Double?,
        columnValues: [Double], rowDuals: [Double]?, message: String, nodes: Int, seconds: Double,
        warmStartUsed: Bool = false
    ) {
        self.status = status; self.objective = objective; self.bestBound = bestBound; self.gap = gap
        self.columnValues = columnValues; self.rowDuals = rowDuals; self.message = message
        self.nodes = nodes; self.seconds = seconds; self.warmStartUsed = warmStartUsed
    }

    public var hasPoint: Bool { status == .optimal || status == .feasible }
}

public enum ModelFormat: String, Sendable, CaseIterable { case lp, mps }

/// A solver of `LinearModel`s. Implementations validate the model and options
/// first and throw `LinearProgrammingError` rather than let a library abort.
public protocol LinearSolver: Sendable {
    var name: String { get }
    var version: String { get }
    func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution
    /// The model as text: CPLEX LP (keeps the sense) or MPS (written as a minimisation
    /// with the objective negated when the model maximises).
    func export(_ model: LinearModel, format: ModelFormat) throws -> String
}

/// Problems with a model or options, found before the solver is called.
public enum LinearProgrammingError: Error, Equatable, CustomStringConvertible {
    case invalidModel(String)
    case invalidOptions(String)
    case solverFailure(String)

    public var description: String {
        switch self {
        case .invalidModel(let s): "invalid model: \(s)"
        case .invalidOptions(let s): "invalid solver options: \(s)"
        case .solverFailure(let s): "solver failure: \(s)"
        }
    }
}
