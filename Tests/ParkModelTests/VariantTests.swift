import Foundation
import Testing

@testable import ParkModel

@Suite struct VariantTests {
    static let text =
        Fixtures.minimal + """
            expansions:
              - {id: E1, adds: {power: S1, capacity_mw: 5}, lead_months: 4}
            variants:
              - name: bigger
                description: p1 needs more
                set: {projects.p1.power_mw: 8, budget: 1.0e6, objective.weights.tax: 2, horizon.months: 36}
              - name: swap
                remove: [projects.p1]
                add:
                  projects:
                    - {id: p2, land_m2: 100, power_mw: 1}
                set: {projects.p2.power_mw: 3}
              - name: broken-after
                set: {projects.p1.land_m2: -5}
              - name: dangling
                remove: [power.S1]
              - name: late
                set: {expansions.E1.lead_months: 16, policy.enforce: true}

            """

    @Test func setChangesFieldsAtEveryLevel() throws {
        let document = try Fixtures.load(Self.text)
        let scenario = try document.resolve(variant: "bigger", sets: [])
        #expect(scenario.projectList.first?.powerMW == 8)
        #expect(scenario.budget == 1.0e6)
        #expect(scenario.objective?.weights?.tax == 2)
        #expect(scenario.horizon.months == 36)
        #expect(document.base.projectList.first?.powerMW == 2)
    }

    @Test func removeThenAddThenSet() throws {
        let scenario = try Fixtures.load(Self.text).resolve(variant: "swap", sets: [])
        #expect(scenario.projectList.map(\.id) == ["p2"])
        #expect(scenario.projectList.first?.powerMW == 3)
    }

    @Test func nestedPathsAndNewSections() throws {
        let scenario = try Fixtures.load(Self.text).resolve(variant: "late", sets: [])
        #expect(scenario.expansionList.first?.leadMonths == 16)
        #expect(scenario.policy?.isEnforced == true)
    }

    @Test func variantIsValidatedAfterItIsAppliedAndPointsAtItsLine() throws {
        let document = try Fixtures.load(Self.text)
        let error = try #require(throws: ScenarioError.self) { try document.resolve(variant: "broken-after", sets: []) }
        #expect(error.diagnostics.count == 1)
        let line = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("projects.p1.land_m2: -5") }.map { $0 + 1 }
        #expect(error.diagnostics.first?.line == line)
        #expect(error.diagnostics.first?.message.contains("must not be negative") == true)
    }

    @Test func problemsElsewhereAreMovedToTheVariant() throws {
        let document = try Fixtures.load(Self.text)
        let error = try #require(throws: ScenarioError.self) { try document.resolve(variant: "dangling", sets: []) }
        let nameLine = Self.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("name: dangling") }.map { $0 + 1 }
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
            #expect(diagnostic.line == nameLine)
            #expect(diagnostic.message.contains("with variant 'dangling' applied"))
        }
        #expect(error.description.contains("'S1' is not an id in 'power'"))
    }

    @Test func unknownVariantListsTheKnownNames() throws {
        let document = try Fixtures.load(Self.text)
        let error = try #require(throws: ScenarioError.self) { try document.resolve(variant: "biger", sets: []) }
        let message = try #require(error.diagnostics.first?.message)
        #expect(message.contains("did you mean 'bigger'?"))
        #expect(message.contains("known variants: bigger, swap, broken-after, dangling, late"))
        #expect(error.diagnostics.first?.line == 12)
    }

    @Test func checkAllReportsEachVariant() throws {
        let checks = try Fixtures.load(Self.text).checkAll()
        #expect(checks.map(\.variant) == [nil, "bigger", "swap", "broken-after", "dangling", "late"])
        #expect(checks.map(\.problems.isEmpty) == [true, true, true, false, false, true])
    }

    @Test func idsWithDotsResolve() throws {
        let text =
            Fixtures.minimal.replacingOccurrences(of: "id: p1", with: "id: p1.v2") + """
                variants:
                  - {name: v, set: {projects.p1.v2.power_mw: 7}}

                """
        let scenario = try Fixtures.load(text).resolve(variant: "v", sets: [])
        #expect(scenario.projectList.first?.powerMW == 7)
    }
}

@Suite struct SetOptionTests {
    @Test func setAppliesOnTopOfTheVariant() throws {
        let document = try Fixtures.load(VariantTests.text)
        let scenario = try document.resolve(variant: "bigger", sets: ["projects.p1.power_mw=9", "budget=2.5e6"])
        #expect(scenario.projectList.first?.powerMW == 9)
        #expect(scenario.budget == 2.5e6)
        #expect(scenario.objective?.weights?.tax == 2)
    }

    @Test func valuesAreYAML() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let scenario = try document.resolve(
            variant: nil,
            sets: [
                "projects.p1.zones=[north, 南区]", "projects.p1.name=光伏 项目", "projects.p1.start=2024-03",
                "power.S1.reserve=0.2",
            ])
        let project = try #require(scenario.projectList.first)
        #expect(project.zones == ["north", "南区"])
        #expect(project.name == "光伏 项目")
        #expect(project.start == YearMonth(year: 2024, month: 3))
        #expect(scenario.powerNodes.first?.reserve == 0.2)
    }

    @Test func badValueNamesTheOption() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let error = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["projects.p1.power_mw=abc"])
        }
        #expect(error.diagnostics.count == 1)
        #expect(
            error.description
                == "<command line>:1:22: projects[0].power_mw: expected a number, found \"abc\" (in --set projects.p1.power_mw=abc)"
        )
    }

    @Test func badPathNamesTheOption() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let error = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["projects.p2.power_mw=1", "budgte=5", "nonsense"])
        }
        #expect(error.diagnostics.count == 3)
        #expect(error.diagnostics.allSatisfy { $0.file == "<command line>" })
        #expect(error.description.contains("'projects' has no item with id 'p2' (did you mean 'p1'?)"))
        #expect(error.description.contains("did you mean 'budget'?"))
        #expect(error.description.contains("expected PATH=VALUE"))
    }

    @Test func typoInFieldIsAnUnknownKey() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let error = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["projects.p1.powr_mw=3"])
        }
        #expect(error.description.contains("unknown key 'powr_mw' (did you mean 'power_mw'?)"))
        #expect(error.diagnostics.first?.file == "<command line>")
    }

    @Test func invalidYAMLValue() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let error = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["projects.p1.zones=[a, b"])
        }
        #expect(error.description.contains("not valid YAML"))
    }

    @Test func semanticProblemCausedBySetIsAttributedToTheOptions() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        let error = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["power.S1.id=S2"])
        }
        #expect(error.diagnostics.first?.file == "<command line>")
        #expect(error.description.contains("'S1' is not an id in 'power'"))
        #expect(error.description.contains("after the --set options"))
    }
}
