import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkAnalysis

@Suite(.serialized) struct MarginalTests {
    /// Every reported marginal (probes warm-started from the plan) equals the difference of two
    /// optima solved from scratch: the base and the scenario with the change (for a forced-in
    /// expansion, minus its cost).
    @Test func eachMarginalIsTheDifferenceOfTwoOptima() throws {
        let document = try tinyDocument()
        let base = try optimum(document, sets: [])
        let scenario = document.base
        let marginals = MarginalAnalysis.marginals(
            of: base, scenario: scenario, document: document, variant: nil,
            sets: [], jobs: 2, planning: coldOptions, makeSolver: makeGLPK)
        let probes = MarginalProbe.probes(for: base, in: scenario)
        #expect(marginals.count == probes.count)
        #expect(marginals.contains { $0.kind == "power" && $0.where == "P1" && $0.change == "+1 MW" })
        #expect(marginals.contains { $0.kind == "units" && $0.where == "B1" })
        for (marginal, probe) in zip(marginals, probes) {
            let edited = try optimum(document, sets: probe.edits)
            let expected = try #require(edited.value) + probe.adjustment - (try #require(base.value))
            let gain = try #require(marginal.gain)
            #expect(abs(gain - expected) <= 1e-6 * max(1, abs(expected)), "\(marginal.change) at \(marginal.where)")
        }
        // +1 MW lets project c in: a positive marginal, and the message names it.
        let power = try #require(marginals.first { $0.where == "P1" && $0.change == "+1 MW" })
        #expect(try #require(power.gain) > 0)
        #expect(power.message.contains("c gets in"))
    }

    /// Probes start from the plan by default (warm); solved cold they give the same gains.
    @Test func warmAndColdProbesAgree() throws {
        let document = try tinyDocument()
        let base = try optimum(document, sets: [])
        func gains(warm: Bool) -> [Double?] {
            MarginalAnalysis.marginals(
                of: base, scenario: document.base, document: document, variant: nil, sets: [], jobs: 2,
                planning: coldOptions, warmStart: warm, makeSolver: makeGLPK
            ).map(\.gain)
        }
        let (warm, cold) = (gains(warm: true), gains(warm: false))
        #expect(warm.count == cold.count && !warm.isEmpty)
        for (w, c) in zip(warm, cold) {
            let (a, b) = (try #require(w), try #require(c))
            #expect(abs(a - b) <= 1e-6 * max(1, abs(b)))
        }
    }

    /// An expansion that pays shows as paying: forcing it out loses value.
    @Test func payingExpansionShowsAsPaying() throws {
        let document = try tinyDocument()
        let base = try optimum(document, sets: [])
        #expect(base.expansions.map { "\($0.id)" } == ["E1"])
        let marginals = MarginalAnalysis.marginals(
            of: base, scenario: document.base, document: document, variant: nil,
            sets: [], jobs: 2, planning: coldOptions, makeSolver: makeGLPK)
        let out = try #require(marginals.first { $0.where == "E1" && $0.change == "forced out" })
        #expect(try #require(out.gain) < 0)
    }

    /// The marginals go into plan.json under `marginals` and decode back; without them the key is absent.
    @Test func planFileCarriesMarginalsOnlyWhenPresent() throws {
        var plan = Plan(
            scenario: "tiny", variant: nil, status: .optimal, value: 1, bound: 1, gap: 0,
            solver: SolverInfo(name: "glpk", version: "5", seconds: 0))
        let plain = try JSONEncoder().encode(plan)
        #expect(!String(decoding: plain, as: UTF8.self).contains("marginals"))
        plan.marginals = [
            Marginal(
                kind: "power", where: "P1", from: YearMonth(year: 2024, month: 3), change: "+1 MW",
                edits: ["power.P1.capacity_mw=12"], status: .optimal, value: 2, gain: 1, gap: nil,
                message: "+1 MW at P1")
        ]
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
    }
}
