import Foundation
import GLPKSolver
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

/// report.html in a real browser (headless Chromium, when installed): no console errors, every
/// chart drawn, no text overflowing its box, Chinese glyphs rendered; screenshots are left in
/// `.build/test-output/reports/` for humans to look at.
@Suite(.enabled(if: BrowserCheck.chromium != nil, "chromium is not installed"), .serialized)
struct BrowserReportTests {
    typealias F = ReportFixtures

    func expectClean(_ outcome: BrowserCheck.Outcome, charts: Int) {
        #expect(outcome.console.isEmpty, "\(outcome.console)")
        #expect(outcome.measured.charts.count == charts)
        for chart in outcome.measured.charts {
            #expect(chart.w > 200 && chart.h > 60, "\(chart)")
            #expect(chart.capacity && chart.demand, "\(chart)")
        }
        #expect(outcome.measured.gantt == 1)
        #expect(outcome.measured.siteplan >= 1)
        #expect(outcome.measured.overflow.isEmpty, "\(outcome.measured.overflow)")
        #expect(!outcome.measured.tofu, "Chinese renders as boxes: is fonts-noto-cjk installed?")
        #expect(FileManager.default.fileExists(atPath: outcome.screenshot.path))
    }

    @Test func fixtureWithoutOutlinesEnglish() throws {
        let readiness = Readiness.check(instance: PlanningInstance(F.scenario), plan: F.plan)
        let html = HTMLReport.render(F.plan, scenario: F.scenario, readiness: readiness, language: .en)
        expectClean(try BrowserCheck.open(html, name: "fixture-schematic-en"), charts: 2)
    }

    @Test func fixtureWithOutlinesChinese() throws {
        let scenario = HTMLReportTests.outlined
        let readiness = Readiness.check(instance: PlanningInstance(scenario), plan: F.plan)
        let html = HTMLReport.render(F.plan, scenario: scenario, readiness: readiness, language: .zh)
        expectClean(try BrowserCheck.open(html, name: "fixture-outlines-zh"), charts: 2)
    }

    @Test func compareReportChinese() throws {
        let html = CompareHTMLReportTests.render(.zh, scenario: HTMLReportTests.outlined)
        let outcome = try BrowserCheck.open(html, name: "fixture-compare-zh")
        #expect(outcome.console.isEmpty, "\(outcome.console)")
        #expect(outcome.measured.charts.count == 2)
        #expect(outcome.measured.charts.allSatisfy { $0.w > 200 && $0.h > 60 })
        #expect(outcome.measured.siteplan == 1)
        #expect(outcome.measured.overflow.isEmpty, "\(outcome.measured.overflow)")
        #expect(!outcome.measured.tofu)
    }

    /// The Linfen sample, planned for real, in both languages.
    @Test(arguments: [ReportLanguage.zh, .en])
    func linfenSample(language: ReportLanguage) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/linfen-2022.yaml").path)
        let scenario = document.base
        let result = try Planner.plan(
            scenario, variant: nil, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: 30, relativeGap: nil))
        let readiness = Readiness.check(instance: PlanningInstance(scenario), plan: result.plan)
        let html = HTMLReport.render(result.plan, scenario: scenario, readiness: readiness, language: language)
        let series = ReportSeries.all(result.plan, scenario)
        #expect(series.count == 5)  // S1, S2 power; W1 sewage and COD; WS1 water
        expectClean(try BrowserCheck.open(html, name: "linfen-\(language.rawValue)"), charts: series.count)
    }
}
