import Foundation
import ParkDiagnosis
import ParkModel
import ParkPlanning
import XLSXWriter

/// `plan.xlsx`: summary, placements, expansions, utilisation (node × month, with a native line
/// chart per node and kind), readiness and the projects left out; headers in the report language,
/// number formats, frozen header rows, autofilters, column widths that fit Chinese text.
/// Money is in 万元 in Chinese and in currency units in English.
public enum PlanWorkbook {
    /// The workbook's bytes (written to a temporary file by libxlsxwriter, read back, removed).
    public static func data(
        for plan: Plan, scenario: Scenario, readiness: [ReadinessReport],
        language: ReportLanguage
    ) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parkplan-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(plan, scenario: scenario, readiness: readiness, language: language, to: url.path)
        return try Data(contentsOf: url)
    }

    public static func write(
        _ plan: Plan, scenario: Scenario, readiness: [ReadinessReport],
        language: ReportLanguage, to path: String
    ) throws {
        let book = try XLSXWorkbook(path: path)
        let L = ReportLabels(language)
        try book.setProperties(
            title: L.t("Park plan", "园区规划方案") + " — " + scenario.park.name,
            created: createdDate(scenario.horizon.start))
        let ctx = try Context(book: book, labels: L, scenario: scenario, plan: plan)
        try summarySheet(ctx)
        try placementsSheet(ctx)
        try expansionsSheet(ctx)
        try utilizationSheets(ctx)
        try readinessSheet(ctx, readiness)
        try leftOutSheet(ctx)
        try book.close()
    }

    /// A fixed creation time (the horizon's first day, UTC) so the same plan gives the same bytes.
    static func createdDate(_ month: YearMonth) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: DateComponents(year: month.year, month: month.month, day: 1))
            ?? Date(timeIntervalSince1970: 0)
    }

    /// One cell of a table.
    enum Cell {
        case text(String)
        case number(Double, Kind)
        case month(YearMonth)
        case empty

        enum Kind { case money, count, capacity, share }

        static func optional(_ x: Double?, _ kind: Kind) -> Cell { x.map { .number($0, kind) } ?? .empty }
    }

    /// The workbook and its shared formats.
    struct Context {
        let book: XLSXWorkbook
        let L: ReportLabels
        let scenario: Scenario
        let plan: Plan
        let header, money, count, capacity, share, month, bold: XLSXFormat

        init(book: XLSXWorkbook, labels: ReportLabels, scenario: Scenario, plan: Plan) throws {
            self.book = book; L = labels; self.scenario = scenario; self.plan = plan
            header = try book.addFormat(XLSXStyle(bold: true, background: 0xDDEBF7, wrap: true, border: true))
            money = try book.addFormat(XLSXStyle(numberFormat: labels.language == .zh ? "#,##0.0" : "#,##0"))
            count = try book.addFormat(XLSXStyle(numberFormat: "#,##0"))
            capacity = try book.addFormat(XLSXStyle(numberFormat: "#,##0.00"))
            share = try book.addFormat(XLSXStyle(numberFormat: "0.0%"))
            month = try book.addFormat(XLSXStyle(numberFormat: "yyyy-mm"))
            bold = try book.addFormat(XLSXStyle(bold: true))
        }

        /// Money as written: 万元 in Chinese, currency units in English.
        func moneyValue(_ x: Double) -> Double { L.language == .zh ? x / 1e4 : x }

        var moneyUnit: String {
            let cur = scenario.park.currencyOrDefault
            return L.language == .zh ? (cur == "CNY" ? "万元" : "万 \(cur)") : cur
        }

        func format(_ kind: Cell.Kind) -> XLSXFormat {
            switch kind {
            case .money: money
            case .count: count
            case .capacity: capacity
            case .share: share
            }
        }
    }

    /// A sheet holding one table: bold header row (frozen, with an autofilter), rows, fitted widths.
    @discardableResult
    static func table(_ ctx: Context, name: String, header: [String], rows: [[Cell]]) throws -> XLSXSheet {
        let sheet = try ctx.book.addSheet(name)
        var widths = header.map { min(28, Double(TextWidth.displayWidth($0))) }
        for (c, title) in header.enumerated() { try sheet.write(0, c, title, ctx.header) }
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                var width = 0.0
                switch cell {
                case .text(let text):
                    try sheet.write(r + 1, c, text)
                    width = Double(TextWidth.displayWidth(text))
                case .number(let x, let kind):
                    try sheet.write(r + 1, c, x, ctx.format(kind))
                    width = Double(NumberFormat.grouped(x, decimals: kind == .count ? 0 : 2).count)
                case .month(let m):
                    try sheet.writeDate(r + 1, c, year: m.year, month: m.month, ctx.month)
                    width = 8
                case .empty:
                    break
                }
                if c < widths.count { widths[c] = max(widths[c], width) }
            }
        }
        for (c, w) in widths.enumerated() { try sheet.setColumns(c, c, width: min(60, max(8, w * 1.1 + 2))) }
        try sheet.freeze(rows: 1)
        if !header.isEmpty {
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: rows.count, lastColumn: header.count - 1)
        }
        return sheet
    }

    static func summarySheet(_ ctx: Context) throws {
        let L = ctx.L, plan = ctx.plan, scenario = ctx.scenario
        let costs = plan.expansions.map { b in scenario.expansionList.first { $0.id == b.id }?.costOrZero ?? 0 }
        let u = " (\(ctx.moneyUnit))"
        var rows: [[Cell]] = [
            [.text(L.t("park", "园区")), .text(scenario.park.name)],
            [.text(L.t("scenario", "情景")), .text(plan.scenario + (plan.variant.map { " [\($0)]" } ?? ""))],
            [.text(L.t("status", "状态")), .text(L.status(plan.status))],
            [.text(L.t("in words", "说明")), .text(HTMLReport.statusSentence(plan, L))],
            [.text(L.t("value", "综合价值") + u), .optional(plan.value.map(ctx.moneyValue), .money)],
            [.text(L.t("bound", "上界") + u), .optional(plan.bound.map(ctx.moneyValue), .money)],
            [.text(L.t("gap", "差距")), .optional(plan.gap, .share)],
        ]
        if let p = plan.valueParts {
            rows += [
                [.text(L.t("tax", "税收") + u), .number(ctx.moneyValue(p.tax), .money)],
                [.text(L.t("investment", "投资") + u), .number(ctx.moneyValue(p.investment), .money)],
                [.text(L.t("jobs", "就业") + u), .number(ctx.moneyValue(p.jobs), .money)],
                [.text(L.t("expansion cost", "扩容成本") + u), .number(ctx.moneyValue(-p.cost), .money)],
            ]
        }
        rows += [
            [.text(L.t("placed projects", "落地项目")), .number(Double(plan.placements.count), .count)],
            [.text(L.t("left out", "未落地项目")), .number(Double(MarkdownReport.leftOutCount(plan, scenario)), .count)],
            [.text(L.t("expansions built", "建设扩容")), .number(Double(plan.expansions.count), .count)],
            [.text(L.t("expansion cost", "扩容投资") + u), .number(ctx.moneyValue(costs.reduce(0, +)), .money)],
            [.text(L.t("budget", "预算") + u), .optional(scenario.budget.map(ctx.moneyValue), .money)],
            [.text(L.t("solver", "求解器")), .text("\(plan.solver.name) \(plan.solver.version)")],
        ]
        try table(ctx, name: L.t("Summary", "概要"), header: [L.t("item", "项目"), L.t("value", "数值")], rows: rows)
    }
}
