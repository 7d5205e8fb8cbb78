import Foundation
import Testing

@testable import ParkModel

/// contract §7: `stage`, `probability` and `funnel` are read, defaulted and validated with locations.
@Suite struct FunnelFieldTests {
    static let base = """
        parkplan: 1
        park: {name: Test Park}
        horizon: {start: 2024-01, months: 24}
        power:
          - {id: S1, capacity_mw: 10}
        plots:
          - {id: P1, area_m2: 1000, power: S1}

        """

    @Test func readsStagesProbabilitiesAndDefaults() throws {
        let text =
            Self.base + """
                funnel: {lead: 0.2}
                projects:
                  - {id: a, land_m2: 100, stage: lead}
                  - {id: b, land_m2: 100, stage: intent}
                  - {id: c, land_m2: 100, stage: intent, probability: 0.9}
                  - {id: d, land_m2: 100}
                  - {id: e, land_m2: 100, status: committed}

                """
        let scenario = try Fixtures.load(text).base
        let chances = scenario.projectList.map { scenario.signingProbability(of: $0) }
        #expect(chances == [0.2, 0.5, 0.9, 0.2, 1])
        #expect(scenario.projectList[1].stage == .intent)
        #expect(scenario.funnel == Funnel(lead: 0.2, intent: nil))
    }

    @Test func committedProjectWithStageIsLocated() {
        let text =
            Self.base + """
                projects:
                  - {id: a, land_m2: 100, status: committed, stage: intent}
                  - {id: b, land_m2: 100, status: existing, site: P1, probability: 0.5}

                """
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.path) == ["projects[0].stage", "projects[1].probability"])
        #expect(problems.map(\.line) == [9, 10])
        #expect(problems.allSatisfy { $0.column > 1 && $0.message.contains("only candidates") })
    }

    @Test func probabilityOutsideUnitIntervalIsLocated() throws {
        let text =
            Self.base + """
                projects:
                  - {id: a, land_m2: 100, probability: 1.2}

                """
        let problem = try #require(Fixtures.problems(text).first)
        #expect(problem.path == "projects[0].probability")
        #expect(problem.line == 9)
        #expect(problem.message.contains("between 0 and 1"))
    }

    @Test func unknownFunnelKeyAndBadValueAreLocated() {
        let text =
            Self.base + """
                funnel:
                  lead: 0.3
                  signed: 0.9
                  intent: -0.1

                """
        let problems = Fixtures.problems(text)
        #expect(problems.map(\.path) == ["funnel.signed", "funnel.intent"])
        #expect(problems.map(\.line) == [10, 11])
        #expect(problems.first?.message.contains("unknown key 'signed'") == true)
    }

    @Test func unknownStageIsLocated() throws {
        let text =
            Self.base + """
                projects:
                  - {id: a, land_m2: 100, stage: signed}

                """
        let problem = try #require(Fixtures.problems(text).first)
        #expect(problem.path == "projects[0].stage")
        #expect(problem.message.contains("lead, intent"))
    }

    @Test func setOptionsAndVariantsAreValidated() throws {
        let text =
            Self.base + """
                projects:
                  - {id: a, land_m2: 100, stage: lead}
                variants:
                  - name: hot
                    set: {projects.a.probability: 0.8, funnel.intent: 0.7}
                  - name: bad
                    set: {projects.a.probability: 2}

                """
        let document = try Fixtures.load(text)
        let hot = try document.resolve(variant: "hot", sets: [])
        #expect(hot.projectList.first?.probability == 0.8)
        #expect(hot.funnel?.intent == 0.7)
        let viaSet = try document.resolve(variant: nil, sets: ["projects.a.probability=0.25"])
        #expect(viaSet.signingProbability(of: viaSet.projectList[0]) == 0.25)
        let bad = try #require(throws: ScenarioError.self) { try document.resolve(variant: "bad", sets: []) }
        #expect(bad.diagnostics.first?.path == "projects[0].probability")
        let badSet = try #require(throws: ScenarioError.self) {
            try document.resolve(variant: nil, sets: ["funnel.lead=-1"])
        }
        #expect(badSet.diagnostics.first?.path == "funnel.lead")
    }
}
