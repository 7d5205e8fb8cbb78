import Foundation
import GLPKSolver
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

/// The readiness check and the plan files use two threads on large parks: the results must be
/// those of one thread, in the same order.
@Suite struct TwoThreadExportTests {
    @Test(arguments: [2, 64])
    func mapOnTwoThreadsKeepsTheOrder(threadsFrom: Int) {
        for count in 0..<130 {
            let mapped = mapOnTwoThreads(count: count, threadsFrom: threadsFrom) { $0 * $0 + 7 }
            #expect(mapped == (0..<count).map { $0 * $0 + 7 }, "count \(count)")
        }
    }

    /// 80 projects (two threads from 64): every report equals the project's own check, and the
    /// list is ordered as one thread orders it (urgent first, then in project order).
    @Test func readinessOnTwoThreadsEqualsOneProjectAtATime() throws {
        let scenario = ScenarioGenerator(.init(projects: 80, seed: 5)).generate()
        let options = PlanningOptions(timeLimitSeconds: 3, relativeGap: nil)
        let result = try Planner.plan(scenario, variant: nil, solver: GLPKSolver(), options: options)
        let instance = PlanningInstance(scenario)
        let all = Readiness.check(instance: instance, plan: result.plan)
        let one = scenario.projectList.flatMap {
            Readiness.check(instance: instance, plan: result.plan, project: $0.id)
        }
        #expect(all.count == 80 && one.count == 80)
        let urgent = one.filter { $0.status != .candidate && !$0.readyOnWanted }
        let rest = one.filter { !($0.status != .candidate && !$0.readyOnWanted) }
        #expect(all == urgent + rest)
        // The files, rendered on two threads, are the same bytes every time.
        let first = try PlanExports.files(for: result.plan, instance: instance, language: .zh)
        let second = try PlanExports.files(for: result.plan, instance: instance, language: .zh)
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.data) == second.map(\.data))
        #expect(first.count == 9)
    }
}
