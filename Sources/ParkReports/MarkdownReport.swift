import ParkDiagnosis
import ParkModel
import ParkPlanning

/// `report.md`: the plan for colleagues — summary, value parts, placements, expansions, utilisation
/// peaks, unplaced projects with reasons, shortfalls (when infeasible) and readiness.
public enum MarkdownReport {
    public static func render(
        _ plan: Plan, scenario: Scenario, readiness: [ReadinessReport],
        language: ReportLanguage
    ) -> String {
        let L = ReportLabels(language)
        var title = L.t("Park plan", "园区规划方案") + " — " + plan.scenario
        if let v = plan.variant { title += " (\(v))" }
        let sections = [
            "# \(Markdown.cell(title))\n", summary(plan, scenario, L), valueParts(plan, L),
            placements(plan, scenario, L),
            expansions(plan, scenario, L), peaks(plan, L), unplaced(plan, scenario, L), shortfalls(plan, L),
            readinessSection(readiness, scenario, L),
        ]
        return safeText(sections.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    /// Markdown that is safe to render as HTML and to show in a terminal: `&`, `<` and `>` become
    /// entities (so `<script>` in an id or name is text, not markup), and control characters other
    /// than line feed and tab become visible `\u{1B}` escapes. Applied to whole reports (the
    /// reports' own markup uses none of these characters).
    public static func safeText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\n", "\t": out.append(scalar)
            default:
                if scalar.properties.generalCategory == .control {
                    out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    static func money(_ x: Double?) -> String { x.map { NumberFormat.grouped($0) } ?? "-" }

    /// Projects of the scenario the plan does not place.
    static func leftOutCount(_ plan: Plan, _ scenario: Scenario) -> Int {
        scenario.projectList.filter { p in !plan.placements.contains { $0.project == p.id } }.count
    }

    static func summary(_ plan: Plan, _ scenario: Scenario, _ L: ReportLabels) -> String {
        var rows: [[String]] = [
            [L.t("status", "状态"), L.status(plan.status)],
            [L.t("value", "综合价值"), money(plan.value)],
            [L.t("bound", "上界"), money(plan.bound)],
            [L.t("gap", "差距"), plan.gap.map { NumberFormat.percent($0) } ?? "-"],
            [L.t("placed projects", "落地项目"), String(plan.placements.count)],
            [L.t("left out", "未落地"), String(leftOutCount(plan, scenario))],
            [L.t("expansions built", "建设扩容"), String(plan.expansions.count)],
        ]
        rows.append([L.t("solver", "求解器"), "\(plan.solver.name) \(plan.solver.version)"])
        return "## \(L.t("Summary", "概要"))\n\n"
            + TextTable(header: [L.t("item", "项目"), L.t("value", "数值")], rows: rows).markdown()
    }

    static func valueParts(_ plan: Plan, _ L: ReportLabels) -> String {
        guard let parts = plan.valueParts else { return "" }
        let rows = [
            [L.t("tax", "税收"), NumberFormat.grouped(parts.tax)],
            [L.t("investment", "投资"), NumberFormat.grouped(parts.investment)],
            [L.t("jobs", "就业"), NumberFormat.grouped(parts.jobs)],
            [L.t("expansion cost", "扩容成本"), NumberFormat.grouped(-parts.cost)],
            [L.t("value", "综合价值"), NumberFormat.grouped(parts.tax + parts.investment + parts.jobs - parts.cost)],
        ]
        return "## \(L.t("Value", "价值构成"))\n\n"
            + TextTable(header: [L.t("part", "构成"), L.t("weighted amount", "加权金额")], rows: rows, rightAligned: [1])
            .markdown()
    }

    static func placements(_ plan: Plan, _ scenario: Scenario, _ L: ReportLabels) -> String {
        guard !plan.placements.isEmpty else { return "" }
        let rows = plan.placements.map { pl -> [String] in
            let p = scenario.projectList.first { $0.id == pl.project }
            return [
                pl.project.rawValue, p?.name ?? "", L.projectStatus(p?.statusOrDefault ?? .candidate),
                pl.site.rawValue, pl.start.description, pl.units.map(String.init) ?? "-",
            ]
        }
        let header = [
            L.t("project", "项目"), L.t("name", "名称"), L.t("status", "状态"), L.t("site", "场地"),
            L.t("start", "开工"), L.t("units", "单元"),
        ]
        return "## \(L.t("Placements", "项目落位"))\n\n"
            + TextTable(header: header, rows: rows, rightAligned: [5]).markdown()
    }

    static func expansions(_ plan: Plan, _ scenario: Scenario, _ L: ReportLabels) -> String {
        guard !plan.expansions.isEmpty else { return "" }
        let rows = plan.expansions.map { b -> [String] in
            let e = scenario.expansionList.first { $0.id == b.id }
            return [
                b.id.rawValue, e?.name ?? "", e.map(L.adds) ?? "", money(e?.cost), b.start.description,
                b.complete.description,
            ]
        }
        let header = [
            L.t("expansion", "扩容"), L.t("name", "名称"), L.t("adds", "内容"), L.t("cost", "成本"),
            L.t("start", "开工"), L.t("complete", "建成"),
        ]
        return "## \(L.t("Expansions", "扩容建设"))\n\n"
            + TextTable(header: header, rows: rows, rightAligned: [3]).markdown()
    }

    static func peaks(_ plan: Plan, _ L: ReportLabels) -> String {
        let peaks = UtilizationPeak.peaks(of: plan)
        guard !peaks.isEmpty else { return "" }
        let rows = peaks.map { p in
            [
                p.node.rawValue, L.kind(p.kind), p.period.description, NumberFormat.amount(p.used),
                NumberFormat.amount(p.capacity), p.kind.unit, p.share.map(NumberFormat.percent) ?? "-",
            ]
        }
        let header = [
            L.t("node", "节点"), L.t("kind", "类别"), L.t("peak month", "峰值月份"), L.t("used", "用量"),
            L.t("capacity", "可用容量"), L.t("unit", "单位"), L.t("share", "负荷率"),
        ]
        return "## \(L.t("Utilisation peaks", "公用设施峰值负荷"))\n\n"
            + TextTable(header: header, rows: rows, rightAligned: [3, 4, 6]).markdown()
    }

    /// The plan's unplaced projects, then any project of the scenario neither placed nor listed.
    static func unplaced(_ plan: Plan, _ scenario: Scenario, _ L: ReportLabels) -> String {
        var rows = plan.unplaced.map { u in
            [u.project.rawValue, scenario.projectList.first { $0.id == u.project }?.name ?? "", u.reason]
        }
        for p in scenario.projectList
        where !plan.placements.contains(where: { $0.project == p.id })
            && !plan.unplaced.contains(where: { $0.project == p.id })
        {
            rows.append([p.id.rawValue, p.name ?? "", "-"])
        }
        guard !rows.isEmpty else { return "" }
        let header = [L.t("project", "项目"), L.t("name", "名称"), L.t("reason", "原因")]
        return "## \(L.t("Left out", "未落地项目"))\n\n" + TextTable(header: header, rows: rows).markdown()
    }

    static func shortfalls(_ plan: Plan, _ L: ReportLabels) -> String {
        guard !plan.shortfalls.isEmpty else { return "" }
        let rows = plan.shortfalls.map { s in
            [s.kind, s.where, s.from?.description ?? "-", NumberFormat.amount(s.amount), s.unit, s.message ?? ""]
        }
        let header = [
            L.t("kind", "类别"), L.t("where", "位置"), L.t("from", "起始"), L.t("amount", "缺口"),
            L.t("unit", "单位"), L.t("note", "说明"),
        ]
        return "## \(L.t("Shortfalls", "缺口"))\n\n"
            + L.t(
                "Committed and existing projects cannot all be placed. The least that is missing:\n\n",
                "已签约和已入驻项目无法全部落位，最少缺少：\n\n")
            + TextTable(header: header, rows: rows, rightAligned: [3]).markdown()
    }

    static func readinessSection(_ reports: [ReadinessReport], _ scenario: Scenario, _ L: ReportLabels) -> String {
        guard !reports.isEmpty else { return "" }
        let rows = reports.map { r in
            [
                r.project.rawValue, r.site?.rawValue ?? "-", r.wantedMonth.description, L.yesNo(r.readyOnWanted),
                L.month(r.readyMonth),
                r.readyOnWanted ? "" : r.blocking.map { L.item($0.kind) }.joined(separator: ", "),
            ]
        }
        let header = [
            L.t("project", "项目"), L.t("site", "场地"), L.t("wanted", "期望入驻"), L.t("ready", "可入驻"),
            L.t("ready from", "最早入驻"), L.t("waiting on", "等待"),
        ]
        let notReady = reports.filter { !$0.readyOnWanted && $0.status != .candidate }
        var text = "## \(L.t("Readiness (move-in)", "拎包入驻检查"))\n\n" + TextTable(header: header, rows: rows).markdown()
        if !notReady.isEmpty {
            text += "\n" + ReadinessText.markdown(notReady, scenario: scenario, labels: L)
        }
        return text
    }
}
