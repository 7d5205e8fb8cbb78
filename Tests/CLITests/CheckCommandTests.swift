import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func summaryOfTheFullExample() throws {
        let path = "Tests/ParkModelTests/Fixtures/good/full.yaml"
        let result = try CLIRunner.run(["check", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let out = result.stdout
        #expect(out.contains("\(path): OK"))
        #expect(out.contains("Park: 临汾经济开发区 (CNY)"))
        #expect(out.contains("Horizon: from 2022-06, 36 months in steps of 1 month: 36 periods, the last from 2025-05"))
        #expect(out.contains("Sites: 2 plots (1 planned), 2 buildings (1 planned)"))
        #expect(out.contains("Projects: 1 existing, 1 committed, 2 candidates"))
        #expect(out.contains("Variants: pv-needs-40mw OK, sewage-late OK"))
        // S1: 40 MW with 15 % reserve = 34 usable; existing foundry 3 MW, committed PV 30 MW on A-01
        #expect(
            out.contains("power S1: usable 34 MW of 40, existing 3, committed 30, headroom 1; expansions can add 55"))
        #expect(
            out.contains("cod W1: usable 6000 kg/d, existing 0, committed 400, headroom 5600; expansions can add 3000"))
        #expect(out.contains("committed projects without a pinned site need") == false)
        #expect(
            out.contains(
                "pv-modules [committed] on plot A-01: site ready 2022-09, start 2022-12: ready (拎包入驻) — 光伏组件项目"))
        #expect(out.contains("old-foundry [existing] on plot A-01: site ready 2022-09, start 2022-06: NOT ready"))
    }

    @Test func brokenVariantFailsTheCheck() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("v.yaml")
        let text = """
            parkplan: 1
            park: {name: X}
            horizon: {start: 2024-01, months: 12}
            power: [{id: S1, capacity_mw: 5}]
            variants:
              - name: fine
                set: {budget: 5}
              - name: broken
                set: {power.S1.capacity_mw: -1}
            """
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(file.path):9:33: power[0].capacity_mw: must not be negative"))
    }

    @Test func setAppliesToTheCheck() throws {
        let path = "Tests/ParkModelTests/Fixtures/good/full.yaml"
        let result = try CLIRunner.run(["check", path, "--set", "power.S1.capacity_mw=100"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("power S1: usable 85 MW of 100"))
    }
}
