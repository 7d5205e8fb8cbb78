import LinearProgramming
import ParkInstance
import ParkModel

extension ElasticModel {
    /// A first schedule for the elastic model, built one project at a time (existing, then by
    /// earliest start): each takes the admissible (site, start) that adds the least scaled
    /// deficit, preferring the earliest start. A planned site is built by its cheapest builder (and
    /// what that requires) at the earliest starts. Any schedule is a valid answer, since the
    /// report recomputes deficits from it; this one makes sure there is an answer in time.
    func greedySchedule(projects: [Int]) -> DiagnosisSchedule {
        let order = projects.sorted {
            let a = instance.projects[$0], b = instance.projects[$1]
            let ka = (a.status == .existing ? 0 : 1, context.windowStarts($0)?.lowerBound ?? 0, $0)
            let kb = (b.status == .existing ? 0 : 1, context.windowStarts($1)?.lowerBound ?? 0, $1)
            return ka < kb
        }
        var byProject = [Int: [Place]]()
        for place in places { byProject[place.project, default: []].append(place) }
        var state = GreedyState(model: self)
        for p in order {
            guard let chosen = state.best(byProject[p] ?? [], model: self) else { continue }
            state.add(chosen, model: self)
        }
        // Two passes of moving each project to its best place given all the others.
        for _ in 0..<2 {
            for p in order {
                guard let current = state.chosen[p] else { continue }
                state.remove(current, model: self)
                state.add(state.best(byProject[p] ?? [], model: self, current: current) ?? current, model: self)
            }
        }
        return state.schedule
    }

    /// Builds the cheapest builder of `site` that can complete by `t` (and its requirements) at the
    /// earliest starts, unless one is already built in time.
    func addBuilders(site s: Int, by t: Int, to schedule: inout DiagnosisSchedule) {
        let builders = instance.sites[s].builtBy
        if schedule.builds.contains(where: { b in
            builders.contains(b.expansion) && b.start + instance.expansions[b.expansion].leadPeriods <= t
        }) {
            return
        }
        let options = builders.filter { context.earliestCompletion[$0] <= t }
        guard let e = options.min(by: { (instance.expansions[$0].cost, $0) < (instance.expansions[$1].cost, $1) })
        else { return }
        addChain(e, to: &schedule, depth: 0)
    }

    private func addChain(_ e: Int, to schedule: inout DiagnosisSchedule, depth: Int) {
        guard depth <= instance.expansions.count, !schedule.builds.contains(where: { $0.expansion == e }) else {
            return
        }
        for r in instance.expansions[e].requires { addChain(r, to: &schedule, depth: depth + 1) }
        let completion = context.earliestCompletion[e]
        guard completion < Int.max else { return }
        schedule.builds.append(.init(expansion: e, start: completion - instance.expansions[e].leadPeriods))
    }

    /// Column values for a schedule: its place and start columns at 1, `V3_built` from each start
    /// on, each slack at the least value
    /// that satisfies every row it appears in. Nil when a chosen (project, site, start) or
    /// (expansion, start) has no column.
    func columnValues(for schedule: DiagnosisSchedule) -> [Double]? {
        var values = [Double](repeating: 0, count: model.columns.count)
        for placed in schedule.placements {
            guard
                let place = places.first(where: {
                    $0.project == placed.project && $0.site == placed.site && $0.start == placed.start
                })
            else { return nil }
            values[place.column.index] = 1
        }
        for built in schedule.builds {
            guard let build = builds.first(where: { $0.expansion == built.expansion && $0.start == built.start }) else {
                return nil
            }
            values[build.column.index] = 1
            for t in built.start..<periods {
                if let column = builtBy[built.expansion][t] { values[column.index] = 1 }
            }
        }
        let resources = context.capacityResources
        let used = resources.map { context.used(schedule, $0) }
        for load in loads where capacityScales[load.resource] > 0 {
            values[load.column.index] = used[load.resource][load.period] / capacityScales[load.resource]
        }
        let slackSet = Set(slacks.map(\.index))
        for row in model.rows {
            guard let upper = row.upper, let slack = row.terms.first(where: { slackSet.contains($0.column.index) })
            else { continue }
            let activity = row.terms.reduce(0.0) {
                $1.column == slack.column ? $0 : $0 + $1.coefficient * values[$1.column.index]
            }
            values[slack.column.index] = max(
                values[slack.column.index], (activity - upper) / -slack.coefficient * 1.000_001 + 1e-9)
        }
        return values
    }
}
