import Foundation
import ParkModel
import ParkPlanning
import ParkVerification
import Testing

@testable import ParkInstance
@testable import ParkReports

@Suite struct PlanFileTests {
    typealias F = ReportFixtures

    @Test func planJSONRoundTripsDeterministicallyInSpecOrder() throws {
        let data = try PlanJSON.encode(F.plan)
        #expect(try PlanJSON.encode(F.plan) == data)
        #expect(try PlanJSON.decode(data) == F.plan)
        let text = String(decoding: data, as: UTF8.self)
        let keys = [
            "\"format\"", "\"scenario\"", "\"variant\": null", "\"status\"", "\"value\"", "\"bound\"", "\"gap\"",
            "\"solver\"", "\"placements\"", "\"expansions\"", "\"unplaced\"", "\"utilization\"", "\"shortfalls\"",
        ]
        let offsets = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(offsets.count == keys.count)
        #expect(offsets == offsets.sorted())
        #expect(text.hasPrefix("{\n  \"format\": \"parkplan-plan/1\",\n  \"scenario\": \"临汾经济开发区\",\n"))
        #expect(
            text.contains(
                "\"project\": \"光伏\",\n      \"site\": \"A-01\",\n      \"start\": \"2023-01\",\n      \"units\": null")
        )
        #expect(text.hasSuffix("}\n"))
    }

    func read(_ json: String) -> String? {
        do {
            _ = try PlanFile.read(data: Data(json.utf8), fileName: "p.json", instance: PlanningInstance(F.scenario))
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The fixture plan with the value the verifier recomputes (the fixture's is rounded).
    static var verifiedPlan: Plan {
        var plan = F.plan
        plan.value = PlanVerifier.totalValue(of: plan, in: F.scenario)
        plan.valueParts = PlanVerifier.value(of: plan, in: F.scenario)
        plan.utilization = PlanVerifier.utilization(of: plan, in: F.scenario)
        return plan
    }

    @Test func validPlanReads() throws {
        let data = try PlanJSON.encode(Self.verifiedPlan)
        let plan = try PlanFile.read(data: data, fileName: "p.json", instance: PlanningInstance(F.scenario))
        #expect(plan == Self.verifiedPlan)
    }

    @Test func duplicateKeyIsLocated() throws {
        var text = String(decoding: try PlanJSON.encode(Self.verifiedPlan), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "\"status\": \"optimal\",", with: "\"status\": \"optimal\",\n  \"status\": \"optimal\",")
        #expect(read(text) == "p.json:6:13: status: this key appears more than once in its object")
    }

    @Test func projectPlacedTwiceIsLocatedAndNamesTheRule() throws {
        var plan = Self.verifiedPlan
        plan.placements.append(plan.placements[0])
        let message = read(String(decoding: try PlanJSON.encode(plan), as: UTF8.self)) ?? ""
        #expect(
            message.contains(
                "placements[0]: the plan breaks §3.1 once: \(plan.placements[0].project) is placed 2 times"),
            "\(message)")
    }

    @Test func startOutsideTheHorizonOrNegativeUnitsAreRejected() throws {
        var late = Self.verifiedPlan
        let first = late.placements[0]
        late.placements[0] = Placement(
            project: first.project, site: first.site,
            start: YearMonth(year: 9999, month: 1) ?? first.start, units: first.units)
        let lateMessage = read(String(decoding: try PlanJSON.encode(late), as: UTF8.self)) ?? ""
        #expect(
            lateMessage.contains("placements[0]: the plan breaks §5 report: \(first.project) starts in 9999-01"),
            "\(lateMessage)")
        guard let index = Self.verifiedPlan.placements.firstIndex(where: { $0.units != nil }) else {
            Issue.record("the fixture has no placement in a building")
            return
        }
        var negative = Self.verifiedPlan
        let p = negative.placements[index]
        negative.placements[index] = Placement(project: p.project, site: p.site, start: p.start, units: -2)
        let message = read(String(decoding: try PlanJSON.encode(negative), as: UTF8.self)) ?? ""
        #expect(
            message.contains(
                "placements[\(index)]: the plan breaks §5 report: \(p.project) in \(p.site) reports -2 units"),
            "\(message)")
    }

    @Test func syntaxErrorIsLocated() {
        #expect(
            read("{\n  \"format\": \"parkplan-plan/1\",\n  \"status\" \"optimal\"\n}")
                == "p.json:3:12: not valid JSON: expected ':'")
        #expect(read("") == "p.json:1:1: not valid JSON: unexpected end of file")
    }

    @Test func wrongFormatIsLocated() throws {
        var text = String(decoding: try PlanJSON.encode(F.plan), as: UTF8.self)
        text = text.replacingOccurrences(of: "parkplan-plan/1", with: "parkplan-plan/9")
        #expect(read(text) == "p.json:2:13: format: expected \"parkplan-plan/1\", found \"parkplan-plan/9\"")
    }

    @Test func typeErrorIsLocated() throws {
        var text = String(decoding: try PlanJSON.encode(F.plan), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "\"start\": \"2023-02\",\n      \"units\": 2",
            with: "\"start\": \"Feb\",\n      \"units\": 2")
        let message = read(text) ?? ""
        #expect(message.hasPrefix("p.json:24:16: placements[1].start: "), "\(message)")
        #expect(message.contains("YYYY-MM"))
    }

    @Test func unknownIDsAreLocatedWithSuggestions() throws {
        var text = String(decoding: try PlanJSON.encode(F.plan), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"site\": \"B-01\"", with: "\"site\": \"B-10\"")
        text = text.replacingOccurrences(of: "\"id\": \"S1-T2\"", with: "\"id\": \"S1-T3\"")
        #expect(
            read(text) == """
                p.json:23:15: placements[1].site: unknown id "B-10"; did you mean "B-01"?
                p.json:30:13: expansions[0].id: unknown id "S1-T3"; did you mean "S1-T2"?
                """)
    }

    @Test func notAPlanAtAll() {
        #expect(read("[1, 2]")?.hasPrefix("p.json:1:1: ") == true)
        #expect(read("{\"format\": \"parkplan-plan/1\"}")?.hasPrefix("p.json:1:1: missing key \"scenario\"") == true)
    }

    @Test func suggestions() {
        #expect(Suggestion.nearest(to: "pv-modles", among: ["pv-modules", "pv-frames"]) == "pv-modules")
        #expect(Suggestion.nearest(to: "zzzzzz", among: ["pv-modules"]) == nil)
        #expect(Suggestion.nearest(to: "光伏组建", among: ["光伏组件", "电子"]) == "光伏组件")
    }
}
