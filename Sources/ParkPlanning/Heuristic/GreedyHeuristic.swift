import Foundation
import ParkInstance
import ParkModel

/// A fast feasible plan: greedy placement by value with capacity, space and readiness
/// bookkeeping over time, then local improvement (re-insert left-out candidates, move starts
/// earlier, try each unused expansion, drop expansions nothing needs).
///
/// Deterministic: every loop runs in index order and ties keep the first option found; the
/// amount of work is bounded by counts. Only `shouldStop` (the run's clock, on very large parks)
/// may cut the improvement steps short; the first pass always completes.
struct GreedyHeuristic {
    let index: ModelIndex
    /// Asked between improvement steps and between projects within them.
    var shouldStop: @Sendable () -> Bool = { false }
    /// Upper limit on expansion probes (each re-runs the insertion pass).
    var maximumProbes = 64
    /// Upper limit on swap trials (each evaluates one or two placements).
    var maximumSwapTrials = 5_000

    /// A plan placing every committed and existing project, or nil when the greedy could not.
    ///
    /// The two orders (by value, by value density) run at the same time on two threads; the
    /// choice between their plans is the same as when they run one after the other.
    func run() -> Assignment? {
        let orders = [false, true].map { placementOrder(byDensity: $0) }
        let heuristic = self
        let tables = HeuristicTables(index: index)
        // A thread of its own for the second order (`concurrentPerform` ran both orders one after
        // the other when called from a busy cooperative pool), the caller's thread for the first.
        let (first, second) = bothAtOnce(
            { heuristic.run(order: orders[0], tables: tables).map { ($0.assignment, $0.value) } },
            { heuristic.run(order: orders[1], tables: tables).map { ($0.assignment, $0.value) } })
        var best: (assignment: Assignment, value: Double)?
        for result in [first, second] {
            guard let (assignment, value) = result else { continue }
            if value > (best?.value ?? -.infinity) + 1e-9 * max(1, abs(value)) { best = (assignment, value) }
        }
        return best?.assignment
    }

    /// Greedy placement in `order`, then improvement; nil when a must-place project was left out.
    func run(order: [Int], tables: HeuristicTables? = nil) -> HeuristicState? {
        var state = HeuristicState(index: index, tables: tables)
        let instance = index.instance
        for p in order {
            let option = state.bestOption(p, allowExpansions: true)
            if let option, instance.projects[p].mustPlace || option.net > 0 {
                state.apply(p, option)
            } else {
                state.plainFailedAt[p] = state.stamp
            }
        }
        let missing = instance.projects.indices.contains {
            instance.projects[$0].mustPlace && state.assignment.placements[$0] == nil
        }
        if missing { return nil }
        improve(&state, order: order)
        return state
    }

    /// Existing, then committed, then candidates by best possible value (highest first), or by
    /// that value per unit of size (`byDensity`): the share of each resource's largest capacity
    /// and of the largest site the project takes.
    func placementOrder(byDensity: Bool = false) -> [Int] {
        let projects = index.instance.projects
        func rank(_ p: Int) -> Int {
            switch projects[p].status {
            case .existing: 0
            case .committed: 1
            case .candidate: 2
            }
        }
        func bestValue(_ p: Int) -> Double {
            index.classes[p].map { projects[p].value(startingAt: $0.starts.lowerBound) }.max() ?? -.infinity
        }
        var values = projects.indices.map(bestValue)
        if byDensity {
            let sizes = projects.indices.map(size)
            values = zip(values, sizes).map { $0 / max($1, 1e-6) }
        }
        return projects.indices.filter { !index.classes[$0].isEmpty }.sorted { a, b in
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if values[a] != values[b] { return values[a] > values[b] }
            return a < b
        }
    }

    /// A project's size relative to the park: demand over each resource's largest capacity plus
    /// space over the largest site of its kind.
    func size(_ p: Int) -> Double {
        let instance = index.instance
        let project = instance.projects[p]
        var total = 0.0
        for (r, resource) in index.resources.enumerated() {
            let d = project.demand(resource.kind)
            guard d > 0, index.classes[p].contains(where: { $0.resources.contains(r) }) else { continue }
            let largest =
                resource.usableFactor * (resource.base + resource.additions.reduce(0) { $0 + max(0, $1.amount) })
            total += d / max(largest, 1e-9)
        }
        // Largest site of the project's kind in m² (a building: units × unit area).
        let largestSite =
            instance.sites.filter { ($0.kind == .plot) == project.needsLand }
            .map { $0.kind == .plot ? $0.capacity : $0.capacity * $0.unitAreaM2 }.max() ?? 1
        return total + project.spaceM2 / max(largestSite, 1e-9)
    }

    // MARK: - Improvement

    func improve(_ state: inout HeuristicState, order: [Int]) {
        let steps: [(inout HeuristicState) -> Void] = [
            { reinsert(&$0, order: order) }, { moveEarlier(&$0, order: order) },
            { probeExpansions(&$0, order: order) }, { dropUnneededExpansions(&$0) },
            { reinsert(&$0, order: order) }, { moveEarlier(&$0, order: order) },
            { swapCandidates(&$0, order: order) }, { moveEarlier(&$0, order: order) },
        ]
        for step in steps {
            if shouldStop() { return }
            step(&state)
        }
    }

    /// For each left-out candidate, tries to take the place of a placed candidate worth less that
    /// shares a site or a resource with it (the displaced one is re-inserted where it fits); keeps
    /// a swap when the plan's value rises. At most `maximumSwapTrials` trials.
    func swapCandidates(_ state: inout HeuristicState, order: [Int]) {
        let instance = index.instance
        var trials = 0
        for u in order where state.assignment.placements[u] == nil && instance.projects[u].status == .candidate {
            if shouldStop() { return }
            let uSites = Set(index.classes[u].flatMap(\.sites))
            let uResources = Set(index.classes[u].flatMap(\.resources))
            let best = index.classes[u].map { instance.projects[u].value(startingAt: $0.starts.lowerBound) }.max() ?? 0
            for q in order.reversed() {
                guard trials < maximumSwapTrials else { return }
                guard instance.projects[q].status == .candidate, let (site, start) = state.assignment.placements[q],
                    let k = state.classOf(q, site: site)
                else { continue }
                let qValue = instance.projects[q].value(startingAt: start)
                guard qValue < best,
                    uSites.contains(site)
                        || index.classes[q][k].resources.contains(where: uResources.contains)
                else { continue }
                trials += 1
                // Whether `u` fits, worth more than `q`, once `q` is out: asked in place and undone
                // exactly (most trials end here); only then a copy of the state for the swap.
                guard let saved = state.snapshot(q) else { continue }
                state.unplace(q, loosen: false)
                let option = state.bestOption(u, allowExpansions: false)
                state.restore(saved)
                guard let option, option.net > qValue else { continue }
                var trial = state
                trial.unplace(q)
                trial.apply(u, option)
                if let again = trial.bestOption(q, allowExpansions: false), again.net > 0 { trial.apply(q, again) }
                if trial.value > state.value + 1e-9 * max(1, abs(state.value)) {
                    state = trial
                    break
                }
            }
        }
    }

    /// Places left-out candidates where they now fit with positive net value. Without expansions,
    /// a candidate whose last search failed is skipped until one of its sites or resources gains room.
    func reinsert(_ state: inout HeuristicState, order: [Int], allowExpansions: Bool = true) {
        for p in order where state.assignment.placements[p] == nil {
            if shouldStop() { return }
            if !allowExpansions && state.unchangedFor(p, since: state.plainFailedAt[p]) { continue }
            // No option worth more than 0 even with expansions means no plain one either.
            guard let option = state.bestOption(p, allowExpansions: allowExpansions), option.net > 0 else {
                state.plainFailedAt[p] = state.stamp
                continue
            }
            state.apply(p, option)
        }
    }

    /// Moves each placed project to an earlier (more valuable) start where one fits. A project
    /// whose last search failed is skipped until one of its sites or resources gains room.
    func moveEarlier(_ state: inout HeuristicState, order: [Int]) {
        for p in order {
            guard let (site, start) = state.assignment.placements[p], index.instance.projects[p].status != .existing,
                !state.unchangedFor(p, since: state.earlierFailedAt[p])
            else { continue }
            let current = state.tables.values[p][start]
            state.unplace(p, loosen: false)
            if let option = state.bestOption(p, allowExpansions: false, before: start),
                option.projectValue > current + 1e-9
            {
                state.apply(p, option)
                if let k = state.classOf(p, site: site) { state.markLoosened(p, site: site, k) }
            } else {
                state.place(p, site: site, start: start)
                state.earlierFailedAt[p] = state.stamp
            }
        }
    }

    /// Tries each unbuilt expansion (with its requirements, at the earliest start): keeps it when
    /// re-inserting left-out candidates then gains more than it costs.
    func probeExpansions(_ state: inout HeuristicState, order: [Int]) {
        var probes = 0
        for e in index.instance.expansions.indices where state.assignment.expansionStarts[e] == nil {
            if shouldStop() { return }
            guard probes < maximumProbes else { return }
            var trial = state
            var starts = trial.assignment.expansionStarts
            var added: [Int] = []
            guard trial.ensureBuilt(e, starts: &starts, added: &added) else { continue }
            let cost = added.reduce(0) { $0 + index.instance.expansions[$1].cost }
            if let budget = index.instance.budget, trial.spent + cost > budget * (1 + 1e-12) + 1e-9 { continue }
            probes += 1
            for x in added { if let s = starts[x] { trial.build(x, start: s) } }
            reinsert(&trial, order: order, allowExpansions: false)
            moveEarlier(&trial, order: order)
            if trial.value > state.value + 1e-9 * max(1, abs(state.value)) { state = trial }
        }
    }

    /// Removes built expansions (last first) whose removal keeps every placement feasible.
    func dropUnneededExpansions(_ state: inout HeuristicState) {
        let expansions = index.instance.expansions
        for e in expansions.indices.reversed() {
            guard let start = state.assignment.expansionStarts[e] else { continue }
            let needed = expansions.indices.contains { x in
                state.assignment.expansionStarts[x] != nil && expansions[x].requires.contains(e)
            }
            guard !needed else { continue }
            state.unbuild(e)
            if !state.isConsistent() { state.build(e, start: start) }
        }
    }
}
