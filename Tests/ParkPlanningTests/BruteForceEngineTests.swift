import Foundation
import ParkModel
import TestSupport
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// The engine against exhaustive search on tiny random scenarios.
@Suite("Engine equals brute force on tiny scenarios")
struct BruteForceEngineTests {
    /// Seeds of the tiny random scenarios (see `TinyScenarios`).
    static let seeds: [UInt64] = Array(0..<80)

    @Test(arguments: seeds)
    func engineMatchesBruteForce(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        let truth = BruteForce.solve(scenario)
        let plan: Plan
        do {
            plan = try Engine.plan(scenario)
        } catch {
            Issue.record("seed \(seed): engine threw \(error); brute force: \(describe(truth.plan))")
            return
        }
        guard let best = truth.value else {
            #expect(
                plan.status == .infeasible,
                "seed \(seed): brute force finds no feasible plan, engine says \(describe(plan))")
            return
        }
        #expect(plan.status == .optimal, "seed \(seed): engine \(describe(plan)); brute force \(describe(truth.plan))")
        let violations = PlanVerifier.violations(of: plan, in: scenario)
        #expect(violations.isEmpty, "seed \(seed): \(violations)")
        let recomputed = PlanVerifier.totalValue(of: plan, in: scenario)
        #expect(
            isClose(recomputed, best),
            "seed \(seed): engine value \(recomputed) ≠ brute force \(best)\n engine: \(describe(plan))\n brute: \(describe(truth.plan))"
        )
        #expect(
            plan.value.map { isClose($0, recomputed) } ?? false,
            "seed \(seed): reported value \(plan.value.map { "\($0)" } ?? "nil") ≠ recomputed \(recomputed)")
    }

    /// An existing tenant pinned to start after the horizon: contract §1 maps the pin with ceil to a
    /// period past the last one, and §3.1 fixes the project there, so no plan can hold it and
    /// brute force finds none. The engine must report it infeasible (found by the sweep at seed 1100).
    @Test func existingPinnedPastTheHorizon() throws {
        var s = VerifierFixtures.base(months: 6)
        s.plots = Array(s.plotList.prefix(1))
        s.buildings = []
        s.expansions = []
        s.projects = [
            Project(id: "e", status: .existing, landM2: 100, site: "A", start: VerifierFixtures.month("2023-08"))
        ]
        #expect(BruteForce.solve(s).value == nil)
        let plan = try Engine.plan(s)
        #expect(plan.status == .infeasible, "\(describe(plan))")
        #expect(plan.shortfalls.contains { $0.where == "e" }, "\(plan.shortfalls)")
    }

    /// The sample of seeds is not degenerate: many feasible, some infeasible, many with placements.
    @Test func seedsCoverFeasibleAndInfeasible() {
        let results = Self.seeds.prefix(40).map { BruteForce.solve(TinyScenarios.make(seed: $0)) }
        let feasible = results.filter { $0.value != nil }
        #expect(feasible.count >= 15)
        #expect(results.count - feasible.count >= 5)
        #expect(feasible.filter { !($0.plan?.placements.isEmpty ?? true) }.count >= 10)
        #expect(feasible.contains { !($0.plan?.expansions.isEmpty ?? true) })
    }
}
