import ParkInstance
import ParkModel

/// The bookkeeping of the greedy heuristic: an assignment with the demand drawn, the usable
/// capacity, the headroom and the free space it leaves, and its contract §4 value, all updated
/// incrementally.
///
/// It also remembers, per project, when a search for a place (or for an earlier start) last
/// failed, and, per resource and site, when room last grew ("loosened"): a search that failed
/// cannot succeed before something it depends on has loosened, so it is skipped (same result,
/// no work).
struct HeuristicState {
    let index: ModelIndex
    let tables: HeuristicTables
    var assignment: Assignment
    /// Number of periods `P`; the per-resource arrays below hold `r * P + t` for resource `r`
    /// and period `t` (flat, so that copying a state for a trial copies three buffers).
    let periods: Int
    /// Demand drawn and usable capacity (after reserve) per resource and period.
    var used: [Double]
    var capacity: [Double]
    /// The least of `capacity + tolerance - used` over periods `t...P-1` (a project drawing from
    /// `t` fits resource `r` when its demand is at most this).
    var headroom: [Double]
    /// Free m² (plots) or units (buildings) per site.
    var free: [Double]
    /// Period from which each site is ready with the expansions built so far (nil: not ready).
    var siteReady: [Int?]
    /// Sum of costs of built expansions.
    var spent: Double = 0
    /// contract §4 value of `assignment`, kept up to date by every change.
    private(set) var value: Double = 0

    /// Counter of loosening events; per resource and site, the event that last loosened it.
    var stamp = 0
    var resourceLoosened: [Int]
    var siteLoosened: [Int]
    /// Per project: the stamp at which a plain search (no expansions, any start) found no option
    /// with positive value, or at which no earlier start was found for its placement; -1: none.
    var plainFailedAt: [Int]
    var earlierFailedAt: [Int]
    /// The stamp at which the budget last gained room (an expansion removed under a budget).
    var budgetLoosenedAt = 0

    var instance: PlanningInstance { index.instance }
    var periodCount: Int { periods }

    init(index: ModelIndex, tables: HeuristicTables? = nil) {
        self.index = index
        self.tables = tables ?? HeuristicTables(index: index)
        let instance = index.instance
        assignment = Assignment(projectCount: instance.projects.count, expansionCount: instance.expansions.count)
        periods = index.periodCount
        used = [Double](repeating: 0, count: index.resources.count * index.periodCount)
        capacity = index.resources.flatMap { r in (0..<index.periodCount).map { r.baseUsable(at: $0) } }
        headroom = capacity
        free = instance.sites.map(\.capacity)
        siteReady = instance.sites.map { $0.isPlanned ? nil : $0.readyPeriod }
        resourceLoosened = Array(repeating: 0, count: index.resources.count)
        siteLoosened = Array(repeating: 0, count: instance.sites.count)
        plainFailedAt = Array(repeating: -1, count: instance.projects.count)
        earlierFailedAt = plainFailedAt
        for r in index.resources.indices { refreshHeadroom(r) }
    }

    /// The state of a given assignment (expansions first, then placements in project order).
    /// Feasibility is not checked here; see `isConsistent()`.
    init(index: ModelIndex, assignment: Assignment, tables: HeuristicTables? = nil) {
        self.init(index: index, tables: tables)
        for (e, start) in assignment.expansionStarts.enumerated() { if let start { build(e, start: start) } }
        for (p, placement) in assignment.placements.enumerated() {
            if let (s, t) = placement { place(p, site: s, start: t) }
        }
    }

    // MARK: - Queries

    static func fitsWithin(_ used: Double, _ capacity: Double) -> Bool {
        used <= capacity + 1e-9 * max(1, abs(capacity))
    }

    /// Whether project `p` in class `k` starting at `t` fits the capacity left.
    func capacityFits(_ p: Int, _ k: Int, _ t: Int) -> Bool {
        let from = min(t + tables.buildPeriods[p], periodCount - 1)
        let demand = tables.demand[p]
        for r in index.classes[p][k].resources where demand[r] > headroom[r * periods + from] { return false }
        return true
    }

    /// Period from which a site is ready with the expansions in `starts` (nil: not ready).
    func readyPeriod(_ s: Int, starts: [Int?]) -> Int? {
        let site = instance.sites[s]
        guard site.isPlanned else { return site.readyPeriod }
        let done = site.builtBy.compactMap { e in starts[e].map { $0 + instance.expansions[e].leadPeriods } }.min()
        return done.map { max($0, site.readyPeriod) }
    }

    func readyPeriod(_ s: Int) -> Int? { siteReady[s] }

    func classOf(_ p: Int, site s: Int) -> Int? { index.classes[p].firstIndex { $0.sites.contains(s) } }

    /// Whether nothing project `p` depends on (its resources and sites) has loosened after `stamp`.
    func unchangedFor(_ p: Int, since stamp: Int) -> Bool {
        guard stamp >= 0 else { return false }
        for r in tables.projectResources[p] where resourceLoosened[r] > stamp { return false }
        for s in tables.projectSites[p] where siteLoosened[s] > stamp { return false }
        return true
    }

    // MARK: - Changes

    mutating func place(_ p: Int, site s: Int, start t: Int) {
        guard let k = classOf(p, site: s), let i = index.classes[p][k].sites.firstIndex(of: s) else { return }
        assignment.placements[p] = (s, t)
        earlierFailedAt[p] = -1
        free[s] -= tables.need[p][k][i]
        if !tables.isExisting[p] { value += tables.values[p][t] }
        let from = min(t + tables.buildPeriods[p], periodCount - 1)
        for r in index.classes[p][k].resources {
            let d = tables.demand[p][r]
            for u in from..<periodCount { used[r * periods + u] += d }
            refreshHeadroom(r)
        }
    }

    /// Removes `p`'s placement; with `loosen`, records that its site and resources gained room.
    mutating func unplace(_ p: Int, loosen: Bool = true) {
        guard let (s, t) = assignment.placements[p], let k = classOf(p, site: s),
            let i = index.classes[p][k].sites.firstIndex(of: s)
        else { return }
        assignment.placements[p] = nil
        earlierFailedAt[p] = -1
        free[s] += tables.need[p][k][i]
        if !tables.isExisting[p] { value -= tables.values[p][t] }
        let from = min(t + tables.buildPeriods[p], periodCount - 1)
        for r in index.classes[p][k].resources {
            let d = tables.demand[p][r]
            for u in from..<periodCount { used[r * periods + u] -= d }
            refreshHeadroom(r)
        }
        if loosen { markLoosened(p, site: s, k) }
    }

    /// Records that site `s` and the resources of `p`'s class `k` gained room.
    mutating func markLoosened(_ p: Int, site s: Int, _ k: Int) {
        stamp += 1
        siteLoosened[s] = stamp
        for r in index.classes[p][k].resources { resourceLoosened[r] = stamp }
    }

    mutating func build(_ e: Int, start: Int) {
        guard assignment.expansionStarts[e] == nil else { return }
        assignment.expansionStarts[e] = start
        spent += instance.expansions[e].cost
        value -= tables.costWeight * instance.expansions[e].cost
        stamp += 1
        adjustCapacity(e, from: start + instance.expansions[e].leadPeriods, sign: 1)
        for s in tables.sitesBuiltBy[e] {
            siteReady[s] = readyPeriod(s, starts: assignment.expansionStarts)
            siteLoosened[s] = stamp
        }
    }

    mutating func unbuild(_ e: Int) {
        guard let start = assignment.expansionStarts[e] else { return }
        assignment.expansionStarts[e] = nil
        spent -= instance.expansions[e].cost
        value += tables.costWeight * instance.expansions[e].cost
        if instance.budget != nil { stamp += 1; budgetLoosenedAt = stamp }
        adjustCapacity(e, from: start + instance.expansions[e].leadPeriods, sign: -1)
        for s in tables.sitesBuiltBy[e] { siteReady[s] = readyPeriod(s, starts: assignment.expansionStarts) }
    }

    private mutating func adjustCapacity(_ e: Int, from complete: Int, sign: Double) {
        guard complete < periodCount else { return }
        for (r, amount) in tables.additions[e] {
            for u in complete..<periodCount { capacity[r * periods + u] += sign * amount }
            refreshHeadroom(r)
            if sign > 0 && amount > 0 { resourceLoosened[r] = stamp }
        }
    }

    /// Recomputes `headroom[r]` (suffix minima of capacity plus tolerance minus use).
    mutating func refreshHeadroom(_ r: Int) {
        let count = periods
        guard count > 0 else { return }
        var least = Double.infinity
        for u in stride(from: count - 1, through: 0, by: -1) {
            let c = capacity[r * count + u]
            least = min(least, c + 1e-9 * max(1, abs(c)) - used[r * count + u])
            headroom[r * count + u] = least
        }
    }

    // MARK: - Exact undo of one removal

    /// What removing `p`'s placement changes, copied so that `restore` puts back the very same
    /// numbers (no rounding from adding the demand back).
    struct Snapshot {
        let project: Int
        let placement: (site: Int, start: Int)
        let earlierFailedAt: Int
        let free: Double
        let value: Double
        /// Per resource of `p`'s class: its rows of `used` and `headroom`.
        let rows: [(resource: Int, used: [Double], headroom: [Double])]
    }

    func snapshot(_ p: Int) -> Snapshot? {
        guard let placement = assignment.placements[p], let k = classOf(p, site: placement.site) else { return nil }
        let rows = index.classes[p][k].resources.map { r in
            let range = (r * periods)..<((r + 1) * periods)
            return (r, Array(used[range]), Array(headroom[range]))
        }
        return Snapshot(
            project: p, placement: placement, earlierFailedAt: earlierFailedAt[p],
            free: free[placement.site], value: value, rows: rows)
    }

    /// Undoes `unplace(p, loosen: false)` of the snapshot's project (no change in between).
    mutating func restore(_ saved: Snapshot) {
        assignment.placements[saved.project] = saved.placement
        earlierFailedAt[saved.project] = saved.earlierFailedAt
        free[saved.placement.site] = saved.free
        value = saved.value
        for (r, usedRow, headroomRow) in saved.rows {
            let base = r * periods
            for u in 0..<periods { used[base + u] = usedRow[u]; headroom[base + u] = headroomRow[u] }
        }
    }

    /// Whether every placement still fits capacity and site readiness (after removing capacity).
    func isConsistent() -> Bool {
        for r in index.resources.indices {
            for u in 0..<periodCount where !Self.fitsWithin(used[r * periods + u], capacity[r * periods + u]) {
                return false
            }
        }
        for placement in assignment.placements {
            guard let (s, t) = placement else { continue }
            guard let ready = readyPeriod(s), ready <= t else { return false }
        }
        return true
    }
}
