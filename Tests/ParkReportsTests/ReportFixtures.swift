import Foundation
import ParkModel
import ParkPlanning
import TestSupport

@testable import ParkReports

/// A small park and a hand-written plan of it, with hostile text in user fields.
enum ReportFixtures {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    static let scenario = Scenario(
        park: Park(name: "临汾经济开发区"), horizon: Horizon(start: month("2023-01"), months: 3),
        budget: 5e7,
        power: [PowerNode(id: "S1", capacityMW: 20, reserve: 0.1)],
        sewage: [SewagePlant(id: "W1", capacityM3Day: 1000)],
        plots: [Plot(id: "A-01", areaM2: 100_000, zone: "industrial", power: "S1", sewage: "W1")],
        buildings: [Building(id: "B-01", name: "标准厂房1号", units: 4, unitAreaM2: 1000, power: "S1")],
        expansions: [
            Expansion(
                id: "S1-T2", name: "二号主变, \"31.5 MVA\"", adds: ExpansionAdds(power: "S1", capacityMW: 10),
                cost: 2e7, leadMonths: 1)
        ],
        projects: [
            Project(
                id: "光伏", name: "光伏组件项目", investor: "=HYPERLINK(\"http://x\")", status: .committed,
                landM2: 50_000, powerMW: 12, wastewaterM3Day: 300, annualTax: 1.2e8, earliest: month("2023-01")),
            Project(id: "elec", name: "-电子, 厂", investor: "@evil", floorM2: 1500, powerMW: 1, annualTax: 1e6),
            Project(id: "late", name: "+late\ttab", landM2: 200_000),
        ])

    static let plan = Plan(
        scenario: "临汾经济开发区", variant: nil, status: .optimal, value: 1.19e9, bound: 1.19e9, gap: 0,
        solver: SolverInfo(name: "GLPK", version: "5.0", seconds: 0.25),
        placements: [
            Placement(project: "光伏", site: "A-01", start: month("2023-01"), units: nil),
            Placement(project: "elec", site: "B-01", start: month("2023-02"), units: 2),
        ],
        expansions: [BuiltExpansion(id: "S1-T2", start: month("2023-01"), complete: month("2023-02"))],
        unplaced: [Unplaced(project: "late", reason: "=needs 200,000 m² of land; largest plot has 100,000 m²")],
        utilization: [
            Utilization(node: "S1", kind: .power, period: month("2023-01"), used: 12, capacity: 18),
            Utilization(node: "S1", kind: .power, period: month("2023-02"), used: 13, capacity: 27),
            Utilization(node: "W1", kind: .sewage, period: month("2023-01"), used: 300, capacity: 1000),
        ],
        valueParts: ValueParts(tax: 1.21e9, investment: 0, jobs: 0, cost: 2e7))

    /// Parses CSV bytes with python3's csv module; returns rows, or nil when python3 is missing.
    static func parseWithPython(_ data: Data) throws -> [[String]]? {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python else { return nil }
        let input = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parkplan-csv-\(UUID().uuidString).csv")
        try data.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let script = """
            import csv, json, sys
            with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
                print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, input.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let bytes = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONDecoder().decode([[String]].self, from: bytes)
    }
}
