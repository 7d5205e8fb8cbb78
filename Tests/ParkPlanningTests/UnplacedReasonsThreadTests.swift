import ParkModel
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning

/// `unplaced` reasons computed on two threads are the same, in the same order, as on one.
@Suite("Unplaced reasons on two threads")
struct UnplacedReasonsThreadTests {
    @Test("two threads give the same reasons as one", arguments: [UInt64(1), 2, 3])
    func sameAsSequential(seed: UInt64) throws {
        let scenario = ScenarioGenerator(.init(projects: 40, months: 24, seed: seed)).generate()
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        let assignment = try #require(GreedyHeuristic(index: index).run())
        let plan = Plan(
            scenario: "t", variant: nil, status: .feasible, value: 0, bound: 0, gap: 0,
            solver: SolverInfo(name: "test", version: "0", seconds: 0),
            placements: PlanBuilder.placements(assignment, instance),
            expansions: PlanBuilder.expansions(assignment, instance))
        let one = UnplacedReasons.reasons(instance: instance, plan: plan, threadsFrom: .max)
        let two = UnplacedReasons.reasons(instance: instance, plan: plan, threadsFrom: 0)
        #expect(!one.isEmpty)
        #expect(one.map(\.project) == two.map(\.project))
        #expect(one.map(\.reason) == two.map(\.reason))
    }
}
