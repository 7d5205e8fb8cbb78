import ParkModel

extension MarginalProbe {
    /// For each expansion the plan builds: forced out, one period earlier, one period later; for
    /// each it does not build: forced in at its earliest month.
    ///
    /// "Forced in at month M" is solved as the expansion made free with `earliest: M` and the budget
    /// lowered by its cost; its weighted cost is then subtracted from the value. Capacity (or a site)
    /// from M onwards is never worse than later or none, so the free expansion is built at M in an
    /// optimal plan and the value is that of forcing it in at M. "Forced out" moves `earliest` past
    /// the horizon, where it can add nothing.
    static func expansionProbes(_ plan: Plan, _ scenario: Scenario) -> [MarginalProbe] {
        let horizonStart = scenario.horizon.start
        let step = scenario.horizon.step
        let end = YearMonth(ordinal: horizonStart.ordinal + scenario.horizon.months)
        var probes: [MarginalProbe] = []
        for expansion in scenario.expansionList {
            let id = "\(expansion.id)"
            let earliest = max(expansion.earliest ?? horizonStart, horizonStart)
            if let built = plan.expansions.first(where: { $0.id == expansion.id }) {
                probes.append(
                    MarginalProbe(
                        kind: "expansion", place: id, from: nil, change: "forced out",
                        edits: ["expansions.\(id).earliest=\(end)"], adjustment: 0))
                let before = YearMonth(ordinal: built.start.ordinal - step)
                if before >= earliest,
                    let probe = forcedIn(expansion, at: before, change: "one period earlier", scenario)
                {
                    probes.append(probe)
                }
                let after = YearMonth(ordinal: built.start.ordinal + step)
                if after < end, let probe = forcedIn(expansion, at: after, change: "one period later", scenario) {
                    probes.append(probe)
                }
            } else if earliest < end, let probe = forcedIn(expansion, at: earliest, change: "forced in", scenario) {
                probes.append(probe)
            }
        }
        return probes
    }

    /// Nil when the budget cannot pay for the expansion at all.
    static func forcedIn(
        _ expansion: Expansion, at month: YearMonth, change: String,
        _ scenario: Scenario
    ) -> MarginalProbe? {
        let id = "\(expansion.id)"
        var edits = ["expansions.\(id).cost=0", "expansions.\(id).earliest=\(month)"]
        if let budget = scenario.budget, expansion.costOrZero > 0 {
            guard budget >= expansion.costOrZero else { return nil }
            edits.append("budget=\(SweepAxis.format(budget - expansion.costOrZero))")
        }
        let weight = scenario.objectiveOrDefault.weightsOrDefault.costWeight
        return MarginalProbe(
            kind: "expansion", place: id, from: month, change: "\(change) (\(month))",
            edits: edits, adjustment: -weight * expansion.costOrZero)
    }
}
