import Foundation
import GLPKSolver
import ParkModel
import TestSupport
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning

@Suite struct CompareTests {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    static func plan(
        _ variant: String?, value: Double, placements: [(ProjectID, SiteID, String)],
        expansions: [(ExpansionID, String, String)], unplaced: [(ProjectID, String)] = []
    ) -> Plan {
        Plan(
            scenario: "园区", variant: variant, status: .optimal, value: value, bound: value, gap: 0,
            solver: SolverInfo(name: "t", version: "0", seconds: 0),
            placements: placements.map { Placement(project: $0.0, site: $0.1, start: month($0.2), units: nil) },
            expansions: expansions.map { BuiltExpansion(id: $0.0, start: month($0.1), complete: month($0.2)) },
            unplaced: unplaced.map { Unplaced(project: $0.0, reason: $0.1) },
            utilization: [
                Utilization(node: "S1", kind: .power, period: month("2023-01"), used: 5, capacity: 10),
                Utilization(node: "S1", kind: .power, period: month("2023-02"), used: 9, capacity: 10),
            ],
            valueParts: ValueParts(tax: value + 10, investment: 0, jobs: 0, cost: 10))
    }

    @Test func namesEveryKindOfChange() {
        let base = Self.plan(
            nil, value: 100,
            placements: [
                ("光伏", "A-01", "2023-01"), ("b", "B-01", "2023-02"),
                ("c", "A-02", "2023-03"),
            ],
            expansions: [
                ("E1", "2023-01", "2023-05"), ("E2", "2023-01", "2023-03"),
                ("E3", "2023-02", "2023-04"),
            ])
        let variant = Self.plan(
            "v", value: 80,
            placements: [
                ("光伏", "A-02", "2023-01"), ("b", "B-01", "2023-04"),
                ("d", "B-02", "2023-06"),
            ],
            expansions: [
                ("E1", "2023-01", "2023-07"), ("E3", "2023-03", "2023-05"),
                ("E4", "2023-02", "2023-06"),
            ],
            unplaced: [("c", "no free land")])
        let c = Comparison(base: base, variant: variant)
        #expect(c.moved == [Comparison.Move(project: "光伏", from: "A-01", to: "A-02")])
        #expect(c.shifted.map(\.project) == ["b"])
        #expect(c.shifted.first?.months == 2)
        #expect(c.newlyPlaced.map(\.project) == ["d"])
        #expect(c.leftOut == [Comparison.LeftOut(project: "c", reason: "no free land")])
        #expect(c.newExpansions.map(\.id) == ["E4"])
        #expect(c.droppedExpansions.map(\.id) == ["E2"])
        #expect(c.shiftedExpansions.map(\.id) == ["E1", "E3"])
        #expect(c.shiftedExpansions.map(\.months) == [0, 1])
        #expect(c.shiftedExpansions.map(\.completeMonths) == [2, 1])
        #expect(c.valueDelta == -20)
        #expect(c.partsDelta == ValueParts(tax: -20, investment: 0, jobs: 0, cost: 0))
        #expect(!c.isUnchanged)
        #expect(c.base.peaks.first?.period == Self.month("2023-02"))
        #expect(c.base.peaks.first?.share == 0.9)
    }

    @Test func identicalPlansAreUnchanged() {
        let p = Self.plan(nil, value: 1, placements: [("a", "A", "2023-01")], expansions: [])
        let c = Comparison(base: p, variant: p)
        #expect(c.isUnchanged)
        #expect(c.valueDelta == 0)
    }

    // MARK: - The sample scenario's variants, solved

    static var linfen: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scenarios/linfen-2022.yaml").path
    }

    static func solve(_ document: ScenarioDocument, _ variant: String?) throws -> Plan {
        let scenario = try document.resolve(variant: variant, sets: [])
        return try Planner.plan(
            scenario, variant: variant, solver: GLPKSolver(),
            options: PlanningOptions(timeLimitSeconds: 10, relativeGap: 0.02)
        ).plan
    }

    @Test func linfenVariantsNameTheirChanges() throws {
        let document = try ScenarioLoader.load(path: Self.linfen)
        #expect(document.variantNames.contains("budget-cut"))
        let base = try Self.solve(document, nil)

        // Readiness agrees with the plan: every placed project is ready in its planned month.
        let placed = Set(base.placements.map(\.project))
        let reports = Readiness.check(instance: PlanningInstance(document.base), plan: base)
        for r in reports where placed.contains(r.project) {
            #expect(r.readyOnWanted, "\(r.project): \(r.blocking)")
            #expect(r.siteSource == .plan)
        }

        // budget-cut: 5,000 万元 cannot pay for every expansion the base builds.
        let cut = Comparison(base: base, variant: try Self.solve(document, "budget-cut"))
        let cost = { (plan: [BuiltExpansion]) in
            plan.compactMap { b in document.base.expansionList.first { $0.id == b.id }?.costOrZero }.reduce(0, +)
        }
        #expect(cost(cut.variant.expansions) <= 5e7 + 1)
        if cost(base.expansions) > 5e7 { #expect(!cut.droppedExpansions.isEmpty) }

        // sewage-late: W1-phase2 takes 18 months; wherever it is built, the comparison shows the later completion.
        let late = Comparison(base: base, variant: try Self.solve(document, "sewage-late"))
        if let w = late.variant.expansions.first(where: { $0.id == "W1-phase2" }) {
            #expect(w.complete.months(since: w.start) == 18)
            if let b = late.base.expansions.first(where: { $0.id == "W1-phase2" }), b.complete != w.complete {
                #expect(late.shiftedExpansions.contains { $0.id == "W1-phase2" })
            }
        }

        // extra-candidate: when the new battery project is placed it is named as newly placed.
        let extraPlan = try Self.solve(document, "extra-candidate")
        let extra = Comparison(base: base, variant: extraPlan)
        if extraPlan.placements.contains(where: { $0.project == "zj-battery" }) {
            #expect(extra.newlyPlaced.contains { $0.project == "zj-battery" })
        } else {
            #expect(!extra.newlyPlaced.contains { $0.project == "zj-battery" })
        }

        // pv-needs-40mw: 40 MW does not fit in S2's 36 usable MW without its second transformer.
        let pv = Comparison(base: base, variant: try Self.solve(document, "pv-needs-40mw"))
        if pv.variant.status != .infeasible {
            #expect(pv.variant.expansions.contains { $0.id == "S2-T2" })
            if !base.expansions.contains(where: { $0.id == "S2-T2" }) {
                #expect(pv.newExpansions.contains { $0.id == "S2-T2" })
            }
        }
    }
}

/// `compare` starts every variant from the base plan: on the sample, solved to proven optimality,
/// the values equal those of cold solves (the start changes the path, not the optimum).
@Suite(.serialized) struct CompareWarmStartTests {
    @Test func warmStartedVariantsReachTheColdValues() throws {
        let document = try ScenarioLoader.load(path: CompareTests.linfen)
        let scenarios = try ([nil] + document.variantNames).map {
            (variant: $0, scenario: try document.resolve(variant: $0, sets: []))
        }
        let options = PlanningOptions(timeLimitSeconds: 30)
        let warm = try ComparisonSolve.plans(scenarios, options: options, warmStart: true) { GLPKSolver() }
        let cold = try ComparisonSolve.plans(scenarios, options: options, warmStart: false) { GLPKSolver() }
        #expect(warm.count == scenarios.count)
        for (w, c) in zip(warm, cold) {
            #expect(w.status == c.status, "\(w.variant ?? "base")")
            guard w.status == .optimal, c.status == .optimal, let a = w.value, let b = c.value else { continue }
            #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "\(w.variant ?? "base")")
        }
    }
}
