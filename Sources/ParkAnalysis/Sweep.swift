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

    /// The points of shard `shard` (K of N, round robin so that each shard gets a share of cheap
    /// and costly points), or every point when `shard` is nil.
    public func points(shard: Shard?) -> [Int] {
        let all = Array(1...pointCount)
        guard let shard else { return all }
        return all.filter { ($0 - 1) % shard.count == shard.index - 1 }
    }

    /// Solves the points of `shard` (all when nil) on up to `jobs` threads, each with a solver
    /// made by `makeSolver` on its own thread. Also returns each point's seconds (in point order).
    public func run(
        shard: Shard?, jobs: Int, planning: PlanningOptions,
        makeSolver: @escaping @Sendable () -> any LinearSolver
    ) -> (result: SweepResult, seconds: [Double]) {
        let numbers = points(shard: shard)
        let outcomes = ParallelRunner.run(count: numbers.count, jobs: jobs) { [self] i in
            let number = numbers[i]
            let outcome = PointSolver.solve(
                document: document, variant: variant, sets: options(ofPoint: number),
                solver: makeSolver(), options: planning)
            return (SweepPoint(point: number, values: values(ofPoint: number), outcome: outcome), outcome.seconds)
        }
        let result = SweepResult(
            scenario: document.base.park.name, variant: variant, sets: sets, axes: axes,
            shard: shard.map { "\($0.index)/\($0.count)" }, points: outcomes.map(\.0))
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
