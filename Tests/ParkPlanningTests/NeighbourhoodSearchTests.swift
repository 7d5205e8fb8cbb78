import Foundation
import GLPKSolver
import ParkModel
import TestSupport
import Testing

@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// The neighbourhood search path of the pipeline: its plans are valid, never worse than the
/// heuristic's, reproducible, and the bound it reports holds.
@Suite("Neighbourhood search")
struct NeighbourhoodSearchTests {
    /// Options that send even tiny scenarios through the search.
    static func searchOptions(fullMIP: Bool, rounds: Int = 12) -> PlanningOptions {
        var options = PlanningOptions(timeLimitSeconds: 60)
        options.directColumns = 0
        options.mipColumns = fullMIP ? 1_000_000 : 0
        options.searchRounds = rounds
        return options
    }

    /// Search alone (no full MIP): a verified plan no better than the optimum, and a bound no
    /// lower than it. Search then full MIP: the optimum.
    @Test(arguments: Array(UInt64(0)..<30))
    func tinyScenariosAgainstBruteForce(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        let truth = BruteForce.solve(scenario)
        for fullMIP in [false, true] {
            let plan = try Planner.plan(
                scenario, variant: nil, solver: GLPKSolver(),
                options: Self.searchOptions(fullMIP: fullMIP)
            ).plan
            guard let best = truth.value else {
                #expect(plan.status == .infeasible, "seed \(seed): \(describe(plan))")
                continue
            }
            #expect(PlanVerifier.violations(of: plan, in: scenario).isEmpty, "seed \(seed): \(describe(plan))")
            let value = PlanVerifier.totalValue(of: plan, in: scenario)
            #expect(value <= best + 1e-6 * max(1, abs(best)), "seed \(seed): \(value) above the optimum \(best)")
            let bound = try #require(plan.bound)
            #expect(bound >= best - 1e-6 * max(1, abs(best)), "seed \(seed): bound \(bound) below the optimum \(best)")
            if fullMIP {
                #expect(isClose(value, best), "seed \(seed): search + MIP \(value), optimum \(best)")
            }
        }
    }

    /// The Lagrangian bound never falls below the brute-force optimum and never rises above the
    /// sum of best values.
    @Test(arguments: Array(UInt64(0)..<60))
    func lagrangianBoundHolds(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        guard let best = BruteForce.solve(scenario).value else { return }
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let bound = try #require(LagrangianBound.bound(index), "seed \(seed)")
        #expect(bound >= best - 1e-6 * max(1, abs(best)), "seed \(seed): bound \(bound) below the optimum \(best)")
        #expect(bound <= PlanningPipeline.trivialBound(index) * (1 + 1e-9) + 1e-6, "seed \(seed)")
    }

    /// The static LP bound and its root bound after GLPK's cuts never fall below the brute-force
    /// optimum; the cuts never loosen the LP bound (beyond the cut bound's wider margin).
    @Test(arguments: Array(UInt64(0)..<60))
    func staticBoundsHold(seed: UInt64) throws {
        let scenario = TinyScenarios.make(seed: seed)
        guard let best = BruteForce.solve(scenario).value else { return }
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let lp = try #require(StaticBound.bound(index, solver: GLPKSolver(), timeLimit: 10), "seed \(seed)")
        let cut = try #require(StaticBound.cutBound(index, solver: GLPKSolver(), timeLimit: 10), "seed \(seed)")
        let slack = 1e-6 * max(1, abs(best))
        #expect(lp >= best - slack, "seed \(seed): LP bound \(lp) below the optimum \(best)")
        #expect(cut >= best - slack, "seed \(seed): cut bound \(cut) below the optimum \(best)")
        #expect(cut <= lp + 2e-6 * max(1, abs(lp)), "seed \(seed): cut bound \(cut) above the LP bound \(lp)")
        #expect(StaticBound.cutsFit(index, seconds: 1), "seed \(seed): a tiny static model fits any limit")
    }

    /// On a generated park the cuts tighten the static LP bound, which still holds against a
    /// plan of the local search.
    @Test func cutBoundTightensGeneratedPark() throws {
        let index = Self.generated(40, seed: 7)
        let lp = try #require(StaticBound.bound(index, solver: GLPKSolver(), timeLimit: 30))
        let cut = try #require(StaticBound.cutBound(index, solver: GLPKSolver(), timeLimit: 30))
        let greedy = try #require(GreedyHeuristic(index: index).run())
        let plan = LocalSearch(index: index).improve(greedy, rounds: 2_000, seed: 1, shouldStop: { false })
        let value = PlanBuilder.value(plan, index.instance)
        #expect(cut < lp, "cuts: \(cut), LP: \(lp)")
        #expect(cut >= value, "cut bound \(cut) below the value of a plan \(value)")
    }

    static func generated(_ projects: Int, seed: UInt64, step: Int = 1) -> ModelIndex {
        let scenario = ScenarioGenerator(.init(projects: projects, months: 24, stepMonths: step, seed: seed)).generate()
        return ModelIndex(instance: PlanningInstance(scenario))
    }

    /// On generated scenarios the search keeps every rule, never loses value and gives the same
    /// plan twice.
    @Test(arguments: [(UInt64(1), 1), (UInt64(2), 3), (UInt64(3), 1)])
    func improvesGeneratedScenarios(seed: UInt64, step: Int) throws {
        let index = Self.generated(30, seed: seed, step: step)
        let start = try #require(GreedyHeuristic(index: index).run())
        let startValue = PlanBuilder.value(start, index.instance)
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let first = search.improve(start, rounds: 10, seed: 42, deadline: nil)
        let second = search.improve(start, rounds: 10, seed: 42, deadline: nil)
        #expect(first.rounds == 10)
        #expect(first.value >= startValue)
        #expect(first.assignment == second.assignment, "the same rounds must give the same plan")
        #expect(isClose(first.value, PlanBuilder.value(first.assignment, index.instance)))
        let parts = PlanBuilder.valueParts(first.assignment, index.instance)
        let plan = Plan(
            scenario: "generated", variant: nil, status: .feasible, value: PlanBuilder.value(parts),
            bound: nil, gap: nil, solver: SolverInfo(name: "test", version: "0", seconds: 0),
            placements: PlanBuilder.placements(first.assignment, index.instance),
            expansions: PlanBuilder.expansions(first.assignment, index.instance),
            utilization: PlanBuilder.utilization(first.assignment, index), valueParts: parts)
        let violations = PlanVerifier.violations(of: plan, in: index.instance.scenario)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// When the greedy cannot place every committed project, the diagnosis model's schedule of
    /// them is the start, and the search path still returns a verified plan placing them all.
    @Test func startsFromTheMustPlaceScheduleWhenTheGreedyFails() throws {
        let scenario = ScenarioGenerator(.init(projects: 20, months: 24, seed: 2, committedShare: 0.7)).generate()
        let index = ModelIndex(instance: PlanningInstance(scenario))
        #expect(GreedyHeuristic(index: index).run() == nil, "the scenario must defeat the greedy for this test")
        let result = try Planner.plan(
            scenario, variant: nil, solver: GLPKSolver(),
            options: Self.searchOptions(fullMIP: false))
        #expect(!result.statistics.greedyPlacedAll)
        #expect(result.plan.status == .feasible)
        #expect(PlanVerifier.violations(of: result.plan, in: scenario).isEmpty)
        let placed = Set(result.plan.placements.map(\.project))
        for project in scenario.projectList where project.statusOrDefault != .candidate {
            #expect(placed.contains(project.id), "\(project.id) must be placed")
        }
    }

    /// Freeing every project and expansion gives the full model back; freeing none pins each
    /// placed project to its site and start and each other expansion to its start.
    @Test func restrictionKeepsWhatIsFreeAndPinsTheRest() throws {
        let index = Self.generated(20, seed: 5)
        let start = try #require(GreedyHeuristic(index: index).run())
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let count = index.instance.projects.count
        let all = search.restrictedClasses(freeing: Array(repeating: true, count: count), current: start)
        #expect(
            zip(all, index.classes).allSatisfy {
                $0.map(\.sites) == $1.map(\.sites) && $0.map(\.starts) == $1.map(\.starts)
            })
        let none = search.restrictedClasses(freeing: Array(repeating: false, count: count), current: start)
        for (p, classes) in none.enumerated() {
            if let (site, t) = start.placements[p] {
                #expect(classes.count == 1 && classes[0].sites == [site] && classes[0].starts == t...t)
            } else {
                #expect(classes.isEmpty)
            }
        }
        let ranges = search.restrictedExpansions(freeing: Array(repeating: false, count: count), current: start)
        for (e, range) in ranges.enumerated() {
            #expect(range == start.expansionStarts[e].map { $0...$0 })
        }
        // The current plan is a point of every restricted model.
        let sub = ModelIndex(index, classes: none, expansionRanges: ranges)
        #expect(PlanningModel(index: sub).encode(start) != nil)
    }

    /// The no-progress rule ends an unlimited search without a deadline, by counts alone, so
    /// the same seed gives the same plan; escalations add rounds before it stops.
    @Test func noProgressRuleEndsTheSearchReproducibly() throws {
        let index = Self.generated(25, seed: 6)
        let start = try #require(GreedyHeuristic(index: index).run())
        var search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        search.stallRounds = 4
        search.escalations = 0
        let first = search.improve(start, rounds: .max, seed: 9, deadline: nil)
        let second = search.improve(start, rounds: .max, seed: 9, deadline: nil)
        #expect(first.rounds >= 4 && first.rounds < 500, "rounds \(first.rounds)")
        #expect(first.assignment == second.assignment)
        #expect(first.rounds == second.rounds)
        search.escalations = 2
        let escalated = search.improve(start, rounds: .max, seed: 9, deadline: nil)
        #expect(escalated.rounds >= first.rounds + 8, "\(escalated.rounds) vs \(first.rounds)")
        #expect(escalated.value >= first.value - 1e-9 * max(1, abs(first.value)))
    }

    /// Adaptive kinds: draws are seeded, every kind can be drawn, and a rewarded kind is drawn more.
    @Test func kindScoresFavourWhatPays() {
        var scores = NeighbourhoodSearch.KindScores()
        for _ in 0..<9 { scores.reward(.time) }
        var rng = ParkModel.SplitMix64(seed: 3), again = ParkModel.SplitMix64(seed: 3)
        var counts: [NeighbourhoodSearch.Neighbourhood: Int] = [:]
        for _ in 0..<1_200 {
            let kind = scores.pick(&rng)
            #expect(kind == scores.pick(&again))
            counts[kind, default: 0] += 1
        }
        #expect(NeighbourhoodSearch.KindScores.drawn.allSatisfy { (counts[$0] ?? 0) > 0 })
        #expect(counts[.repack] == nil)
        #expect((counts[.time] ?? 0) > 600, "\(counts)")
    }
}
