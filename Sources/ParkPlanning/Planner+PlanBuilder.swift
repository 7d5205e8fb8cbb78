import Foundation
import ParkInstance
import ParkModel

/// Turns an `Assignment` into the parts of a contract §5 plan.
enum PlanBuilder {
    /// Placements sorted by start month, then project id.
    static func placements(_ a: Assignment, _ instance: PlanningInstance) -> [Placement] {
        a.placements.enumerated().compactMap { p, placement -> Placement? in
            guard let placement else { return nil }
            let project = instance.projects[p], site = instance.sites[placement.site]
            let units: Int? = site.kind == .building ? Int(SiteRules.spaceNeed(project, on: site)) : nil
            return Placement(project: project.id, site: site.id, start: instance.month(placement.start), units: units)
        }.sorted { ($0.start, $0.project) < ($1.start, $1.project) }
    }

    /// Built expansions sorted by start month, then id.
    static func expansions(_ a: Assignment, _ instance: PlanningInstance) -> [BuiltExpansion] {
        a.expansionStarts.enumerated().compactMap { e, start -> BuiltExpansion? in
            guard let start else { return nil }
            let info = instance.expansions[e]
            return BuiltExpansion(
                id: info.id, start: instance.month(start),
                complete: instance.month(start + info.leadPeriods))
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// contract §4 by part.
    static func valueParts(_ a: Assignment, _ instance: PlanningInstance) -> ValueParts {
        let w = instance.scenario.objectiveOrDefault.weightsOrDefault
        var tax = 0.0, investment = 0.0, jobs = 0.0, cost = 0.0
        for (p, placement) in a.placements.enumerated() {
            guard let placement else { continue }
            let project = instance.projects[p]
            guard project.status != .existing else { continue }
            let source = instance.scenario.projectList[p]
            let delay = Double((placement.start - project.earliestPeriod) * project.stepMonths)
            tax += project.weightedAnnualTax * max(0, project.years - delay / 12)
            investment += w.investmentWeight * source.investmentOrZero
            jobs += w.jobsWeight * source.jobsOrZero
        }
        for (e, start) in a.expansionStarts.enumerated() where start != nil {
            cost += w.costWeight * instance.expansions[e].cost
        }
        return ValueParts(tax: tax, investment: investment, jobs: jobs, cost: cost)
    }

    static func value(_ parts: ValueParts) -> Double { parts.tax + parts.investment + parts.jobs - parts.cost }

    /// contract §4 value of an assignment.
    static func value(_ a: Assignment, _ instance: PlanningInstance) -> Double { value(valueParts(a, instance)) }

    /// One entry per node, kind and period: demand drawn and usable capacity (contract §5).
    static func utilization(_ a: Assignment, _ index: ModelIndex) -> [Utilization] {
        let instance = index.instance
        let usage = Usage(a, index)
        var result: [Utilization] = []
        for (r, resource) in index.resources.enumerated() {
            let id = instance.nodes[resource.node].id
            for t in 0..<instance.periodCount {
                result.append(
                    Utilization(
                        node: id, kind: resource.kind, period: instance.month(t),
                        used: usage.used[r][t], capacity: usage.capacity[r][t]))
            }
        }
        return result
    }
}

/// Demand drawn and usable capacity per resource and period for an assignment.
struct Usage {
    var used: [[Double]]
    var capacity: [[Double]]

    init(_ a: Assignment, _ index: ModelIndex) {
        let instance = index.instance
        let count = instance.periodCount
        used = index.resources.map { _ in [Double](repeating: 0, count: count) }
        capacity = index.resources.map { r in (0..<count).map { r.baseUsable(at: $0) } }
        for (r, resource) in index.resources.enumerated() {
            for (e, amount) in resource.additions {
                guard let start = a.expansionStarts[e] else { continue }
                let complete = start + instance.expansions[e].leadPeriods
                for t in complete..<max(complete, count) { capacity[r][t] += resource.usableFactor * amount }
            }
        }
        for (p, placement) in a.placements.enumerated() {
            guard let placement else { continue }
            let project = instance.projects[p]
            let drawn = ModelIndex.drawnResources(project, instance.sites[placement.site], resources: index.resources)
            let from = project.drawPeriod(start: placement.start, periodCount: count)
            for r in drawn {
                for t in from..<count { used[r][t] += project.demand(index.resources[r].kind) }
            }
        }
    }
}
