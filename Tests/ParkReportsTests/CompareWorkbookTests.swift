import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

@Suite struct CompareWorkbookTests {
    typealias F = ReportFixtures

    @Test func sheetNamesExcelAccepts() {
        #expect(
            CompareWorkbook.sheetNames(["基准", "a/b:c", "基准", String(repeating: "x", count: 40), "方案比选"])
                == ["基准", "a_b_c", "基准~2", String(repeating: "x", count: 28), "方案比选~2"])
    }

    @Test func oneSheetPerPlanReadBack() throws {
        let data = try CompareWorkbook.data(
            plans: [F.plan, CompareHTMLReportTests.variant],
            scenarios: [F.scenario, F.scenario], language: .zh)
        #expect(
            data
                == (try CompareWorkbook.data(
                    plans: [F.plan, CompareHTMLReportTests.variant],
                    scenarios: [F.scenario, F.scenario], language: .zh)))
        guard let python = ExternalTools.pythonWithOpenpyxl else { return }
        let file = try ExternalTools.outputFolder("workbook").appendingPathComponent("fixture-compare-zh.xlsx")
        try data.write(to: file)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            print(json.dumps([wb.sheetnames, [c.value for c in wb["方案比选"][1]], [c.value for c in wb["no-transformer"][4]]], ensure_ascii=False))
            """
        let (status, stdout, stderr) = try ExternalTools.run(python, ["-c", script, file.path])
        #expect(status == 0, "\(stderr)")
        #expect(stdout.contains("[[\"方案比选\", \"基准\", \"no-transformer\"], [\"方案\", \"状态\", \"综合价值 (万元)\""), "\(stdout)")
        #expect(stdout.contains("[\"未落地\", \"elec\", \"-电子, 厂\""), "\(stdout)")
    }
}
