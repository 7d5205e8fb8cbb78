import Foundation
import ParkInstance
import ParkModel

/// The summary of a risk analysis: per node and period, per committed project, and the
/// distribution of the park's value and of the number of signed projects turned away.
///
/// Probabilities carry a 95 % Wilson interval, means a 95 % normal interval; for an exact
/// enumeration the intervals collapse to the figure itself.
public struct RiskReport: Sendable {
    public let samples: Int
    public let seed: UInt64
    /// true when computed by enumerating every combination (no sampling error).
    public let exact: Bool
    public let nodes: [NodeRisk]
    public let committed: [ProjectReadiness]
    public let value: Distribution
    public let turnedAway: Distribution
    public let signedCandidates: Distribution

    /// One resource (node and kind) over the horizon.
    public struct NodeRisk: Sendable {
        public let node: NodeID
        public let kind: CapacityKind
        /// Per period: chance that signed demand is turned away or delayed because of this node.
        public let blocked: [Estimate]
        /// Per period: expected demand turned away or delayed (resource unit).
        public let expectedMissing: [Double]
        /// Per period: usable capacity with the plan's expansions.
        public let capacity: [Double]
        /// Per period: percentiles of the signed demand asking for the node (the load of the
        /// projects placed on it plus the demand it turned away or delayed then).
        public let demand: [Fan]
    }

    /// Percentiles 10, 25, 50, 75 and 90 of a figure over the samples.
    public struct Fan: Sendable, Equatable {
        public let p10: Double
        public let p25: Double
        public let p50: Double
        public let p75: Double
        public let p90: Double
    }

    public struct ProjectReadiness: Sendable {
        public let project: ProjectID
        /// The month it wants to start (its window start).
        public let wanted: YearMonth?
        /// Chance it starts in its wanted month.
        public let onTime: Estimate
    }

    /// A probability with its 95 % interval.
    public struct Estimate: Sendable, Equatable {
        public let p: Double
        public let low: Double
        public let high: Double
    }

    /// A weighted sample of a number: mean with its 95 % interval and percentiles.
    public struct Distribution: Sendable, Equatable {
        public let mean: Double
        public let low: Double
        public let high: Double
        public let p10: Double
        public let p50: Double
        public let p90: Double
    }

    /// Summarises weighted outcomes (weight 1 each for a Monte Carlo run, the combination's
    /// probability for an enumeration); sums are divided by the total weight at the end, so a
    /// run whose samples all agree reports their figures exactly.
    init(setup: RiskSetup, weighted raw: [(SampleOutcome, Double)], samples: Int, seed: UInt64, exact: Bool) {
        self.samples = samples; self.seed = seed; self.exact = exact
        let total = raw.reduce(0) { $0 + $1.1 }
        let weighted = raw
        let scale = total > 0 ? total : 1
        let periods = setup.periodCount
        let instance = setup.instance
        nodes = instance.resources.enumerated().map { r, resource in
            var chance = [Double](repeating: 0, count: periods)
            var missing = [Double](repeating: 0, count: periods)
            for (outcome, weight) in weighted {
                for t in 0..<periods where outcome.blocked[r * periods + t] {
                    chance[t] += weight
                    missing[t] += weight * outcome.missing[r * periods + t]
                }
            }
            let demand = (0..<periods).map { t in
                Self.fan(
                    weighted.map { outcome, weight in
                        let i = r * periods + t
                        return ((outcome.load.isEmpty ? 0 : outcome.load[i]) + outcome.missing[i], weight)
                    })
            }
            return NodeRisk(
                node: instance.nodes[resource.node].id, kind: resource.kind,
                blocked: chance.map { Self.estimate($0 / scale, samples: samples, exact: exact) },
                expectedMissing: missing.map { $0 / scale }, capacity: setup.capacity[r], demand: demand)
        }
        committed = setup.committedProjects.map { p in
            let project = instance.projects[p]
            let wanted = SiteRules.startWindow(project, periodCount: periods)?.lowerBound
            let chance = weighted.reduce(0.0) { sum, item in
                guard let wanted, item.0.placements[p]?.start == wanted else { return sum }
                return sum + item.1
            }
            return ProjectReadiness(
                project: project.id, wanted: wanted.map(instance.month),
                onTime: Self.estimate(chance / scale, samples: samples, exact: exact))
        }
        let candidates = setup.instance.projects.indices.filter { instance.projects[$0].status == .candidate }
        value = Self.distribution(weighted.map { ($0.0.value, $0.1) }, exact: exact)
        turnedAway = Self.distribution(weighted.map { (Double($0.0.turnedAway), $0.1) }, exact: exact)
        signedCandidates = Self.distribution(
            weighted.map { item in
                (Double(candidates.filter { item.0.signed[$0] }.count), item.1)
            }, exact: exact)
    }

    // MARK: - Statistics

    /// Critical value of the two-sided 95 % normal interval.
    public static let z = 1.959963984540054

    /// The 95 % Wilson score interval for `p` observed in `samples` draws.
    public static func estimate(_ p: Double, samples n: Int, exact: Bool) -> Estimate {
        guard !exact, n > 0 else { return Estimate(p: p, low: p, high: p) }
        let nd = Double(n), z2 = z * z
        let centre = (p + z2 / (2 * nd)) / (1 + z2 / nd)
        let half = z / (1 + z2 / nd) * (p * (1 - p) / nd + z2 / (4 * nd * nd)).squareRoot()
        return Estimate(p: p, low: max(0, centre - half), high: min(1, centre + half))
    }

    /// Weighted percentiles 10 to 90.
    static func fan(_ raw: [(Double, Double)]) -> Fan {
        let q = percentiles(raw, levels: [0.1, 0.25, 0.5, 0.75, 0.9])
        return Fan(p10: q[0], p25: q[1], p50: q[2], p75: q[3], p90: q[4])
    }

    /// Weighted percentiles at `levels` (ascending): for each, the smallest value whose
    /// cumulative share of the weight reaches the level.
    static func percentiles(_ raw: [(Double, Double)], levels: [Double]) -> [Double] {
        let total = raw.reduce(0) { $0 + $1.1 }
        let sorted = raw.sorted { $0.0 < $1.0 }
        var result: [Double] = []
        var cumulative = 0.0
        var index = 0
        for level in levels {
            while index < sorted.count, cumulative < level - 1e-12 {
                cumulative += total > 0 ? sorted[index].1 / total : 0
                index += 1
            }
            result.append(index > 0 ? sorted[index - 1].0 : (sorted.first?.0 ?? 0))
        }
        return result
    }

    /// Weighted mean with a 95 % normal interval and weighted percentiles.
    static func distribution(_ raw: [(Double, Double)], exact: Bool) -> Distribution {
        let total = raw.reduce(0) { $0 + $1.1 }
        let items = raw.map { ($0.0, total > 0 ? $0.1 / total : 0) }
        let mean = total > 0 ? raw.reduce(0) { $0 + $1.0 * $1.1 } / total : 0
        let variance = items.reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
        let n = Double(items.count)
        let half = exact || n < 2 ? 0 : z * (variance * n / (n - 1) / n).squareRoot()
        let q = percentiles(raw, levels: [0.1, 0.5, 0.9])
        return Distribution(mean: mean, low: mean - half, high: mean + half, p10: q[0], p50: q[1], p90: q[2])
    }
}
