import Foundation
import ParkModel
import ParkReports

extension SweepResult {
    /// `sweep.csv`: one row per point (UTF-8 with BOM, CRLF, like the plan's CSVs): the axis
    /// values, status, value and its parts, bound, gap, placements, unplaced, expansions, and
    /// per axis the marginal value per unit from the previous value of that axis.
    public func csv() -> Data {
        var header = ["point"] + axes.map(\.path)
        header += [
            "status", "value", "tax", "investment", "jobs", "cost", "bound", "gap", "placements", "unplaced",
            "expansions",
        ]
        header += axes.map { "marginal_per_unit_\($0.path)" }
        header.append("message")
        let rows: [[CSVCell]] = points.map { point in
            var row: [CSVCell] = [.integer(point.point)]
            row += point.values.map { Double($0).map(CSVCell.number) ?? .text($0) }
            row += [
                .text(point.status), .optional(point.value), .optional(point.parts?.tax),
                .optional(point.parts?.investment), .optional(point.parts?.jobs), .optional(point.parts?.cost),
                .optional(point.bound), .optional(point.gap), .integer(point.placements), .integer(point.unplaced),
                .text(point.expansions.joined(separator: " ")),
            ]
            row += axes.indices.map { .optional(marginal(of: point, along: $0)) }
            row.append(.optional(point.message))
            return row
        }
        return CSVTable(header: header, rows: rows).data()
    }

    /// What sweep.html shows: the definition, the points and each point's marginal per axis.
    public func report() -> SweepReport {
        SweepReport(
            scenario: scenario, variant: variant, sets: sets,
            axes: axes.map { SweepReport.Axis(path: $0.path, values: $0.values) }, currency: currency ?? "CNY",
            timeLimitSeconds: timeLimitSeconds, shard: shard,
            points: points.map { p in
                SweepReport.Point(
                    number: p.point, values: p.values, status: p.status, value: p.value, gap: p.gap,
                    placements: p.placements, unplaced: p.unplaced, expansions: p.expansions, message: p.message,
                    marginals: axes.indices.map { marginal(of: p, along: $0) })
            })
    }

    /// `sweep.html` (UTF-8): the same result gives the same bytes.
    public func html(language: ReportLanguage) -> Data {
        Data(SweepHTMLReport.render(report(), language: language).utf8)
    }

    /// The terminal table: one line per point with value, marginal per unit along the last axis,
    /// placements and expansions; points without a plan say why.
    public func table(language L: ReportLanguage = .en, currency: String = "CNY") -> String {
        let last = axes.count - 1
        let header =
            axes.map(\.path)
            + (L == .zh
                ? ["状态", "价值", "每单位边际值", "落位", "扩建 / 说明"]
                : ["status", "value", "Δ/unit", "placed", "expansions / note"])
        func money(_ x: Double) -> String {
            L == .zh ? NumberFormat.money(x, currency: currency, language: L) : PlanSummaryText.amount(x)
        }
        let rows: [[String]] = points.map { point in
            var cells = point.values
            cells.append(L == .zh ? Self.chineseStatus(point.status) : point.status)
            cells.append(point.value.map(money) ?? "—")
            cells.append(marginal(of: point, along: last).map(money) ?? "")
            cells.append(point.hasValue ? "\(point.placements)" : "")
            cells.append(point.hasValue ? point.expansions.joined(separator: " ") : (point.message ?? ""))
            return cells
        }
        let numbers = Set(axes.indices).union([axes.count + 1, axes.count + 2, axes.count + 3])
        return TextTable(header: header, rows: rows, rightAligned: numbers).render()
    }

    /// A point's status in Chinese (最优 / 可行 / 不可行 / 无方案 / 无效).
    static func chineseStatus(_ status: String) -> String {
        ["optimal": "最优", "feasible": "可行", "infeasible": "不可行", "no_solution": "无方案", "invalid": "无效"][status]
            ?? status
    }
}
