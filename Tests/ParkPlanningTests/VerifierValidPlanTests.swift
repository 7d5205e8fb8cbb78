import ParkModel
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// Plans that satisfy every rule, the quarterly time mapping, and the §4 value.
@Suite("Verifier: valid plans, time, value")
struct VerifierValidPlanTests {
    typealias F = VerifierFixtures
    let rules = VerifierRuleTests()

    /// Everything at once: existing and committed tenants, a building, a planned plot,
    /// a requires chain within budget, enforced policy met, construction past the horizon.
    @Test func fullPlanPasses() {
        var s = F.base()
        s.budget = 160
        s.policy = Policy(minInvestmentIntensity: 1, minTaxPerMu: 0, enforce: true)
        s.projects = [
            Project(id: "老厂", status: .existing, landM2: 300, powerMW: 3, investment: 0, site: "A"),
            Project(
                id: "c1", status: .committed, landM2: 400, zones: ["industrial"], powerMW: 4, waterM3Day: 50,
                wastewaterM3Day: 40, codKgDay: 30, investment: 1e6, annualTax: 10, earliest: F.month("2023-02")),
            Project(id: "f1", floorM2: 250, floorLoadKNM2: 10, clearHeightM: 8, craneT: 5, powerMW: 1.5, annualTax: 5),
            Project(id: "c-site", landM2: 1000, buildMonths: 30, powerMW: 5, investment: 1e6, annualTax: 7),
        ]
        let plan = F.plan(
            s,
            [
                F.at("老厂", "A", "2023-01", in: s), F.at("c1", "A", "2023-02", in: s),
                F.at("f1", "B", "2023-06", in: s), F.at("c-site", "C", "2023-07", in: s),
            ],
            [
                F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-03", in: s),
                F.built("C-prep", "2023-05", in: s),
            ])
        // Power: 3 + 4 from 2023-02 = 7 ≤ 8.5; + 1.5 from 2023-06 = 8.5 ≤ 12.75; + 5 in 2023-12 = 13.5 > 12.75?
        let found = PlanVerifier.check(plan, in: s)
        #expect(found.map(\.description) == ["§3.7 capacity: S1 power in 2023-12 uses 13.5 MW > 12.75 MW"])
        var roomier = s
        roomier.power?[0].capacityMW = 11
        let fixed = F.plan(roomier, plan.placements, plan.expansions)
        #expect(PlanVerifier.violations(of: fixed, in: roomier) == [])
        #expect(fixed.utilization.count == 12 * 4)  // power, water, sewage, cod
    }

    // MARK: - Quarterly periods (step_months: 3)

    @Test func quarterlyWindowsAndMonths() {
        var s = F.base(step: 3)
        s.projects = [F.land("p", 100, earliest: "2023-02", latest: "2023-09")]  // periods 1…2
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "A", "2023-04", in: s)]), in: s).isEmpty)
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "A", "2023-07", in: s)]), in: s).isEmpty)
        rules.expectOnly(.window, F.plan(s, [F.at("p", "A", "2023-01", in: s)]), s, mentions: ["2023-04…2023-07"])
        rules.expectOnly(.window, F.plan(s, [F.at("p", "A", "2023-10", in: s)]), s, mentions: ["p"])
    }

    @Test func quarterlyReadinessRoundsUp() {
        var s = F.base(step: 3)
        s.projects = [F.land("p", 100)]
        // R is ready 2023-05 → ceil(4/3) = period 2 (2023-07).
        rules.expectOnly(.siteReady, F.plan(s, [F.at("p", "R", "2023-04", in: s)]), s, mentions: ["2023-07"])
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "R", "2023-07", in: s)]), in: s).isEmpty)
        // C-prep: lead 2 months → 1 period; earliest of S1-T2 2023-03 → period 1.
        let built = [F.built("C-prep", "2023-01", in: s)]
        #expect(built[0].complete == F.month("2023-04"))
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("p", "C", "2023-04", in: s)], built), in: s).isEmpty)
        let early = [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-01", in: s)]
        #expect(Set(PlanVerifier.check(F.plan(s, [], early), in: s).map(\.rule)) == [.expansions])
    }

    @Test func quarterlyBuildPeriodsAndPartialLastPeriod() {
        var s = F.base(step: 3, months: 10)  // ceil(10/3) = 4 periods, the last begins 2023-10
        s.projects = [F.land("p", 100, power: 9, build: 4)]  // 2 periods of construction
        let found = PlanVerifier.check(F.plan(s, [F.at("p", "A", "2023-01", in: s)]), in: s)
        #expect(
            found.map(\.description) == [
                "§3.7 capacity: S1 power in 2023-07 uses 9 MW > 8.5 MW",
                "§3.7 capacity: S1 power in 2023-10 uses 9 MW > 8.5 MW",
            ])
    }

    // MARK: - §4 value

    @Test func valueCountsDelayWeightsAndCosts() {
        var s = F.base(step: 3)
        s.objective = Objective(years: 10, weights: Weights(tax: 1, investment: 0.5, jobs: 100, cost: 2))
        s.projects = [
            Project(id: "p", landM2: 100, investment: 1000, annualTax: 100, jobs: 3, earliest: F.month("2023-02")),
            Project(id: "e", status: .existing, landM2: 100, investment: 1e9, annualTax: 1e9, jobs: 1e6, site: "A"),
            Project(id: "q", landM2: 100, annualTax: 10),
        ]
        let plan = F.plan(
            s, [F.at("p", "A", "2023-07", in: s), F.at("e", "A", "2023-01", in: s)],
            [F.built("C-prep", "2023-01", in: s)])
        // p: earliest period 1, start period 2 → 3 months late → 100 × (10 − 0.25).
        let parts = PlanVerifier.value(of: plan, in: s)
        #expect(parts == ValueParts(tax: 975, investment: 500, jobs: 300, cost: 100))
        #expect(PlanVerifier.totalValue(of: plan, in: s) == 1675)
    }

    @Test func taxNeverNegative() {
        var s = F.base()
        s.objective = Objective(years: 0.5)
        s.projects = [F.land("p", 100, tax: 100)]
        let plan = F.plan(s, [F.at("p", "A", "2023-12", in: s)])  // 11 months late > 6 months
        #expect(PlanVerifier.value(of: plan, in: s).tax == 0)
    }
}
