import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

@Suite struct HTMLReportTests {
    typealias F = ReportFixtures

    func render(_ language: ReportLanguage, plan: Plan = F.plan, scenario: Scenario = F.scenario) -> String {
        let readiness = Readiness.check(instance: PlanningInstance(scenario), plan: plan)
        return HTMLReport.render(plan, scenario: scenario, readiness: readiness, language: language)
    }

    /// The fixture with outlines on both sites.
    static var outlined: Scenario {
        var s = F.scenario
        s.plots?[0].polygon = [[0, 0], [400, 0], [400, 250], [0, 250]]
        s.buildings?[0].polygon = [[450, 0], [560, 0], [560, 60], [450, 60]]
        return s
    }

    @Test func sameBytesEveryTime() {
        #expect(render(.zh) == render(.zh))
        #expect(render(.en, scenario: Self.outlined) == render(.en, scenario: Self.outlined))
    }

    @Test func selfContainedAndOffline() {
        let html = render(.zh)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        // The only URL is the SVG namespace.
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
    }

    @Test func userTextIsEscaped() {
        var s = F.scenario
        s.projects?[1].name = "<b>&\"evil\"</b>"
        var plan = F.plan
        plan.unplaced[0].reason = "<script>alert(1)</script>"
        let html = render(.en, plan: plan, scenario: s)
        #expect(!html.contains("<b>&"))
        #expect(html.contains("&lt;b&gt;&amp;&quot;evil&quot;&lt;/b&gt;"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func summaryInTheLanguageAsked() {
        let zh = render(.zh), en = render(.en)
        #expect(zh.contains("<html lang=\"zh-CN\">"))
        #expect(zh.contains("11.90 亿元"))  // value 1.19e9
        #expect(zh.contains("最优方案：已证明不存在更好的方案。"))
        #expect(zh.contains("2,000 万元 / 预算 5,000 万元"))
        #expect(en.contains("CNY 1,190,000,000"))
        #expect(en.contains("Optimal: no better plan exists"))
        #expect(en.contains("=needs 200,000 m² of land"))  // the left-out reason
    }

    @Test func gapInWords() {
        var plan = F.plan
        plan.status = .feasible
        plan.gap = 0.003
        #expect(HTMLReport.statusSentence(plan, ReportLabels(.en)).contains("within 0.30 % of the best possible plan"))
        #expect(HTMLReport.statusSentence(plan, ReportLabels(.zh)).contains("相差不超过 0.30%"))
    }

    @Test func oneChartPerNodeAndKind() {
        let html = render(.en)
        #expect(html.components(separatedBy: "<svg class=\"chart utility\"").count - 1 == 2)
        #expect(html.contains("data-node=\"S1\" data-kind=\"power\""))
        #expect(html.contains("data-node=\"W1\" data-kind=\"sewage\""))
        // S1 has a 10 % reserve: the installed line is drawn; the S1-T2 completion is marked.
        #expect(html.contains("class=\"installed\""))
        #expect(html.contains("▲ S1-T2"))
    }

    @Test func sitePlanFromPolygonsOrSchematic() {
        let schematic = render(.en)
        #expect(schematic.contains("class=\"siteplan schematic\""))
        #expect(schematic.contains("Power node S1"))
        let drawn = render(.en, scenario: Self.outlined)
        #expect(drawn.contains("<polygon class=\"cat-committed\""))  // A-01 holds the committed 光伏
        #expect(drawn.contains("<polygon class=\"cat-candidate\""))  // B-01 holds the new elec
        #expect(!drawn.contains("schematic"))
    }

    @Test func timelineShowsProjectsAndExpansions() {
        let html = render(.en)
        #expect(html.contains("class=\"chart gantt\""))
        #expect(html.contains("class=\"expansion\""))
        #expect(html.contains("class=\"milestone\""))
        #expect(html.contains("class=\"run-committed\""))
    }

    @Test func thresholdsFoundInOrder() {
        let m = F.month("2023-01")
        let s = ReportSeries(
            node: "S1", nodeName: "", kind: .power, months: [m, m.adding(months: 1), m.adding(months: 2)],
            used: [5, 8.5, 11], capacity: [10, 10, 10], installed: nil, completions: [])
        #expect(s.firstIndex(reaching: 0.8) == 1)
        #expect(s.firstIndex(reaching: 1.0) == 2)
        let caption = SVGUtilityChart.caption(s, labels: ReportLabels(.en))
        #expect(caption.contains("80 % first reached 2023-02"))
        #expect(caption.contains("full (100 %) from 2023-03"))
        let svg = SVGUtilityChart.render(s, labels: ReportLabels(.en))
        #expect(svg.contains("class=\"mark-high\""))
        #expect(svg.contains("class=\"mark-over\""))
    }

    @Test func moneyInYiAndWan() {
        #expect(Money.text(1.5e8, currency: "CNY", language: .zh) == "1.50 亿元")
        #expect(Money.text(9e7, currency: "CNY", language: .zh) == "9,000 万元")
        #expect(Money.text(45_000, currency: "CNY", language: .zh) == "4.5 万元")
        #expect(Money.text(1.5e8, currency: "CNY", language: .en) == "CNY 150,000,000")
        #expect(Money.text(nil, currency: "CNY", language: .en) == "—")
    }

    @Test func fittedLabelsAreShortened() {
        #expect(HTML.fit("abc", width: 100, fontSize: 10) == "abc")
        let cut = HTML.fit("光伏组件项目光伏组件项目", width: 50, fontSize: 10)
        #expect(cut.hasSuffix("…"))
        #expect(HTML.estimatedWidth(cut, fontSize: 10) <= 50)
    }
}

@Suite struct HTMLReportEdgeTests {
    typealias F = ReportFixtures

    @Test func infeasiblePlanShowsTheShortfalls() {
        var plan = F.plan
        plan.status = .infeasible
        plan.value = nil; plan.bound = nil; plan.gap = nil; plan.valueParts = nil
        plan.placements = []; plan.expansions = []; plan.utilization = []
        plan.shortfalls = [
            Shortfall(
                kind: "power", where: "S1", from: F.month("2023-01"), amount: 4.5, unit: "MW",
                message: "S1 needs 4.5 MW more from 2023-01")
        ]
        let html = HTMLReport.render(plan, scenario: F.scenario, readiness: [], language: .en)
        #expect(html.contains("Infeasible: committed and existing projects cannot all be placed"))
        #expect(html.contains("<td>S1 needs 4.5 MW more from 2023-01</td>"))
        #expect(!html.contains("class=\"chart utility\""))
        #expect(!html.contains("class=\"chart gantt\""))
        #expect(html.contains("class=\"siteplan schematic\""))
        #expect(html.hasSuffix("</html>\n"))
    }
}
