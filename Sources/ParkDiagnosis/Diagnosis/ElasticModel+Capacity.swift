import LinearProgramming
import ParkInstance
import ParkModel

extension ElasticModel {
    /// contract §3.7 in units of each resource's scale (`max(usable base capacity, demand that may
    /// draw on it)`). A continuous load column per (resource, period) accumulates the demand
    /// drawn so far (`load[t] = load[t-1] + Σ demand·x` over starts drawing from `t`), so each
    /// placement appears in one row per resource instead of one per later period. The capacity
    /// row caps the load; in the elastic model one slack column per resource serves every period.
    mutating func addCapacityRows() {
        let resources = context.capacityResources
        capacityScales = [Double](repeating: 0, count: resources.count)
        for (i, resource) in resources.enumerated() {
            var drawnAt = [[Place]](repeating: [], count: periods)
            var potential = 0.0
            var counted = Set<Int>()
            for place in places where context.node(of: place.site, resource.kind) == resource.node {
                let project = instance.projects[place.project]
                guard project.demand(resource.kind) > 0 else { continue }
                drawnAt[project.drawPeriod(start: place.start, periodCount: periods)].append(place)
                if counted.insert(place.project).inserted { potential += project.demand(resource.kind) }
            }
            guard let first = drawnAt.firstIndex(where: { !$0.isEmpty }) else { continue }
            let node = instance.nodes[resource.node]
            let base = resource.base
            let scale = max(node.usableFactor * base, potential, 1e-9)
            capacityScales[i] = scale
            let nodeName = ModelNames.escape(node.id.rawValue), kind = resource.kind.rawValue
            let slack = elastic ? addSlack("E2_slack_\(kind)", [nodeName]) : nil
            let additions = instance.expansions.indices.compactMap { e -> (Int, Double)? in
                let add = resource.addition(of: e)
                return add > 0 ? (e, node.usableFactor * add / scale) : nil
            }
            var previous: ColumnID?
            for t in first..<periods {
                let load = model.addColumn(columnName("E3_load_\(kind)", [nodeName, period(t)]))
                loads.append(Load(resource: i, period: t, column: load))
                var flow = LinearExpression([Term(load, 1)])
                if let previous { flow.add(previous, -1) }
                for place in drawnAt[t] {
                    flow.add(place.column, -instance.projects[place.project].demand(resource.kind) / scale)
                }
                model.addRow(rowName("E4_load_\(kind)", [nodeName, period(t)]), flow, lower: 0, upper: 0)
                previous = load
                var expression = LinearExpression([Term(load, 1)])
                for (e, add) in additions { expression = expression - completedExpression(e, t) * add }
                if let slack { expression.add(slack, -1) }
                let limit = t >= node.readyPeriod ? node.usableFactor * base : 0
                model.addRow(rowName("C09_\(kind)", [nodeName, period(t)]), expression, upper: limit / scale)
            }
        }
    }
}
