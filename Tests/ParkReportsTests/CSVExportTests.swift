import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkReports

@Suite struct CSVExportTests {
    typealias F = ReportFixtures

    func text(_ table: CSVTable) -> String { table.text() }
    func lines(_ rows: [String]) -> String { rows.map { $0 + "\r\n" }.joined() }

    @Test func cellsAreQuotedAndGuarded() {
        #expect(CSVTable.guarded("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVTable.guarded("+1") == "'+1")
        #expect(CSVTable.guarded("-x") == "'-x")
        #expect(CSVTable.guarded("@x") == "'@x")
        #expect(CSVTable.guarded("\tx") == "'\tx")
        #expect(CSVTable.guarded("\rx") == "'\rx")
        #expect(CSVTable.guarded("临汾") == "临汾")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("two\nlines") == "\"two\nlines\"")
        let table = CSVTable(header: ["a", "b", "c", "d"], rows: [[.number(-5), .text("-5"), .integer(-3), .empty]])
        #expect(table.text() == "a,b,c,d\r\n-5,'-5,-3,\r\n")
    }

    @Test func dataStartsWithByteOrderMark() {
        let data = CSVTable(header: ["名称"], rows: [[.text("光伏")]]).data()
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "名称\r\n光伏\r\n")
    }

    @Test func numbersAreFixed() {
        #expect(NumberFormat.plain(1.2e8) == "120000000")
        #expect(NumberFormat.plain(0.1) == "0.1")
        #expect(NumberFormat.plain(-2.5) == "-2.5")
        #expect(NumberFormat.plain(.nan) == "")
        #expect(NumberFormat.grouped(1_447_250_000) == "1,447,250,000")
        #expect(NumberFormat.grouped(-20_000_000) == "-20,000,000")
        #expect(NumberFormat.grouped(33.95, decimals: 2) == "33.95")
        #expect(NumberFormat.grouped(999.999, decimals: 2) == "1,000.00")
        #expect(NumberFormat.percent(0.6667) == "66.7%")
    }

    @Test func placementsGolden() {
        #expect(
            text(PlanCSV.placements(F.plan, scenario: F.scenario))
                == lines([
                    "project,name,investor,status,site,site_type,start,units,land_m2,floor_m2,power_mw,water_m3_day,"
                        + "wastewater_m3_day,cod_kg_day,investment,annual_tax,jobs",
                    "光伏,光伏组件项目,\"'=HYPERLINK(\"\"http://x\"\")\",committed,A-01,plot,2023-01,,50000,,12,,300,,,120000000,",
                    "elec,\"'-电子, 厂\",'@evil,candidate,B-01,building,2023-02,2,,1500,1,,,,,1000000,",
                ]))
    }

    @Test func expansionsGolden() {
        #expect(
            text(PlanCSV.expansions(F.plan, scenario: F.scenario))
                == lines([
                    "id,name,adds,target,capacity,unit,cod_kg_day,cost,start,complete",
                    "S1-T2,\"二号主变, \"\"31.5 MVA\"\"\",power,S1,10,MW,,20000000,2023-01,2023-02",
                ]))
    }

    @Test func utilizationGolden() {
        #expect(
            text(PlanCSV.utilization(F.plan))
                == lines([
                    "node,kind,period,used,capacity,unit,share",
                    "S1,power,2023-01,12,18,MW,0.666667",
                    "S1,power,2023-02,13,27,MW,0.481481",
                    "W1,sewage,2023-01,300,1000,m³/day,0.3",
                ]))
    }

    @Test func readinessCSVGolden() {
        let reports = Readiness.check(instance: PlanningInstance(F.scenario), plan: F.plan, project: "late")
        #expect(
            text(ReadinessText.csv(reports, scenario: F.scenario))
                == lines([
                    "project,name,status,site,site_source,wanted,ready_on_wanted,ready_from,item,met,from,required,"
                        + "available,unit,subject,waiting_on",
                    "late,'+late\ttab,candidate,A-01,best,2023-01,no,never,site_ready,yes,2023-01,,,,,",
                    "late,'+late\ttab,candidate,A-01,best,2023-01,no,never,area,no,never,200000,50000,m²,,",
                ]))
    }

    /// Every exported CSV read back by python3's csv module: Chinese intact, no cell starting with `=`.
    @Test func exportsParseBackWithAStandardReader() throws {
        let files = try PlanExports.files(for: F.plan, instance: PlanningInstance(F.scenario), language: .zh)
        #expect(
            files.map(\.name) == [
                "plan.json", "placements.csv", "expansions.csv", "utilization.csv",
                "readiness.csv", "report.md", "report.html", "sites.geojson", "plan.xlsx",
            ])
        for file in files where file.name.hasSuffix(".csv") {
            #expect(Array(file.data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file.name) lacks the BOM")
            guard let rows = try F.parseWithPython(file.data) else { continue }
            #expect(rows.count > 1, "\(file.name)")
            let width = rows[0].count
            for row in rows {
                #expect(row.count == width, "\(file.name): \(row)")
                for cell in row { #expect(!cell.hasPrefix("="), "\(file.name): \(cell)") }
            }
            if file.name == "placements.csv" {
                #expect(rows[1][0] == "光伏" && rows[1][1] == "光伏组件项目")
                #expect(rows[1][2] == "'=HYPERLINK(\"http://x\")")
                #expect(rows[2][1] == "'-电子, 厂")
            }
        }
    }
}
