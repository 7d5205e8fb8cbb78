import LinearProgramming
import ParkModel

extension ElasticModel {
    /// SPEC §3.7 rows, one per (node, kind, period) that some placement can draw on. In the elastic
    /// model each gets a usable-unit slack, non-decreasing over periods; the last period's slack is
    /// the amount, and every period's slack adds a small term so that additions start late.
    mutating func addCapacityRows() {
        let instance = context.instance
        let periods = instance.periodCount
        for resource in context.capacityResources {
            let drawing = places.filter {
                context.node(of: $0.site, resource.kind) == resource.node
                    && instance.projects[$0.project].demand(resource.kind) > 0
            }
            guard !drawing.isEmpty else { continue }
            let node = instance.nodes[resource.node]
            let base = context.baseCapacity(resource)
            let potential = Set(drawing.map(\.project)).reduce(0.0) { $0 + instance.projects[$1].demand(resource.kind) }
            let scale = max(node.usableFactor * base, potential, 1e-9)
            let label = "\(resource.node),\(resource.kind.rawValue)"
            var previous: ColumnID?
            for t in 0..<periods {
                var expression = LinearExpression([])
                for place in drawing where instance.projects[place.project].drawPeriod(start: place.start, periodCount: periods) <= t {
                    expression.add(place.column, instance.projects[place.project].demand(resource.kind))
                }
                for e in instance.expansions.indices {
                    let add = context.adds(e, to: resource)
                    guard add > 0 else { continue }
                    expression = expression - completedExpression(e, t) * (node.usableFactor * add)
                }
                if elastic {
                    let weight = (t == periods - 1 ? 1 : 0) + Self.timeWeight / Double(periods)
                    let slack = model.addColumn("cap_slack[\(label),\(t)]", objective: weight / scale)
                    expression.add(slack, -1)
                    if let previous {
                        model.addRow("cap_grow[\(label),\(t)]", [(previous, 1), (slack, -1)], upper: 0)
                    }
                    previous = slack
                }
                let limit = t >= node.readyPeriod ? node.usableFactor * base : 0
                guard !expression.terms.isEmpty else { continue }
                model.addRow("cap[\(label),\(t)]", expression, upper: limit)
            }
        }
    }

    /// `Σ y[e,t']` over starts of `e` that complete by period `t`.
    func completedExpression(_ e: Int, _ t: Int) -> LinearExpression {
        let lead = context.instance.expansions[e].leadPeriods
        return LinearExpression(builds.filter { $0.expansion == e && $0.start + lead <= t }.map { Term($0.column, 1) })
    }
}
