import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

@Suite struct PlanWorkbookTests {
    typealias F = ReportFixtures

    func workbook(_ language: ReportLanguage) throws -> Data {
        let readiness = Readiness.check(instance: PlanningInstance(F.scenario), plan: F.plan)
        return try PlanWorkbook.data(for: F.plan, scenario: F.scenario, readiness: readiness, language: language)
    }

    @Test func sameBytesEveryTime() throws {
        let a = try workbook(.zh), b = try workbook(.zh)
        #expect(a.count > 1000)
        #expect(a == b)
        #expect(a.prefix(2) == Data("PK".utf8))
    }

    /// Reads the workbook back with openpyxl (python3-openpyxl) when it is installed.
    @Test(.enabled(if: ExternalTools.pythonWithOpenpyxl != nil, "python3 with openpyxl is not installed"))
    func readBackWithOpenpyxl() throws {
        let python = try #require(ExternalTools.pythonWithOpenpyxl)
        let dir = try ExternalTools.outputFolder("workbook")
        let file = dir.appendingPathComponent("fixture-zh.xlsx")
        try workbook(.zh).write(to: file)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames, "headers": {}, "formulas": 0, "charts": {}, "freeze": {}, "filter": {}, "cells": {}}
            for ws in wb.worksheets:
                out["headers"][ws.title] = [c.value for c in ws[1]] if ws.max_row >= 1 else []
                out["charts"][ws.title] = len(ws._charts)
                out["freeze"][ws.title] = ws.freeze_panes
                out["filter"][ws.title] = ws.auto_filter.ref
                for row in ws.iter_rows():
                    for c in row:
                        if c.data_type == "f": out["formulas"] += 1
                out["cells"][ws.title] = [[str(c.value) if c.value is not None else None for c in row] for row in ws.iter_rows(max_row=4)]
            print(json.dumps(out, ensure_ascii=False))
            """
        let (status, stdout, stderr) = try ExternalTools.run(python, ["-c", script, file.path])
        #expect(status == 0, "\(stderr)")
        struct Dump: Decodable {
            var sheets: [String]
            var headers: [String: [String?]]
            var formulas: Int
            var charts: [String: Int]
            var freeze: [String: String?]
            var filter: [String: String?]
            var cells: [String: [[String?]]]
        }
        let dump = try JSONDecoder().decode(Dump.self, from: Data(stdout.utf8))
        #expect(dump.sheets == ["概要", "项目落位", "扩容建设", "负荷", "负荷图表", "入驻条件", "未落地项目"])
        #expect(dump.headers["项目落位"]?.prefix(6) == ["项目", "名称", "投资方", "状态", "场地", "开工"])
        #expect(dump.headers["负荷"]?.prefix(3) == ["月份", "S1 电力 需求 (MW)", "S1 电力 可用容量 (MW)"])
        #expect(dump.formulas == 0)
        #expect(dump.charts["负荷图表"] == 2)  // S1 power and W1 sewage
        #expect(dump.freeze["项目落位"] == "A2")
        #expect(dump.filter["项目落位"] == "A1:Q3")
        // Chinese and hostile text intact, as text (no formula from "=HYPERLINK…").
        #expect(dump.cells["项目落位"]?[1].prefix(4) == ["光伏", "光伏组件项目", "=HYPERLINK(\"http://x\")", "已签约"])
        #expect(dump.cells["项目落位"]?[1][5]?.hasPrefix("2023-01-01") == true)  // a real date
        #expect(dump.cells["概要"]?[1] == ["园区", "临汾经济开发区"])
        #expect(
            dump.cells["未落地项目"]?[1] == ["late", "+late\ttab", "=needs 200,000 m² of land; largest plot has 100,000 m²"])
    }

    @Test func englishHeadersAndMoneyInCurrencyUnits() throws {
        guard let python = ExternalTools.pythonWithOpenpyxl else { return }
        let dir = try ExternalTools.outputFolder("workbook")
        let file = dir.appendingPathComponent("fixture-en.xlsx")
        try workbook(.en).write(to: file)
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Summary"]
            print(ws["A6"].value, "|", ws["B6"].value, "|", ws["B6"].number_format)
            """
        let (status, stdout, stderr) = try ExternalTools.run(python, ["-c", script, file.path])
        #expect(status == 0, "\(stderr)")
        #expect(stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "value (CNY) | 1190000000 | #,##0")
    }
}
