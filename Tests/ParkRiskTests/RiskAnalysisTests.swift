import Foundation
import ParkInstance
import ParkModel
import Testing

@testable import ParkRisk

@Suite struct RiskAnalysisTests {
    // MARK: - Closed form and enumeration

    @Test func exactEnumerationMatchesTheBinomialTail() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates())
        let exact = try #require(RiskAnalysis.exact(setup))
        let expected = RiskFixtures.binomialTail(n: 5, p: 0.5, atLeast: 4)
        #expect(abs(expected - 0.1875) < 1e-12)
        let power = try #require(exact.nodes.first)
        for chance in power.blocked { #expect(abs(chance.p - expected) < 1e-12) }
        // Four signed: one 3 MW project turned away; five: two.
        for missing in power.expectedMissing { #expect(abs(missing - (5.0 / 32 * 3 + 1.0 / 32 * 6)) < 1e-12) }
        #expect(abs(exact.turnedAway.mean - (5.0 / 32 + 2.0 / 32)) < 1e-12)
        #expect(abs(exact.signedCandidates.mean - 2.5) < 1e-12)
    }

    @Test func demandFanFollowsTheBinomialPercentiles() throws {
        // Signed demand asking for S1 is 3 MW per signed candidate, Binomial(5, 0.5): cumulative
        // 1/32, 6/32, 16/32, 26/32, 31/32, 1 for 0…5 signed.
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates())
        let exact = try #require(RiskAnalysis.exact(setup))
        let fan = try #require(exact.nodes.first?.demand.first)
        #expect(fan == RiskReport.Fan(p10: 3, p25: 6, p50: 6, p75: 9, p90: 12))
        let html = exact.html(scenario: setup.instance.scenario, questions: nil, language: .en)
        #expect(html.contains("<svg class=\"chart fan\""))
        #expect(html.contains("data-node=\"S1\""))
        #expect(html.contains("2024-01: median 6 (P10 3 – P90 12) / capacity 10 MW; P(short) 18.8%"), "\(html)")
    }

    @Test(arguments: [(0.5, UInt64(7)), (0.3, UInt64(11)), (0.8, UInt64(2024))])
    func monteCarloLiesWithinItsIntervalOfTheExactFigure(chance: Double, seed: UInt64) throws {
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates(chances: Array(repeating: chance, count: 5)))
        let exact = try #require(RiskAnalysis.exact(setup))
        let sampled = RiskAnalysis.run(setup, samples: 2000, seed: seed, jobs: 2)
        let truth = RiskFixtures.binomialTail(n: 5, p: chance, atLeast: 4)
        let estimate = try #require(sampled.nodes.first?.blocked.first)
        #expect(estimate.low <= truth && truth <= estimate.high, "\(estimate) vs \(truth)")
        #expect(estimate.high - estimate.low < 0.06)
        #expect(sampled.value.low <= exact.value.mean && exact.value.mean <= sampled.value.high)
    }

    @Test func committedProjectIsLateExactlyWhenTheCandidateSigns() throws {
        // E1 starts in the first period and completes in July (period 6).
        let setup = try RiskFixtures.setup(RiskFixtures.crowdedCommitted, expansionStarts: [0])
        let exact = try #require(RiskAnalysis.exact(setup))
        let c = try #require(exact.committed.first)
        #expect(c.project == "c")
        #expect(c.wanted == YearMonth(year: 2024, month: 3))
        #expect(abs(c.onTime.p - 0.5) < 1e-12)
        let power = try #require(exact.nodes.first)
        // Short (c delayed) from March to June only when a signs.
        #expect(power.blocked.map(\.p) == [0, 0, 0.5, 0.5, 0.5, 0.5, 0, 0, 0, 0, 0, 0])
        #expect(abs(power.expectedMissing[2] - 3) < 1e-12)
        let sampled = RiskAnalysis.run(setup, samples: 1000, seed: 3, jobs: 1)
        let onTime = try #require(sampled.committed.first?.onTime)
        #expect(onTime.low <= 0.5 && 0.5 <= onTime.high)
    }

    @Test func candidateNeverShutsOutACommittedProject() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.landTrap)
        let outcome = setup.place(signed: [true, true])
        #expect(outcome.turnedAway == 0)
        #expect(outcome.placements[0] == .init(site: 0, start: 2))
        #expect(outcome.placements[1] == .init(site: 1, start: 6))
        #expect(outcome.blocked.allSatisfy { !$0 })
    }

    /// The spare capacity per resource and period is kept only for the capacity questions; the
    /// rest of the outcome does not depend on it.
    @Test func spareCapacityOnlyWhenAsked() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.landTrap)
        let plain = setup.place(signed: [true, true])
        var kept = setup.place(signed: [true, true], keepSpare: true)
        #expect(plain.spare.isEmpty)
        #expect(kept.spare.count == setup.capacity.count * setup.periodCount)
        #expect(!plain.load.isEmpty)
        kept.spare = []
        #expect(kept == plain)
    }

    // MARK: - Certain funnels

    @Test func certainChancesEqualOneDeterministicPlacement() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates(chances: [1, 0, 1, 1, 1]))
        let report = RiskAnalysis.run(setup, samples: 50, seed: 9, jobs: 2)
        let signed = [true, false, true, true, true]
        let placement = setup.place(signed: signed)
        // Candidates go by value: c5, c4, c3 fit in 10 MW, c1 (lowest tax) is turned away.
        #expect(placement.placements.map { $0 != nil } == [false, false, true, true, true])
        #expect(placement.turnedAway == 1)
        let values = [0, 1, 2, 3, 4].map { 10.0 * Double(100 + $0) }
        #expect(abs(placement.value - (values[2] + values[3] + values[4])) < 1e-9)
        #expect(
            report.value
                == .init(
                    mean: placement.value, low: placement.value, high: placement.value,
                    p10: placement.value, p50: placement.value, p90: placement.value))
        #expect(report.turnedAway.mean == 1 && report.turnedAway.p90 == 1)
        let power = try #require(report.nodes.first)
        #expect(power.blocked.allSatisfy { $0.p == 1 })
        #expect(power.expectedMissing.allSatisfy { abs($0 - 3) < 1e-12 })
    }

    @Test func certainFunnelThatFitsHasNoShortage() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates(chances: [1, 1, 1, 0, 0]))
        let report = RiskAnalysis.run(setup, samples: 20, seed: 1)
        #expect(report.nodes.allSatisfy { node in node.blocked.allSatisfy { $0.p == 0 } })
        #expect(report.turnedAway.mean == 0)
        #expect(report.signedCandidates.mean == 3)
    }

    // MARK: - Determinism

    @Test func sameSeedGivesSameBytesWhateverTheThreads() throws {
        let setup = try RiskFixtures.setup(RiskFixtures.fiveCandidates(chances: [0.2, 0.4, 0.5, 0.6, 0.9]))
        let horizon = setup.instance.horizon
        func bytes(seed: UInt64, jobs: Int) -> [Data] {
            RiskAnalysis.run(setup, samples: 300, seed: seed, jobs: jobs).csvFiles(horizon: horizon).map(\.data)
        }
        let one = bytes(seed: 5, jobs: 1)
        #expect(one == bytes(seed: 5, jobs: 2))
        #expect(one == bytes(seed: 5, jobs: 3))
        #expect(one != bytes(seed: 6, jobs: 1))
        #expect(one.allSatisfy { $0.starts(with: [0xEF, 0xBB, 0xBF]) })
    }

    @Test func wilsonIntervalIsInsideTheUnitIntervalAndShrinks() {
        let small = RiskReport.estimate(0, samples: 10, exact: false)
        #expect(small.low == 0 && small.high > 0.2)
        let large = RiskReport.estimate(0.5, samples: 10_000, exact: false)
        #expect(abs(large.high - large.low - 2 * 1.96 * 0.005) < 1e-3)
        #expect(RiskReport.estimate(1, samples: 100, exact: false).high == 1)
    }
}
