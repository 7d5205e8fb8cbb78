import ParkModel
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// Rules 5–10: readiness, connections, capacity, expansions, budget, policy.
@Suite("Verifier: resources, expansions, budget, policy")
struct VerifierResourceTests {
    typealias F = VerifierFixtures
    let rules = VerifierRuleTests()

    func valid(_ plan: Plan, _ s: Scenario, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(PlanVerifier.violations(of: plan, in: s) == [], sourceLocation: sourceLocation)
    }

    // MARK: - §3.5 site ready

    @Test func siteNotReadyYet() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        rules.expectOnly(.siteReady, F.plan(s, [F.at("p", "R", "2023-03", in: s)]), s, mentions: ["p", "R", "2023-05"])
        valid(F.plan(s, [F.at("p", "R", "2023-05", in: s)]), s)
    }

    @Test func plannedSiteNeedsItsExpansion() {
        var s = F.base()
        s.projects = [F.land("p", 100)]
        rules.expectOnly(
            .siteReady, F.plan(s, [F.at("p", "C", "2023-06", in: s)]), s, mentions: ["p", "C", "no built"])
        let built = [F.built("C-prep", "2023-02", in: s)]  // completes 2023-04
        rules.expectOnly(.siteReady, F.plan(s, [F.at("p", "C", "2023-03", in: s)], built), s, mentions: ["2023-04"])
        valid(F.plan(s, [F.at("p", "C", "2023-04", in: s)], built), s)
    }

    @Test func plannedSiteAlsoWaitsForItsOwnReadyDate() {
        var s = F.base()
        s.plots?[3].ready = F.month("2023-08")
        s.projects = [F.land("p", 100)]
        let built = [F.built("C-prep", "2023-02", in: s)]
        rules.expectOnly(.siteReady, F.plan(s, [F.at("p", "C", "2023-05", in: s)], built), s, mentions: ["2023-08"])
        valid(F.plan(s, [F.at("p", "C", "2023-08", in: s)], built), s)
    }

    // MARK: - §3.6 connected

    @Test func demandNeedsConnection() {
        var s = F.base()
        s.projects = [Project(id: "w", landM2: 100, waterM3Day: 10)]
        rules.expectOnly(.connected, F.plan(s, [F.at("w", "Z", "2023-01", in: s)]), s, mentions: ["w", "water", "Z"])
        s.projects = [Project(id: "c", landM2: 100, codKgDay: 1)]
        rules.expectOnly(.connected, F.plan(s, [F.at("c", "Z", "2023-01", in: s)]), s, mentions: ["c", "sewage"])
    }

    // MARK: - §3.7 capacity

    @Test func reserveAppliesToPower() {
        var s = F.base()
        s.projects = [F.land("p", 100, power: 8.6)]  // ≤ 10 MW but > 0.85 × 10
        rules.expectOnly(
            .capacity, F.plan(s, [F.at("p", "A", "2023-01", in: s)]), s,
            mentions: ["S1 power in 2023-01 uses 8.6 MW > 8.5 MW"])
        s.projects = [F.land("p", 100, power: 8.5)]
        valid(F.plan(s, [F.at("p", "A", "2023-01", in: s)]), s)
    }

    @Test func drawingStartsAfterConstructionAndExpansionsAddOnCompletion() {
        var s = F.base()
        let chain = [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-03", in: s)]  // +5 MW from 2023-06
        s.projects = [F.land("p", 100, power: 12, build: 5)]
        valid(F.plan(s, [F.at("p", "A", "2023-01", in: s)], chain), s)
        s.projects = [F.land("p", 100, power: 12, build: 4)]
        let found = PlanVerifier.check(F.plan(s, [F.at("p", "A", "2023-01", in: s)], chain), in: s)
        #expect(found.map(\.description) == ["§3.7 capacity: S1 power in 2023-05 uses 12 MW > 8.5 MW"])
    }

    @Test func constructionPastHorizonDrawsInLastPeriod() {
        var s = F.base()
        s.projects = [F.land("p", 100, power: 12, build: 24)]
        let found = PlanVerifier.check(F.plan(s, [F.at("p", "A", "2023-03", in: s)]), in: s)
        #expect(found.map(\.description) == ["§3.7 capacity: S1 power in 2023-12 uses 12 MW > 8.5 MW"])
        let chain = [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-09", in: s)]  // complete 2023-12
        valid(F.plan(s, [F.at("p", "A", "2023-03", in: s)], chain), s)
    }

    @Test func expansionCompletingAfterHorizonAddsNothing() {
        var s = F.base()
        s.projects = [F.land("p", 100, power: 12, build: 24)]
        let chain = [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-10", in: s)]  // complete 2024-01
        rules.expectOnly(.capacity, F.plan(s, [F.at("p", "A", "2023-03", in: s)], chain), s, mentions: ["2023-12"])
    }

    @Test func nodeReadyDate() {
        var s = F.base()
        s.power?[0].ready = F.month("2023-04")
        s.projects = [F.land("p", 100, power: 1)]
        let found = PlanVerifier.check(F.plan(s, [F.at("p", "A", "2023-02", in: s)]), in: s)
        #expect(
            found.map(\.description) == [
                "§3.7 capacity: S1 power in 2023-02 uses 1 MW > 0 MW",
                "§3.7 capacity: S1 power in 2023-03 uses 1 MW > 0 MW",
            ])
    }

    @Test func sewageChecksWastewaterAndCOD() {
        var s = F.base()
        s.projects = [Project(id: "c", landM2: 100, wastewaterM3Day: 10, codKgDay: 60)]
        rules.expectOnly(
            .capacity, F.plan(s, [F.at("c", "A", "2023-12", in: s)]), s,
            mentions: ["W1 cod in 2023-12 uses 60 kg/day > 50 kg/day"])
        s.projects = [Project(id: "c", landM2: 100, wastewaterM3Day: 101, codKgDay: 1)]
        rules.expectOnly(
            .capacity, F.plan(s, [F.at("c", "A", "2023-12", in: s)]), s,
            mentions: ["W1 sewage in 2023-12 uses 101 m³/day > 100 m³/day"])
        s.sewage?[0].codKgDay = nil  // a plant without a COD limit: COD is not checked
        s.projects = [Project(id: "c", landM2: 100, wastewaterM3Day: 100, codKgDay: 1e6)]
        valid(F.plan(s, [F.at("c", "A", "2023-12", in: s)]), s)
    }

    @Test func waterCapacity() {
        var s = F.base()
        s.projects = [Project(id: "w", landM2: 100, waterM3Day: 60), Project(id: "v", landM2: 100, waterM3Day: 41)]
        rules.expectOnly(
            .capacity, F.plan(s, [F.at("w", "A", "2023-01", in: s), F.at("v", "A", "2023-11", in: s)]), s,
            mentions: ["WS1 water in 2023-11 uses 101"])
    }
}
