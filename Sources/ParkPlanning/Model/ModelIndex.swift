import Foundation
import ParkInstance
import ParkModel

/// The options left for the MIP and the heuristic after removing the provably impossible ones
/// (wrong kind of site, zone, building requirements, missing connection, policy, pins, too big,
/// site never ready in the window, demand above the node's largest possible capacity).
///
/// Sites a project may use are grouped into *start classes*: sites that share, for this project,
/// the relevant utility nodes, the first feasible start and the expansions that build them.
/// Capacity and readiness depend only on the class and the start, space only on the site, so one
/// start variable per class and period plus one site-choice variable per site is exact.
struct ModelIndex: Sendable {
    let instance: PlanningInstance
    /// Per expansion: the periods it may start in, nil when it can never be built. In the full
    /// model this is one period, the earliest it can start (`earliestStarts`): neither the value
    /// nor the budget depends on when an expansion is built (contract §4, §3.9), and an earlier
    /// completion only adds capacity or readiness sooner, so every plan stays feasible and keeps
    /// its value when each of its expansions (and, first, each requirement) moves to its earliest
    /// start. Only the choice of what to build is left to the search.
    let expansionRanges: [ClosedRange<Int>?]
    /// Per site: the first period it can possibly be ready (nil: never within the horizon).
    let siteEarliestReady: [Int?]
    /// Per resource (node × checked kind).
    let resources: [Resource]
    /// Per project: its start classes (empty: it can never be placed).
    let classes: [[StartClass]]
    /// Per resource: the periods its usable capacity may change (see `candidateStarts`). A
    /// restricted index keeps its base's steps (a superset of its own: still exact).
    let capacitySteps: [[Int]]

    var periodCount: Int { instance.periodCount }

    /// Start classes of all projects (what a local search round's cost grows with).
    var classCount: Int { classes.reduce(0) { $0 + $1.count } }

    init(instance: PlanningInstance) {
        self.instance = instance
        let ranges = Self.expansionRanges(instance)
        expansionRanges = Self.earliestStarts(ranges)
        siteEarliestReady = instance.sites.map { Self.earliestReady($0, instance: instance, ranges: ranges) }
        resources = instance.resources
        let maxCapacity = Self.maximalCapacities(instance, resources: resources, ranges: ranges)
        let siteResources = instance.sites.map { site in
            instance.resources.indices.filter { Self.serves(instance.resources[$0], site) }
        }
        var perProject: [[StartClass]] = []
        for p in instance.projects.indices {
            perProject.append(
                Self.startClasses(
                    project: p, instance: instance, siteReady: siteEarliestReady,
                    resources: resources, siteResources: siteResources, maxCapacity: maxCapacity))
        }
        classes = perProject
        capacitySteps = Self.capacitySteps(instance, resources: resources, ranges: expansionRanges)
    }

    /// The same park with other start classes: the sub-problems of `NeighbourhoodSearch` keep
    /// every option of the projects they free and pin the others to their current site and start.
    /// Expansions may be restricted likewise (`expansionRanges`, nil: as in `base`); each range
    /// must lie within the base's.
    init(_ base: ModelIndex, classes: [[StartClass]], expansionRanges: [ClosedRange<Int>?]? = nil) {
        precondition(classes.count == base.classes.count, "one class list per project")
        instance = base.instance
        self.expansionRanges = expansionRanges ?? base.expansionRanges
        siteEarliestReady = base.siteEarliestReady
        resources = base.resources
        self.classes = classes
        capacitySteps = base.capacitySteps
    }

    /// Columns project `p` brings to the MIP: a start column per class and candidate start
    /// (`candidateStarts`), and a site-choice column per site of a class with several sites.
    func columnCount(ofProject p: Int) -> Int {
        classes[p].indices.reduce(0) { total, k in
            let c = classes[p][k]
            return total + candidateStarts(p, k).count + (c.sites.count > 1 ? c.sites.count : 0)
        }
    }

    /// Earliest completion period of expansion `e` (when it is buildable).
    func earliestCompletion(_ e: Int) -> Int? {
        expansionRanges[e].map { $0.lowerBound + instance.expansions[e].leadPeriods }
    }

    // MARK: - Expansions

    /// Each usable start window reduced to its first period: the earliest start, which already
    /// waits for the earliest completion of every requirement (`expansionRanges`).
    static func earliestStarts(_ ranges: [ClosedRange<Int>?]) -> [ClosedRange<Int>?] {
        ranges.map { $0.map { $0.lowerBound...$0.lowerBound } }
    }

    /// An expansion may start from its `earliest` period and only once every requirement can be
    /// complete, and only when it costs no more than the budget; it is useful only if it completes within the horizon (it adds nothing after), so
    /// with a non-negative weighted cost its last useful start is `P - 1 - lead`.
    static func expansionRanges(_ instance: PlanningInstance) -> [ClosedRange<Int>?] {
        let expansions = instance.expansions
        let last = instance.periodCount - 1
        let costWeight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        var low = expansions.map(\.earliestPeriod)
        // An expansion dearer than the whole budget can never be built (leaving it out also keeps
        // a cost of 1e9 out of a budget row whose right-hand side is 0.003).
        var buildable = expansions.map { info in instance.budget.map { info.cost <= $0 * (1 + 1e-9) } ?? true }
        // Requirements form a DAG (validated); relax until stable (at most E rounds).
        for _ in 0...expansions.count {
            var changed = false
            for (e, info) in expansions.enumerated() {
                for r in info.requires where r != e {
                    let earliest = low[r] + expansions[r].leadPeriods
                    if earliest > low[e] { low[e] = earliest; changed = true }
                    if !buildable[r] && buildable[e] { buildable[e] = false; changed = true }
                }
                let high = costWeight * info.cost >= 0 ? last - info.leadPeriods : last
                if low[e] > high && buildable[e] { buildable[e] = false; changed = true }
                if info.requires.contains(e) && buildable[e] { buildable[e] = false; changed = true }
            }
            if !changed { break }
        }
        return expansions.enumerated().map { e, info in
            let high = costWeight * info.cost >= 0 ? last - info.leadPeriods : last
            guard buildable[e], low[e] <= high, low[e] >= 0 else { return nil }
            return low[e]...high
        }
    }

    static func earliestReady(_ site: SiteInfo, instance: PlanningInstance, ranges: [ClosedRange<Int>?]) -> Int? {
        var ready = site.readyPeriod
        if site.isPlanned {
            let completions = site.builtBy.compactMap { e in
                ranges[e].map { $0.lowerBound + instance.expansions[e].leadPeriods }
            }
            guard let first = completions.min() else { return nil }
            ready = max(ready, first)
        }
        return ready < instance.periodCount ? ready : nil
    }
}

/// Sites of one project that are interchangeable for capacity and readiness: the same drawn
/// resources and the same builder expansions. Sites may differ in their first feasible start
/// (their own `ready` date); a site-ready row keeps a later site from an earlier start.
struct StartClass: Sendable {
    /// Eligible site indices, ascending.
    let sites: [Int]
    /// Per site (same order): the first start period feasible on it (≥ `starts.lowerBound`).
    let siteFirstStarts: [Int]
    /// Expansions that build these (planned) sites; empty for sites that exist.
    let builders: [Int]
    /// Resource indices the project draws on from these sites (positive demand only).
    let resources: [Int]
    /// Feasible start periods (on at least one of the sites).
    let starts: ClosedRange<Int>

    init(sites: [Int], builders: [Int], resources: [Int], starts: ClosedRange<Int>, siteFirstStarts: [Int]) {
        self.sites = sites; self.builders = builders; self.resources = resources; self.starts = starts
        self.siteFirstStarts = siteFirstStarts
    }

    /// The first feasible start on site `s` of this class.
    func firstStart(onSite s: Int) -> Int? { sites.firstIndex(of: s).map { siteFirstStarts[$0] } }
}
