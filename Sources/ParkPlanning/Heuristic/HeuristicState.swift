import ParkModel

/// The bookkeeping of the greedy heuristic: an assignment with the demand drawn, the usable
/// capacity and the free space it leaves, updated incrementally.
struct HeuristicState {
    let index: ModelIndex
    var assignment: Assignment
    /// `used[r][t]`, `capacity[r][t]` per resource and period (usable, after reserve).
    var used: [[Double]]
    var capacity: [[Double]]
    /// Free m² (plots) or units (buildings) per site.
    var free: [Double]
    /// Sum of costs of built expansions.
    var spent: Double = 0

    var instance: PlanningInstance { index.instance }
    var periodCount: Int { index.periodCount }

    init(index: ModelIndex) {
        self.index = index
        let instance = index.instance
        assignment = Assignment(projectCount: instance.projects.count, expansionCount: instance.expansions.count)
        used = index.resources.map { _ in [Double](repeating: 0, count: index.periodCount) }
        capacity = index.resources.map { r in (0..<index.periodCount).map { r.baseUsable(at: $0) } }
        free = instance.sites.map(\.capacity)
    }

    // MARK: - Queries

    static func fitsWithin(_ used: Double, _ capacity: Double) -> Bool {
        used <= capacity + 1e-9 * max(1, abs(capacity))
    }

    /// Whether project `p` in class `k` starting at `t` fits the capacity left (extra: added capacity).
    func capacityFits(_ p: Int, _ k: Int, _ t: Int, extra: (Int, Int) -> Double = { _, _ in 0 }) -> Bool {
        let project = instance.projects[p]
        let from = project.drawPeriod(start: t, periodCount: periodCount)
        for r in index.classes[p][k].resources {
            let d = project.demand(index.resources[r].kind)
            for u in from..<periodCount where !Self.fitsWithin(used[r][u] + d, capacity[r][u] + extra(r, u)) {
                return false
            }
        }
        return true
    }

    /// Period from which a site is ready with the expansions built so far (nil: not ready).
    func readyPeriod(_ s: Int, starts: [Int?]? = nil) -> Int? {
        let site = instance.sites[s]
        guard site.isPlanned else { return site.readyPeriod }
        let starts = starts ?? assignment.expansionStarts
        let done = site.builtBy.compactMap { e in starts[e].map { $0 + instance.expansions[e].leadPeriods } }.min()
        return done.map { max($0, site.readyPeriod) }
    }

    /// The best-fitting site of class `k` with room for `p` that allows a start at `t` (least free
    /// space left; lowest index).
    func bestSite(_ p: Int, _ k: Int, start t: Int) -> Int? {
        let project = instance.projects[p]
        let c = index.classes[p][k]
        var best: (site: Int, left: Double)?
        for (i, s) in c.sites.enumerated() where c.siteFirstStarts[i] <= t {
            let left = free[s] - ModelIndex.spaceNeed(project, on: instance.sites[s])
            guard left >= -1e-9 * max(1, instance.sites[s].capacity) else { continue }
            if let current = best, left >= current.left { continue }
            best = (s, left)
        }
        return best?.site
    }

    func classOf(_ p: Int, site s: Int) -> Int? { index.classes[p].firstIndex { $0.sites.contains(s) } }

    /// SPEC §4 value of the current assignment.
    var value: Double { PlanBuilder.value(PlanBuilder.valueParts(assignment, instance)) }

    // MARK: - Changes

    mutating func place(_ p: Int, site s: Int, start t: Int) {
        guard let k = classOf(p, site: s) else { return }
        let project = instance.projects[p]
        assignment.placements[p] = (s, t)
        free[s] -= ModelIndex.spaceNeed(project, on: instance.sites[s])
        let from = project.drawPeriod(start: t, periodCount: periodCount)
        for r in index.classes[p][k].resources {
            let d = project.demand(index.resources[r].kind)
            for u in from..<periodCount { used[r][u] += d }
        }
    }

    mutating func unplace(_ p: Int) {
        guard let (s, t) = assignment.placements[p], let k = classOf(p, site: s) else { return }
        let project = instance.projects[p]
        assignment.placements[p] = nil
        free[s] += ModelIndex.spaceNeed(project, on: instance.sites[s])
        let from = project.drawPeriod(start: t, periodCount: periodCount)
        for r in index.classes[p][k].resources {
            let d = project.demand(index.resources[r].kind)
            for u in from..<periodCount { used[r][u] -= d }
        }
    }

    mutating func build(_ e: Int, start: Int) {
        guard assignment.expansionStarts[e] == nil else { return }
        assignment.expansionStarts[e] = start
        spent += instance.expansions[e].cost
        adjustCapacity(e, from: start + instance.expansions[e].leadPeriods, sign: 1)
    }

    mutating func unbuild(_ e: Int) {
        guard let start = assignment.expansionStarts[e] else { return }
        assignment.expansionStarts[e] = nil
        spent -= instance.expansions[e].cost
        adjustCapacity(e, from: start + instance.expansions[e].leadPeriods, sign: -1)
    }

    private mutating func adjustCapacity(_ e: Int, from complete: Int, sign: Double) {
        guard complete < periodCount else { return }
        for (r, resource) in index.resources.enumerated() {
            for (x, amount) in resource.additions where x == e {
                for u in complete..<periodCount { capacity[r][u] += sign * resource.usableFactor * amount }
            }
        }
    }

    /// Whether every placement still fits capacity and site readiness (after removing capacity).
    func isConsistent() -> Bool {
        for r in index.resources.indices {
            for u in 0..<periodCount where !Self.fitsWithin(used[r][u], capacity[r][u]) { return false }
        }
        for placement in assignment.placements {
            guard let (s, t) = placement else { continue }
            guard let ready = readyPeriod(s), ready <= t else { return false }
        }
        return true
    }
}
