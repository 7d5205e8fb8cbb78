import Foundation
import ParkInstance
import ParkModel
import Testing

@testable import ParkRisk

@Suite struct RobustSearchTests {
    /// Five 50 % candidates of 3 MW on a 10 MW node and an expansion of 10 MW (two months to build)
    /// costing `cost`: it is worth its cost only because more than three candidates may sign.
    static func instance(cost: Double) throws -> PlanningInstance {
        let text =
            RiskFixtures.fiveCandidates() + """
                expansions:
                  - {id: E1, adds: {power: S1, capacity_mw: 10}, cost: \(cost), lead_months: 2}

                """
        return PlanningInstance(try RiskFixtures.scenario(text))
    }

    @Test func buildsTheExpansionThatPaysOnlyUnderUncertainty() throws {
        // With every candidate certain, 3 of the 5 fit and the expansion earns 2 × ~1,000;
        // with 50 % each, it earns about 0.22 × 1,000 in expectation.
        let instance = try Self.instance(cost: 100)
        let samples = RobustSearch.draws(instance, count: 400, seed: 3)
        let found = RobustSearch.search(instance: instance, start: [nil], samples: samples)
        #expect(found.expansionStarts == [0])
        #expect(found.mean > found.startMean)
        let expensive = RobustSearch.search(instance: try Self.instance(cost: 400), start: [nil], samples: samples)
        #expect(expensive.expansionStarts == [nil])
        #expect(expensive.mean == expensive.startMean)
    }

    @Test func twoSampleCaseEqualsBruteForce() throws {
        let instance = try Self.instance(cost: 500)
        let samples = [[true, true, true, true, true], [true, false, true, false, false]]
        var best = -Double.infinity
        for option in [nil] + Array(0..<instance.periodCount).map(Optional.some) {
            guard RobustSearch.feasible(instance, [option]) else { continue }
            best = max(best, RobustSearch.meanValue(instance, [option], samples))
        }
        let found = RobustSearch.search(instance: instance, start: [nil], samples: samples)
        #expect(abs(found.mean - best) < 1e-9)
        #expect(found.expansionStarts == [0])
    }

    @Test func budgetAndEarliestAreRespected() throws {
        let text =
            RiskFixtures.fiveCandidates() + """
                budget: 50
                expansions:
                  - {id: E1, adds: {power: S1, capacity_mw: 10}, cost: 100, lead_months: 2}

                """
        let instance = PlanningInstance(try RiskFixtures.scenario(text))
        #expect(!RobustSearch.feasible(instance, [0]))
        let found = RobustSearch.search(
            instance: instance, start: [nil],
            samples: RobustSearch.draws(instance, count: 50, seed: 1))
        #expect(found.expansionStarts == [nil])
    }
}
