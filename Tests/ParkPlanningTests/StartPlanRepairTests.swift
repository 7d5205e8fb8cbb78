import Foundation
import GLPKSolver
import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// `StartPlanRepair` and `PlanningOptions.startPlan`: a plan of another scenario becomes a
/// feasible start of this one, and a plan of the same scenario keeps its value.
@Suite("Start plan repair (warm start across scenarios)")
struct StartPlanRepairTests {
    static func scenario(seed: UInt64, projects: Int = 24) -> Scenario {
        ScenarioGenerator(.init(projects: projects, months: 24, stepMonths: 1, seed: seed, budget: true)).generate()
    }

    @Test("a plan of the same scenario is kept: same value or more, and it verifies", arguments: [UInt64(1), 2, 3])
    func samePlan(seed: UInt64) throws {
        let scenario = Self.scenario(seed: seed)
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        let greedy = try #require(GreedyHeuristic(index: index).run())
        let improved = LocalSearch(index: index).improve(greedy, rounds: 200, seed: 5, shouldStop: { false })
        let plan = LocalSearchTests.plan(improved, instance)
        let repaired = try #require(StartPlanRepair(index: index).repaired(plan))
        let before = LocalSearchTests.value(improved, instance), after = LocalSearchTests.value(repaired, instance)
        #expect(after >= before - 1e-6 * max(1, abs(before)), "\(after) < \(before)")
        let violations = PlanVerifier.violations(of: LocalSearchTests.plan(repaired, instance), in: scenario)
        #expect(violations.isEmpty, "\(violations.prefix(3))")
    }

    @Test("a plan of a different park is repaired into a feasible plan of this one", arguments: [UInt64(4), 5, 6])
    func otherPark(seed: UInt64) throws {
        let other = Self.scenario(seed: seed + 100, projects: 30)
        let otherInstance = PlanningInstance(other)
        let otherIndex = ModelIndex(instance: otherInstance)
        let otherPlan = LocalSearchTests.plan(try #require(GreedyHeuristic(index: otherIndex).run()), otherInstance)

        let scenario = Self.scenario(seed: seed)
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        // nil is allowed (the planner then starts from the greedy plan), but not on these parks.
        let repaired = try #require(StartPlanRepair(index: index).repaired(otherPlan))
        let violations = PlanVerifier.violations(of: LocalSearchTests.plan(repaired, instance), in: scenario)
        #expect(violations.isEmpty, "\(violations.prefix(3))")
        let again = StartPlanRepair(index: index).repaired(otherPlan)
        #expect(again == repaired, "the repair is deterministic")
    }

    @Test("the planner starts from a given plan and returns a verified plan worth at least the repaired start")
    func plannerUsesStartPlan() throws {
        let scenario = Self.scenario(seed: 8, projects: 30)
        let solver = GLPKSolver()
        var options = PlanningOptions(timeLimitSeconds: 5)
        options.searchRounds = 2
        let first = try Planner.plan(scenario, variant: nil, solver: solver, options: options)
        options.startPlan = first.plan
        let second = try Planner.plan(scenario, variant: nil, solver: solver, options: options)
        let before = try #require(first.plan.value), after = try #require(second.plan.value)
        #expect(after >= before - 1e-6 * max(1, abs(before)))
        #expect(PlanVerifier.violations(of: second.plan, in: scenario).isEmpty)
    }
}
