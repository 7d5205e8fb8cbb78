import Foundation
import Testing

/// End-to-end runs of `readiness`, `compare` and `export-model`.
@Suite struct ReportCommandTests {
    /// A committed project pinned to 2023-03 whose sewage capacity arrives only with W1-phase2 (2023-09).
    static let blocked = """
        parkplan: 1
        park: {name: 测试园区}
        horizon: {start: 2023-01, months: 24}
        power:
          - {id: S1, capacity_mw: 40}
        sewage:
          - {id: W1, capacity_m3_day: 300, cod_kg_day: 1000}
        water:
          - {id: WS1, capacity_m3_day: 3000}
        plots:
          - {id: P1, area_m2: 100000, zone: industrial, power: S1, sewage: W1, water: WS1}
        expansions:
          - id: W1-phase2
            adds: {sewage: W1, capacity_m3_day: 10000}
            cost: 8.0e7
            lead_months: 8
        projects:
          - id: 光伏
            name: 光伏组件项目
            status: committed
            land_m2: 50000
            power_mw: 10
            wastewater_m3_day: 400
            cod_kg_day: 100
            annual_tax: 1.0e8
            site: P1
            start: 2023-03
          - id: cand
            land_m2: 20000
            power_mw: 5
            annual_tax: 2.0e7
        variants:
          - name: sewage-late
            set: {expansions.W1-phase2.lead_months: 12}
          - name: no-candidate
            remove: [projects.cand]
        """

    static func write(_ text: String, name: String = "park.yaml") throws -> (URL, String) {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return (dir, file.path)
    }

    @Test func readinessNamesTheBlockingItemAndMonth() throws {
        let (_, file) = try Self.write(Self.blocked)
        let r = try CLIRunner.run(["readiness", file, "--project", "光伏", "--lang", "en"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("NOT READY on 2023-03: ready from 2023-09"), "\(r.stdout)")
        #expect(
            r.stdout.contains("sewage headroom W1 until 2023-09 (W1-phase2: sewage W1 +10,000 m³/day)"), "\(r.stdout)")
        #expect(r.stdout.contains("光伏组件项目"))
        let later = try CLIRunner.run(["readiness", file, "--project", "光伏", "--at", "2023-09", "--lang", "en"])
        #expect(later.stdout.contains("READY on 2023-09"), "\(later.stdout)")
    }

    @Test func readinessSpeaksChineseFromTheEnvironment() throws {
        let (_, file) = try Self.write(Self.blocked)
        let r = try CLIRunner.run(
            ["readiness", file, "--project", "光伏"],
            environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2023-03 不能入驻：2023-09 起可入驻"), "\(r.stdout)")
        #expect(r.stdout.contains("污水余量"))
    }

    @Test func languagePrecedence() throws {
        let (_, file) = try Self.write(Self.blocked)
        let english = try CLIRunner.run(
            ["readiness", file, "--project", "光伏"],
            environment: ["LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"])
        #expect(english.stdout.contains("NOT READY on 2023-03"), "\(english.stdout)")
        let asked = try CLIRunner.run(
            ["readiness", file, "--project", "光伏", "--lang", "zh"],
            environment: ["LC_ALL": "en_US.UTF-8"])
        #expect(asked.stdout.contains("不能入驻"), "\(asked.stdout)")
        let bad = try CLIRunner.run(["readiness", file, "--lang", "fr"])
        #expect(bad.status == 2)
    }

    @Test(arguments: [
        (["--at", "2023-13"], "--at: expected a month YYYY-MM"),
        (["--at", "2030-01"], "outside the horizon"),
        (["--project", "光伙"], "unknown project \"光伙\"; did you mean \"光伏\"?"),
        (["--site", "P2"], "unknown site \"P2\"; did you mean \"P1\"?"),
    ])
    func readinessRejectsBadOptions(_ extra: [String], _ message: String) throws {
        let (_, file) = try Self.write(Self.blocked)
        let r = try CLIRunner.run(["readiness", file] + extra)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func readinessRejectsBadPlanFiles() throws {
        let (dir, file) = try Self.write(Self.blocked)
        let plan = dir.appendingPathComponent("plan.json")
        try Data("{\n  \"format\": \"parkplan-plan/1\",\n  oops\n}".utf8).write(to: plan)
        let syntax = try CLIRunner.run(["readiness", file, "--plan", plan.path])
        #expect(syntax.status == 2)
        #expect(syntax.stderr.contains("plan.json:3:3: not valid JSON"), "\(syntax.stderr)")
        let missing = try CLIRunner.run(["readiness", file, "--plan", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
    }

    @Test func readinessWithThePlanFromPlan() throws {
        let (dir, file) = try Self.write(Self.blocked.replacingOccurrences(of: "    start: 2023-03\n", with: ""))
        let out = dir.appendingPathComponent("out")
        let planned = try CLIRunner.run(["plan", file, "--out", out.path], timeout: 120)
        #expect(planned.status == 0, "\(planned.stderr)")
        let r = try CLIRunner.run([
            "readiness", file, "--plan", out.appendingPathComponent("plan.json").path, "--lang", "en",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("光伏 光伏组件项目 [committed] on P1 (plan)"), "\(r.stdout)")
        #expect(r.stdout.contains("READY on 2023-09"), "\(r.stdout)")
    }

    @Test func compareWritesMarkdownAndCSV() throws {
        let (dir, file) = try Self.write(Self.blocked.replacingOccurrences(of: "    start: 2023-03\n", with: ""))
        let out = dir.appendingPathComponent("cmp")
        let r = try CLIRunner.run(["compare", file, "--out", out.path, "--lang", "en"], timeout: 120)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sewage-late"))
        #expect(r.stdout.contains("What changed in sewage-late against the base:"))
        #expect(r.stdout.contains("What changed in no-candidate against the base:"))
        #expect(r.stdout.contains("left out: cand"), "\(r.stdout)")
        let md = try String(contentsOf: out.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(md.hasPrefix("# Comparison — 测试园区"))
        let csv = try Data(contentsOf: out.appendingPathComponent("compare.csv"))
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let one = try CLIRunner.run(["compare", file, "--variant", "sewage-lat", "--out", out.path])
        #expect(one.status == 2)
        #expect(one.stderr.contains("did you mean \"sewage-late\"?"), "\(one.stderr)")
    }

    @Test func exportModelWritesLPAndMPS() throws {
        let (dir, file) = try Self.write(Self.blocked)
        let lp = try CLIRunner.run(["export-model", file, "--format", "lp"])
        #expect(lp.status == 0, "\(lp.stderr)")
        #expect(lp.stdout.contains("Maximize"))
        let target = dir.appendingPathComponent("m/model.mps")
        let mps = try CLIRunner.run(["export-model", file, "--format", "mps", "--out", target.path])
        #expect(mps.status == 0, "\(mps.stderr)")
        #expect(mps.stdout.isEmpty)
        let text = try String(contentsOf: target, encoding: .utf8)
        #expect(text.contains("ROWS"))
        let bad = try CLIRunner.run(["export-model", file, "--format", "xls"])
        #expect(bad.status == 2)
    }
}
