import Foundation
import LinearProgramming
import ParkModel
import ParkPlanning
import ParkReports

/// `plan --marginals`: the value of each probe (see `MarginalProbe`) found by solving the integer
/// model again with the probe's `--set` edits, each an independent point solve.
public enum MarginalAnalysis {
    /// Seconds per probe: the plan's limit shared among the probes run `jobs` at a time, at least
    /// 2 s and at most the whole limit.
    public static func timeShare(limit: Double, probes: Int, jobs: Int) -> Double {
        guard probes > 0 else { return limit }
        return min(limit, max(2, limit * Double(max(1, jobs)) / Double(probes)))
    }

    /// The marginals of `plan` (planned from `document` with `variant` and `sets`), in probe order.
    /// `planning.timeLimitSeconds` is the limit of each probe. With `warmStart` each probe starts
    /// from `plan` repaired to the probe's scenario (`PlanningOptions.startPlan`), so a probe that
    /// only adds capacity never reports less than the plan; without it each probe is solved cold.
    public static func marginals(
        of plan: Plan, scenario: Scenario, document: ScenarioDocument, variant: String?, sets: [String],
        jobs: Int, planning: PlanningOptions, warmStart: Bool = true,
        makeSolver: @escaping @Sendable () -> any LinearSolver
    ) -> [Marginal] {
        let probes = MarginalProbe.probes(for: plan, in: scenario)
        return ParallelRunner.run(count: probes.count, jobs: jobs) { i in
            let probe = probes[i]
            let outcome = PointSolver.solve(
                document: document, variant: variant, sets: sets + probe.edits,
                solver: makeSolver(), options: planning, startPlan: warmStart ? plan : nil)
            return marginal(probe, outcome: outcome, base: plan, scenario: scenario)
        }
    }

    static func marginal(_ probe: MarginalProbe, outcome: PointOutcome, base: Plan, scenario: Scenario) -> Marginal {
        let place = probe.kind == "budget" ? "the budget" : probe.place
        guard let plan = outcome.plan else {
            return Marginal(
                kind: probe.kind, where: probe.place, from: probe.from, change: probe.change,
                edits: probe.edits, status: .noSolution, value: nil, gain: nil, gap: nil,
                message: "\(probe.change) at \(place): not solved: \(outcome.problem ?? "no plan")")
        }
        var value: Double?
        if plan.status == .optimal || plan.status == .feasible, let v = plan.value { value = v + probe.adjustment }
        var gain: Double?
        if let value, let baseValue = base.value { gain = value - baseValue }
        var message = "\(probe.change) at \(place)"
        if let from = probe.from, probe.kind != "expansion" { message += " (tightest from \(from))" }
        switch plan.status {
        case .infeasible: message += " — infeasible: committed or existing projects no longer fit"
        case .noSolution: message += " — no plan within the time share"
        case .optimal, .feasible:
            let reasons = PlanDifference.reasons(from: base, to: plan, scenario: scenario)
            if !reasons.isEmpty { message += " — " + reasons.joined(separator: "; ") }
            if let gain { message += ": " + (gain >= 0 ? "+" : "") + PlanSummaryText.amount(gain) }
        }
        return Marginal(
            kind: probe.kind, where: probe.place, from: probe.from, change: probe.change,
            edits: probe.edits, status: plan.status, value: value, gain: gain, gap: plan.gap,
            message: message)
    }

    /// The terminal table of marginals: resource, change, gain, status and what it comes from.
    public static func table(_ marginals: [Marginal], language L: ReportLanguage = .en) -> String {
        let rows = marginals.map { m -> [String] in
            [
                m.kind, m.where, m.change, m.gain.map { ($0 >= 0 ? "+" : "") + PlanSummaryText.amount($0) } ?? "—",
                m.status == .feasible
                    ? L.t("feasible", "可行")
                        + (m.gap.map { String(format: L.t(" (gap %.2f %%)", "（间隙 %.2f %%）"), $0 * 100) } ?? "")
                    : (L == .zh ? SweepResult.chineseStatus(m.status.rawValue) : m.status.rawValue),
                PlanDifference.short(m.message),
            ]
        }
        return TextTable(
            header: L == .zh
                ? ["类别", "位置", "变动", "收益", "状态", "原因"] : ["kind", "where", "change", "gain", "status", "because"],
            rows: rows,
            rightAligned: [3]
        ).render()
    }
}
