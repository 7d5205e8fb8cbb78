import ParkDiagnosis
import ParkModel
import ParkPlanning

/// The timeline: each placed project's construction and operation, each expansion's lead time
/// and completion, committed projects' wanted months and readiness blockers.
enum SVGGantt {
    static let width = 1300.0, labelW = 300.0, rowH = 22.0, axisH = 24.0

    struct Row {
        var label: String
        var tip: String
        var bars: [(from: YearMonth, to: YearMonth, cls: String)]
        var marks: [(month: YearMonth, cls: String, tip: String)]
    }

    static func render(_ plan: Plan, scenario: Scenario, readiness: [ReadinessReport], labels L: ReportLabels) -> String
    {
        let horizon = scenario.horizon
        let start = horizon.start, end = horizon.start.adding(months: horizon.months)
        let rows = projectRows(plan, scenario, readiness, end, L) + expansionRows(plan, scenario, L)
        guard !rows.isEmpty else { return "" }
        let chartW = width - labelW - 10
        let total = Double(max(1, end.months(since: start)))
        func x(_ m: YearMonth) -> Double {
            labelW + Double(min(max(m.months(since: start), 0), Int(total))) / total * chartW
        }
        let height = axisH + Double(rows.count) * rowH + 6
        var svg =
            "<svg class=\"chart gantt\" role=\"img\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        // Year grid.
        var m = start
        while m <= end {
            if m.month == 1 || m == start {
                svg +=
                    "<line class=\"grid\" x1=\"\(HTML.n(x(m)))\" x2=\"\(HTML.n(x(m)))\" y1=\"\(HTML.n(axisH - 4))\" y2=\"\(HTML.n(height))\"/>"
                svg += "<text class=\"axis\" x=\"\(HTML.n(x(m) + 3))\" y=\"14\">\(m)</text>\n"
            }
            m = m.adding(months: 1)
        }
        for (i, row) in rows.enumerated() {
            let y = axisH + Double(i) * rowH
            if i % 2 == 1 {
                svg +=
                    "<rect class=\"stripe\" x=\"0\" y=\"\(HTML.n(y))\" width=\"\(HTML.n(width))\" height=\"\(HTML.n(rowH))\"/>"
            }
            svg += "<g><title>\(HTML.escape(row.tip))</title>"
            svg +=
                "<text class=\"row-label\" x=\"4\" y=\"\(HTML.n(y + 15))\">\(HTML.escape(HTML.fit(row.label, width: labelW - 10, fontSize: 12)))</text>"
            for bar in row.bars where bar.to > start && bar.from < end {
                let x0 = x(bar.from), x1 = max(x(bar.to), x0 + 2)
                svg +=
                    "<rect class=\"\(bar.cls)\" x=\"\(HTML.n(x0))\" y=\"\(HTML.n(y + 4))\" width=\"\(HTML.n(x1 - x0))\" height=\"\(HTML.n(rowH - 8))\"/>"
            }
            for mark in row.marks where mark.month >= start && mark.month <= end {
                let cx = x(mark.month), cy = y + rowH / 2
                let shape =
                    mark.cls == "blocker"
                    ? "<path class=\"blocker\" d=\"M\(HTML.n(cx)),\(HTML.n(cy - 7)) L\(HTML.n(cx + 7)),\(HTML.n(cy + 6)) L\(HTML.n(cx - 7)),\(HTML.n(cy + 6)) Z\"/>"
                    : "<path class=\"\(mark.cls)\" d=\"M\(HTML.n(cx)),\(HTML.n(cy - 6)) L\(HTML.n(cx + 6)),\(HTML.n(cy)) L\(HTML.n(cx)),\(HTML.n(cy + 6)) L\(HTML.n(cx - 6)),\(HTML.n(cy)) Z\"/>"
                svg += "<g><title>\(HTML.escape(mark.tip))</title>\(shape)</g>"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>\n"
    }

    static func projectRows(
        _ plan: Plan, _ scenario: Scenario, _ readiness: [ReadinessReport], _ end: YearMonth,
        _ L: ReportLabels
    ) -> [Row] {
        let ordered = plan.placements.enumerated().sorted { a, b in
            a.element.start != b.element.start ? a.element.start < b.element.start : a.offset < b.offset
        }.map(\.element)
        return ordered.map { pl in
            let p = scenario.projectList.first { $0.id == pl.project }
            let status = p?.statusOrDefault ?? .candidate
            let operating = pl.start.adding(months: p?.buildMonthsOrZero ?? 0)
            var row = Row(
                label: (p?.name ?? pl.project.rawValue) + " → " + pl.site.rawValue,
                tip: "\(p?.name ?? "") [\(pl.project.rawValue)] \(L.projectStatus(status)), "
                    + L.t("site ", "场地 ") + pl.site.rawValue + L.t(", start ", "，开工 ") + pl.start.description
                    + L.t(", operating from ", "，投产 ") + operating.description,
                bars: [(pl.start, operating, "build-\(status.rawValue)"), (operating, end, "run-\(status.rawValue)")],
                marks: [])
            if status != .candidate, let wanted = p?.start ?? p?.earliest {
                row.marks.append((wanted, "wanted", L.t("wanted from ", "期望 ") + wanted.description))
            }
            if let r = readiness.first(where: { $0.project == pl.project }), !r.readyOnWanted {
                let items = r.blocking.map { L.item($0.kind) + ($0.subject.map { " (\($0))" } ?? "") }.joined(
                    separator: ", ")
                row.marks.append(
                    (
                        r.wantedMonth, "blocker",
                        L.t("not ready on ", "期望月份未就绪 ") + r.wantedMonth.description
                            + L.t(": waiting on ", "：等待 ") + items + L.t("; ready from ", "；最早 ")
                            + L.month(r.readyMonth)
                    ))
                row.label = "⚠ " + row.label
            }
            return row
        }
    }

    static func expansionRows(_ plan: Plan, _ scenario: Scenario, _ L: ReportLabels) -> [Row] {
        plan.expansions.map { b in
            let e = scenario.expansionList.first { $0.id == b.id }
            let text = "\(e?.name ?? "") [\(b.id.rawValue)] " + (e.map(L.adds) ?? "")
            return Row(
                label: "⚙ " + (e?.name ?? b.id.rawValue),
                tip: text + L.t(", start ", "，开工 ") + b.start.description + L.t(", complete ", "，建成 ")
                    + b.complete.description,
                bars: [(b.start, b.complete, "expansion")],
                marks: [(b.complete, "milestone", L.t("complete ", "建成 ") + b.complete.description)])
        }
    }
}
