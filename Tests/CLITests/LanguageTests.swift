import Foundation
import Testing

/// Every sentence a planner reads follows `--lang`: the zh outputs of the Linfen sample hold no
/// English word except ids, names and symbols that come from the scenario or are units.
@Suite struct LanguageTests {
    /// Words allowed in Chinese output: units, symbols and field names quoted on purpose.
    static let allowed: Set<String> = [
        "MW", "COD", "CNY", "kN", "GLPK", "policy", "enforce", "true", "capacity_mw", "m³", "kg", "csv", "json", "md",
        "plan", "placements", "expansions", "utilization", "readiness", "report", "compare", "tmp", "out",
        "html", "sites", "geojson", "xlsx",
    ]

    /// English words (3+ ASCII letters) in `text` that are neither in the scenario file nor allowed.
    static func untranslated(_ text: String, scenario: String) -> [String] {
        let scenarioWords = Set(words(scenario))
        var seen: Set<String> = []
        return words(text).filter { word in
            !scenarioWords.contains(word) && !allowed.contains(word) && seen.insert(word).inserted
        }
    }

    static func words(_ text: String) -> [String] {
        var out: [String] = [], current = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, CharacterSet.letters.contains(scalar) || scalar == "_" {
                current.unicodeScalars.append(scalar)
            } else {
                if current.count >= 3 { out.append(current) }
                current = ""
            }
        }
        if current.count >= 3 { out.append(current) }
        return out
    }

    @Test(arguments: ["linfen-2022.yaml", "infeasible-example.yaml"])
    func chineseOutputsHaveNoEnglishSentences(file: String) throws {
        let path = "scenarios/" + file
        let scenario = try String(contentsOf: CLIRunner.root.appendingPathComponent(path), encoding: .utf8)
        let out = FileManager.default.temporaryDirectory
            .appendingPathComponent("parkplan-lang-\(ProcessInfo.processInfo.processIdentifier)-\(file)")
        defer { try? FileManager.default.removeItem(at: out) }
        let env = ["LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"]
        let runs = [
            ["plan", path, "--out", out.path],
            ["check", path],
            ["readiness", path],
        ]
        for args in runs {
            let result = try CLIRunner.run(args, timeout: 120, environment: env)
            #expect(result.status == 0 || result.status == 3, "\(args): \(result.stderr)")
            let text = result.stdout.replacingOccurrences(of: out.path, with: "").replacingOccurrences(
                of: path, with: "")
            let english = Self.untranslated(text, scenario: scenario)
            #expect(english.isEmpty, "\(args) prints English in zh mode: \(english)")
        }
        let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
        let sentences =
            plan.components(separatedBy: "\"reason\": ").dropFirst()
            + plan.components(separatedBy: "\"message\": ").dropFirst()
        for sentence in sentences {
            let line = String(sentence.prefix { $0 != "\n" })
            let english = Self.untranslated(line, scenario: scenario)
            #expect(english.isEmpty, "plan.json sentence in English: \(line)")
        }
        // The same run in English differs: the sentences were translated, not dropped.
        let en = try CLIRunner.run(["check", path], environment: ["LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8"])
        let zh = try CLIRunner.run(["check", path], environment: env)
        #expect(en.stdout != zh.stdout)
    }
}
