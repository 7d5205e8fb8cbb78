import Foundation
import ParkInstance
import ParkModel

/// Ruin-and-recreate local search on a feasible assignment (contract §3), deterministic for the
/// same inputs.
///
/// Each round removes a related group of placed projects (sharing a site or a utility node with
/// a seed project, starting close to it, plus a few random ones; 3–30 of them), drops the
/// expansions nothing needs any more (sometimes one that is still needed, with the projects that
/// relied on it), then re-inserts the removed and the left-out projects greedily (must-place
/// projects first, the rest by value or value density with random noise), building expansions
/// where they pay, and moves starts earlier where room appeared. A round's plan is accepted when
/// its value falls by at most a threshold that shrinks linearly to zero over the rounds
/// (threshold accepting); the best plan seen is returned.
struct LocalSearch {
    let index: ModelIndex
    let tables: HeuristicTables
    /// Threshold at the first round, relative to the current value (0: accept only no loss).
    var initialThreshold = 0.01
    /// Probability that a round also removes one still-needed expansion.
    var expansionRuinShare = 0.15
    /// Searches run side by side (one per core), each from the best plan of the last epoch.
    var chains = 2
    /// Chain c starts its threshold at `initialThreshold × chainThresholdFactor^c`: 0.5 gives
    /// the chains different depths, so that they do not settle in the same local optimum (the
    /// planner uses it where no full MIP follows, see `PlanningPipeline.localSearch`); 1: alike.
    var chainThresholdFactor = 1.0
    /// Rounds per chain between two meetings of the chains (at most `maximumEpochs` epochs).
    var epochRounds = 400
    var maximumEpochs = 32

    /// `rounds` rounds on each of `chains` threads, in epochs: every chain starts an epoch from
    /// the best plan of the previous one (ties: the lower chain) with a seed of its own, so the
    /// result depends only on the inputs and the round count, never on the threads' timing —
    /// unless `shouldStop` ends it early.
    /// `enough` is asked with the best value after each epoch: true ends the search (the
    /// planner's `--gap` holds).
    func improveInParallel(
        _ assignment: Assignment, rounds: Int, seed: UInt64, enough: (Double) -> Bool = { _ in false },
        shouldStop: @escaping @Sendable () -> Bool
    ) -> Assignment {
        guard chains > 1, rounds >= 2 * epochRounds else {
            return improve(assignment, rounds: rounds, seed: seed, shouldStop: shouldStop)
        }
        let epochs = min(maximumEpochs, max(1, rounds / epochRounds))
        let instance = index.instance
        var best = (assignment: assignment, value: PlanBuilder.value(assignment, instance))
        let search = self
        for epoch in 0..<epochs {
            if shouldStop() || enough(best.value) { break }
            let range = (rounds * epoch / epochs)..<(rounds * (epoch + 1) / epochs)
            let start = best.assignment
            let slots = Slots<Assignment?>(repeating: nil, count: chains)
            let seeds = (0..<chains).map { seed &+ UInt64(epoch * chains + $0) &* 0x9E37_79B9_7F4A_7C15 }
            let done = DispatchSemaphore(value: 0)
            for chain in 1..<chains {
                var chainSearch = search
                chainSearch.initialThreshold = search.initialThreshold * pow(chainThresholdFactor, Double(chain))
                let thread = Thread { [chainSearch] in
                    slots.store(
                        chain,
                        chainSearch.improve(
                            start, rounds: range, of: rounds, seed: seeds[chain], shouldStop: shouldStop))
                    done.signal()
                }
                thread.stackSize = 16 << 20
                thread.start()
            }
            slots.store(0, improve(start, rounds: range, of: rounds, seed: seeds[0], shouldStop: shouldStop))
            for _ in 1..<chains { done.wait() }
            for result in slots.values {
                guard let result else { continue }
                let value = PlanBuilder.value(result, instance)
                if value > best.value + 1e-9 * max(1, abs(best.value)) { best = (result, value) }
            }
        }
        return best.assignment
    }

    init(index: ModelIndex) {
        self.index = index
        tables = HeuristicTables(index: index)
    }

    /// A feasible assignment worth at least `assignment` (which must be feasible: every
    /// must-place project placed). Deterministic for the same inputs: work is bounded by
    /// `rounds`; `shouldStop` is polled between rounds (the caller's deadline) and ends early.
    func improve(
        _ assignment: Assignment, rounds: Int, seed: UInt64,
        shouldStop: () -> Bool
    ) -> Assignment {
        improve(assignment, rounds: 0..<max(0, rounds), of: rounds, seed: seed, shouldStop: shouldStop)
    }

    /// Rounds `rounds` of a search of `total` rounds (the acceptance threshold follows the
    /// round's place in the whole search), from `assignment`.
    func improve(
        _ assignment: Assignment, rounds: Range<Int>, of total: Int, seed: UInt64,
        shouldStop: () -> Bool
    ) -> Assignment {
        let instance = index.instance
        var current = HeuristicState(index: index, assignment: assignment, tables: tables)
        // Only an assignment the bookkeeping reproduces exactly, and that is consistent, is searched.
        guard current.assignment == assignment, current.isConsistent(), isComplete(current) else { return assignment }
        let startValue = PlanBuilder.value(assignment, instance)
        var best = current
        var rng = SplitMix64(seed: seed)
        let greedy = GreedyHeuristic(index: index)
        let natural = greedy.placementOrder()
        let keys = RecreateKeys(index: index, tables: tables, greedy: greedy)
        for round in rounds {
            if shouldStop() { break }
            var trial = current
            guard ruin(&trial, rng: &rng) else { continue }
            recreate(&trial, greedy: greedy, natural: natural, keys: keys, rng: &rng)
            guard isComplete(trial) else { continue }
            let progress = Double(round) / Double(max(1, total))
            let threshold = initialThreshold * (1 - progress) * max(1, abs(current.value))
            if trial.value >= current.value - threshold { current = trial }
            if current.value > best.value + 1e-9 * max(1, abs(best.value)) { best = current }
        }
        // The search keeps every rule by construction; check anyway and never return less.
        let value = PlanBuilder.value(best.assignment, instance)
        guard best.isConsistent(), isComplete(best), value >= startValue else { return assignment }
        return best.assignment
    }

    /// Every must-place project is placed.
    func isComplete(_ state: HeuristicState) -> Bool {
        tables.mustPlace.indices.allSatisfy { !tables.mustPlace[$0] || state.assignment.placements[$0] != nil }
    }

    // MARK: - Ruin

    /// Removes a related group of placed projects and the expansions nothing needs; false when
    /// nothing could be removed.
    func ruin(_ state: inout HeuristicState, rng: inout SplitMix64) -> Bool {
        let placed = state.assignment.placements.indices.filter {
            state.assignment.placements[$0] != nil && !tables.isExisting[$0]
        }
        guard !placed.isEmpty else { return false }
        let seed = rng.pick(placed)
        let size = min(placed.count, rng.int(3...30))
        let related = relatedGroup(to: seed, among: placed, size: size, state: state, rng: &rng)
        for p in related { state.unplace(p) }
        if rng.chance(expansionRuinShare) { ruinExpansion(&state, rng: &rng) }
        GreedyHeuristic(index: index).dropUnneededExpansions(&state)
        return true
    }

    /// `size` placed projects closest to `seed`: the same site first, then a shared utility
    /// node, then the nearest start (random weights per round, random tie-breaks), with about a
    /// fifth of the group drawn at random.
    func relatedGroup(
        to seed: Int, among placed: [Int], size: Int, state: HeuristicState,
        rng: inout SplitMix64
    ) -> [Int] {
        guard let (seedSite, seedStart) = state.assignment.placements[seed] else { return [seed] }
        let seedResources = Set(tables.projectResources[seed])
        let siteWeight = rng.uniform(0.5, 3), nodeWeight = rng.uniform(0.5, 2), timeWeight = rng.uniform(0, 2)
        let periods = Double(max(1, index.periodCount))
        var scored: [(p: Int, score: Double)] = []
        for p in placed where p != seed {
            guard let (site, start) = state.assignment.placements[p] else { continue }
            var score = rng.unit()
            if site != seedSite { score += siteWeight }
            if !tables.projectResources[p].contains(where: seedResources.contains) { score += nodeWeight }
            score += timeWeight * Double(abs(start - seedStart)) / periods
            scored.append((p, score))
        }
        scored.sort { $0.score != $1.score ? $0.score < $1.score : $0.p < $1.p }
        var group = [seed]
        let randomCount = (size - 1) / 5
        group += scored.prefix(max(0, size - 1 - randomCount)).map(\.p)
        var rest = Array(scored.dropFirst(max(0, size - 1 - randomCount)).map(\.p))
        for _ in 0..<randomCount where !rest.isEmpty {
            group.append(rest.remove(at: rng.int(0...(rest.count - 1))))
        }
        return group
    }

    /// Removes one built expansion that no other built expansion requires, with every removable
    /// project whose site or capacity relied on it. Leaves the state unchanged when an existing
    /// project relies on it.
    func ruinExpansion(_ state: inout HeuristicState, rng: inout SplitMix64) {
        let expansions = index.instance.expansions
        let built = expansions.indices.filter { e in
            state.assignment.expansionStarts[e] != nil
                && !expansions.indices.contains { x in
                    state.assignment.expansionStarts[x] != nil && expansions[x].requires.contains(e)
                }
        }
        guard !built.isEmpty else { return }
        let e = rng.pick(built)
        guard let start = state.assignment.expansionStarts[e] else { return }
        var trial = state
        trial.unbuild(e)
        if !trial.isConsistent() {
            let resources = Set(tables.additions[e].map(\.resource))
            let sites = Set(tables.sitesBuiltBy[e])
            for (p, placement) in trial.assignment.placements.enumerated() {
                guard let (s, _) = placement, !tables.isExisting[p] else { continue }
                if sites.contains(s) || tables.projectResources[p].contains(where: resources.contains) {
                    trial.unplace(p)
                }
            }
        }
        if trial.isConsistent() { state = trial } else { state.build(e, start: start) }
    }

    // MARK: - Recreate

    /// Re-inserts unplaced projects: must-place ones first (in the greedy order), then the rest by
    /// value (or value density) times random noise; then moves starts earlier.
    func recreate(
        _ state: inout HeuristicState, greedy: GreedyHeuristic, natural: [Int], keys: RecreateKeys,
        rng: inout SplitMix64
    ) {
        let unplaced = natural.filter { state.assignment.placements[$0] == nil }
        let base = rng.chance(0.3) ? keys.density : keys.value
        let noise = rng.uniform(0, 0.5)
        var keyed: [(p: Int, key: Double)] = []
        for p in unplaced where !tables.mustPlace[p] { keyed.append((p, base[p] * (1 + noise * rng.unit()))) }
        keyed.sort { $0.key != $1.key ? $0.key > $1.key : $0.p < $1.p }
        let order = unplaced.filter { tables.mustPlace[$0] } + keyed.map(\.p)
        for p in order {
            // A project whose last search failed is tried again only when some of its sites or
            // resources gained room since (a shortcut: the search is greedy, and room in the budget
            // is not tracked here, so a project held back only by the budget waits for a round that
            // frees its sites or resources).
            let failed = state.plainFailedAt[p]
            if !tables.mustPlace[p], state.unchangedFor(p, since: failed) { continue }
            let option = state.bestOption(p, allowExpansions: true)
            if let option, tables.mustPlace[p] || option.net > 0 {
                state.apply(p, option)
            } else {
                state.plainFailedAt[p] = state.stamp
            }
        }
        greedy.moveEarlier(&state, order: natural)
    }
}

/// Per project: the best value it can have (at the first start of its best class) and that
/// value per unit of size (`GreedyHeuristic.size`), the two orders of re-insertion.
struct RecreateKeys {
    let value: [Double]
    let density: [Double]

    init(index: ModelIndex, tables: HeuristicTables, greedy: GreedyHeuristic) {
        let value = index.classes.indices.map { p in
            index.classes[p].map { tables.values[p][$0.starts.lowerBound] }.max() ?? 0
        }
        self.value = value
        density = value.indices.map { value[$0] / max(greedy.size($0), 1e-6) }
    }
}
