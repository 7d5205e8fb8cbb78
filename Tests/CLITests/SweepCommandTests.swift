import Foundation
import Testing

/// `parkplan sweep` and `sweep merge` end to end: sweep.html next to sweep.csv, the same bytes
/// from a single run and from merged shards, in both languages.
@Suite struct SweepCommandTests {
    static let yaml = """
        parkplan: 1
        park: {name: "tiny <&> park"}
        horizon: {start: 2024-01, months: 12}
        power:
          - {id: P1, capacity_mw: 11}
        plots:
          - {id: L1, area_m2: 30000, power: P1}
        projects:
          - {id: a, land_m2: 10000, power_mw: 6, annual_tax: 1.0e6, build_months: 1}
          - {id: b, land_m2: 10000, power_mw: 6, annual_tax: 2.0e6, build_months: 1}
          - {id: c, land_m2: 10000, power_mw: 4, annual_tax: 3.0e5, build_months: 1}

        """

    @Test func mergedShardsWriteTheSingleRunsSweepHTML() throws {
        let dir = try CLIRunner.temporaryDirectory()
        let file = dir.appendingPathComponent("tiny.yaml")
        try Data(Self.yaml.utf8).write(to: file)
        let args = ["sweep", file.path, "--set", "power.P1.capacity_mw=4..16/4", "--time-limit", "10", "--cold"]
        func run(_ extra: [String]) throws -> CLIRunner.Result {
            let result = try CLIRunner.run(args + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return result
        }
        let single = try run(["--out", dir.appendingPathComponent("single").path])
        #expect(single.stdout.contains("single/sweep.html"), "\(single.stdout)")
        _ = try run(["--out", dir.appendingPathComponent("again").path])
        for k in 1...2 { _ = try run(["--shard", "\(k)/2", "--out", dir.appendingPathComponent("shard-\(k)").path]) }
        let merge = try CLIRunner.run(
            [
                "sweep", "merge", dir.appendingPathComponent("shard-2").path,
                dir.appendingPathComponent("shard-1").path,
                "--out", dir.appendingPathComponent("merged").path,
            ])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stdout.contains("merged/sweep.html"), "\(merge.stdout)")

        func page(_ folder: String) throws -> Data {
            try Data(contentsOf: dir.appendingPathComponent(folder).appendingPathComponent("sweep.html"))
        }
        let html = String(decoding: try page("single"), as: UTF8.self)
        #expect(html.contains("<title>Sweep — tiny &lt;&amp;&gt; park</title>"))
        #expect(
            html.contains("power.P1.capacity_mw = 4 … 16, step 4 (4 values) · 4 points · time limit 10 s per point"))
        #expect(html.contains("<svg class=\"chart sweep value\""))
        #expect(try page("again") == page("single"))
        #expect(try page("merged") == page("single"))
        #expect(try page("shard-1") != page("single"))

        let zh = try run(["--out", dir.appendingPathComponent("zh").path, "--lang", "zh"])
        #expect(zh.stdout.contains("zh/sweep.html"))
        let zhHTML = String(decoding: try page("zh"), as: UTF8.self)
        #expect(zhHTML.contains("<html lang=\"zh-CN\">"))
        #expect(zhHTML.contains("参数扫描"))
        #expect(zhHTML.contains("各点结果"))
    }
}
