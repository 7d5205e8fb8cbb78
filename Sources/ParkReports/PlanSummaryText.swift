import Foundation
import ParkModel
import ParkPlanning

/// The readable summary printed after planning (stdout), in the planner's language; money in
/// 万元/亿元 in Chinese and with thousands separators in English (the exact yuan are in plan.json).
public enum PlanSummaryText {
    public static func text(_ result: PlanningResult, scenario: Scenario, language L: ReportLanguage = .en) -> String {
        let plan = result.plan
        let currency = scenario.park.currencyOrDefault
        func money(_ x: Double) -> String { NumberFormat.money(x, currency: currency, language: L) }
        var out =
            "\(plan.scenario)" + (plan.variant.map { " [\($0)]" } ?? "") + L.t(": ", "：")
            + headline(plan, currency: currency, language: L) + "\n"
        if let parts = plan.valueParts, plan.value != nil {
            // The cost enters the value with a minus sign; a negative weighted cost reads as a gain.
            let cost = parts.cost >= 0 ? "-" + money(parts.cost) : "+" + money(-parts.cost)
            out += L.t(
                "Value parts: tax \(money(parts.tax)), investment \(money(parts.investment)), "
                    + "jobs \(money(parts.jobs)), expansion cost \(cost)\n",
                "价值构成：税收 \(money(parts.tax))，投资 \(money(parts.investment))，"
                    + "就业 \(money(parts.jobs))，扩建成本 \(cost)\n")
        }
        let names = Dictionary(scenario.projectList.map { ($0.id, $0.name ?? "") }, uniquingKeysWith: { a, _ in a })
        if !plan.placements.isEmpty {
            out += L.t("\nPlacements (\(plan.placements.count)):\n", "\n项目落位（\(plan.placements.count) 个）：\n")
            let rows = plan.placements.map { p in
                [
                    p.project.rawValue, names[p.project] ?? "", p.site.rawValue, p.start.description,
                    p.units.map(String.init) ?? "",
                ]
            }
            let header = L == .zh ? ["项目", "名称", "地块/厂房", "开工", "单元"] : ["project", "name", "site", "start", "units"]
            out += TextTable(header: header, rows: rows, rightAligned: [4])
                .render(indent: "  ")
        }
        if !plan.expansions.isEmpty {
            out += L.t("\nExpansions (\(plan.expansions.count)):\n", "\n扩建（\(plan.expansions.count) 项）：\n")
            let rows = plan.expansions.map { [$0.id.rawValue, $0.start.description, $0.complete.description] }
            let header = L == .zh ? ["扩建", "开工", "建成"] : ["expansion", "start", "complete"]
            out += TextTable(header: header, rows: rows).render(indent: "  ")
        }
        let peaks = peakUtilization(plan, language: L)
        if !peaks.isEmpty {
            out += L.t("\nPeak utilisation:\n", "\n峰值负荷：\n")
            let header =
                L == .zh
                ? ["节点", "类别", "月份", "用量", "可用", "负荷率"]
                : ["node", "kind", "month", "used", "usable", "share"]
            out += TextTable(header: header, rows: peaks, rightAligned: [3, 4, 5]).render(indent: "  ")
        }
        if !plan.unplaced.isEmpty {
            out += L.t("\nLeft out (\(plan.unplaced.count)):\n", "\n未落位（\(plan.unplaced.count) 个）：\n")
            let header = L == .zh ? ["项目", "原因"] : ["project", "reason"]
            out += TextTable(header: header, rows: plan.unplaced.map { [$0.project.rawValue, $0.reason] })
                .render(indent: "  ")
        }
        if !plan.shortfalls.isEmpty {
            out += L.t(
                "\nShortfalls (what must be added for committed and existing projects to fit):\n",
                "\n缺口（已签约和现有项目全部落位还需增加的量）：\n")
            let rows = plan.shortfalls.map { s in
                [
                    kindName(s.kind, L), s.where, s.from?.description ?? "",
                    number(s.amount, decimals: 3) + " " + unitName(s.unit, L),
                    s.message ?? "",
                ]
            }
            let header = L == .zh ? ["类别", "位置", "起始", "数量", "说明"] : ["kind", "where", "from", "amount", "note"]
            out += TextTable(header: header, rows: rows, rightAligned: [3])
                .render(indent: "  ")
        }
        return out
    }

    static func headline(_ plan: Plan, currency: String, language L: ReportLanguage) -> String {
        func money(_ x: Double) -> String { NumberFormat.money(x, currency: currency, language: L) }
        switch plan.status {
        case .optimal:
            return L.t("optimal, value \(money(plan.value ?? 0))", "最优，价值 \(money(plan.value ?? 0))") + gapText(plan, L)
        case .feasible:
            let why =
                plan.interrupted == true
                ? L.t("interrupted; the best plan so far", "已中断，为此前找到的最好方案")
                : L.t("time limit or --gap", "时限或 --gap")
            return L.t(
                "feasible (not proven optimal: \(why)), value \(money(plan.value ?? 0)), bound \(money(plan.bound ?? 0))",
                "可行（未证明最优：\(why)），价值 \(money(plan.value ?? 0))，上界 \(money(plan.bound ?? 0))")
                + gapText(plan, L)
        case .infeasible:
            return L.t("INFEASIBLE: committed and existing projects cannot all be placed", "不可行：已签约和现有项目无法全部落位")
        case .noSolution:
            return L.t("no feasible plan found within the time limit", "在时限内未找到可行方案")
        }
    }

    /// ", within 0.30 % of the best possible plan" — the gap as a planner reads it.
    static func gapText(_ plan: Plan, _ L: ReportLanguage) -> String {
        guard let gap = plan.gap else { return "" }
        let percent = String(format: "%.2f %%", gap * 100)
        if gap <= 1e-9 { return L.t(", proved the best possible plan (gap 0.00 %)", "，已证明为最佳方案（间隙 0.00 %）") }
        return L.t(", within \(percent) of the best possible plan (gap)", "，与最佳可能方案相差不超过 \(percent)（间隙）")
    }

    /// Shortfall kinds in the planner's language.
    static func kindName(_ kind: String, _ L: ReportLanguage) -> String {
        guard L == .zh else { return kind }
        let names = [
            "power": "电力", "water": "供水", "sewage": "污水", "cod": "COD", "land": "用地", "units": "厂房单元",
            "budget": "预算", "site": "场地", "window": "时间窗", "policy": "用地政策", "connection": "接入",
            "unexplained": "未解释",
        ]
        return names[kind] ?? kind
    }

    /// Units in the planner's language.
    static func unitName(_ unit: String, _ L: ReportLanguage) -> String {
        guard L == .zh else { return unit }
        switch unit {
        case "units": return "个单元"
        case "m³/day": return "m³/日"
        case "kg/day": return "kg/日"
        case "CNY": return "元"
        default: return unit
        }
    }

    /// The highest-share period of each node and kind.
    static func peakUtilization(_ plan: Plan, language L: ReportLanguage = .en) -> [[String]] {
        var rows: [[String]] = []
        var index = 0
        let entries = plan.utilization
        while index < entries.count {
            var end = index
            while end < entries.count, entries[end].node == entries[index].node,
                entries[end].kind == entries[index].kind
            {
                end += 1
            }
            let group = entries[index..<end]
            func share(_ u: Utilization) -> Double {
                u.capacity > 0 ? u.used / u.capacity : (u.used > 0 ? .infinity : 0)
            }
            if let peak = group.max(by: { share($0) < share($1) }), peak.used > 0 {
                let s = share(peak)
                rows.append([
                    peak.node.rawValue, L == .zh ? peak.kind.chineseName : peak.kind.rawValue,
                    peak.period.description, number(peak.used),
                    number(peak.capacity), s.isFinite ? String(format: "%.0f %%", s * 100) : "—",
                ])
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
