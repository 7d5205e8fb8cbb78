import ParkInstance
import ParkModel

/// What readiness assumes about the rest of the park: the other projects' placements and the
/// expansions built, from a plan or (without one) from the scenario alone.
struct ReadinessContext {
    /// Another project's place in the park.
    struct Occupant {
        let project: Int
        let site: Int
        let start: Int
        /// Units taken (buildings) or m² (plots).
        let space: Double
    }

    let instance: PlanningInstance
    let hasPlan: Bool
    let occupants: [Occupant]
    /// Completion period of each expansion the plan builds (nil = not built by the plan).
    let builtCompletion: [Int?]
    /// Completion period of each expansion if built as early as allowed, after what the plan builds;
    /// nil when it cannot start within the horizon.
    let earliestCompletion: [Int?]
    /// Cost of the expansions the plan builds.
    let builtCost: Double
    /// Demand drawn by all occupants: `[kind][node][period]`, kinds in `CapacityKind.allCases` order.
    let usage: [[[Double]]]

    init(instance: PlanningInstance, plan: Plan?) {
        self.instance = instance
        self.hasPlan = plan != nil
        var built = [Int?](repeating: nil, count: instance.expansions.count)
        for b in plan?.expansions ?? [] {
            guard let e = instance.expansionIndex(b.id) else { continue }
            built[e] = instance.horizon.availablePeriod(b.start) + instance.expansions[e].leadPeriods
        }
        self.builtCompletion = built
        self.earliestCompletion = Self.schedule(instance, built: built)
        self.builtCost = instance.expansions.indices.reduce(0) {
            $0 + (built[$1] != nil ? instance.expansions[$1].cost : 0)
        }
        let occupants =
            plan.map { $0.placements.compactMap { Self.occupant($0, instance) } }
            ?? Self.pinnedOccupants(instance)
        self.occupants = occupants
        self.usage = Self.usage(instance, occupants)
    }

    static func usage(_ instance: PlanningInstance, _ occupants: [Occupant]) -> [[[Double]]] {
        let count = instance.periodCount
        return CapacityKind.allCases.map { kind in
            var byNode = [[Double]](repeating: [Double](repeating: 0, count: count), count: instance.nodes.count)
            for o in occupants {
                let p = instance.projects[o.project]
                guard let n = instance.sites[o.site].node(kind.utility), p.demand(kind) > 0 else { continue }
                for t in p.drawPeriod(start: o.start, periodCount: count)..<max(count, 0) {
                    byNode[n][t] += p.demand(kind)
                }
            }
            return byNode
        }
    }

    // MARK: - Expansions

    /// Earliest completion of every expansion: plan-built ones at their plan time; others start at
    /// their `earliest` period once every required expansion is complete.
    static func schedule(_ instance: PlanningInstance, built: [Int?]) -> [Int?] {
        var memo = [Int?](repeating: nil, count: instance.expansions.count)
        var done = [Bool](repeating: false, count: instance.expansions.count)
        func complete(_ e: Int, depth: Int) -> Int? {
            if let b = built[e] { return b }
            if done[e] { return memo[e] }
            guard depth < instance.expansions.count + 1 else { return nil }  // cycles are rejected by the loader
            let info = instance.expansions[e]
            var start = info.earliestPeriod
            for r in info.requires {
                guard let c = complete(r, depth: depth + 1) else { done[e] = true; return nil }
                start = max(start, c)
            }
            let result: Int? = start < instance.periodCount ? start + info.leadPeriods : nil
            memo[e] = result
            done[e] = true
            return result
        }
        return instance.expansions.indices.map { complete($0, depth: 0) }
    }

    /// Completion period of `e` as readiness assumes it (plan time, or as early as allowed).
    func completion(_ e: Int) -> Int? { builtCompletion[e] ?? earliestCompletion[e] }

    /// `e` and every expansion it requires that the plan does not build, requirements first.
    func chain(_ e: Int) -> [Int] {
        var order: [Int] = []
        func visit(_ x: Int, depth: Int) {
            guard builtCompletion[x] == nil, !order.contains(x), depth <= instance.expansions.count else { return }
            for r in instance.expansions[x].requires { visit(r, depth: depth + 1) }
            order.append(x)
        }
        visit(e, depth: 0)
        return order
    }

    // MARK: - Occupants

    static func occupant(_ p: Placement, _ instance: PlanningInstance) -> Occupant? {
        guard let q = instance.projectIndex(p.project), let s = instance.siteIndex(p.site) else { return nil }
        let start = instance.horizon.availablePeriod(p.start)
        let space = p.units.map(Double.init) ?? SiteRules.spaceNeed(instance.projects[q], on: instance.sites[s])
        return Occupant(project: q, site: s, start: start, space: space)
    }

    /// Without a plan: existing and committed projects pinned to a site, at their pinned start
    /// (else the start of their window).
    static func pinnedOccupants(_ instance: PlanningInstance) -> [Occupant] {
        instance.projects.indices.compactMap { q in
            let p = instance.projects[q]
            guard p.mustPlace, let s = p.pinnedSite else { return nil }
            let start = p.pinnedStart ?? max(0, min(p.windowLow, instance.periodCount - 1))
            return Occupant(project: q, site: s, start: start, space: SiteRules.spaceNeed(p, on: instance.sites[s]))
        }
    }

    // MARK: - Capacity

    /// Demand of `kind` drawn on node `node` in every period by every occupant except project `except`.
    func used(node: Int, kind: CapacityKind, except: Int) -> [Double] {
        guard let k = CapacityKind.allCases.firstIndex(of: kind) else { return [] }
        var total = usage[k][node]
        for o in occupants where o.project == except && instance.sites[o.site].node(kind.utility) == node {
            let p = instance.projects[o.project]
            let draw = p.drawPeriod(start: o.start, periodCount: instance.periodCount)
            for t in draw..<max(draw, total.count) { total[t] -= p.demand(kind) }
        }
        return total
    }

    /// Usable capacity of `kind` at `node` in every period, with base capacity, the plan's expansions
    /// and those in `extra` (at their earliest completion). Nil for COD at a plant that sets none.
    func capacity(node: Int, kind: CapacityKind, extra: [Int]) -> [Double]? {
        let info = instance.nodes[node]
        let count = instance.periodCount
        let base: Double
        if kind == .cod {
            guard let cod = info.baseCOD else { return nil }
            base = cod
        } else {
            base = info.baseCapacity
        }
        var total = (0..<count).map { $0 >= info.readyPeriod ? base : 0 }
        for e in instance.expansions.indices {
            guard case .node(let n, let cap, let cod) = instance.expansions[e].target, n == node,
                let done = builtCompletion[e] ?? (extra.contains(e) ? earliestCompletion[e] : nil)
            else { continue }
            for t in max(0, done)..<max(max(0, done), count) { total[t] += kind == .cod ? cod : cap }
        }
        let factor = kind == .power ? info.usableFactor : 1
        return total.map { $0 * factor }
    }
}

extension CapacityKind {
    /// The kind of connection that carries this resource.
    var utility: UtilityKind {
        switch self {
        case .power: .power
        case .water: .water
        case .sewage, .cod: .sewage
        }
    }
}
