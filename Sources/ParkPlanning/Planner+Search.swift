import Foundation
import LinearProgramming
import ParkModel

extension PlanningPipeline {
    /// Improves the heuristic plan by neighbourhood search within `share` of the time left
    /// (minus the reserve for verification), for at most `options.searchRounds` rounds.
    func improve(_ plan: Assignment, value: Double, index: ModelIndex, columns: Int, budget: TimeBudget,
                 share: Double, stats: inout PlanningStatistics) -> (assignment: Assignment, value: Double) {
        let rounds = options.searchRounds ?? Self.automaticRounds(limit: options.timeLimitSeconds)
        guard rounds > 0 else { return (plan, value) }
        let reserve = Self.reserveSeconds(index.instance)
        let deadline = budget.remaining.map { left in
            ContinuousClock.now.advanced(by: .seconds(max(0, (left - reserve) * share)))
        }
        var search = NeighbourhoodSearch(index: index, solver: solver)
        if let progress = options.progress {
            search.onRound = { @Sendable value, rounds in
                progress(ProgressEvent(incumbent: value, bestBound: nil, gap: nil, nodes: rounds,
                                       elapsedSeconds: budget.elapsed))
            }
        }
        let outcome = search.improve(plan, rounds: rounds, seed: 0x7061_726B_706C_616E, deadline: deadline)
        stats.searchRounds = outcome.rounds
        stats.searchImprovements = outcome.improvements
        stats.searchValue = outcome.value
        stats.searchDetail = String(format: "%d rounds (%d improving, %d closed), build %.1f s, solver %.1f s, last target %d columns",
                                    outcome.rounds, outcome.improvements, outcome.closed, outcome.buildSeconds,
                                    outcome.solverSeconds, outcome.targetColumns)
            + String(format: "; per round %d columns, %d rows, %d nodes", outcome.columns / max(1, outcome.rounds),
                     outcome.rows / max(1, outcome.rounds), outcome.nodes / max(1, outcome.rounds))
        return (outcome.assignment, outcome.value)
    }

    /// Rounds when none are asked for: four per second of the time limit (240 when there is
    /// none). Measured on two shared cores, 240 rounds of two at a time take ~45 s at 100
    /// projects, so the round count rather than the clock normally ends the search and the plan
    /// does not depend on the machine's speed.
    static func automaticRounds(limit: Double?) -> Int {
        guard let limit else { return 240 }
        return max(8, min(2_000, Int(4 * limit)))
    }
}

/// The time limit of one run, counted from its start.
struct TimeBudget {
    let limit: Double?
    private let start = ContinuousClock.now

    init(limit: Double?) { self.limit = limit }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Seconds left (nil without a limit; may be negative).
    var remaining: Double? { limit.map { $0 - elapsed } }
}

/// The static LP bound (with the sum of best values as fallback), computed on its own thread.
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
