import ParkInstance
import ParkModel

/// Expansions chosen for the expected value over sampled futures (sample average
/// approximation with a heuristic search): each candidate schedule is scored by the mean value of
/// the greedy placement over the same signing samples, and the search changes one expansion's
/// start (or whether it is built) at a time while that raises the mean and leaves no more
/// committed projects unplaced than the start schedule, starting from the deterministic plan's. No MIP per sample; see docs/risk.md.
public enum RobustSearch {
    public struct Result: Sendable {
        /// Per expansion: start period, nil when not built.
        public let expansionStarts: [Int?]
        /// Mean value on the search samples, of the start schedule and of the result.
        public let startMean: Double
        public let mean: Double
        /// Schedules scored.
        public let evaluations: Int
    }

    /// Placements the search may spend by default (about 30 s for a 150-project park here): the
    /// limit is a count, not a clock, so a run repeats exactly.
    public static let placementBudget = 20_000

    /// Improves `start` on `samples` signing draws; at most `maxEvaluations` schedules are scored
    /// (default: `placementBudget / samples.count`, at least 20).
    public static func search(
        instance: PlanningInstance, start: [Int?], samples: [[Bool]],
        maxEvaluations: Int? = nil
    ) -> Result {
        let maxEvaluations = maxEvaluations ?? max(20, placementBudget / max(1, samples.count))
        var current = start
        var best = meanValue(instance, current, samples)
        let allowedShutOut = committedShutOut(instance, current, samples)
        let startMean = best
        var evaluations = 1
        var improved = true
        while improved, evaluations < maxEvaluations {
            improved = false
            for e in instance.expansions.indices {
                for option in options(instance, current, e) where evaluations < maxEvaluations {
                    var trial = current
                    trial[e] = option
                    guard feasible(instance, trial) else { continue }
                    let mean = meanValue(instance, trial, samples)
                    evaluations += 1
                    if mean > best + 1e-9 * max(1, abs(best)),
                        committedShutOut(instance, trial, samples) <= allowedShutOut
                    {
                        best = mean; current = trial; improved = true
                    }
                }
            }
        }
        return Result(expansionStarts: current, startMean: startMean, mean: best, evaluations: evaluations)
    }

    /// Mean of the greedy placement's value over `samples` with the expansions `starts`.
    public static func meanValue(_ instance: PlanningInstance, _ starts: [Int?], _ samples: [[Bool]]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let setup = RiskSetup(instance: instance, expansionStarts: starts)
        return samples.reduce(0) { $0 + setup.place(signed: $1).value } / Double(samples.count)
    }

    /// Committed projects left unplaced, summed over `samples`: a schedule may not leave out more
    /// of them than the one the search starts from (contracts come first, whatever they earn).
    static func committedShutOut(_ instance: PlanningInstance, _ starts: [Int?], _ samples: [[Bool]]) -> Int {
        let setup = RiskSetup(instance: instance, expansionStarts: starts)
        let committed = setup.committedProjects
        return samples.reduce(0) { sum, signed in
            let outcome = setup.place(signed: signed)
            return sum + committed.filter { outcome.placements[$0] == nil }.count
        }
    }

    /// Alternatives for expansion `e`: not built, and starts on a grid of about 12 steps over the
    /// horizon plus the neighbours of its current start.
    static func options(_ instance: PlanningInstance, _ current: [Int?], _ e: Int) -> [Int?] {
        let info = instance.expansions[e]
        let last = instance.periodCount - 1 - info.leadPeriods
        guard info.earliestPeriod <= last else { return current[e] == nil ? [] : [nil] }
        var starts = Array(stride(from: info.earliestPeriod, through: last, by: max(1, instance.periodCount / 12)))
        if let now = current[e] { starts += [now - 1, now + 1].filter { $0 >= info.earliestPeriod && $0 <= last } }
        var result: [Int?] = current[e] == nil ? [] : [nil]
        for s in starts.sorted() where s != current[e] && !result.contains(s) { result.append(s) }
        return result
    }

    /// Contract §3.8 and §3.9 for a schedule: earliest starts, requirements built and complete
    /// first, the budget.
    public static func feasible(_ instance: PlanningInstance, _ starts: [Int?]) -> Bool {
        var cost = 0.0
        for (e, info) in instance.expansions.enumerated() {
            guard let s = starts[e] else { continue }
            if s < info.earliestPeriod { return false }
            for r in info.requires {
                guard let rs = starts[r], s >= rs + instance.expansions[r].leadPeriods else { return false }
            }
            cost += info.cost
        }
        return instance.budget.map { cost <= $0 + 1e-9 } ?? true
    }

    /// Signing draws `0..<count` of `seed` (the same rule as `RiskAnalysis`).
    public static func draws(_ instance: PlanningInstance, count: Int, seed: UInt64) -> [[Bool]] {
        let setup = RiskSetup(
            instance: instance, expansionStarts: Array(repeating: nil, count: instance.expansions.count))
        return (0..<count).map { RiskAnalysis.draw(setup, sample: $0, seed: seed) }
    }

    /// Seed of the fresh samples on which the robust and deterministic schedules are compared.
    public static func evaluationSeed(_ seed: UInt64) -> UInt64 { seed ^ 0x5EED_F00D_CAFE_BEEF }
}
