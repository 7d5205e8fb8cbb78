import ParkInstance
import ParkModel

/// "How many can we sign?" (`risk --capacity-questions`, docs/risk.md): per utility node, how
/// many more intent-stage candidates of typical size it can absorb before the chance that it
/// turns signed demand away or delays it passes a threshold, and which expansion, started by
/// which month, keeps it below.
///
/// The extra candidates are hypothetical letters of intent beyond those in the scenario: each
/// signs independently with the funnel's intent chance, draws the typical demand of the node's
/// candidates from their typical month, and queues behind every project of the scenario (it
/// would sign later). In a sample the node turns them away when it is already short from that
/// month on, or when more of them sign than its spare capacity from that month to the horizon
/// end holds; the number that sign is binomial, so within a sample the chance is exact and only
/// the sampling of the scenario's own candidates carries sampling error.
public struct CapacityQuestions: Sendable {
    /// Above this count the search stops and reports "at least".
    public static let maxCount = 500

    public let threshold: Double
    public let samples: Int
    public let exact: Bool
    public let answers: [Answer]

    /// One resource's answer.
    public struct Answer: Sendable {
        public let node: NodeID
        public let kind: CapacityKind
        /// Demand of a typical extra candidate (the lower median of the node's candidates).
        public let typicalDemand: Double
        /// Period from which it draws (the lower median of those candidates' draw periods).
        public let drawPeriod: Int
        /// true when the typical size comes from intent-stage candidates, false when the node
        /// has none and it comes from all its candidates.
        public let fromIntents: Bool
        /// How many candidates the typical size was taken from.
        public let peers: Int
        /// Chance that a typical extra candidate signs (the funnel's intent chance).
        public let chance: Double
        /// Overload chance from `drawPeriod` on with no extra candidate.
        public let now: RiskReport.Estimate
        public let absorbable: Count
        /// Overload chance with one more than `absorbable` (nil when unbounded).
        public let beyond: RiskReport.Estimate?
        /// The cheapest expansion of this node that, started by `startBy`, keeps the overload
        /// chance at that count within the threshold; nil when none does or none is needed.
        public let remedy: Remedy?
        /// Expansions of this node the plan does not have ready in time and that could not be
        /// (their earliest start is too late, or requirements or budget forbid it).
        public let tooLate: [ExpansionID]
        /// Expansions of this node tried as a remedy (not ready in time in the plan, and possible).
        public let tried: Int
    }

    public enum Count: Sendable, Equatable {
        /// Already above the threshold with none added.
        case none
        case exactly(Int)
        /// At least this many (the search stopped at `maxCount`).
        case atLeast(Int)

        /// The count of extra candidates the remedy must carry (one past the answer).
        var next: Int? {
            switch self {
            case .none: 0
            case .exactly(let k): k + 1
            case .atLeast: nil
            }
        }
    }

    public struct Remedy: Sendable {
        public let expansion: ExpansionID
        /// Latest start at which it is complete by the typical draw month.
        public let startBy: Int
        public let absorbable: Count
        /// Overload chance at the count one past the original answer, with the expansion.
        public let probability: RiskReport.Estimate
    }

    /// Answers the question for every resource that some candidate draws on.
    ///
    /// - Parameters:
    ///   - base: the weighted outcomes of the plan's own schedule;
    ///   - outcomes: the weighted outcomes of another schedule, on the same samples.
    public static func answer(
        _ setup: RiskSetup, threshold: Double, samples: Int, exact: Bool,
        base: [(SampleOutcome, Double)], outcomes: ([Int?]) -> [(SampleOutcome, Double)]
    ) -> CapacityQuestions {
        let instance = setup.instance
        let chance = instance.scenario.funnel?.probability(of: .intent) ?? ProjectStage.intent.defaultProbability
        var cache: [[Int?]: [(SampleOutcome, Double)]] = [:]
        var answers: [Answer] = []
        for r in instance.resources.indices {
            guard let typical = typical(setup, resource: r) else { continue }
            let curve = OverloadCurve(
                outcomes: base, resource: r, periods: setup.periodCount, demand: typical.demand,
                from: typical.draw, chance: chance)
            let absorbable = curve.absorbable(threshold)
            let estimate = { (p: Double) in RiskReport.estimate(p, samples: samples, exact: exact) }
            var remedy: Remedy?
            var tooLate: [ExpansionID] = []
            var tried = 0
            if let target = absorbable.next {
                var options: [Remedy] = []
                for addition in instance.resources[r].additions {
                    let e = addition.expansion, info = instance.expansions[e]
                    let latest = typical.draw - info.leadPeriods
                    if let planned = setup.expansionStarts[e], planned <= latest { continue }
                    var trial = setup.expansionStarts
                    trial[e] = latest
                    guard latest >= info.earliestPeriod, RobustSearch.feasible(instance, trial) else {
                        tooLate.append(info.id)
                        continue
                    }
                    tried += 1
                    let weighted = cache[trial] ?? outcomes(trial)
                    cache[trial] = weighted
                    let with = OverloadCurve(
                        outcomes: weighted, resource: r, periods: setup.periodCount, demand: typical.demand,
                        from: typical.draw, chance: chance)
                    let p = with.probability(target)
                    guard p <= threshold else { continue }
                    options.append(
                        Remedy(
                            expansion: info.id, startBy: latest, absorbable: with.absorbable(threshold),
                            probability: estimate(p)))
                }
                remedy = options.min { a, b in
                    let (ca, cb) = (cost(instance, a.expansion), cost(instance, b.expansion))
                    return ca != cb ? ca < cb : a.expansion.rawValue < b.expansion.rawValue
                }
            }
            answers.append(
                Answer(
                    node: instance.nodes[instance.resources[r].node].id, kind: instance.resources[r].kind,
                    typicalDemand: typical.demand, drawPeriod: typical.draw, fromIntents: typical.fromIntents,
                    peers: typical.peers, chance: chance, now: estimate(curve.probability(0)),
                    absorbable: absorbable, beyond: absorbable.next.map { estimate(curve.probability($0)) },
                    remedy: remedy, tooLate: tooLate, tried: tried))
        }
        return CapacityQuestions(threshold: threshold, samples: samples, exact: exact, answers: answers)
    }

    private static func cost(_ instance: PlanningInstance, _ id: ExpansionID) -> Double {
        instance.expansions.first { $0.id == id }?.cost ?? 0
    }

    /// The typical extra candidate of resource `r`: the lower medians of the demand and draw
    /// period of the intent-stage candidates that can connect to it (all its candidates when no
    /// intent does); nil when no candidate draws on it.
    static func typical(
        _ setup: RiskSetup, resource r: Int
    ) -> (demand: Double, draw: Int, fromIntents: Bool, peers: Int)? {
        let instance = setup.instance
        let kind = instance.resources[r].kind
        let stages = instance.scenario.projectList.map(\.stage)
        let connected = instance.projects.indices.filter { p in
            let project = instance.projects[p]
            guard project.status == .candidate, project.demand(kind) > 0,
                SiteRules.startWindow(project, periodCount: setup.periodCount) != nil
            else { return false }
            return setup.eligibleSites[p].contains { setup.siteResources[$0].contains(r) }
        }
        let intents = connected.filter { p in p < stages.count && stages[p] == .intent }
        let peers = intents.isEmpty ? connected : intents
        guard !peers.isEmpty else { return nil }
        func lowerMedian<T: Comparable>(_ values: [T]) -> T { values.sorted()[(values.count - 1) / 2] }
        let draws = peers.map { p in
            let project = instance.projects[p]
            return project.drawPeriod(start: project.windowLow, periodCount: setup.periodCount)
        }
        return (
            lowerMedian(peers.map { instance.projects[$0].demand(kind) }), lowerMedian(draws), !intents.isEmpty,
            peers.count
        )
    }
}

/// The overload chance of one resource as a function of the number of extra candidates: per
/// sample, how many extra candidates still fit (-1 when the node is already short), and the
/// binomial tail of how many sign.
struct OverloadCurve {
    /// Total weight of samples in which exactly `c` extra candidates fit (index `c + 1`; the last
    /// slot holds every sample in which more than `CapacityQuestions.maxCount` fit).
    private var weightByFit: [Double]
    private let chance: Double

    init(
        outcomes: [(SampleOutcome, Double)], resource r: Int, periods: Int, demand: Double, from t: Int,
        chance: Double
    ) {
        self.chance = chance
        let cap = CapacityQuestions.maxCount + 1
        var weights = [Double](repeating: 0, count: cap + 2)
        let total = outcomes.reduce(0) { $0 + $1.1 }
        for (outcome, weight) in outcomes {
            let short = (t..<periods).contains { outcome.blocked[r * periods + $0] }
            let fit: Int
            if short {
                fit = -1
            } else {
                let room = (outcome.spare[r * periods + t] + PlacementState.tolerance) / demand
                fit = room >= Double(cap) ? cap : max(0, Int(room.rounded(.down)))
            }
            weights[fit + 1] += total > 0 ? weight / total : 0
        }
        weightByFit = weights
    }

    /// Chance that the node turns demand away from the typical month on with `k` extra candidates.
    func probability(_ k: Int) -> Double {
        // pmf of Binomial(k, chance) by the recursion over k, then the tail above each fit.
        var pmf = [Double](repeating: 0, count: k + 1)
        pmf[0] = 1
        if k > 0 {
            for n in 1...k {
                for j in stride(from: n, through: 1, by: -1) {
                    pmf[j] = pmf[j] * (1 - chance) + pmf[j - 1] * chance
                }
                pmf[0] *= 1 - chance
            }
        }
        var above = [Double](repeating: 0, count: k + 2)  // above[c] = P(X > c - 1) = P(X ≥ c)
        for j in stride(from: k, through: 0, by: -1) { above[j] = above[j + 1] + pmf[j] }
        var p = 0.0
        for (slot, weight) in weightByFit.enumerated() where weight > 0 {
            let fit = slot - 1
            p += weight * (fit + 1 <= k ? min(1, above[fit + 1]) : 0)
        }
        return min(1, max(0, p))
    }

    /// The largest count whose chance stays within `threshold` (the chance only grows with the count).
    func absorbable(_ threshold: Double) -> CapacityQuestions.Count {
        let tolerance = 1e-12
        guard probability(0) <= threshold + tolerance else { return .none }
        // Doubling, then bisection: probability(k) is nondecreasing in k.
        var low = 0
        var high = 1
        while high <= CapacityQuestions.maxCount, probability(high) <= threshold + tolerance {
            low = high
            high *= 2
        }
        if high > CapacityQuestions.maxCount {
            guard probability(CapacityQuestions.maxCount) > threshold + tolerance else {
                return .atLeast(CapacityQuestions.maxCount)
            }
            high = CapacityQuestions.maxCount
        }
        while high - low > 1 {
            let mid = (low + high) / 2
            if probability(mid) <= threshold + tolerance { low = mid } else { high = mid }
        }
        return .exactly(low)
    }
}
