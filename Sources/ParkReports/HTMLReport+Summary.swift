import ParkModel
import ParkPlanning

extension HTMLReport {
    /// The status in words a planner understands.
    static func statusSentence(_ plan: Plan, _ L: ReportLabels) -> String {
        switch plan.status {
        case .optimal:
            return L.t("Optimal: no better plan exists (proven by the solver).", "最优方案：已证明不存在更好的方案。")
        case .feasible:
            guard let gap = plan.gap else {
                return L.t("A good plan, not proven the best (time limit reached).", "可行方案，尚未证明最优（求解时间已到）。")
            }
            let pct = NumberFormat.grouped(gap * 100, decimals: gap < 0.01 ? 2 : 1)
            return L.t(
                "A good plan, not proven the best: within \(pct) % of the best possible plan.",
                "可行方案：与理论最优方案相差不超过 \(pct)%。")
        case .infeasible:
            return L.t(
                "Infeasible: committed and existing projects cannot all be placed. The shortfalls below say what is missing.",
                "不可行：已签约和已入驻项目无法全部落位，下方“缺口”列出最少缺少的条件。")
        case .noSolution:
            return L.t("No plan found within the time limit: allow more time.", "在求解时间内未找到可行方案：请延长求解时间。")
        }
    }

    static func summarySection(_ plan: Plan, scenario: Scenario, labels L: ReportLabels) -> String {
        let cur = scenario.park.currencyOrDefault
        func money(_ x: Double?) -> String { Money.text(x, currency: cur, language: L.language) }
        let costs = plan.expansions.map { b in scenario.expansionList.first { $0.id == b.id }?.costOrZero ?? 0 }
        let spent = costs.reduce(0, +)
        let leftOut = MarkdownReport.leftOutCount(plan, scenario)
        var cards = card(
            L.t("Value of the plan", "方案综合价值"), money(plan.value),
            plan.valueParts.map { p in
                L.t("tax ", "税收 ") + money(p.tax)
                    + (p.investment != 0 ? L.t(" · investment ", " · 投资 ") + money(p.investment) : "")
                    + (p.jobs != 0 ? L.t(" · jobs ", " · 就业 ") + money(p.jobs) : "")
                    + L.t(" · expansion cost −", " · 扩容成本 −") + money(p.cost)
            } ?? "", cls: "value")
        cards += card(
            L.t("Projects", "项目"), L.t("\(plan.placements.count) placed", "落地 \(plan.placements.count) 个"),
            L.t("\(leftOut) left out", "未落地 \(leftOut) 个"), cls: leftOut > 0 ? "warn" : "")
        var budgetLine = L.t("cost ", "投资 ") + money(spent)
        var bar = ""
        if let budget = scenario.budget, budget > 0 {
            budgetLine += L.t(" of budget ", " / 预算 ") + money(budget)
            let share = min(1, spent / budget)
            bar = "<div class=\"meter\"><div style=\"width:\(HTML.n(share * 100))%\"></div></div>"
        }
        cards += card(
            L.t("Expansions built", "建设扩容"), L.t("\(plan.expansions.count)", "\(plan.expansions.count) 项"),
            budgetLine, cls: "", extra: bar)
        cards += card(
            L.t("Status", "求解状态"), L.status(plan.status), statusSentence(plan, L),
            cls: plan.status == .optimal || plan.status == .feasible ? "ok" : "bad")
        var body = "<div class=\"cards\">\(cards)</div>\n"
        let unplaced = unplacedRows(plan, scenario)
        if !unplaced.isEmpty {
            body += "<h3>" + HTML.escape(L.t("Left out, and why", "未落地项目及原因")) + "</h3>\n"
            body += table([L.t("project", "项目"), L.t("name", "名称"), L.t("reason", "原因")], unplaced, numeric: [])
        }
        if !plan.shortfalls.isEmpty {
            body += "<h3>" + HTML.escape(L.t("Shortfalls: the least that is missing", "缺口：最少缺少的条件")) + "</h3>\n"
            body += table(
                [L.t("kind", "类别"), L.t("where", "位置"), L.t("from", "起始"), L.t("amount", "缺口"), L.t("note", "说明")],
                plan.shortfalls.map { s in
                    [
                        s.kind, s.where, s.from?.description ?? "—", NumberFormat.amount(s.amount) + " " + s.unit,
                        s.message ?? "",
                    ]
                }, numeric: [3])
        }
        return section("summary", L.t("Summary", "概要"), body)
    }

    static func card(_ title: String, _ big: String, _ small: String, cls: String, extra: String = "") -> String {
        "<div class=\"card \(cls)\"><div class=\"k\">\(HTML.escape(title))</div><div class=\"v\">\(HTML.escape(big))</div>"
            + extra + "<div class=\"s\">\(HTML.escape(small))</div></div>\n"
    }

    static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        var out =
            "<table><thead><tr>" + header.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            out +=
                "<tr>"
                + row.enumerated().map { i, cell in
                    "<td\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(cell))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// Expansions and placements in full, for the record.
    static func tablesSection(_ plan: Plan, scenario: Scenario, labels L: ReportLabels) -> String {
        let cur = scenario.park.currencyOrDefault
        var body = ""
        if !plan.expansions.isEmpty {
            body += "<h3>" + HTML.escape(L.t("Expansions", "扩容建设")) + "</h3>\n"
            body += table(
                [
                    L.t("expansion", "扩容"), L.t("name", "名称"), L.t("adds", "内容"), L.t("cost", "成本"),
                    L.t("start", "开工"), L.t("complete", "建成"),
                ],
                plan.expansions.map { b in
                    let e = scenario.expansionList.first { $0.id == b.id }
                    return [
                        b.id.rawValue, e?.name ?? "", e.map(L.adds) ?? "",
                        Money.text(e?.costOrZero, currency: cur, language: L.language),
                        b.start.description, b.complete.description,
                    ]
                }, numeric: [3])
        }
        if !plan.placements.isEmpty {
            body += "<h3>" + HTML.escape(L.t("Placements", "项目落位")) + "</h3>\n"
            body += table(
                [
                    L.t("project", "项目"), L.t("name", "名称"), L.t("status", "状态"), L.t("site", "场地"),
                    L.t("start", "开工"), L.t("units", "单元"), L.t("annual tax", "年税收"),
                ],
                plan.placements.map { pl in
                    let p = scenario.projectList.first { $0.id == pl.project }
                    return [
                        pl.project.rawValue, p?.name ?? "", L.projectStatus(p?.statusOrDefault ?? .candidate),
                        pl.site.rawValue, pl.start.description, pl.units.map(String.init) ?? "—",
                        Money.text(p?.annualTax, currency: cur, language: L.language),
                    ]
                }, numeric: [5, 6])
        }
        return body.isEmpty ? "" : section("tables", L.t("Details", "明细"), body)
    }
}

extension HTMLReport {
    /// The plan's unplaced projects with reasons, then any project neither placed nor listed.
    static func unplacedRows(_ plan: Plan, _ scenario: Scenario) -> [[String]] {
        var rows = plan.unplaced.map { u in
            [u.project.rawValue, scenario.projectList.first { $0.id == u.project }?.name ?? "", u.reason]
        }
        for p in scenario.projectList
        where !plan.placements.contains(where: { $0.project == p.id })
            && !plan.unplaced.contains(where: { $0.project == p.id })
        {
            rows.append([p.id.rawValue, p.name ?? "", "—"])
        }
        return rows
    }
}
