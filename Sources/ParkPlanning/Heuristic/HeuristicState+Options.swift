import ParkInstance
import ParkModel

/// One way to place a project: site, start and the expansions it needs built first.
struct PlacementOption {
    let site: Int
    let start: Int
    /// (expansion, start period) to build, in an order that respects `requires`.
    let expansions: [(expansion: Int, start: Int)]
    /// Value of the project at this start minus the weighted cost of the new expansions.
    let net: Double
    let projectValue: Double
}

/// Per resource, the last period of a shortfall (for one project's demand, in one state) that
/// nothing unbuilt can cover in time: any start of that project drawing on the resource from that
/// period or earlier has no expansion plan (`HeuristicState.expansionsFor`). Kept for the length
/// of one `bestOption`, across its classes (most share resources).
struct ShortfallMemo {
    private var entries: [(resource: Int, through: Int)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func note(_ r: Int, through u: Int) {
        if let i = entries.firstIndex(where: { $0.resource == r }) {
            entries[i].through = max(entries[i].through, u)
        } else {
            entries.append((r, u))
        }
    }

    /// Whether a start drawing from period `from` on `resources[range]` is known to have no plan.
    @inline(__always)
    func blocks(_ resources: [Int], _ range: Range<Int>, from: Int) -> Bool {
        for e in entries where from <= e.through {
            for i in range where resources[i] == e.resource { return true }
        }
        return false
    }
}

extension HeuristicState {
    // MARK: - Best option

    /// The option with the highest net value for project `p` (first found wins ties), optionally
    /// building expansions (at their earliest start) to make a planned site ready or add capacity.
    /// Only starts before `before` are considered. In each class the scan stops at the first start
    /// that fits as things are; expansion plans are costed only until the first one that works
    /// (later starts need no more and are worth no more).
    ///
    /// `rememberShortfalls: false` tries every start's expansion plan (no `ShortfallMemo`): the
    /// same option, more slowly (tests compare the two).
    func bestOption(
        _ p: Int, allowExpansions: Bool, before: Int = .max, rememberShortfalls: Bool = true
    ) -> PlacementOption? {
        // Flat tables, read into locals once: the class loop below retains nothing.
        let values = tables.values[p], demand = tables.demand[p], build = tables.buildPeriods[p]
        let probes = tables.probes, tolerance = tables.siteTolerance
        let classes = probes.classRange[p]
        var best: PlacementOption?
        var blocked = ShortfallMemo()
        for j in classes {
            let c = probes.classes[j], k = j - classes.lowerBound
            guard c.firstStart < before else { continue }
            // No start of this class is worth more than the best so far (the scan would stop at once).
            if let b = best, values[c.firstStart] <= b.net { continue }
            var planned = !allowExpansions
            // The best-fitting site among those whose first start has come (sites join as t grows).
            var next = c.sites.lowerBound
            var site: (position: Int, left: Double, site: Int)?
            for slot in c.starts {
                let t = probes.start[slot]
                guard t < before else { continue }
                while next < c.sites.upperBound, probes.siteFirstStart[next] <= t {
                    let i = probes.position[next], s = probes.site[next]
                    let left = free[s] - probes.need[next]
                    next += 1
                    guard left >= -tolerance[s] else { continue }
                    if let current = site, left > current.left || (left == current.left && i > current.position) {
                        continue
                    }
                    site = (i, left, s)
                }
                guard let s = site?.site else { continue }
                let v = values[t]
                if let b = best, v <= b.net { break }  // later starts are worth no more
                let from = min(t + build, periodCount - 1)
                let ready = !c.hasBuilders || (siteReady[s].map { $0 <= t } ?? false)
                if ready && fits(demand, probes.resource, c.resources, from: from) {
                    best = PlacementOption(site: s, start: t, expansions: [], net: v, projectValue: v)
                    break
                }
                // An earlier start (of any class) met a shortfall that nothing could cover in time
                // at a period this start also draws on: it would fail there again.
                guard !planned else { continue }
                if rememberShortfalls, blocked.blocks(probes.resource, c.resources, from: from) { continue }
                guard let plan = expansionsFor(p, k, site: s, start: t, blocked: &blocked) else { continue }
                planned = true
                let cost = plan.reduce(0) { $0 + tables.expansionCost[$1.expansion] }
                let net = v - tables.costWeight * cost
                if net > (best?.net ?? -.infinity) {
                    best = PlacementOption(site: s, start: t, expansions: plan, net: net, projectValue: v)
                }
            }
        }
        return best
    }

    /// Whether `demand` (per resource) fits each of `resources[range]` from period `from` on.
    @inline(__always)
    func fits(_ demand: [Double], _ resources: [Int], _ range: Range<Int>, from: Int) -> Bool {
        for i in range where demand[resources[i]] > headroom[resources[i] * periods + from] { return false }
        return true
    }

    mutating func apply(_ p: Int, _ option: PlacementOption) {
        for (e, start) in option.expansions { build(e, start: start) }
        place(p, site: option.site, start: option.start)
    }

    // MARK: - Expansions that unlock an option

    /// Expansions (with their requirements, each at its earliest start) that make site `site`
    /// ready by `t` and give class `k` the capacity for `p` from its draw period; nil when none do
    /// or the budget does not allow them. When nil because resource `r` falls short at a period
    /// `u` and nothing unbuilt could add to it by `u`, `blocked` notes `r` through the last such
    /// period: every start of `p` drawing on `r` from then or earlier fails the same way, in any
    /// class (the state is unchanged between the calls of one `bestOption`).
    func expansionsFor(
        _ p: Int, _ k: Int, site: Int, start t: Int, blocked: inout ShortfallMemo
    ) -> [(expansion: Int, start: Int)]? {
        var starts = assignment.expansionStarts
        var added: [Int] = []
        let c = index.classes[p][k]
        let lead = tables.expansionLead  // captured by the closures below instead of the whole state
        // With costs that are never negative, a plan over budget so far stays over budget.
        let limit = instance.budget.map { $0 * (1 + 1e-12) + 1e-9 }
        let exitEarly = limit != nil && tables.costsNonNegative
        var cost = 0.0
        let spentSoFar = spent, costs = tables.expansionCost  // not the whole state in the closure
        func overBudget(_ more: [Int]) -> Bool {
            guard exitEarly, let limit else { return false }
            for e in more { cost += costs[e] }
            return spentSoFar + cost > limit
        }
        if !c.builders.isEmpty, !(readyPeriod(site, starts: starts).map { $0 <= t } ?? false) {
            let choice = cheapestUnlock(c.builders, starts: starts) { trial, e in
                (trial[e] ?? .max) + lead[e] <= t
            }
            guard let choice, !overBudget(choice.added) else { return nil }
            starts = choice.starts; added += choice.added
        }
        let from = min(t + tables.buildPeriods[p], periodCount - 1)
        for r in c.resources {
            let d = tables.demand[p][r]
            // Fits as things are (expansions in `added` only add here): nothing to build for `r`.
            if d <= headroom[r * periods + from] && (added.isEmpty || !tables.hasNegativeAddition[r]) { continue }
            let nonNegative = !tables.hasNegativeAddition[r]
            for u in from..<periodCount {
                let at = r * periods + u
                // Fits without what `added` adds (which only adds here): fits with it.
                if nonNegative && Self.fitsWithin(used[at] + d, capacity[at]) { continue }
                while !Self.fitsWithin(used[at] + d, capacity[at] + extraCapacity(r, u, added: added, starts: starts)) {
                    // Nothing not yet built that adds to `r` can be complete by `u`: no candidate
                    // would be accepted (`cheapestUnlock` only tries expansions unbuilt here, each
                    // starting no earlier than its window), so this start has no plan.
                    let first = firstAddition(r)
                    guard u >= first else {
                        // So does every period before `first` where `r` falls short as things are.
                        var last = u
                        for v in stride(from: min(first, periodCount) - 1, to: u, by: -1)
                        where !Self.fitsWithin(used[r * periods + v] + d, capacity[r * periods + v]) {
                            last = v
                            break
                        }
                        blocked.note(r, through: last)
                        return nil
                    }
                    let candidates = index.resources[r].additions.filter {
                        $0.amount > 0 && starts[$0.expansion] == nil
                    }
                    .map(\.expansion)
                    let choice = cheapestUnlock(candidates, starts: starts) { trial, e in
                        (trial[e] ?? .max) + lead[e] <= u
                    }
                    guard let choice, !overBudget(choice.added) else { return nil }
                    starts = choice.starts; added += choice.added
                }
            }
        }
        let total = added.reduce(0) { $0 + tables.expansionCost[$1] }
        if let budget = instance.budget, spent + total > budget * (1 + 1e-12) + 1e-9 { return nil }
        return added.compactMap { e in starts[e].map { (e, $0) } }
    }

    /// The first period by which some expansion that adds to resource `r` and is not built in
    /// the assignment could be complete (the first start of its window plus its lead time);
    /// `Int.max` when none could.
    func firstAddition(_ r: Int) -> Int {
        let starts = assignment.expansionStarts, first = tables.firstCompletion
        var earliest = Int.max
        for a in index.resources[r].additions where a.amount > 0 && starts[a.expansion] == nil {
            if let done = first[a.expansion], done < earliest { earliest = done }
        }
        return earliest
    }

    /// Capacity that the expansions in `added` give resource `r` at period `u`.
    func extraCapacity(_ r: Int, _ u: Int, added: [Int], starts: [Int?]) -> Double {
        guard !added.isEmpty else { return 0 }
        var total = 0.0
        for (e, amount) in tables.resourceAdditions[r] where added.contains(e) {
            if let s = starts[e], s + tables.expansionLead[e] <= u { total += amount }
        }
        return total
    }

    /// Among `candidates`, the one whose build (with unbuilt requirements, all at their earliest)
    /// satisfies `accept` at the lowest cost (lowest index on ties).
    ///
    /// Candidates are tried in order of a lower bound of their cost (`unlockCostBounds`) and the
    /// search stops once that bound exceeds the best cost found, so a long `requires` chain costs
    /// one walk down the chain, not one per candidate; the answer is the same as trying them all.
    func cheapestUnlock(
        _ candidates: [Int], starts: [Int?],
        accept: ([Int?], Int) -> Bool
    ) -> (starts: [Int?], added: [Int])? {
        var best: (starts: [Int?], added: [Int], cost: Double, position: Int)?
        var trial = starts
        let bounds = unlockCostBounds(starts, roots: candidates)
        let order = candidates.indices.filter { starts[candidates[$0]] == nil }
            .sorted { (bounds[$0], $0) < (bounds[$1], $1) }
        for position in order {
            let e = candidates[position]
            if let best, bounds[position] > best.cost { break }
            var added: [Int] = []
            defer { for x in added { trial[x] = nil } }  // back to `starts` for the next candidate
            guard ensureBuilt(e, starts: &trial, added: &added), accept(trial, e) else { continue }
            let cost = added.reduce(0) { $0 + tables.expansionCost[$1] }
            // The cheapest, first in `candidates` on ties (as if every candidate were tried in order).
            if best.map({ (cost, position) < ($0.cost, $0.position) }) ?? true { best = (trial, added, cost, position) }
        }
        return best.map { ($0.starts, $0.added) }
    }

    /// Per root (in the order of `roots`), a lower bound of what building it with its unbuilt
    /// requirements costs: its own cost plus the largest bound among its requirements (they may
    /// share requirements, so not the sum); 0 when already scheduled. With a negative cost
    /// anywhere there is no useful bound and every entry is -∞ (every candidate is tried).
    ///
    /// Called for every costed option of the local search, so the common case (a root without
    /// requirements) allocates nothing beyond the result; roots with requirements share one walk.
    func unlockCostBounds(_ starts: [Int?], roots: [Int]) -> [Double] {
        guard tables.costsNonNegative else { return [Double](repeating: -.infinity, count: roots.count) }
        let requiresOf = tables.expansionRequires, costs = tables.expansionCost
        var memo: [Int: Double] = [:]
        return roots.map { root in
            if starts[root] != nil { return 0 }
            if requiresOf[root].isEmpty { return costs[root] }
            return chainCostBound(root, starts: starts, memo: &memo)
        }
    }

    /// `unlockCostBounds` of one root with requirements: an iterative depth-first walk
    /// (requirement chains may be thousands long) that keeps every bound it finds in `memo`.
    /// Requirements form no cycle (the loader rejects them); a requirement met again on the walk
    /// counts 0, so even a cyclic model ends.
    private func chainCostBound(_ root: Int, starts: [Int?], memo: inout [Int: Double]) -> Double {
        if let known = memo[root] { return known }
        let requiresOf = tables.expansionRequires, costs = tables.expansionCost
        var onStack: Set<Int> = [root]
        var stackExpansion = [root], stackNext = [0]
        while let e = stackExpansion.last {
            let top = stackExpansion.count - 1
            if starts[e] != nil {
                memo[e] = 0
                stackExpansion.removeLast(); stackNext.removeLast(); onStack.remove(e)
                continue
            }
            let requires = requiresOf[e]
            let next = stackNext[top]
            if next < requires.count {
                stackNext[top] = next + 1
                let r = requires[next]
                if memo[r] == nil, !onStack.contains(r) {
                    stackExpansion.append(r); stackNext.append(0); onStack.insert(r)
                }
                continue
            }
            var below = 0.0
            for r in requires { if let b = memo[r], b > below { below = b } }
            memo[e] = costs[e] + below
            stackExpansion.removeLast(); stackNext.removeLast(); onStack.remove(e)
        }
        return memo[root] ?? 0
    }

    /// Schedules `e` at its earliest start after its requirements (scheduling those first).
    func ensureBuilt(_ e: Int, starts: inout [Int?], added: inout [Int], depth: Int = 0) -> Bool {
        if starts[e] != nil { return true }
        guard depth <= instance.expansions.count, let range = index.expansionRanges[e] else { return false }
        var start = range.lowerBound
        for r in tables.expansionRequires[e] {
            guard ensureBuilt(r, starts: &starts, added: &added, depth: depth + 1), let rs = starts[r] else {
                return false
            }
            start = max(start, rs + instance.expansions[r].leadPeriods)
        }
        guard start <= range.upperBound else { return false }
        starts[e] = start
        added.append(e)
        return true
    }
}
