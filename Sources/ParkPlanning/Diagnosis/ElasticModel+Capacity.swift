import LinearProgramming
import ParkModel

extension ElasticModel {
    /// SPEC §3.7 rows, one per (node, kind, period) that some placement can draw on, divided by the
    /// resource's scale (`max(usable base capacity, demand that may draw on it)`). In the elastic
    /// model one slack column per resource serves every period: the largest deficit.
    mutating func addCapacityRows() {
        for resource in context.capacityResources {
            let drawing = places.filter {
                context.node(of: $0.site, resource.kind) == resource.node
                    && instance.projects[$0.project].demand(resource.kind) > 0
            }
            guard !drawing.isEmpty else { continue }
            let node = instance.nodes[resource.node]
            let base = context.baseCapacity(resource)
            var potential = 0.0
            for p in Set(drawing.map(\.project)).sorted() { potential += instance.projects[p].demand(resource.kind) }
            let scale = max(node.usableFactor * base, potential, 1e-9)
            let label = "\(resource.node),\(resource.kind.rawValue)"
            let slack = elastic ? addSlack("cap_slack[\(label)]") : nil
            for t in 0..<periods {
                var expression = LinearExpression([])
                for place in drawing where instance.projects[place.project].drawPeriod(start: place.start, periodCount: periods) <= t {
                    expression.add(place.column, instance.projects[place.project].demand(resource.kind) / scale)
                }
                guard !expression.terms.isEmpty else { continue }
                for e in instance.expansions.indices {
                    let add = context.adds(e, to: resource)
                    guard add > 0 else { continue }
                    expression = expression - completedExpression(e, t) * (node.usableFactor * add / scale)
                }
                if let slack { expression.add(slack, -1) }
                let limit = t >= node.readyPeriod ? node.usableFactor * base : 0
                model.addRow("cap[\(label),\(t)]", expression, upper: limit / scale)
            }
        }
    }
}
