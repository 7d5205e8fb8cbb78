import Foundation
import ParkModel
import ParkPlanning

/// The readable summary printed after planning (stdout).
public enum PlanSummaryText {
    public static func text(_ result: PlanningResult, scenario: Scenario) -> String {
        let plan = result.plan
        var out = "\(plan.scenario)" + (plan.variant.map { " [\($0)]" } ?? "") + ": \(headline(plan))\n"
        if let parts = plan.valueParts, plan.value != nil {
            out += "Value parts: tax \(amount(parts.tax)), investment \(amount(parts.investment)), "
                + "jobs \(amount(parts.jobs)), expansion cost -\(amount(parts.cost))\n"
        }
        let names = Dictionary(scenario.projectList.map { ($0.id, $0.name ?? "") }, uniquingKeysWith: { a, _ in a })
        if !plan.placements.isEmpty {
            out += "\nPlacements (\(plan.placements.count)):\n"
            let rows = plan.placements.map { p in
                [p.project.rawValue, names[p.project] ?? "", p.site.rawValue, p.start.description,
                 p.units.map(String.init) ?? ""]
            }
            out += TextTable(header: ["project", "name", "site", "start", "units"], rows: rows, rightAligned: [4])
                .render(indent: "  ")
        }
        if !plan.expansions.isEmpty {
            out += "\nExpansions (\(plan.expansions.count)):\n"
            let rows = plan.expansions.map { [$0.id.rawValue, $0.start.description, $0.complete.description] }
            out += TextTable(header: ["expansion", "start", "complete"], rows: rows).render(indent: "  ")
        }
        let peaks = peakUtilization(plan)
        if !peaks.isEmpty {
            out += "\nPeak utilisation:\n"
            out += TextTable(header: ["node", "kind", "month", "used", "usable", "share"], rows: peaks,
                             rightAligned: [3, 4, 5]).render(indent: "  ")
        }
        if !plan.unplaced.isEmpty {
            out += "\nLeft out (\(plan.unplaced.count)):\n"
            out += TextTable(header: ["project", "reason"], rows: plan.unplaced.map { [$0.project.rawValue, $0.reason] })
                .render(indent: "  ")
        }
        if !plan.shortfalls.isEmpty {
            out += "\nShortfalls (what must be added for committed and existing projects to fit):\n"
            let rows = plan.shortfalls.map { s in
                [s.kind, s.where, s.from?.description ?? "", number(s.amount, decimals: 3) + " " + s.unit, s.message ?? ""]
            }
            out += TextTable(header: ["kind", "where", "from", "amount", "note"], rows: rows, rightAligned: [3])
                .render(indent: "  ")
        }
        return out
    }

    static func headline(_ plan: Plan) -> String {
        switch plan.status {
        case .optimal:
            return "optimal, value \(amount(plan.value ?? 0))" + gapText(plan)
        case .feasible:
            return "feasible (not proven optimal: time limit or --gap), value \(amount(plan.value ?? 0)), bound \(amount(plan.bound ?? 0))" + gapText(plan)
        case .infeasible:
            return "INFEASIBLE: committed and existing projects cannot all be placed"
        case .noSolution:
            return "no feasible plan found within the time limit"
        }
    }

    static func gapText(_ plan: Plan) -> String {
        guard let gap = plan.gap else { return "" }
        return String(format: ", gap %.2f %%", gap * 100)
    }

    /// The highest-share period of each node and kind.
    static func peakUtilization(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        var index = 0
        let entries = plan.utilization
        while index < entries.count {
            var end = index
            while end < entries.count, entries[end].node == entries[index].node, entries[end].kind == entries[index].kind {
                end += 1
            }
            let group = entries[index..<end]
            func share(_ u: Utilization) -> Double { u.capacity > 0 ? u.used / u.capacity : (u.used > 0 ? .infinity : 0) }
            if let peak = group.max(by: { share($0) < share($1) }), peak.used > 0 {
                let s = share(peak)
                rows.append([peak.node.rawValue, peak.kind.rawValue, peak.period.description, number(peak.used),
                             number(peak.capacity), s.isFinite ? String(format: "%.0f %%", s * 100) : "—"])
            }
            index = end
        }
        return rows
    }

    /// A money amount with thousands separators, no decimals.
    public static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(format: "%.4g", value) }
        return NumberFormat.grouped(value)
    }

    /// A capacity figure: up to `decimals` decimals, trailing zeros dropped.
    static func number(_ value: Double, decimals: Int = 2) -> String { NumberFormat.compact(value, decimals: decimals) }
}
