import Foundation
import Testing

@testable import ParkModel

/// Issue 15: variants with tens of thousands of changes and thousands of unknown references
/// are handled in linear time (each case took minutes with quadratic code).
@Suite struct RejectionSpeedTests {
    /// A scenario with `count` projects p-0…, plots for them, and the given variant text.
    static func scenario(projects count: Int, variant: String) -> String {
        var text = "parkplan: 1\npark: {name: P}\nhorizon: {start: 2024-01, months: 12}\n"
        text += "power:\n  - {id: S1, capacity_mw: 100}\nplots:\n  - {id: P1, area_m2: 100000, power: S1}\nprojects:\n"
        for i in 0..<count { text += "  - {id: p-\(i), land_m2: 10, power_mw: 0.01}\n" }
        return text + "variants:\n  - name: v\n" + variant
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = Date()
        body()
        return Date().timeIntervalSince(start)
    }

    @Test func sixtyThousandBadSetPathsAreRejectedQuickly() {
        var variant = "    set:\n"
        for k in 0..<60_000 { variant += "      projects.nosuch\(k).annual_tax: 1\n" }
        let text = Self.scenario(projects: 300, variant: variant)
        var problems: [Diagnostic] = []
        let took = Self.seconds { problems = Fixtures.problems(text) }
        #expect(problems.count == 60_000)
        #expect(problems.first?.message.contains("'projects' has no item with id 'nosuch0'") == true)
        #expect(took < 20, "took \(took) s")
    }

    @Test func fifteenThousandValidSetsAreApplied() throws {
        var variant = "    set:\n"
        for k in 0..<15_000 {
            variant +=
                "      projects.p-\(k % 3000).\(["annual_tax", "investment", "jobs", "crane_t", "clear_height_m"][k / 3000]): \(k + 1)\n"
        }
        let text = Self.scenario(projects: 3000, variant: variant)
        var document: ScenarioDocument?
        let took = Self.seconds { document = try? Fixtures.load(text) }
        let resolved = try #require(document).resolve(variant: "v", sets: [])
        #expect(resolved.projectList[2999].annualTax == 3000)
        #expect(resolved.projectList[0].clearHeightM == 12_001)
        #expect(took < 20, "took \(took) s")
    }

    @Test func thousandsOfLongUnknownIdsGetBoundedSuggestions() {
        var variant = "    set:\n"
        let long = String(repeating: "x", count: 150)
        for k in 0..<7_000 { variant += "      projects.\(long)\(k).annual_tax: 1\n" }
        let text = Self.scenario(projects: 400, variant: variant)
        var problems: [Diagnostic] = []
        let took = Self.seconds { problems = Fixtures.problems(text) }
        #expect(problems.count == 7_000)
        #expect(took < 20, "took \(took) s")
    }

    @Test func suggestionsStillFindTypos() {
        let problems = Fixtures.problems(
            Self.scenario(projects: 50, variant: "    set: {projects.p-4x9.annual_tax: 1}\n"))
        #expect(problems.first?.message.contains("did you mean 'p-49'") == true, "\(problems)")
        #expect(Suggestion.nearest(to: "pv-modles", among: ["pv-frames", "pv-modules"]) == "pv-modules")
        #expect(Suggestion.nearest(to: "abc", among: ["xyz"]) == nil)
    }

    @Test func boundedEditDistanceAgreesWithTheFullTable() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcd".unicodeScalars)
        for _ in 0..<500 {
            let a = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? "a"
            }
            let b = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? "a"
            }
            let full = Self.levenshtein(a, b)
            for limit in 0...9 {
                let bounded = Suggestion.editDistance(a, b, atMost: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(a) \(b) \(limit)")
            }
        }
    }

    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            row = next
        }
        return row[b.count]
    }
}
