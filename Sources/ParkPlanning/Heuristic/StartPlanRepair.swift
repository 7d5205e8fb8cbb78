import ParkInstance
import ParkModel

/// A plan of a neighbouring scenario (the base plan of a `compare` variant, the previous point of a
/// sweep) made into a feasible start for this one: its expansions are kept when they are still
/// allowed (same id, requirements and budget met; the start moved into the expansion's window), its
/// placements when each still fits in order (site, start window, readiness, space, capacity),
/// then the projects it left out or that no longer fit are placed greedily (must-place projects
/// first) and starts move earlier where room appeared. Deterministic; nil when the result does
/// not place every must-place project (the greedy plan is used instead).
struct StartPlanRepair {
    let index: ModelIndex

    func repaired(_ plan: Plan) -> Assignment? {
        let instance = index.instance
        let tables = HeuristicTables(index: index)
        var state = HeuristicState(index: index, tables: tables)
        let horizon = instance.horizon

        var builds: [(expansion: Int, start: Int)] = []
        for x in plan.expansions {
            guard let e = instance.expansionIndex(x.id), let range = index.expansionRanges[e] else { continue }
            // Clamped into the window: the full model starts every expansion at its earliest
            // period, and an earlier completion keeps every placement that relied on it.
            let t = min(max(horizon.floorPeriod(x.start), range.lowerBound), range.upperBound)
            builds.append((e, t))
        }
        for (e, t) in builds.sorted(by: { ($0.start, $0.expansion) < ($1.start, $1.expansion) }) {
            state.build(e, start: t)
        }
        // Expansions whose requirements or budget no longer hold: start from none instead.
        if !state.isConsistent() { state = HeuristicState(index: index, tables: tables) }

        let kept = plan.placements.compactMap { placement -> (project: Int, site: Int, start: Int)? in
            guard let p = instance.projectIndex(placement.project), let s = instance.siteIndex(placement.site) else {
                return nil
            }
            return (p, s, horizon.floorPeriod(placement.start))
        }
        let greedy = GreedyHeuristic(index: index)
        let order = greedy.placementOrder()
        // Must-place projects first: the start plan's placements of them, then the others greedily;
        // only then the start plan's other placements.
        for mustPlace in [true, false] {
            for (p, s, t) in kept.sorted(by: { ($0.project, $0.site) < ($1.project, $1.site) })
            where tables.mustPlace[p] == mustPlace && state.assignment.placements[p] == nil
                && fits(p, site: s, start: t, in: state)
            {
                state.place(p, site: s, start: t)
            }
            guard mustPlace else { break }
            for p in order where tables.mustPlace[p] && state.assignment.placements[p] == nil {
                guard let option = state.bestOption(p, allowExpansions: true) else { return nil }
                state.apply(p, option)
            }
        }
        greedy.reinsert(&state, order: order)
        greedy.moveEarlier(&state, order: order)
        greedy.dropUnneededExpansions(&state)
        guard state.isConsistent(),
            !tables.mustPlace.indices.contains(where: {
                tables.mustPlace[$0] && state.assignment.placements[$0] == nil
            })
        else { return nil }
        return state.assignment
    }

    /// Whether project `p` can start on site `s` at period `t` in `state` as it stands: the site is
    /// one of its options with `t` in the start window, ready by `t`, with room and capacity.
    func fits(_ p: Int, site s: Int, start t: Int, in state: HeuristicState) -> Bool {
        guard let k = state.classOf(p, site: s) else { return false }
        let c = index.classes[p][k]
        guard let i = c.sites.firstIndex(of: s), c.starts.contains(t), c.siteFirstStarts[i] <= t else { return false }
        if !c.builders.isEmpty, state.readyPeriod(s).map({ $0 > t }) ?? true { return false }
        guard state.free[s] - state.tables.need[p][k][i] >= -state.tables.siteTolerance[s] else { return false }
        return state.capacityFits(p, k, t)
    }
}
