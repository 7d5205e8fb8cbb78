import Foundation
import ParkModel
import Testing

@testable import ParkReports

/// `sweep.html` from hand-made sweeps: one parameter (value chart and marginal bars), a grid
/// (heat map), points without a plan, both languages, hostile names.
@Suite struct SweepHTMLReportTests {
    typealias Point = SweepReport.Point

    static func point(
        _ number: Int, _ values: [String], _ status: String, _ value: Double?, marginals: [Double?],
        message: String? = nil
    ) -> Point {
        Point(
            number: number, values: values, status: status, value: value, gap: status == "feasible" ? 0.012 : nil,
            placements: value == nil ? 0 : 3, unplaced: value == nil ? 0 : 1,
            expansions: value == nil ? [] : ["E1@2024-03"], message: message, marginals: marginals)
    }

    /// S1 at 8, 10, 12, 14 MW: infeasible at 8 (with a message holding markup), then 1.2e9,
    /// 1.23e9 (feasible with a gap), 1.23e9.
    static var line: SweepReport {
        SweepReport(
            scenario: "<b>Park & Co</b>", variant: nil, sets: ["budget=5e6"],
            axes: [SweepReport.Axis(path: "power.S1.capacity_mw", values: ["8", "10", "12", "14"])],
            currency: "CNY", timeLimitSeconds: 5, shard: nil,
            points: [
                point(1, ["8"], "infeasible", nil, marginals: [nil], message: "S1 lacks 2 MW <script>"),
                point(2, ["10"], "optimal", 1.2e9, marginals: [nil]),
                point(3, ["12"], "feasible", 1.23e9, marginals: [1.5e7]),
                point(4, ["14"], "optimal", 1.23e9, marginals: [0]),
            ])
    }

    /// budget 1e8, 2e8 × S1 10, 12: the cell (2e8, 10) is invalid.
    static var grid: SweepReport {
        let axes = [
            SweepReport.Axis(path: "budget", values: ["100000000", "200000000"]),
            SweepReport.Axis(path: "power.S1.capacity_mw", values: ["10", "12"]),
        ]
        return SweepReport(
            scenario: "tiny", variant: "v2", sets: [], axes: axes, currency: "CNY", timeLimitSeconds: nil,
            shard: nil,
            points: [
                point(1, ["100000000", "10"], "optimal", 1.0e9, marginals: [nil, nil]),
                point(2, ["100000000", "12"], "optimal", 1.1e9, marginals: [nil, 5e7]),
                point(3, ["200000000", "10"], "invalid", nil, marginals: [nil, nil], message: "bad"),
                point(4, ["200000000", "12"], "optimal", 1.25e9, marginals: [1.5, nil]),
            ])
    }

    @Test func oneParameterPageHasTheChartsAndEveryPoint() {
        let html = SweepHTMLReport.render(Self.line, language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.hasSuffix("</html>\n"))
        #expect(html.contains("power.S1.capacity_mw = 8 … 14, step 2 (4 values) · 4 points · time limit 5 s per point"))
        #expect(html.contains("<svg class=\"chart sweep value\""))
        #expect(html.contains("<svg class=\"chart sweep marginal\""))
        // Three valued points: two optimal (filled), one feasible with a gap (hollow).
        #expect(html.components(separatedBy: "<circle class=\"pt\"").count - 1 == 2)
        #expect(html.components(separatedBy: "<circle class=\"pt approx\"").count - 1 == 1)
        #expect(html.contains("power.S1.capacity_mw = 12: value CNY 1,230,000,000 · gap 1.2% · feasible"))
        #expect(html.contains("power.S1.capacity_mw = 10: value CNY 1,200,000,000 · gap 0.0% · optimal"))
        // Marginal bars: 15 M per MW from 10 to 12 (a bar), 0 from 12 to 14; none from 8 to 10.
        #expect(html.contains("power.S1.capacity_mw 10 → 12: CNY 15,000,000 per MW"))
        #expect(html.contains("power.S1.capacity_mw 8 → 10: no marginal"))
        #expect(html.contains("million CNY per MW"))
        // Points table: one row per point, the value in full, the marginal per unit.
        #expect(html.contains("<td class=\"num\">1,230,000,000</td>"))
        #expect(html.contains("<td class=\"num\">15,000,000</td>"))
        #expect(html.components(separatedBy: "<tr").count - 1 == 5)
        #expect(html.contains("Applied to every point: --set budget=5e6"))
    }

    @Test func anInfeasiblePointIsShownNotDropped() {
        let html = SweepHTMLReport.render(Self.line, language: .en)
        // A red cross on the axis with its reason, a marked table row, counted in the summary.
        #expect(
            html.contains(
                "<g class=\"nopt\"><title>power.S1.capacity_mw = 8: no plan · infeasible — S1 lacks 2 MW &lt;script&gt;</title>"
            ))
        #expect(html.contains("<tr class=\"none\"><td class=\"num\">8</td><td class=\"st\">infeasible</td>"))
        #expect(html.contains("<div class=\"v\">3 / 4</div><div class=\"s\">infeasible 1</div>"))
    }

    @Test func markupInNamesIsEscaped() {
        let html = SweepHTMLReport.render(Self.line, language: .en)
        #expect(html.contains("<title>Sweep — &lt;b&gt;Park &amp; Co&lt;/b&gt;</title>"))
        #expect(!html.contains("<b>Park"))
        #expect(!html.contains("<script"))
        // Self-contained: no script, no link, no external resource.
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http"))
    }

    @Test func gridPageHasAHeatMapWithTheNumbersInTheCells() {
        let html = SweepHTMLReport.render(Self.grid, language: .en)
        #expect(html.contains("<table class=\"heat\">"))
        #expect(!html.contains("<svg class=\"chart sweep"))
        #expect(html.contains("Value of each point in million CNY"))
        // 1.0e9 is the lightest cell, 1.25e9 the darkest; the invalid cell names its status.
        #expect(
            html.contains(
                "style=\"background:#eef3f9\" title=\"budget = 100000000, power.S1.capacity_mw = 10: value CNY 1,000,000,000 · gap 0.0% · optimal\">1,000</td>"
            ))
        #expect(html.contains("<td class=\"cell dark\" style=\"background:#1d3557\""))
        #expect(html.contains(">1,250</td>"))
        #expect(
            html.contains(
                "<td class=\"cell none\" title=\"budget = 200000000, power.S1.capacity_mw = 10: no plan · invalid — bad\">invalid</td>"
            ))
        #expect(html.contains("Δ value per CNY · budget"))
        #expect(html.contains("<td class=\"num\">1.50</td>"))
        #expect(html.contains("Sweep — tiny (v2)"))
    }

    @Test func chinesePageUsesChineseLabels() {
        let html = SweepHTMLReport.render(Self.line, language: .zh)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        for label in ["参数扫描", "概要", "综合价值随参数变化", "边际价值", "各点结果", "不可行", "可行", "最优", "每点时限 5 秒", "万元/MW"] {
            #expect(html.contains(label), "\(label)")
        }
        #expect(html.contains("综合价值 123,000 万元"))
        let grid = SweepHTMLReport.render(Self.grid, language: .zh)
        #expect(grid.contains("各点综合价值，单位：亿元"))
        #expect(grid.contains(">无效</td>"))
    }

    @Test func theSameSweepGivesTheSameBytes() {
        for language in [ReportLanguage.en, .zh] {
            #expect(
                SweepHTMLReport.render(Self.line, language: language)
                    == SweepHTMLReport.render(Self.line, language: language))
            #expect(
                SweepHTMLReport.render(Self.grid, language: language)
                    == SweepHTMLReport.render(Self.grid, language: language))
        }
    }

    @Test func unitsComeFromThePath() {
        #expect(SweepReport.unit(ofPath: "power.S1.capacity_mw", currency: "CNY") == "MW")
        #expect(SweepReport.unit(ofPath: "sewage.W1.capacity_m3_day", currency: "CNY") == "m³/day")
        #expect(SweepReport.unit(ofPath: "budget", currency: "EUR") == "EUR")
        #expect(SweepReport.unit(ofPath: "buildings.B1.units", currency: "CNY") == "unit")
        #expect(SweepReport.unit(ofPath: "projects.a.jobs", currency: "CNY") == nil)
        let L = ReportLabels(.en)
        #expect(SweepReport.perUnit("projects.a.jobs", currency: "CNY", L) == "per unit of jobs")
    }
}
