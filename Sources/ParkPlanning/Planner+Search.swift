import Foundation
import LinearProgramming
import ParkInstance
import ParkModel

extension PlanningPipeline {
    /// Models above `options.directColumns` columns (see `SearchSchedule` for the stages and
    /// their shares): the static LP bound starts on its own thread; a model small enough for
    /// the full MIP first gets a short MIP run (which may prove the optimum at once); the
    /// neighbourhood search then improves the best plan until its no-progress rule fires or its
    /// share is spent; finally the full MIP with cuts continues from the search's plan for all
    /// the time left. Larger models return the search's plan with the static LP bound.
    func searchThenSolve(
        _ heuristic: Assignment, value heuristicValue: Double, index: ModelIndex, columns: Int,
        budget: TimeBudget, clock: inout Stopwatch, stats: inout PlanningStatistics,
        bound earlyBound: BackgroundBound? = nil, laterPasses: LaterPasses? = nil
    ) throws -> Outcome {
        let reserve = schedule.reserve(projects: index.instance.projects.count)
        let staticBound = earlyBound ?? startBound(index, budget: budget)
        var start = (assignment: heuristic, value: heuristicValue)
        var model: PlanningModel?
        var firstBound: Double?
        var quickSeconds = 0.0
        if usesFullMIP(columns: columns) {
            let full = buildModel(index, clock: &clock, stats: &stats)
            model = full
        }
        if let full = model, columns <= schedule.quickMIPColumns {
            let quick = schedule.quickMIPSeconds(left: budget.remaining.map { $0 - reserve })
            let quickStarted = budget.elapsed
            let first = try solve(
                full, heuristic: start.assignment, heuristicValue: start.value, timeLimit: quick,
                nodeShare: schedule.quickMIPNodeShare, staticBound: staticBound, stats: &stats)
            quickSeconds = budget.elapsed - quickStarted
            stats.solveSeconds += clock.lap()
            if case .solved(let assignment, let status, let bound, _) = first {
                if status == .optimal {
                    // Let the bound's thread finish (a small LP at this size) rather than outlive the run.
                    _ = staticBound.value()
                    return first
                }
                start = (assignment, PlanBuilder.value(assignment, index.instance))
                firstBound = bound
                if gapReached(value: start.value, bound: bound) {
                    _ = staticBound.value()
                    return first
                }
            }
        }
        // Where the full MIP follows and the quick MIP did not end the run: the further local
        // search passes (without a --gap target, which asks for an early end), leaving the final
        // MIP at least twice what the quick one took (its root alone takes about that, whatever
        // its limit: b100 with 10 s ended after 10.8 s when the passes left it 1.75 s).
        if let laterPasses, options.relativeGap == nil, let left = budget.remaining {
            let room = left - reserve - 2 * quickSeconds
            if room > 0 {
                start = furtherPasses(
                    start, laterPasses, index: index, budget: budget,
                    stop: budget.elapsed + schedule.secondPassStop * room, stats: &stats)
                stats.localSearchSeconds += clock.lap()
            }
        }
        // The local search may have reached the --gap target against the bound it waited for.
        if let earlyBound, options.relativeGap != nil, columns <= fullMIPColumns {
            let bound = min(firstBound ?? .infinity, earlyBound.value())
            if gapReached(value: start.value, bound: bound) {
                stats.solverStatus = "skipped"
                stats.solverMessage = "The --gap target holds against the static bound; no search or MIP was needed."
                return .solved(start.assignment, status: .feasible, bound: max(bound, start.value), solverSeconds: 0)
            }
        }
        let search = improve(
            start.assignment, value: start.value, index: index, budget: budget,
            share: model == nil ? 1 : schedule.searchShare, stats: &stats)
        stats.searchSeconds = clock.lap()
        guard let model else {
            stats.solverStatus = "skipped"
            let why =
                columns > fullMIPColumns
                ? "The model has \(columns) columns (more than \(fullMIPColumns)); "
                : "The model has \(columns) columns: the full MIP would not pay within this time limit "
                    + "(\(Int((schedule.fullMIPSecondsPerColumn * Double(columns)).rounded(.up))) s or more); "
            stats.solverMessage =
                why + "the plan comes from the neighbourhood search, the bound from the static model "
                + "(its LP, with GLPK's cuts where they fit)."
            return .solved(
                search.assignment, status: .feasible, bound: max(staticBound.value(), search.value),
                solverSeconds: stats.searchSeconds)
        }
        // The planner's --gap may already hold against the bounds known so far (the static LP is
        // small next to the model at this size; waiting for it keeps the ending reproducible).
        if options.relativeGap != nil {
            let bound = min(firstBound ?? .infinity, staticBound.value())
            if gapReached(value: search.value, bound: bound) {
                stats.solverStatus = "skipped"
                stats.solverMessage = "The --gap target holds against the static bound; no full MIP was needed."
                return .solved(
                    search.assignment, status: .feasible, bound: max(bound, search.value),
                    solverSeconds: stats.searchSeconds)
            }
        }
        let seconds = budget.remaining.map { max(1, $0 - reserve) }
        let tuning = schedule.fullMIPTuning(columns: columns, directColumns: options.directColumns, seconds: seconds)
        let side = sideSearch(from: search.assignment, index: index, seconds: seconds)
        var outcome = try solve(
            model, heuristic: search.assignment, heuristicValue: search.value,
            timeLimit: seconds, nodeShare: nil, tuning: tuning, staticBound: staticBound,
            stats: &stats)
        if let side {
            outcome = adopt(side.finish(), into: outcome, index: index, stats: &stats)
        }
        // The first run's bound holds too.
        if case .solved(let assignment, let status, let bound, let seconds) = outcome, status != .optimal,
            let firstBound
        {
            let value = PlanBuilder.value(assignment, index.instance)
            return .solved(
                assignment, status: .feasible, bound: max(value, min(bound, firstBound)), solverSeconds: seconds)
        }
        return outcome
    }

    /// The static bound's thread, started now.
    func startBound(_ index: ModelIndex, budget: TimeBudget) -> BackgroundBound {
        let reserve = schedule.reserve(projects: index.instance.projects.count)
        return BackgroundBound(
            index: index, solver: solver,
            timeLimit: budget.remaining.map { schedule.staticBoundShare * ($0 - reserve) }
                ?? schedule.staticBoundSecondsWithoutLimit)
    }

    /// Whether the planner's `--gap` holds for `value` against `bound`.
    func gapReached(value: Double, bound: Double) -> Bool {
        guard let target = options.relativeGap, bound.isFinite else { return false }
        return max(0, bound - value) / max(1, abs(value)) <= target
    }

    /// A local search chain on the second core while the final full MIP (one core: GLPK is
    /// single-threaded) runs for `seconds`; none when the run has no time limit or its local
    /// search rounds were fixed by the caller.
    func sideSearch(from plan: Assignment, index: ModelIndex, seconds: Double?) -> SideSearch? {
        guard let seconds, options.localSearchRounds == nil, schedule.sideSearch else { return nil }
        let rounds = Self.localSearchRounds(
            limit: seconds, projects: index.instance.projects.count, classes: index.classCount)
        return SideSearch(search: LocalSearch(index: index), from: plan, rounds: rounds, seconds: seconds)
    }

    /// The MIP's outcome, or the side search's plan in its place when the clock ended the MIP
    /// (not optimal, gap target not reached) and the side plan is worth more; the MIP's bound
    /// stays. A MIP that ended by its own rule keeps its plan, so such runs repeat exactly.
    func adopt(
        _ side: Assignment, into outcome: Outcome, index: ModelIndex, stats: inout PlanningStatistics
    ) -> Outcome {
        let sideValue = PlanBuilder.value(side, index.instance)
        stats.sideSearchValue = sideValue
        guard case .solved(let assignment, let status, let bound, let seconds) = outcome, status != .optimal
        else { return outcome }
        let value = PlanBuilder.value(assignment, index.instance)
        let gap = max(0, bound - value) / max(1, abs(value))
        if let target = options.relativeGap, gap <= target { return outcome }
        guard sideValue > value + 1e-9 * max(1, abs(value)) else { return outcome }
        stats.sideSearchUsed = true
        return .solved(side, status: .feasible, bound: max(bound, sideValue), solverSeconds: seconds)
    }

    /// The full MIP, with its size in `stats` and its build time added to `buildSeconds`.
    func buildModel(_ index: ModelIndex, clock: inout Stopwatch, stats: inout PlanningStatistics) -> PlanningModel {
        stats.solveSeconds += clock.lap()
        let model = PlanningModel(index: index)
        stats.buildSeconds += clock.lap()
        stats.columns = model.linear.columns.count
        stats.rows = model.linear.rows.count
        stats.nonzeros = model.linear.rows.reduce(0) { $0 + $1.terms.count }
        return model
    }

    /// Improves the heuristic plan by neighbourhood search within `share` of the time left
    /// (minus the reserve for verification), until its no-progress rule fires
    /// (`SearchSchedule.stallRounds`), for at most `options.searchRounds` rounds (240 without a
    /// time limit).
    func improve(
        _ plan: Assignment, value: Double, index: ModelIndex, budget: TimeBudget,
        share: Double, stats: inout PlanningStatistics
    ) -> (assignment: Assignment, value: Double) {
        let rounds = options.searchRounds ?? (options.timeLimitSeconds == nil ? 240 : Int.max)
        guard rounds > 0 else { return (plan, value) }
        let reserve = schedule.reserve(projects: index.instance.projects.count)
        let deadline = budget.remaining.map { left in
            ContinuousClock.now.advanced(by: .seconds(max(0, (left - reserve) * share)))
        }
        var search = NeighbourhoodSearch(index: index, solver: solver)
        search.stallRounds = schedule.stallRounds
        search.escalations = share < 1 ? 0 : schedule.escalationsWithoutMIP
        if let progress = options.progress {
            search.onRound = { @Sendable value, rounds in
                progress(
                    ProgressEvent(
                        incumbent: value, bestBound: nil, gap: nil, nodes: rounds,
                        elapsedSeconds: budget.elapsed))
            }
        }
        let outcome = search.improve(plan, rounds: rounds, seed: 0x7061_726B_706C_616E, deadline: deadline)
        stats.searchRounds = outcome.rounds
        stats.searchImprovements = outcome.improvements
        stats.searchValue = outcome.value
        stats.searchDetail =
            String(
                format: "%d rounds (%d improving, %d closed), build %.1f s, solver %.1f s, last target %d columns",
                outcome.rounds, outcome.improvements, outcome.closed, outcome.effort.buildSeconds,
                outcome.effort.solverSeconds, outcome.targetColumns)
            + String(
                format: "; per round %d columns, %d rows, %d nodes", outcome.effort.columns / max(1, outcome.rounds),
                outcome.effort.rows / max(1, outcome.rounds), outcome.effort.nodes / max(1, outcome.rounds))
            + "; kinds (rounds/improving): " + outcome.kindSummary
        return (outcome.assignment, outcome.value)
    }

    /// The greedy plan after `LocalSearch` (ruin and recreate), for its rounds or at most
    /// `SearchSchedule.localSearchStop` of the time left. Where no full MIP follows, further
    /// independent passes at once while the last left room for one
    /// (`SearchSchedule.secondPassMargin`, `localSearchPasses`); where the full MIP follows (not
    /// solved directly), what they need is returned for after the quick MIP (`laterPasses`).
    func localSearch(
        _ plan: Assignment, index: ModelIndex, budget: TimeBudget, maximumRounds: Int?,
        stats: inout PlanningStatistics, bound: Double? = nil, mixedThresholds: Bool = false
    ) -> (plan: Assignment, later: LaterPasses?) {
        let automatic = Self.localSearchRounds(
            limit: options.timeLimitSeconds.map { schedule.localSearchShare * $0 },
            projects: index.instance.projects.count, classes: index.classCount)
        let rounds = options.localSearchRounds ?? min(automatic, maximumRounds ?? automatic)
        guard rounds > 0 else { return (plan, nil) }
        let started = budget.elapsed, leftAtStart = budget.remaining
        let stopAt = leftAtStart.map { started + schedule.localSearchStop * $0 }
        let gapTarget = options.relativeGap
        var search = LocalSearch(index: index)
        // Where no full MIP follows, the two chains search at different depths (1 % and 0.5 %):
        // measured on the outside parks, b150 1.26 % → 0.23–0.32 % short, b150q 0.68 % short →
        // 0.25 % above the best known; where the full MIP follows, alike (b100: 0.30 % alike,
        // 0.85–0.94 % mixed). docs/performance.md.
        if mixedThresholds { search.chainThresholdFactor = 0.5 }
        let enough: (Double) -> Bool = { value in
            guard let bound, let gapTarget, bound.isFinite else { return false }
            return max(0, bound - value) / max(1, abs(value)) <= gapTarget
        }
        let shouldStop: @Sendable () -> Bool = {
            StopRequest.isRequested || (stopAt.map { budget.elapsed >= $0 } ?? false)
        }
        let seed = options.localSearchSeed ?? 0x6C6F_6361_6C21
        let improved = search.improveInParallel(
            plan, rounds: rounds, seed: seed, enough: enough, shouldStop: shouldStop)
        var best = (assignment: improved, value: PlanBuilder.value(improved, index.instance))
        stats.localSearchValue = best.value
        stats.localSearchPasses = 1
        // Further independent passes (from the same start, other seeds) only with automatic rounds
        // and a time limit, and never when a direct solve follows (`maximumRounds`).
        guard maximumRounds == nil, options.localSearchRounds == nil, let left = leftAtStart, !shouldStop() else {
            return (best.assignment, nil)
        }
        let later = LaterPasses(
            search: search, start: plan, rounds: rounds, seed: seed, lastSeconds: budget.elapsed - started)
        guard mixedThresholds else { return (best.assignment, later) }
        best = furtherPasses(
            best, later, index: index, budget: budget, stop: started + schedule.secondPassStop * left,
            enough: enough, stats: &stats)
        return (best.assignment, nil)
    }

    /// Passes of `later` (the second one on) while the last one completed its rounds with room
    /// for another before `stop` (`SearchSchedule.secondPassMargin`), up to
    /// `SearchSchedule.localSearchPasses` in all; the best plan is kept (`best` on ties).
    ///
    /// Where the search ends in a local optimum depends on its seeds (b150, six seeds: one pass
    /// then the neighbourhood search 0.00–1.11 % short, mean 0.41 %; two passes −0.22–0.59 %,
    /// mean 0.15 %). Where the full MIP follows too they run after the quick MIP (which may prove
    /// the optimum at once): GLPK's root bound at 100 projects is too weak to prune, and b100
    /// with `--ls-seed` 1/2/3 went from 0.44/0.42/0.61 % short (one pass) to 0.22/0.24/0.32 %
    /// (up to four); b050 stays at its optimum.
    func furtherPasses(
        _ best: (assignment: Assignment, value: Double), _ later: LaterPasses, index: ModelIndex,
        budget: TimeBudget, stop: Double, enough: (Double) -> Bool = { _ in false },
        stats: inout PlanningStatistics
    ) -> (assignment: Assignment, value: Double) {
        var best = best, last = later.lastSeconds
        var passes = stats.localSearchPasses
        while passes < schedule.localSearchPasses, !enough(best.value), !StopRequest.isRequested,
            schedule.secondPassMargin * last <= stop - budget.elapsed
        {
            let passStarted = budget.elapsed
            let next = later.search.improveInParallel(
                later.start, rounds: later.rounds, seed: later.seed &+ 0x5EC0_4D00 &* UInt64(passes),
                enough: enough
            ) {
                StopRequest.isRequested || budget.elapsed >= stop
            }
            passes += 1
            last = budget.elapsed - passStarted
            let value = PlanBuilder.value(next, index.instance)
            stats.localSearchValue = max(stats.localSearchValue ?? value, value)
            if value > best.value + 1e-9 * max(1, abs(best.value)) { best = (next, value) }
        }
        stats.localSearchPasses = passes
        return best
    }

    /// Local search rounds per chain when none are asked for (between 50 and 200,000; 1,000
    /// without a limit). Per second the search gains more than the neighbourhood search, which
    /// then works on its plan.
    ///
    /// What should take `limit` seconds with one chain per core on two busy shared cores, by an
    /// estimate of ~0.6 ms per round at 100 projects and ~1.5 ms at 150 growing with the square
    /// of the projects (about 2.5 times what rounds take since the option search skips starts
    /// whose shortfall nothing can cover in time: b150 0.59 ms). That margin leaves parks up to
    /// 150 projects room for further passes, which pay there (docs/performance.md). Larger parks
    /// get more rounds in one pass instead, up to the 22,000 of 150 projects in proportion to the
    /// projects, as many as fit at a margin of 1.5 by what a round costs: 0.15 ms plus 0.13 µs per
    /// start class (`ModelIndex.classCount`; b300 1.6 ms, 600 generated projects 11.6 ms, b1000
    /// 16–22 ms). b300 at 60 s: 7,333 rounds and a second pass 3.14 % own gap, 12,000 rounds
    /// 2.5 %; b1000: 868 rounds and a second pass 6.5 %, 1,700 rounds 4.8 %.
    static func localSearchRounds(limit: Double?, projects: Int, classes: Int) -> Int {
        guard let limit else { return 1_000 }
        let n = Double(max(1, projects))
        let estimated = Int(limit / (0.000005 * n * (1 + n / 150)))
        let perRound = 1.5 * (0.000_15 + 0.000_000_13 * Double(max(0, classes)))
        let longer = min(22_000 * max(1, projects) / 150, Int(limit / perRound))
        return max(50, min(200_000, max(estimated, longer)))
    }
}

/// The time limit of one run, counted from its start.
struct TimeBudget {
    let limit: Double?
    private let start = ContinuousClock.now

    init(limit: Double?) { self.limit = limit }

    var elapsed: Double { (ContinuousClock.now - start).seconds }

    /// Seconds left (nil without a limit; may be negative); 0 once a stop is requested
    /// (`StopRequest`), so every stage ends and the best plan so far is verified and written.
    var remaining: Double? { StopRequest.isRequested ? 0 : limit.map { $0 - elapsed } }
}

/// The static bound (`PlanningPipeline.fallbackBound`: the smallest of the sum of best values, the
/// Lagrangian, the static LP and, where it fits, the static cut bound), computed on its own thread.
final class BackgroundBound: @unchecked Sendable {
    private let lock = NSLock()
    private let finished = DispatchSemaphore(value: 0)
    private var result: Double?

    /// Starts at once; the LP gets `timeLimit` seconds (at least 1; 30 without a limit).
    init(index: ModelIndex, solver: any LinearSolver, timeLimit: Double?) {
        let limit = max(1, timeLimit ?? 30)
        let thread = Thread { [self] in
            let bound = PlanningPipeline.fallbackBound(index, solver: solver, timeLimit: limit, cap: nil)
            lock.lock()
            result = bound
            lock.unlock()
            finished.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the bound.
    func value() -> Double {
        lock.lock()
        if let result { lock.unlock(); return result }
        lock.unlock()
        finished.wait()
        finished.signal()  // later callers do not wait again
        lock.lock()
        defer { lock.unlock() }
        return result ?? .infinity
    }
}

/// One local search chain on its own thread, until `finish` or its seconds run out.
final class SideSearch: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var result: Assignment
    private let done = DispatchSemaphore(value: 0)

    init(search: LocalSearch, from plan: Assignment, rounds: Int, seconds: Double) {
        result = plan
        let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
        let thread = Thread { [self] in
            let improved = search.improve(plan, rounds: rounds, seed: 0x7369_6465_2D6C_73) {
                StopRequest.isRequested || self.isStopped || ContinuousClock.now >= deadline
            }
            lock.lock()
            result = improved
            lock.unlock()
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Stops the chain at its next round and returns its best plan.
    func finish() -> Assignment {
        lock.lock()
        stopped = true
        lock.unlock()
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return result
    }
}

/// What the further local search passes need (`furtherPasses`, at once or after the quick MIP):
/// the search (its chains' thresholds), the start every pass searches from, its rounds and seed,
/// and how long the first pass took.
struct LaterPasses {
    let search: LocalSearch
    let start: Assignment
    let rounds: Int
    let seed: UInt64
    let lastSeconds: Double
}
