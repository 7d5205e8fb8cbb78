import ParkModel
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// One hand-made plan per contract §3 rule that breaks exactly that rule.
@Suite("Verifier: each rule")
struct VerifierRuleTests {
    typealias F = VerifierFixtures

    /// Expects the plan to break `rule` and nothing else, with messages naming `mentions`.
    func expectOnly(
        _ rule: PlanRule, _ plan: Plan, _ scenario: Scenario, mentions: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = PlanVerifier.check(plan, in: scenario)
        #expect(Set(found.map(\.rule)) == [rule], "\(found)", sourceLocation: sourceLocation)
        let text = PlanVerifier.violations(of: plan, in: scenario).joined(separator: "\n")
        #expect(text.hasPrefix(rule.label), sourceLocation: sourceLocation)
        for item in mentions {
            #expect(text.contains(item), "\(text) should mention \(item)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - §3.1 once

    @Test func committedProjectMustBePlaced() {
        var s = F.base()
        s.projects = [F.land("c1", 100, status: .committed)]
        expectOnly(.once, F.plan(s, []), s, mentions: ["c1", "not placed"])
    }

    @Test func infeasiblePlanMayLeaveCommittedOut() {
        var s = F.base()
        s.projects = [F.land("c1", 100, status: .committed)]
        #expect(PlanVerifier.violations(of: F.plan(s, [], status: .infeasible), in: s).isEmpty)
    }

    @Test func projectPlacedTwice() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        expectOnly(
            .once, F.plan(s, [F.at("p", "A", "2023-01", in: s), F.at("p", "A", "2023-02", in: s)]), s,
            mentions: ["p is placed 2 times"])
    }

    @Test func pinnedSiteHonoured() {
        var s = F.base()
        s.projects = [F.land("p", 100, site: "A")]
        expectOnly(.once, F.plan(s, [F.at("p", "R", "2023-06", in: s)]), s, mentions: ["p", "A", "R"])
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "A", "2023-06", in: s)]), in: s).isEmpty)
    }

    @Test func pinnedStartHonoured() {
        var s = F.base()
        s.projects = [F.land("p", 100, start: "2023-04")]
        expectOnly(.once, F.plan(s, [F.at("p", "A", "2023-05", in: s)]), s, mentions: ["p", "2023-04", "2023-05"])
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "A", "2023-04", in: s)]), in: s).isEmpty)
    }

    @Test func existingFixedAtPeriodZeroWithoutStart() {
        var s = F.base()
        s.projects = [F.land("e1", 100, status: .existing, site: "A")]
        expectOnly(.once, F.plan(s, [F.at("e1", "A", "2023-03", in: s)]), s, mentions: ["e1", "2023-03"])
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("e1", "A", "2023-01", in: s)]), in: s).isEmpty)
    }

    @Test func existingWithEarlierStartIsAtPeriodZero() {
        var s = F.base()
        s.projects = [
            F.land(
                "e1", 100, status: .existing, earliest: "2020-01", latest: "2020-02",
                site: "A", start: "2021-06")
        ]
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("e1", "A", "2023-01", in: s)]), in: s).isEmpty)
        expectOnly(.once, F.plan(s, [F.at("e1", "A", "2023-02", in: s)]), s, mentions: ["e1"])
        expectOnly(.once, F.plan(s, []), s, mentions: ["existing project e1 is not placed"])
    }

    @Test func unknownProject() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        expectOnly(.once, F.plan(s, [F.at("幽灵", "A", "2023-01", in: s)]), s, mentions: ["unknown project 幽灵"])
    }

    // MARK: - §3.2 window

    @Test func startOutsideWindow() {
        var s = F.base()
        s.projects = [F.land("p", 100, earliest: "2023-03", latest: "2023-06-30")]
        expectOnly(.window, F.plan(s, [F.at("p", "A", "2023-07", in: s)]), s, mentions: ["p", "2023-07"])
        expectOnly(.window, F.plan(s, [F.at("p", "A", "2023-02", in: s)]), s, mentions: ["p", "2023-02"])
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "A", "2023-06", in: s)]), in: s).isEmpty)
    }

    @Test func windowBeforeHorizonIsClippedAway() {
        var s = F.base()
        s.projects = [F.land("p", 100, earliest: "2021-01", latest: "2022-06")]
        expectOnly(.window, F.plan(s, [F.at("p", "A", "2023-01", in: s)]), s, mentions: ["p", "no period"])
    }

    // MARK: - §3.3 kind of site

    @Test func landProjectInBuilding() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        expectOnly(.kindOfSite, F.plan(s, [F.at("p", "B", "2023-01", in: s)]), s, mentions: ["p", "B"])
    }

    @Test func floorProjectOnPlot() {
        var s = F.base()
        s.projects = [F.floor("f", 100)]
        expectOnly(.kindOfSite, F.plan(s, [F.at("f", "A", "2023-01", in: s)]), s, mentions: ["f", "A"])
    }

    @Test func zoneNotAllowed() {
        var s = F.base()
        s.projects = [F.land("p", 100, zones: ["industrial"])]
        expectOnly(.kindOfSite, F.plan(s, [F.at("p", "Z", "2023-01", in: s)]), s, mentions: ["p", "Z", "logistics"])
    }

    @Test func buildingUseMustMatch() {
        var s = F.base()
        s.projects = [F.floor("o", 100, use: .office)]
        expectOnly(.kindOfSite, F.plan(s, [F.at("o", "B", "2023-01", in: s)]), s, mentions: ["o", "office"])
    }

    @Test(arguments: [(12.0, 0.0, "floor load"), (0.0, 10.0, "crane")])
    func buildingRequirements(load: Double, crane: Double, what: String) {
        var s = F.base()
        s.projects = [F.floor("f", 100, load: load, crane: crane)]
        expectOnly(.kindOfSite, F.plan(s, [F.at("f", "B", "2023-01", in: s)]), s, mentions: ["f", what])
    }

    @Test func unknownSite() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        expectOnly(.kindOfSite, F.plan(s, [F.at("p", "nowhere", "2023-01", in: s)]), s, mentions: ["nowhere"])
    }

    // MARK: - §3.4 space

    @Test func plotAreaExceeded() {
        var s = F.base()
        s.projects = [F.land("p", 600), F.land("q", 600)]
        expectOnly(
            .space, F.plan(s, [F.at("p", "A", "2023-01", in: s), F.at("q", "A", "2023-05", in: s)]), s,
            mentions: ["A", "1200 m²", "1000 m²"])
    }

    @Test func buildingUnitsExceeded() {
        var s = F.base()
        s.projects = [F.floor("f", 250), F.floor("g", 101)]  // ceil: 3 + 2 units > 4
        expectOnly(
            .space, F.plan(s, [F.at("f", "B", "2023-01", in: s), F.at("g", "B", "2023-01", in: s)]), s,
            mentions: ["B", "5 units > 4"])
        s.projects = [F.floor("f", 250), F.floor("g", 100)]  // 3 + 1 = 4 fits
        #expect(
            PlanVerifier.violations(
                of: F.plan(s, [F.at("f", "B", "2023-01", in: s), F.at("g", "B", "2023-01", in: s)]), in: s
            ).isEmpty)
    }
}
