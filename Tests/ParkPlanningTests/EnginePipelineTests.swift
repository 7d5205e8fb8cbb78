import Foundation
import GLPKSolver
import LinearProgramming
import ParkModel
import TestSupport
import Testing

@testable import ParkInstance
@testable import ParkPlanning

/// The pipeline on generated scenarios: determinism, limits, names, heuristic.
@Suite("Engine: pipeline")
struct EnginePipelineTests {
    typealias F = EngineFixtures

    static func generated(projects: Int, seed: UInt64 = 7, infeasible: Bool = false) -> Scenario {
        ScenarioGenerator(.init(projects: projects, months: 24, seed: seed, infeasible: infeasible)).generate()
    }

    static func json(_ plan: Plan) throws -> String {
        var copy = plan
        copy.solver.seconds = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(copy), as: UTF8.self)
    }

    @Test("the same scenario gives the same plan apart from solver.seconds")
    func deterministic() throws {
        let s = Self.generated(projects: 12)
        let a = try F.plan(s, timeLimit: nil).plan
        let b = try F.plan(s, timeLimit: nil).plan
        #expect(a.status == .optimal)
        #expect(try Self.json(a) == Self.json(b))
    }

    @Test("a tiny time limit still returns a verified plan with a valid gap")
    func timeLimit() throws {
        let s = Self.generated(projects: 40, seed: 3)
        let result = try F.plan(s, timeLimit: 0.05)
        let plan = result.plan
        #expect(plan.status == .feasible || plan.status == .optimal)
        let value = try #require(plan.value), bound = try #require(plan.bound)
        #expect(bound >= value)
        #expect(isClose(plan.gap, (bound - value) / max(1, abs(value)), tolerance: 1e-9))
    }

    @Test("a generated infeasible scenario is reported infeasible")
    func generatedInfeasible() throws {
        let plan = try F.plan(Self.generated(projects: 10, infeasible: true)).plan
        #expect(plan.status == .infeasible)
        #expect(plan.value == nil)
    }

    @Test("the heuristic plan is feasible for the model and never beats the optimum")
    func heuristicWithinOptimum() throws {
        for seed: UInt64 in [1, 2, 3] {
            let s = Self.generated(projects: 10, seed: seed)
            let result = try F.plan(s, timeLimit: nil)
            let heuristic = try #require(result.statistics.heuristicValue)
            let value = try #require(result.plan.value)
            #expect(heuristic <= value + 1e-6 * max(1, abs(value)))
            #expect(result.plan.status == .optimal)
        }
    }

    @Test("warm start and cold start reach the same optimum")
    func warmAndCold() throws {
        let s = Self.generated(projects: 10, seed: 5)
        let warm = try F.plan(s, timeLimit: nil, warmStart: true).plan
        let cold = try F.plan(s, timeLimit: nil, warmStart: false).plan
        #expect(isClose(warm.value, cold.value ?? .nan))
    }

    @Test("model names are ASCII, at most 255 bytes, unique, with block codes")
    func names() throws {
        var s = F.base()
        s.plots = [Plot(id: "甲-01", areaM2: 100_000, power: "S1")]
        s.expansions = [F.powerExpansion("扩容,一期", mw: 10, cost: 1e7, lead: 3)]
        s.projects = [F.project(String(repeating: "光伏组件", count: 20), power: 15), F.project("p-2", power: 2)]
        let model = Planner.model(for: PlanningInstance(s))
        let names = model.columns.map(\.name) + model.rows.map(\.name)
        #expect(names.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && $0.utf8.count <= 255 })
        #expect(Set(model.columns.map(\.name)).count == model.columns.count)
        #expect(Set(model.rows.map(\.name)).count == model.rows.count)
        #expect(model.rows.contains { $0.name.hasPrefix("C09_power(S1,20") })
        #expect(model.columns.contains { $0.name.hasPrefix("V3_built({u6269}{u5BB9}{u2C}{u4E00}{u671F},") })
        #expect(ModelNames.escape("A-01") == "A~01")
    }

    @Test("a requested gap ends with a bound within that gap")
    func requestedGap() throws {
        let s = Self.generated(projects: 30, seed: 4)
        let result = try Planner.plan(
            s, variant: nil, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: 30, relativeGap: 0.2))
        let plan = result.plan
        let value = try #require(plan.value), bound = try #require(plan.bound), gap = try #require(plan.gap)
        #expect(bound >= value)
        #expect(plan.status == (gap <= 1e-6 ? .optimal : .feasible))
        #expect(gap <= 0.2 + 1e-9 || plan.status == .feasible)
    }

    @Test("above the column limit the neighbourhood search's plan is returned with a valid bound")
    func sizeCutOff() throws {
        let s = Self.generated(projects: 15, seed: 2)
        var options = PlanningOptions(timeLimitSeconds: 10)
        options.maximumColumns = 10
        let skipped = try Planner.plan(s, variant: nil, solver: GLPKSolver(), options: options)
        let full = try F.plan(s, timeLimit: nil)
        #expect(skipped.statistics.solverStatus == "skipped")
        #expect(skipped.statistics.searchRounds > 0)
        #expect((skipped.plan.value ?? -.infinity) >= (skipped.statistics.heuristicValue ?? .infinity))
        #expect(skipped.plan.status == .feasible)
        let bound = try #require(skipped.plan.bound), optimum = try #require(full.plan.value)
        #expect(bound >= optimum - 1e-6 * max(1, abs(optimum)))
        #expect((skipped.plan.value ?? .infinity) <= optimum + 1e-6 * max(1, abs(optimum)))
    }

    @Test("the schedule's shares are fractions and the full MIP uses GLPK's cuts")
    func scheduleIsConsistent() {
        let schedule = SearchSchedule.standard
        for share in [
            schedule.mustPlaceShare, schedule.localSearchShare, schedule.localSearchStop,
            schedule.quickMIPShare, schedule.quickMIPNodeShare, schedule.searchShare, schedule.staticBoundShare,
        ] {
            #expect(share > 0 && share <= 1)
        }
        #expect(schedule.quickMIPSeconds(left: 1_000) == schedule.quickMIPSeconds.upperBound)
        #expect(schedule.quickMIPSeconds(left: 0) == schedule.quickMIPSeconds.lowerBound)
        #expect(schedule.quickMIPSeconds(left: nil) == schedule.quickMIPSeconds.upperBound)
        #expect(schedule.reserve(projects: 600) > schedule.reserve(projects: 50))
        #expect(schedule.fullMIPTuning.mirCuts == true && schedule.fullMIPTuning.branching == .pseudoCost)
        #expect(schedule.fullMIPTuning.problems.isEmpty)
    }

    @Test("a run that ends by its own rule (here: the requested gap) gives the same plan twice")
    func sameRuleSamePlan() throws {
        let s = Self.generated(projects: 30, seed: 8)
        let options = PlanningOptions(timeLimitSeconds: 60, relativeGap: 0.05)
        let first = try Planner.plan(s, variant: nil, solver: GLPKSolver(), options: options).plan
        let second = try Planner.plan(s, variant: nil, solver: GLPKSolver(), options: options).plan
        #expect(first.placements == second.placements)
        #expect(first.value == second.value && first.bound == second.bound)
    }
}
