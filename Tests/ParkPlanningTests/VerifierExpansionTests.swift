import ParkModel
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// Rules 8–10 and the plan's own report.
@Suite("Verifier: expansions, budget, policy, report")
struct VerifierExpansionTests {
    typealias F = VerifierFixtures
    let rules = VerifierRuleTests()

    // MARK: - §3.8 expansions

    @Test func startBeforeEarliest() {
        let s = F.base()
        let plan = F.plan(s, [], [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-02", in: s)])
        rules.expectOnly(.expansions, plan, s, mentions: ["S1-T2", "2023-02", "2023-03"])
    }

    @Test func requirementNotBuilt() {
        let s = F.base()
        rules.expectOnly(
            .expansions, F.plan(s, [], [F.built("S1-T2", "2023-05", in: s)]), s,
            mentions: ["S1-T2 requires S1-bay, which is not built"])
    }

    @Test func requirementNotComplete() {
        let s = F.base()
        let plan = F.plan(s, [], [F.built("S1-bay", "2023-03", in: s), F.built("S1-T2", "2023-03", in: s)])
        rules.expectOnly(.expansions, plan, s, mentions: ["S1-T2", "S1-bay", "2023-04"])
        let ok = F.plan(s, [], [F.built("S1-T2", "2023-04", in: s), F.built("S1-bay", "2023-03", in: s)])
        #expect(PlanVerifier.violations(of: ok, in: s).isEmpty)
    }

    @Test func builtTwiceOrUnknown() {
        let s = F.base()
        rules.expectOnly(
            .expansions, F.plan(s, [], [F.built("C-prep", "2023-01", in: s), F.built("C-prep", "2023-05", in: s)]),
            s, mentions: ["C-prep is built 2 times"])
        rules.expectOnly(
            .expansions, F.plan(s, [], [F.built("变电站扩建", "2023-01", in: s)]), s,
            mentions: ["unknown expansion 变电站扩建"])
    }

    // MARK: - §3.9 budget

    @Test func budgetExceeded() {
        var s = F.base()
        s.budget = 100
        let chain = [F.built("S1-bay", "2023-01", in: s), F.built("S1-T2", "2023-03", in: s)]
        rules.expectOnly(.budget, F.plan(s, [], chain), s, mentions: ["110", "100"])
        s.budget = 110
        #expect(PlanVerifier.violations(of: F.plan(s, [], chain), in: s).isEmpty)
    }

    // MARK: - §3.10 policy

    /// 3 亩 = 2000 m²; minimum 300 万元/亩 → 9e6 CNY, 15 万元/亩 tax → 4.5e5 CNY/year.
    func policyScenario(enforce: Bool) -> Scenario {
        var s = F.base()
        s.plots?[0].areaM2 = 10_000
        s.policy = Policy(minInvestmentIntensity: 300, minTaxPerMu: 15, enforce: enforce)
        return s
    }

    @Test func enforcedPolicyRejectsWeakProjects() {
        var s = policyScenario(enforce: true)
        s.projects = [Project(id: "low", landM2: 2000, investment: 8e6, annualTax: 1e6)]
        rules.expectOnly(.policy, F.plan(s, [F.at("low", "A", "2023-01", in: s)]), s, mentions: ["low", "266.666667"])
        s.projects = [Project(id: "poor", landM2: 2000, investment: 9e6, annualTax: 4e5)]
        rules.expectOnly(.policy, F.plan(s, [F.at("poor", "A", "2023-01", in: s)]), s, mentions: ["poor", "tax"])
        s.projects = [Project(id: "ok", landM2: 2000, investment: 9e6, annualTax: 4.5e5)]
        #expect(PlanVerifier.violations(of: F.plan(s, [F.at("ok", "A", "2023-01", in: s)]), in: s).isEmpty)
    }

    @Test func policyExemptions() {
        var s = policyScenario(enforce: true)
        s.projects = [
            Project(id: "old", status: .existing, landM2: 2000, investment: 1, site: "A"),
            Project(id: "floor", floorM2: 100, investment: 1),
        ]
        let plan = F.plan(s, [F.at("old", "A", "2023-01", in: s), F.at("floor", "B", "2023-01", in: s)])
        #expect(PlanVerifier.violations(of: plan, in: s).isEmpty)
        var notEnforced = policyScenario(enforce: false)
        notEnforced.projects = [Project(id: "low", landM2: 2000, investment: 1, annualTax: 1)]
        #expect(
            PlanVerifier.violations(
                of: F.plan(notEnforced, [F.at("low", "A", "2023-01", in: notEnforced)]),
                in: notEnforced
            ).isEmpty)
        s.projects = [Project(id: "committed", status: .committed, landM2: 2000, investment: 1)]
        rules.expectOnly(.policy, F.plan(s, [F.at("committed", "A", "2023-01", in: s)]), s, mentions: ["committed"])
    }

    // MARK: - §5 report

    @Test func reportedFiguresMustMatch() {
        var s = F.base()
        s.projects = [F.floor("f", 250, power: 1)]
        var plan = F.plan(s, [F.at("f", "B", "2023-01", in: s)], [F.built("C-prep", "2023-01", in: s)])
        #expect(PlanVerifier.violations(of: plan, in: s).isEmpty)
        plan.placements[0].units = 2
        plan.expansions[0].complete = F.month("2023-04")
        plan.value = (plan.value ?? 0) + 1
        plan.utilization[0].used += 0.5
        plan.utilization.removeLast()
        let found = PlanVerifier.violations(of: plan, in: s)
        #expect(found.count == 5, "\(found)")
        #expect(found.allSatisfy { $0.hasPrefix("§5 report") })
        #expect(found.contains { $0.contains("f in B reports 2 units, expected ceil(floor_m2 / unit_area_m2) = 3") })
    }

    @Test func monthsMustBeginPeriods() {
        var s = F.base(step: 3)
        s.projects = [F.land("p", 100)]
        rules.expectOnly(.report, F.plan(s, [F.at("p", "A", "2023-02", in: s)]), s, mentions: ["2023-02"])
        rules.expectOnly(.report, F.plan(s, [F.at("p", "A", "2024-01", in: s)]), s, mentions: ["2024-01"])
        rules.expectOnly(.report, F.plan(s, [], [F.built("C-prep", "2022-12", in: s)]), s, mentions: ["C-prep"])
    }
}
