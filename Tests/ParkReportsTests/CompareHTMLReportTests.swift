import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

@Suite struct CompareHTMLReportTests {
    typealias F = ReportFixtures

    /// A variant that drops the expansion and leaves `elec` out.
    static var variant: Plan {
        var plan = F.plan
        plan.variant = "no-transformer"
        plan.value = 1.2e9
        plan.expansions = []
        plan.placements = [plan.placements[0]]
        plan.unplaced.append(Unplaced(project: "elec", reason: "S1 power: needs 1 MW, 0 free"))
        plan.utilization = [
            Utilization(node: "S1", kind: .power, period: F.month("2023-01"), used: 12, capacity: 18),
            Utilization(node: "S1", kind: .power, period: F.month("2023-02"), used: 12, capacity: 18),
            Utilization(node: "W1", kind: .sewage, period: F.month("2023-01"), used: 300, capacity: 1000),
        ]
        return plan
    }

    static func render(_ language: ReportLanguage, scenario: Scenario = F.scenario) -> String {
        CompareHTMLReport.render(plans: [F.plan, variant], scenarios: [scenario, scenario], language: language)
    }

    @Test func sameBytesAndOffline() {
        let html = Self.render(.zh)
        #expect(html == Self.render(.zh))
        #expect(!html.contains("<script"))
        #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http") == false)
    }

    @Test func valuesChartsAndChanges() {
        let html = Self.render(.en, scenario: HTMLReportTests.outlined)
        #expect(html.contains("<svg class=\"chart bars\""))
        #expect(html.contains("CNY 1,190,000,000 · optimal"))
        #expect(html.contains("CNY 1,200,000,000 · optimal"))
        // One overlaid chart per node and kind, one line pair per plan.
        #expect(html.components(separatedBy: "<svg class=\"chart utility overlay\"").count - 1 == 2)
        #expect(html.contains("class=\"used-line demand-line plan-1\""))
        // What changed, in words and on the site plan.
        #expect(html.contains("Changes in no-transformer"))
        #expect(html.contains("<li>left out elec: S1 power: needs 1 MW, 0 free</li>"))
        #expect(html.contains("<li>dropped expansion S1-T2</li>"))
        #expect(html.contains("<polygon class=\"cat-free changed\""))  // B-01, empty now
        #expect(html.contains("<polygon class=\"cat-committed\""))  // A-01 unchanged
    }

    @Test func sameAsBaseSaysSo() {
        let html = CompareHTMLReport.render(
            plans: [F.plan, F.plan], scenarios: [F.scenario, F.scenario], language: .zh)
        #expect(html.contains("与基准方案相同。"))
    }
}
