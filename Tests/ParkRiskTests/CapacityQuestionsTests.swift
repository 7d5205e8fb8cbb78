import Foundation
import ParkInstance
import ParkModel
import Testing

@testable import ParkRisk

/// Issue 14 item 4: `risk --capacity-questions` — how many more typical letters of intent a node
/// can take before its chance of turning demand away passes the threshold.
@Suite struct CapacityQuestionsTests {
    /// S1 of 10 MW; committed `k` (1 MW) and intent `c1` (3 MW, from June, chance `chance`);
    /// E1 (+10 MW, 3 months, 1 M) and E2 (+30 MW, 2 months, 5 M) not built; the funnel's intent
    /// chance is `intent`.
    static func park(chance: Double = 1, intent: Double, e1Earliest: String? = nil) -> String {
        """
        parkplan: 1
        park: {name: Capacity Park}
        horizon: {start: 2024-01, months: 12}
        funnel: {intent: \(intent)}
        power:
          - {id: S1, capacity_mw: 10}
        plots:
          - {id: L1, area_m2: 1000, power: S1}
          - {id: L2, area_m2: 1000, power: S1}
        expansions:
          - {id: E1, adds: {power: S1, capacity_mw: 10}, lead_months: 3, cost: 1.0e6\(e1Earliest.map { ", earliest: \($0)" } ?? "")}
          - {id: E2, adds: {power: S1, capacity_mw: 30}, lead_months: 2, cost: 5.0e6}
        projects:
          - {id: c1, land_m2: 800, power_mw: 3, annual_tax: 100, stage: intent, probability: \(chance), earliest: 2024-06}
          - {id: k, status: committed, land_m2: 100, power_mw: 1, annual_tax: 100}

        """
    }

    static func answer(_ text: String, threshold: Double = 0.1) throws -> CapacityQuestions.Answer {
        let setup = try RiskFixtures.setup(text)
        let questions = try #require(RiskAnalysis.exactCapacityQuestions(setup, threshold: threshold))
        return try #require(questions.answers.first)
    }

    @Test func certainIntentsCountExactlyTheSpareCapacity() throws {
        // 10 − 1 − 3 = 6 MW spare from June: two more 3 MW intents fit, a third does not.
        let a = try Self.answer(Self.park(intent: 1))
        #expect(a.node == "S1" && a.kind == .power)
        #expect(a.typicalDemand == 3 && a.drawPeriod == 5 && a.fromIntents && a.peers == 1)
        #expect(a.now.p == 0)
        #expect(a.absorbable == .exactly(2))
        #expect(a.beyond?.p == 1)
        // E1 (the cheaper) started by March (period 2) is complete in June: 16 MW spare, 5 more.
        let remedy = try #require(a.remedy)
        #expect(remedy.expansion == "E1" && remedy.startBy == 2)
        #expect(remedy.absorbable == .exactly(5))
        #expect(remedy.probability.p == 0)
    }

    @Test func halfChanceIntentsFollowTheBinomialTail() throws {
        // Two fit; with k extra intents at 50 % the node is short when three or more sign:
        // k = 3: 1/8 = 12.5 % > 10 %, so it takes 2. With E1: 5 fit; k = 7: P(≥ 6) = 8/128 = 6.25 %,
        // k = 8: P(≥ 6) = 37/256 = 14.45 %, so 7.
        let a = try Self.answer(Self.park(intent: 0.5))
        #expect(a.absorbable == .exactly(2))
        #expect(abs((a.beyond?.p ?? 0) - 0.125) < 1e-12)
        #expect(a.remedy?.absorbable == .exactly(7))
        #expect(abs((a.remedy?.probability.p ?? 1) - 0.0) < 1e-12)
        // A looser threshold takes more: k = 3 is 12.5 %, k = 4: P(≥ 3) = 5/16 = 31.25 %.
        #expect(try Self.answer(Self.park(intent: 0.5), threshold: 0.2).absorbable == .exactly(3))
    }

    @Test func uncertainScenarioCandidateWeighsTheSamples() throws {
        // c1 signs with 50 %: without it 9 MW spare (three more fit), with it 6 MW (two).
        // Extra intents certain (chance 1): k = 3 is short exactly when c1 signs (50 %).
        let a = try Self.answer(Self.park(chance: 0.5, intent: 1), threshold: 0.6)
        #expect(a.absorbable == .exactly(3))
        #expect(abs((a.beyond?.p ?? 0) - 1) < 1e-12)
        let strict = try Self.answer(Self.park(chance: 0.5, intent: 1), threshold: 0.4)
        #expect(strict.absorbable == .exactly(2))
        #expect(abs((strict.beyond?.p ?? 0) - 0.5) < 1e-12)
    }

    @Test func monteCarloLiesWithinItsIntervalOfTheExactAnswer() throws {
        let setup = try RiskFixtures.setup(Self.park(chance: 0.4, intent: 0.5))
        let exact = try #require(RiskAnalysis.exactCapacityQuestions(setup, threshold: 0.1)?.answers.first)
        let (_, sampled) = RiskAnalysis.runWithCapacityQuestions(
            setup, samples: 2000, seed: 17, jobs: 2, threshold: 0.1)
        let a = try #require(sampled.answers.first)
        let (truth, estimate) = (try #require(exact.beyond?.p), try #require(a.beyond))
        #expect(estimate.low <= truth && truth <= estimate.high, "\(estimate) vs \(truth)")
    }

    @Test func anExpansionThatCannotBeReadyIsNamed() throws {
        // E1 may not start before July: too late for June; E2 (2 months) started by April is.
        let a = try Self.answer(Self.park(intent: 1, e1Earliest: "2024-07"))
        #expect(a.tooLate == ["E1"])
        #expect(a.remedy?.expansion == "E2" && a.remedy?.startBy == 3)
        #expect(a.remedy?.absorbable == .exactly(12))
    }

    @Test func sameSeedGivesSameBytesWhateverTheThreads() throws {
        let setup = try RiskFixtures.setup(Self.park(chance: 0.3, intent: 0.6))
        let horizon = setup.instance.horizon
        func bytes(jobs: Int) -> Data {
            RiskAnalysis.runWithCapacityQuestions(setup, samples: 300, seed: 4, jobs: jobs, threshold: 0.1)
                .1.csvTable(horizon: horizon).data()
        }
        #expect(bytes(jobs: 1) == bytes(jobs: 2))
        let text = String(decoding: bytes(jobs: 1), as: UTF8.self)
        #expect(text.contains("S1,power,MW,3,2024-06,intent,1,0.6,0.1,"))
    }
}
