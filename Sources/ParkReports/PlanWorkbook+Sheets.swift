import ParkDiagnosis
import ParkModel
import ParkPlanning
import XLSXWriter

extension PlanWorkbook {
    static func placementsSheet(_ ctx: Context) throws {
        let L = ctx.L
        let header = [
            L.t("project", "项目"), L.t("name", "名称"), L.t("investor", "投资方"), L.t("status", "状态"),
            L.t("site", "场地"), L.t("start", "开工"), L.t("operating from", "投产"), L.t("units", "单元"),
            L.t("land (m²)", "用地 (m²)"), L.t("floor (m²)", "建筑面积 (m²)"), L.t("power (MW)", "电力 (MW)"),
            L.t("water (m³/d)", "用水 (m³/d)"), L.t("wastewater (m³/d)", "污水 (m³/d)"), L.t("COD (kg/d)", "COD (kg/d)"),
            L.t("investment", "投资") + " (\(ctx.moneyUnit))", L.t("annual tax", "年税收") + " (\(ctx.moneyUnit))",
            L.t("jobs", "就业"),
        ]
        let rows: [[Cell]] = ctx.plan.placements.map { pl in
            let p = ctx.scenario.projectList.first { $0.id == pl.project }
            return [
                .text(pl.project.rawValue), .text(p?.name ?? ""), .text(p?.investor ?? ""),
                .text(L.projectStatus(p?.statusOrDefault ?? .candidate)), .text(pl.site.rawValue), .month(pl.start),
                .month(pl.start.adding(months: p?.buildMonthsOrZero ?? 0)),
                .optional(pl.units.map(Double.init), .count),
                .optional(p?.landM2, .count), .optional(p?.floorM2, .count), .optional(p?.powerMW, .capacity),
                .optional(p?.waterM3Day, .capacity), .optional(p?.wastewaterM3Day, .capacity),
                .optional(p?.codKgDay, .capacity),
                .optional(p?.investment.map(ctx.moneyValue), .money),
                .optional(p?.annualTax.map(ctx.moneyValue), .money),
                .optional(p?.jobs, .count),
            ]
        }
        try table(ctx, name: L.t("Placements", "项目落位"), header: header, rows: rows)
    }

    static func expansionsSheet(_ ctx: Context) throws {
        let L = ctx.L
        let header = [
            L.t("expansion", "扩容"), L.t("name", "名称"), L.t("adds", "内容"), L.t("cost", "成本") + " (\(ctx.moneyUnit))",
            L.t("lead (months)", "工期（月）"), L.t("start", "开工"), L.t("complete", "建成"),
        ]
        let rows: [[Cell]] = ctx.plan.expansions.map { b in
            let e = ctx.scenario.expansionList.first { $0.id == b.id }
            return [
                .text(b.id.rawValue), .text(e?.name ?? ""), .text(e.map(L.adds) ?? ""),
                .optional(e.map { ctx.moneyValue($0.costOrZero) }, .money),
                .optional(e.map { Double($0.leadMonthsOrZero) }, .count),
                .month(b.start), .month(b.complete),
            ]
        }
        try table(ctx, name: L.t("Expansions", "扩容建设"), header: header, rows: rows)
    }

    /// Node × month: per node and kind its demand, usable capacity and share; then a sheet of
    /// native line charts (demand against usable capacity), one per node and kind.
    static func utilizationSheets(_ ctx: Context) throws {
        let L = ctx.L
        let series = ReportSeries.all(ctx.plan, ctx.scenario)
        let months = Array(Set(series.flatMap(\.months))).sorted()
        let row = Dictionary(months.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var header = [L.t("month", "月份")]
        var grid: [[Cell]] = months.map { [.month($0)] + Array(repeating: .empty, count: series.count * 3) }
        for (k, s) in series.enumerated() {
            let title = "\(s.node.rawValue) \(L.kind(s.kind))"
            header += [
                title + L.t(" demand", " 需求") + " (\(s.kind.unit))",
                title + L.t(" usable", " 可用容量") + " (\(s.kind.unit))",
                title + L.t(" share", " 负荷率"),
            ]
            let shares = s.shares
            for (i, m) in s.months.enumerated() {
                guard let r = row[m] else { continue }
                grid[r][1 + 3 * k] = .number(s.used[i], .capacity)
                grid[r][2 + 3 * k] = .number(s.capacity[i], .capacity)
                grid[r][3 + 3 * k] = shares[i].isFinite ? .number(shares[i], .share) : .empty
            }
        }
        let dataName = L.t("Utilisation", "负荷")
        try table(ctx, name: dataName, header: header, rows: grid)
        guard !series.isEmpty, !months.isEmpty else { return }
        let charts = try ctx.book.addSheet(L.t("Charts", "负荷图表"))
        let categories = XLSXRange(sheet: dataName, firstRow: 1, firstColumn: 0, lastRow: months.count, lastColumn: 0)
        for (k, s) in series.enumerated() {
            func column(_ offset: Int) -> XLSXRange {
                XLSXRange(
                    sheet: dataName, firstRow: 1, firstColumn: offset + 3 * k, lastRow: months.count,
                    lastColumn: offset + 3 * k)
            }
            let title = "\(L.kind(s.kind)) \(s.node.rawValue)" + (s.nodeName.isEmpty ? "" : " \(s.nodeName)")
            let chart = try ctx.book.addLineChart(
                title: title, categories: categories,
                series: [
                    XLSXSeries(name: L.t("demand", "需求"), values: column(1), color: 0x5B9BD5, width: 2.25),
                    XLSXSeries(
                        name: L.t("usable capacity", "可用容量"), values: column(2), color: 0x1D3557, width: 2.5,
                        dashed: true),
                ],
                xAxis: L.t("month", "月份"), yAxis: s.kind.unit, xNumberFormat: "yyyy-mm",
                xLabelEvery: max(1, (months.count + 7) / 8))
            try charts.insert(chart, row: (k / 2) * 16, column: (k % 2) * 9)
        }
    }

    static func readinessSheet(_ ctx: Context, _ reports: [ReadinessReport]) throws {
        let L = ctx.L
        let header = [
            L.t("project", "项目"), L.t("name", "名称"), L.t("status", "状态"), L.t("site", "场地"),
            L.t("wanted", "期望入驻"), L.t("ready on wanted month", "期望月份可入驻"), L.t("ready from", "最早入驻"),
            L.t("waiting on", "等待条件"), L.t("expansions waited on", "等待的扩容"),
        ]
        let rows: [[Cell]] = reports.map { r in
            let name = ctx.scenario.projectList.first { $0.id == r.project }?.name ?? ""
            return [
                .text(r.project.rawValue), .text(name), .text(L.projectStatus(r.status)), .text(r.site?.rawValue ?? ""),
                .month(r.wantedMonth), .text(L.yesNo(r.readyOnWanted)),
                r.readyMonth.map(Cell.month) ?? .text(L.month(nil)),
                .text(r.blocking.map { L.item($0.kind) }.joined(separator: L.t(", ", "、"))),
                .text(r.waitingOn.map(\.rawValue).joined(separator: ", ")),
            ]
        }
        try table(ctx, name: L.t("Readiness", "入驻条件"), header: header, rows: rows)
    }

    static func leftOutSheet(_ ctx: Context) throws {
        let L = ctx.L
        let rows = HTMLReport.unplacedRows(ctx.plan, ctx.scenario).map { $0.map(Cell.text) }
        try table(
            ctx, name: L.t("Left out", "未落地项目"),
            header: [L.t("project", "项目"), L.t("name", "名称"), L.t("reason", "原因")], rows: rows)
    }
}
