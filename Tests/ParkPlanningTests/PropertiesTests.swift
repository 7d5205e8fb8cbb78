import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// Monotonicity of the optimal value on tiny random scenarios: more capacity, space or
/// budget never lowers it; fewer candidates never raise it. Also: the same scenario
/// gives the same plan on every run (contract §4).
@Suite("Engine properties on tiny scenarios")
struct PropertiesTests {
    static let seeds: [UInt64] = Array(100..<140)

    /// The optimal value, or nil when the engine reports infeasible.
    func optimum(_ scenario: Scenario, _ seed: UInt64, _ what: String) throws -> Double? {
        let plan = try Engine.plan(scenario)
        if plan.status == .infeasible { return nil }
        #expect(plan.status == .optimal, "seed \(seed) \(what): \(describe(plan))")
        #expect(PlanVerifier.violations(of: plan, in: scenario).isEmpty, "seed \(seed) \(what)")
        return PlanVerifier.totalValue(of: plan, in: scenario)
    }

    /// Scenarios with more of one resource, each named.
    func relaxations(of s: Scenario) -> [(String, Scenario)] {
        var list: [(String, Scenario)] = []
        for i in s.powerNodes.indices {
            var t = s; t.power?[i].capacityMW += 3; list.append(("power \(s.powerNodes[i].id) +3 MW", t))
        }
        for i in s.sewagePlants.indices {
            var t = s; t.sewage?[i].capacityM3Day += 2
            if let cod = t.sewage?[i].codKgDay { t.sewage?[i].codKgDay = cod + 2 }
            list.append(("sewage \(s.sewagePlants[i].id) +2", t))
        }
        for i in s.waterNodes.indices {
            var t = s; t.water?[i].capacityM3Day += 2; list.append(("water \(s.waterNodes[i].id) +2", t))
        }
        for i in s.plotList.indices {
            var t = s; t.plots?[i].areaM2 += 200; list.append(("plot \(s.plotList[i].id) +200 m²", t))
        }
        for i in s.buildingList.indices {
            var t = s; t.buildings?[i].units += 1; list.append(("building \(s.buildingList[i].id) +1 unit", t))
        }
        if let budget = s.budget {
            var t = s; t.budget = budget + 5e4; list.append(("budget +5e4", t))
            var u = s; u.budget = nil; list.append(("no budget", u))
        }
        return list
    }

    @Test(arguments: seeds)
    func moreCapacityNeverLowersTheValue(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        guard let base = try optimum(scenario, seed, "base") else { return }
        for (what, relaxed) in relaxations(of: scenario) {
            let value = try optimum(relaxed, seed, what)
            #expect(value != nil, "seed \(seed): \(what) made a feasible scenario infeasible")
            guard let value else { continue }
            #expect(value >= base - 1e-6 * max(1, abs(base)), "seed \(seed): \(what) lowers \(base) to \(value)")
        }
    }

    @Test(arguments: seeds)
    func removingACandidateNeverRaisesTheValue(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        let base = try optimum(scenario, seed, "base")
        for project in scenario.projectList where project.statusOrDefault == .candidate {
            var fewer = scenario
            fewer.projects = scenario.projectList.filter { $0.id != project.id }
            let value = try optimum(fewer, seed, "without \(project.id)")
            guard let value else {
                #expect(base == nil, "seed \(seed): removing \(project.id) made the scenario infeasible")
                continue
            }
            guard let base else {
                Issue.record("seed \(seed): removing candidate \(project.id) made an infeasible scenario feasible")
                continue
            }
            #expect(value <= base + 1e-6 * max(1, abs(base)), "seed \(seed): without \(project.id) \(value) > \(base)")
        }
    }

    /// The property seeds are not vacuous: most have a feasible optimum with placements.
    @Test func seedsAreMostlyFeasible() throws {
        let plans = try Self.seeds.map { try Engine.plan(TinyScenarios.make(seed: $0)) }
        let feasible = plans.filter { $0.status == .optimal }
        #expect(feasible.count >= 20)
        #expect(feasible.filter { !$0.placements.isEmpty }.count >= 12)
    }

    @Test(arguments: seeds.prefix(15))
    func sameScenarioSamePlan(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        var first = try Engine.plan(scenario)
        var second = try Engine.plan(scenario)
        first.solver.seconds = 0
        second.solver.seconds = 0
        #expect(first == second, "seed \(seed)")
    }
}
