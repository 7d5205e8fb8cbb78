import LinearProgramming
import ParkInstance
import ParkModel

extension PlanningModel {
    // MARK: - C09 capacity

    /// For each node, kind and period (contract §3.7):
    /// `Σ_{p,k} d[p]·X[p,k,t-b_p] - f·Σ_e add_e·W[e,t-lead_e] ≤ f·base·[ready ≤ t]`,
    /// where a project started by `t - b_p` draws at `t`, and in the last period every placed
    /// project draws (`X[p,k,last]`). Rows whose largest possible demand fits the base capacity
    /// cannot bind and are left out.
    mutating func addCapacityRows() {
        let last = instance.periodCount - 1
        for (r, resource) in index.resources.enumerated() {
            let users = users(of: r)
            guard !users.isEmpty else { continue }
            // A period's row equal to the previous period's row (same columns, coefficients and
            // capacity: nobody's draw and no capacity changes in between) is left out.
            var previous: (terms: [Term], capacity: Double)?
            for t in 0...max(0, last) {
                var terms: [Term] = []
                // Users come grouped by project; a project draws from one class at most.
                var maxDemand = 0.0, currentProject = -1, currentMax = 0.0
                for user in users {
                    let column: ColumnID? =
                        t == last
                        ? placed(user.project, user.cls)
                        : started(user.project, user.cls, atOrBefore: t - instance.projects[user.project].buildPeriods)
                    guard let column else { continue }
                    terms.append(Term(column, user.demand))
                    if user.project != currentProject {
                        maxDemand += currentMax; currentProject = user.project; currentMax = 0
                    }
                    currentMax = max(currentMax, user.demand)
                }
                maxDemand += currentMax
                let capacity = resource.baseUsable(at: t)
                guard maxDemand > capacity + 1e-9 else { previous = nil; continue }
                for (e, amount) in resource.additions {
                    if let w = complete(e, at: t) { terms.append(Term(w, -resource.usableFactor * amount)) }
                }
                if let previous, previous.capacity == capacity, previous.terms == terms { continue }
                previous = (terms, capacity)
                row(.capacity(resource.node, resource.kind, t), terms, upper: capacity)
            }
        }
    }

    /// Every (project, class) that draws on resource `r`, with its demand.
    func users(of r: Int) -> [(project: Int, cls: Int, demand: Double)] {
        let kind = index.resources[r].kind
        var result: [(project: Int, cls: Int, demand: Double)] = []
        for (p, classes) in index.classes.enumerated() {
            let demand = instance.projects[p].demand(kind)
            for (k, c) in classes.enumerated() where c.resources.contains(r) {
                result.append((p, k, demand))
            }
        }
        return result
    }
}
