import Foundation
import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// `LocalSearch.improve` on generated and tiny random scenarios: the result is feasible for the
/// independent verifier, worth at least its input, and the same on every run.
@Suite("Local search (ruin and recreate)")
struct LocalSearchTests {
    /// A plan of `assignment` for the verifier.
    static func plan(_ assignment: Assignment, _ instance: PlanningInstance) -> Plan {
        let value = Self.value(assignment, instance)
        var plan = Plan(
            scenario: "t", variant: nil, status: .feasible, value: value, bound: value, gap: 0,
            solver: SolverInfo(name: "test", version: "0", seconds: 0),
            placements: PlanBuilder.placements(assignment, instance),
            expansions: PlanBuilder.expansions(assignment, instance))
        plan.utilization = PlanVerifier.utilization(of: plan, in: instance.scenario)
        return plan
    }

    static func value(_ a: Assignment, _ instance: PlanningInstance) -> Double {
        PlanBuilder.value(PlanBuilder.valueParts(a, instance))
    }

    /// Runs the search twice from the greedy plan; checks feasibility, value and determinism.
    /// Returns (greedy value, search value), nil when the greedy found no plan.
    @discardableResult
    static func check(
        _ scenario: Scenario, rounds: Int, seed: UInt64 = 7,
        _ label: String
    ) throws -> (before: Double, after: Double)? {
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        guard let start = GreedyHeuristic(index: index).run() else { return nil }
        #expect(PlanVerifier.violations(of: plan(start, instance), in: scenario).isEmpty, "\(label): greedy")
        let search = LocalSearch(index: index)
        let first = search.improve(start, rounds: rounds, seed: seed, shouldStop: { false })
        let second = LocalSearch(index: index).improve(start, rounds: rounds, seed: seed, shouldStop: { false })
        #expect(first == second, "\(label): two runs differ")
        let violations = PlanVerifier.violations(of: plan(first, instance), in: scenario)
        #expect(violations.isEmpty, "\(label): \(violations.prefix(3))")
        let before = value(start, instance), after = value(first, instance)
        #expect(after >= before, "\(label): \(after) < \(before)")
        #expect(
            abs(PlanVerifier.totalValue(of: plan(first, instance), in: scenario) - after) <= 1e-6 * max(1, abs(after)))
        return (before, after)
    }

    @Test(
        "generated scenarios: monthly and quarterly, with and without budget",
        arguments: [(UInt64(1), 1, true), (2, 3, true), (3, 1, false), (4, 3, false), (5, 2, true)])
    func generated(seed: UInt64, step: Int, budget: Bool) throws {
        let scenario = ScenarioGenerator(
            .init(
                projects: 24, months: 24, stepMonths: step, seed: seed,
                budget: budget)
        ).generate()
        let result = try #require(try Self.check(scenario, rounds: 30, "seed \(seed) step \(step) budget \(budget)"))
        #expect(result.after.isFinite)
    }

    @Test("tiny random scenarios", arguments: 0..<3)
    func tiny(batch: Int) throws {
        for seed in UInt64(batch * 20)..<UInt64(batch * 20 + 20) {
            let scenario = TinyScenarios.make(seed: seed)
            guard let (_, after) = try Self.check(scenario, rounds: 15, seed: seed, "tiny \(seed)") else { continue }
            // Never above the optimum found by exhaustive search.
            if let optimum = BruteForce.solve(scenario).value {
                #expect(after <= optimum + 1e-6 * max(1, abs(optimum)), "tiny \(seed)")
            }
        }
    }

    @Test("the search finds more than the greedy on a 40-project scenario")
    func improves() throws {
        let scenario = ScenarioGenerator(.init(projects: 40, months: 24, seed: 11)).generate()
        let result = try #require(try Self.check(scenario, rounds: 60, "40 projects"))
        #expect(result.after > result.before)
    }

    @Test("a stop requested before the first round returns the input")
    func stopsAtOnce() throws {
        let scenario = ScenarioGenerator(.init(projects: 20, months: 12, seed: 3)).generate()
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let start = try #require(GreedyHeuristic(index: index).run())
        #expect(LocalSearch(index: index).improve(start, rounds: 100, seed: 1, shouldStop: { true }) == start)
        #expect(LocalSearch(index: index).improve(start, rounds: 0, seed: 1, shouldStop: { false }) == start)
    }

    @Test("an input missing a must-place project is returned unchanged")
    func incompleteInput() throws {
        let scenario = ScenarioGenerator(.init(projects: 20, months: 12, seed: 5)).generate()
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        var start = try #require(GreedyHeuristic(index: index).run())
        let committed = try #require(
            instance.projects.indices.first {
                instance.projects[$0].status == .committed && start.placements[$0] != nil
            })
        start.placements[committed] = nil
        #expect(LocalSearch(index: index).improve(start, rounds: 20, seed: 1, shouldStop: { false }) == start)
    }

    @Test("a state built from an assignment has the assignment's value and is consistent")
    func stateFromAssignment() throws {
        let scenario = ScenarioGenerator(.init(projects: 30, months: 24, seed: 9)).generate()
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        let start = try #require(GreedyHeuristic(index: index).run())
        let state = HeuristicState(index: index, assignment: start)
        #expect(state.assignment == start)
        #expect(state.isConsistent())
        #expect(abs(state.value - Self.value(start, instance)) <= 1e-6 * max(1, abs(state.value)))
    }
}

/// `HeuristicState.bestOption` skips the expansion plans of starts that an earlier start's
/// shortfall already rules out (`ShortfallMemo`); the option must be the one found by trying
/// every start.
@Suite("Best option with remembered shortfalls")
struct ShortfallMemoTests {
    @Test(
        "the same option as trying every start, on parks with tight utilities",
        arguments: [(UInt64(1), 1), (2, 3), (3, 1), (4, 2)])
    func sameOption(seed: UInt64, chain: Int) throws {
        let scenario = ScenarioGenerator(
            .init(projects: 40, months: 24, seed: seed, utilityHeadroom: 0.3, chainLength: chain)
        ).generate()
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        let start = try #require(GreedyHeuristic(index: index).run())
        let search = LocalSearch(index: index)
        var rng = ParkModel.SplitMix64(seed: seed)
        var state = HeuristicState(index: index, assignment: start, tables: search.tables)
        let greedy = GreedyHeuristic(index: index)
        let natural = greedy.placementOrder()
        let keys = RecreateKeys(index: index, tables: search.tables, greedy: greedy)
        var compared = 0, shortfalls = 0
        for round in 0..<12 {
            var trial = state
            guard search.ruin(&trial, rng: &rng) else { continue }
            for p in instance.projects.indices where trial.assignment.placements[p] == nil {
                for allow in [true, false] {
                    let fast = trial.bestOption(p, allowExpansions: allow)
                    let slow = trial.bestOption(p, allowExpansions: allow, rememberShortfalls: false)
                    let label = "seed \(seed) round \(round) p \(p)"
                    #expect(fast?.site == slow?.site && fast?.start == slow?.start, "\(label)")
                    #expect(fast?.net == slow?.net, "\(label)")
                    let fastPlan = fast?.expansions.map { [$0.expansion, $0.start] }
                    #expect(fastPlan == slow?.expansions.map { [$0.expansion, $0.start] }, "\(label)")
                    compared += 1
                }
                // How often a start's plan fails on a shortfall nothing covers in time (the case
                // the memo skips): the comparison must include some.
                for (k, c) in index.classes[p].enumerated() {
                    for t in index.candidateStarts(p, k) {
                        var memo = ShortfallMemo()
                        _ = trial.expansionsFor(p, k, site: c.sites[0], start: t, blocked: &memo)
                        if !memo.isEmpty { shortfalls += 1 }
                    }
                }
            }
            search.recreate(&trial, greedy: greedy, natural: natural, keys: keys, rng: &rng)
            state = trial
        }
        #expect(compared > 0)
        #expect(shortfalls > 0, "seed \(seed): no start failed on an uncoverable shortfall")
    }
}

@Suite("Automatic local search rounds")
struct LocalSearchRoundsTests {
    @Test("150 projects keep the tuned 22,000 rounds; large parks get more than the square-law estimate")
    func rounds() {
        // b150's figures: 150 projects, 3,433 start classes, 0.55 × 60 s.
        #expect(PlanningPipeline.localSearchRounds(limit: 33, projects: 150, classes: 3_433) == 22_000)
        // b1000's: the square-law estimate alone gives 861; a round costs ~16–22 ms there.
        let large = PlanningPipeline.localSearchRounds(limit: 33, projects: 1_000, classes: 115_583)
        #expect(large > 861 && large < 2_000)
        // Never more than converges at 150 projects in proportion, never fewer than 50.
        #expect(PlanningPipeline.localSearchRounds(limit: 33, projects: 300, classes: 10) == 44_000)
        #expect(PlanningPipeline.localSearchRounds(limit: 0.001, projects: 1_000, classes: 115_583) == 50)
        #expect(PlanningPipeline.localSearchRounds(limit: nil, projects: 1_000, classes: 115_583) == 1_000)
    }
}
