import Foundation
import ParkInstance
import ParkModel

/// Monte Carlo over which candidates sign (docs/risk.md).
///
/// Sample `k` draws from its own `SplitMix64` seeded from (`seed`, `k`): each project, in scenario
/// order, signs when a uniform draw in [0, 1) is below its chance. Samples run on `jobs` threads
/// but are summed in sample order, so the report depends on the seed and the count only.
public enum RiskAnalysis {
    /// Runs `samples` futures and summarises them; `progress(done, total)` is called from worker
    /// threads after each sample.
    public static func run(
        _ setup: RiskSetup, samples: Int, seed: UInt64, jobs: Int = 1,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> RiskReport {
        let outcomes = sampleOutcomes(setup, samples: samples, seed: seed, jobs: jobs, progress: progress)
        return RiskReport(
            setup: setup, weighted: outcomes.map { ($0, 1.0) },
            samples: samples, seed: seed, exact: false)
    }

    /// `run` and the capacity questions (docs/risk.md) on the same samples: the schedules an
    /// answer tries (one expansion moved earlier or added) are placed on those samples too.
    public static func runWithCapacityQuestions(
        _ setup: RiskSetup, samples: Int, seed: UInt64, jobs: Int = 1, threshold: Double,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> (RiskReport, CapacityQuestions) {
        let weighted = sampleOutcomes(
            setup, samples: samples, seed: seed, jobs: jobs, keepSpare: true, progress: progress
        ).map { ($0, 1.0) }
        let report = RiskReport(setup: setup, weighted: weighted, samples: samples, seed: seed, exact: false)
        let questions = CapacityQuestions.answer(
            setup, threshold: threshold, samples: samples, exact: false, base: weighted
        ) { starts in
            let trial = RiskSetup(instance: setup.instance, expansionStarts: starts)
            return sampleOutcomes(trial, samples: samples, seed: seed, jobs: jobs, keepSpare: true, progress: nil)
                .map { ($0, 1.0) }
        }
        return (report, questions)
    }

    /// The capacity questions answered exactly, by enumerating every combination of the
    /// uncertain candidates (nil when more than `maxUncertain` are uncertain).
    public static func exactCapacityQuestions(
        _ setup: RiskSetup, threshold: Double, maxUncertain: Int = 16
    ) -> CapacityQuestions? {
        guard let base = exactOutcomes(setup, maxUncertain: maxUncertain, keepSpare: true) else { return nil }
        return CapacityQuestions.answer(
            setup, threshold: threshold, samples: base.count, exact: true, base: base
        ) { starts in
            exactOutcomes(
                RiskSetup(instance: setup.instance, expansionStarts: starts), maxUncertain: maxUncertain,
                keepSpare: true) ?? []
        }
    }

    /// Which projects sign in sample `k` (committed and existing always).
    public static func draw(_ setup: RiskSetup, sample k: Int, seed: UInt64) -> [Bool] {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: k) &* 0xD1B5_4A32_D192_ED03))
        var generator = SplitMix64(seed: mixer.next())
        return setup.probabilities.map { generator.chance($0) }
    }

    /// Every combination of the uncertain candidates, weighted by its probability: the exact
    /// figures the Monte Carlo estimates (nil when more than `maxUncertain` are uncertain).
    public static func exact(_ setup: RiskSetup, maxUncertain: Int = 16) -> RiskReport? {
        guard let weighted = exactOutcomes(setup, maxUncertain: maxUncertain) else { return nil }
        return RiskReport(setup: setup, weighted: weighted, samples: weighted.count, seed: 0, exact: true)
    }

    static func exactOutcomes(
        _ setup: RiskSetup, maxUncertain: Int, keepSpare: Bool = false
    ) -> [(SampleOutcome, Double)]? {
        let uncertain = setup.uncertainProjects
        guard uncertain.count <= maxUncertain else { return nil }
        var weighted: [(SampleOutcome, Double)] = []
        for mask in 0..<(1 << uncertain.count) {
            var signed = setup.probabilities.map { $0 >= 1 }
            var weight = 1.0
            for (bit, p) in uncertain.enumerated() {
                let yes = mask & (1 << bit) != 0
                signed[p] = yes
                weight *= yes ? setup.probabilities[p] : 1 - setup.probabilities[p]
            }
            weighted.append((setup.place(signed: signed, keepSpare: keepSpare), weight))
        }
        return weighted
    }

    // MARK: - Parallel sampling

    static func sampleOutcomes(
        _ setup: RiskSetup, samples: Int, seed: UInt64, jobs: Int, keepSpare: Bool = false,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> [SampleOutcome] {
        let store = OutcomeStore(count: samples)
        let workers = max(1, min(jobs, samples))
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for k in stride(from: w, to: samples, by: workers) {
                let outcome = setup.place(signed: draw(setup, sample: k, seed: seed), keepSpare: keepSpare)
                let done = store.put(outcome, at: k)
                progress?(done, samples)
            }
        }
        return store.all()
    }
}

/// Outcomes written by worker threads into their sample's slot.
final class OutcomeStore: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SampleOutcome?]
    private var done = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func put(_ outcome: SampleOutcome, at k: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        slots[k] = outcome
        done += 1
        return done
    }

    func all() -> [SampleOutcome] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
