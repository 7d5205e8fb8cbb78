import Foundation
import LinearProgramming
import ParkModel
import ParkPlanning

/// A parameter sweep: the scenario solved for every value of one `--set` path (or every pair of
/// values of two), each point an independent solve of the scenario edited by `--set`.
public struct Sweep: Sendable {
    public let document: ScenarioDocument
    public let variant: String?
    /// Plain `PATH=VALUE` options applied to every point before the axis values.
    public let sets: [String]
    /// One or two axes; the first is the outer one.
    public let axes: [SweepAxis]
    /// Whether each point after the first of its chain starts from the previous point's plan
    /// (`PlanningOptions.startPlan`); false: every point is solved cold, each its own chain.
    public var warmStart = true

    /// The most points in one warm-start chain. The chain layout depends only on the point count
    /// (never on `--jobs` or `--shard`), so every point gets the same start in every run.
    public static let chainLength = 10

    /// Splits `options` into plain `--set` options and ranges (`PATH=FROM..TO[/STEP]`); one or
    /// two ranges are required. Each point is checked when it is solved, not here.
    public init(document: ScenarioDocument, variant: String?, options: [String]) throws {
        var sets: [String] = []
        var axes: [SweepAxis] = []
        for option in options {
            if SweepAxis.isRange(option) { axes.append(try SweepAxis.parse(option)) } else { sets.append(option) }
        }
        guard !axes.isEmpty else {
            throw SweepError("sweep: give at least one --set PATH=FROM..TO[/STEP] to sweep over")
        }
        guard axes.count <= 2 else {
            throw SweepError("sweep: at most two ranges (a grid of two parameters), found \(axes.count)")
        }
        if axes.count == 2, axes[0].path == axes[1].path {
            throw SweepError("sweep: both ranges set \(axes[0].path)")
        }
        let total = axes.reduce(1) { $0 * $1.values.count }
        guard total <= SweepAxis.maximumPoints else {
            throw SweepError("sweep: \(total) points; at most \(SweepAxis.maximumPoints)")
        }
        self.document = document; self.variant = variant; self.sets = sets; self.axes = axes
    }

    /// Points in the whole sweep.
    public var pointCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The axis values of point `number` (1-based; the last axis varies fastest).
    public func values(ofPoint number: Int) -> [String] {
        var rest = number - 1
        var values: [String] = []
        for axis in axes.reversed() {
            values.append(axis.values[rest % axis.values.count])
            rest /= axis.values.count
        }
        return values.reversed()
    }

    /// The `--set` options of point `number`: the plain ones, then one per axis.
    public func options(ofPoint number: Int) -> [String] {
        sets + zip(axes, values(ofPoint: number)).map { "\($0.path)=\($1)" }
    }

    /// The warm-start chains: contiguous runs of points along the axes (the last axis varies
    /// fastest). An even number of chains of at most `chainLength` points, as equal as possible,
    /// so that two threads get equal work; one point per chain when `warmStart` is off. Depends
    /// only on the point count.
    public var chains: [[Int]] {
        let count = pointCount
        guard warmStart else { return (1...count).map { [$0] } }
        let pairs = (count + 2 * Self.chainLength - 1) / (2 * Self.chainLength)
        let chainCount = min(count, 2 * pairs)
        return (0..<chainCount).map { c in
            let from = c * count / chainCount, to = (c + 1) * count / chainCount
            return Array((from + 1)...to)
        }
    }

    /// The chains of shard `shard` (K of N, whole chains round robin so that each shard gets a
    /// share of cheap and costly points), or every chain when `shard` is nil. A shard beyond the
    /// number of chains gets none (solve with `warmStart` off for one point per chain).
    public func chains(shard: Shard?) -> [[Int]] {
        let all = chains
        guard let shard else { return all }
        return all.indices.filter { $0 % shard.count == shard.index - 1 }.map { all[$0] }
    }

    /// The points of shard `shard` (the points of its chains, in order), or every point.
    public func points(shard: Shard?) -> [Int] { chains(shard: shard).flatMap { $0 } }

    /// Solves the points of `shard` (all when nil) on up to `jobs` threads, one chain at a time
    /// per thread, each chain with a solver made by `makeSolver` on its thread. A point after the
    /// first of its chain starts from the previous point's plan when `warmStart` is on. Also
    /// returns each point's seconds (in point order).
    public func run(
        shard: Shard?, jobs: Int, planning: PlanningOptions,
        makeSolver: @escaping @Sendable () -> any LinearSolver
    ) -> (result: SweepResult, seconds: [Double]) {
        let chains = chains(shard: shard)
        let outcomes = ParallelRunner.run(count: chains.count, jobs: jobs) { [self] i in
            var previous: Plan?
            var solved: [(SweepPoint, Double)] = []
            for number in chains[i] {
                let outcome = PointSolver.solve(
                    document: document, variant: variant, sets: options(ofPoint: number),
                    solver: makeSolver(), options: planning, startPlan: warmStart ? previous : nil)
                // A point without a plan passes on the last plan its chain found.
                if let plan = outcome.plan { previous = plan }
                let point = SweepPoint(point: number, values: values(ofPoint: number), outcome: outcome)
                solved.append((point, outcome.seconds))
            }
            return solved
        }.flatMap { $0 }
        let result = SweepResult(
            scenario: document.base.park.name, variant: variant, sets: sets, axes: axes,
            shard: shard.map { "\($0.index)/\($0.count)" }, currency: document.base.park.currencyOrDefault,
            timeLimitSeconds: planning.timeLimitSeconds, points: outcomes.map(\.0))
        return (result, outcomes.map(\.1))
    }
}

/// `--shard K/N`: the K-th of N slices of a sweep's points (1 ≤ K ≤ N).
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) { self.index = index; self.count = count }

    public static func parse(_ text: String) throws -> Shard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
            throw SweepError("--shard \(text): expected K/N with 1 ≤ K ≤ N, e.g. 2/8")
        }
        return Shard(index: k, count: n)
    }
}
