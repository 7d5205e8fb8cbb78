import LinearProgramming
import ParkInstance
import ParkModel
import ParkVerification

/// Options for planning one scenario.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit for the MIP search, seconds (nil = none).
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which to stop (nil = prove optimal within 1e-6).
    public var relativeGap: Double?
    /// Progress of the MIP search, from the solving thread.
    public var progress: (@Sendable (ProgressEvent) -> Void)?
    /// Hand the heuristic plan to the solver as a first incumbent (default true).
    public var warmStart: Bool
    /// Search emphasis handed to the solver.
    public var emphasis: SolverEmphasis
    /// Above this many MIP columns the solver is skipped: it would not solve the root LP within
    /// any practical limit, so the heuristic plan is returned with the static LP bound.
    public var maximumColumns: Int = 400_000
    /// Up to this many columns the MIP is solved directly (the heuristic plan as warm start);
    /// above it a neighbourhood search improves the plan (see `PlanningPipeline.searchThenSolve`).
    public var directColumns: Int = 300
    /// Above this many columns the full MIP is not solved at all: its root LP alone takes longer
    /// than a practical limit; the plan comes from the neighbourhood search, the bound from the
    /// static LP. Counted on the compact model (start columns only at candidate periods, see
    /// `ModelIndex.candidateStarts`): 1,000 columns at 50 outside projects, 3,600 at 100,
    /// 8,900–9,700 at 150, 37,000 at 300 (see docs/performance.md).
    public var mipColumns: Int = 15_000
    /// Rounds of neighbourhood search (nil: automatic, see `PlanningPipeline.automaticRounds`).
    public var searchRounds: Int?
    /// Rounds of ruin-and-recreate local search on the greedy plan before any solver runs
    /// (nil: automatic, see `PlanningPipeline.localSearchRounds`; 0: none).
    public var localSearchRounds: Int?
    /// Seed of the local search (nil: the fixed default); benchmarks vary it to measure the
    /// spread of the search's outcome.
    public var localSearchSeed: UInt64?
    /// Language of the plan's sentences (left-out reasons, shortfall messages).
    public var language: ReportLanguage = .en
    /// A plan of a neighbouring scenario to start from (the base plan of a `compare` variant, the
    /// previous point of a sweep): repaired to this scenario (`StartPlanRepair`) and used instead
    /// of the greedy plan when it is worth more. Any plan is accepted: what no longer fits is
    /// dropped and re-placed.
    public var startPlan: Plan?

    public init(
        timeLimitSeconds: Double? = nil, relativeGap: Double? = nil,
        progress: (@Sendable (ProgressEvent) -> Void)? = nil, warmStart: Bool = true,
        emphasis: SolverEmphasis = .balanced
    ) {
        self.timeLimitSeconds = timeLimitSeconds; self.relativeGap = relativeGap; self.progress = progress
        self.warmStart = warmStart; self.emphasis = emphasis
    }
}

/// What planning produced: the plan (already verified) and figures about the run.
public struct PlanningResult: Sendable {
    public var plan: Plan
    public var instance: PlanningInstance
    /// Columns, rows, nonzeros of the MIP; seconds spent building, solving, verifying.
    public var statistics: PlanningStatistics
    public init(plan: Plan, instance: PlanningInstance, statistics: PlanningStatistics) {
        self.plan = plan; self.instance = instance; self.statistics = statistics
    }
}

public struct PlanningStatistics: Sendable {
    public var columns: Int = 0
    public var rows: Int = 0
    public var nonzeros: Int = 0
    /// Seconds to resolve the scenario into an instance and build the MIP.
    public var buildSeconds: Double = 0
    public var heuristicSeconds: Double = 0
    /// Seconds from the start of planning until the first complete plan existed (the heuristic's).
    public var firstPlanSeconds: Double?
    /// Neighbourhood search: seconds, rounds, improving rounds, value reached.
    public var searchSeconds: Double = 0
    public var searchRounds: Int = 0
    public var searchImprovements: Int = 0
    public var searchValue: Double?
    /// A sentence on where the search spent its time (benchmarks).
    public var searchDetail: String = ""
    public var solveSeconds: Double = 0
    /// Seconds to decode, verify and (when infeasible) diagnose.
    public var verifySeconds: Double = 0
    /// contract §4 value of the heuristic plan; nil when it could not place every must-place project.
    public var heuristicValue: Double?
    /// Whether the greedy heuristic placed every committed and existing project (when not, the
    /// start came from the diagnosis model's schedule of them).
    public var greedyPlacedAll: Bool = true
    /// Seconds of the local search and the value it reached (nil when it did not run).
    public var localSearchSeconds: Double = 0
    public var localSearchValue: Double?
    /// Local search passes run (more than 1 when further independent passes fitted; see
    /// `SearchSchedule.secondPassMargin`, `localSearchPasses`).
    public var localSearchPasses = 1
    /// Value of the local search that ran on the second core during the final full MIP (nil when
    /// none ran), and whether its plan replaced the MIP's (only when the clock ended the MIP).
    public var sideSearchValue: Double?
    public var sideSearchUsed: Bool = false
    /// Whether the repaired `PlanningOptions.startPlan` replaced the greedy plan as the start.
    public var startPlanUsed: Bool = false
    /// Whether the solver accepted the heuristic plan as its first incumbent.
    public var warmStartUsed: Bool = false
    /// The plan came from the heuristic because the solver returned no better point.
    public var usedHeuristicPlan: Bool = false
    /// Branch-and-bound nodes.
    public var nodes: Int = 0
    /// The solver's sentence about how the search ended.
    public var solverMessage: String = ""
    /// Status the solver reported (before the heuristic fallback), e.g. "optimal", "feasible".
    public var solverStatus: String = ""
    public init() {}
}

/// Errors of the planning layer (not "infeasible": that is a plan status with shortfalls).
public enum PlanningError: Error, CustomStringConvertible {
    /// The verifier rejected a plan: an internal error (exit 1).
    case verificationFailed([String])
    case solver(String)

    public var description: String {
        switch self {
        case .verificationFailed(let v): "internal error: the plan fails contract §3:\n" + v.joined(separator: "\n")
        case .solver(let s): "internal error: \(s)"
        }
    }
}

/// The planning engine: scenario → instance → MIP (+ heuristic warm start) → verified plan.
public enum Planner {
    /// Plans `scenario` (already validated, variant already applied; `variant` is only recorded).
    ///
    /// Returns a plan with status `optimal`, `feasible` (limit reached; `bound`/`gap` say how far
    /// from optimal at most), `infeasible` (with shortfalls) or `noSolution`. Every returned plan with
    /// placements passed `PlanVerifier`. Throws `PlanningError` on internal failures.
    public static func plan(
        _ scenario: Scenario, variant: String?, solver: any LinearSolver, options: PlanningOptions
    ) throws -> PlanningResult {
        try PlanningPipeline(scenario: scenario, variant: variant, solver: solver, options: options).run()
    }

    /// The MIP for `instance`, as solved by `plan` (for `export-model`). Names come from typed
    /// keys with block codes, ASCII only (see docs/formulation.md).
    public static func model(for instance: PlanningInstance) -> LinearModel {
        PlanningModel(instance: instance).linear
    }

    /// The static bound model (`StaticBound`) of `instance`, with binary columns when `integer`
    /// (for `ParkBench --static-model`: the bound's model solved or inspected on its own).
    package static func staticBoundModel(for instance: PlanningInstance, integer: Bool) -> LinearModel {
        StaticBound.model(ModelIndex(instance: instance), integer: integer)
    }
}
