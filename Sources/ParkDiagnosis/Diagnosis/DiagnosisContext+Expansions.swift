import ParkInstance
import ParkModel

/// Expansions a plan did not build that could lift a candidate's blocker: whether they would
/// exceed the budget or cost more than the project brings.
extension DiagnosisContext {
    struct ExpansionNote {
        let text: String
        /// The expansion costs more (weighted) than the project's value.
        let notWorthIt: Bool
    }

    /// Budget left after the plan's expansions; nil = no budget.
    func budgetLeft(_ schedule: DiagnosisSchedule) -> Double? {
        instance.budget.map { $0 - schedule.builds.reduce(0) { $0 + instance.expansions[$1.expansion].cost } }
    }

    /// The cheapest unbuilt expansion on the resource's node adding at least `missing` usable units.
    func expansionNote(
        _ p: Int, start t: Int, resource r: Resource, missing: Double,
        schedule: DiagnosisSchedule
    ) -> ExpansionNote? {
        let factor = instance.nodes[r.node].usableFactor
        // The cheapest (lowest index on ties) unbuilt expansion of the node that can complete in
        // the horizon and covers what is missing.
        let cheapest = nodeExpansions[r.node].first { e in
            earliestCompletion[e] < instance.periodCount && !Self.exceeds(missing, factor * r.addition(of: e))
                && !schedule.builds.contains { $0.expansion == e }
        }
        guard let e = cheapest else { return nil }
        let project = instance.projects[p]
        let start = max(t, earliestCompletion[e] - project.buildPeriods)
        return note(e, value: project.value(startingAt: start), schedule: schedule)
    }

    /// "B-07 is not built in this plan; …" for a planned site whose builders the plan did not build.
    func unbuiltSiteSentence(_ p: Int, site s: Int, schedule: DiagnosisSchedule) -> String {
        let site = instance.sites[s]
        var sentence = say("\(site.id) is not built in this plan", "本方案未建设 \(site.id)")
        let options = site.builtBy.filter { earliestCompletion[$0] < instance.periodCount }
        guard let e = options.min(by: { (instance.expansions[$0].cost, $0) < (instance.expansions[$1].cost, $1) }),
            let window = windowStarts(p)
        else { return sentence + say(" and cannot be built within the horizon", "，且规划期内无法建成") }
        let start = min(max(window.lowerBound, earliestCompletion[e], site.readyPeriod), window.upperBound)
        guard let note = note(e, value: instance.projects[p].value(startingAt: start), schedule: schedule) else {
            return sentence + " (\(instance.expansions[e].id))"
        }
        sentence += say("; ", "；") + note.text
        return note.notWorthIt ? say("not worth it: ", "不划算：") + sentence : sentence
    }

    private func note(_ e: Int, value: Double, schedule: DiagnosisSchedule) -> ExpansionNote? {
        let expansion = instance.expansions[e]
        let cost = money(expansion.cost)
        if let left = budgetLeft(schedule), Self.exceeds(expansion.cost, left) {
            let text = say(
                "\(expansion.id) (\(cost)) would exceed the budget left (\(money(max(0, left))))",
                "\(expansion.id)（\(cost)）会超出剩余预算（\(money(max(0, left)))）")
            return ExpansionNote(text: text, notWorthIt: false)
        }
        let weightedCost = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight * expansion.cost
        guard weightedCost >= value else {
            return ExpansionNote(
                text: say("\(expansion.id) (\(cost)) was not built", "\(expansion.id)（\(cost)）未建设"),
                notWorthIt: false)
        }
        let text = say(
            "building \(expansion.id) costs \(cost), more than the \(money(value)) it brings",
            "建设 \(expansion.id) 需 \(cost)，超过项目带来的 \(money(value))")
        return ExpansionNote(text: text, notWorthIt: true)
    }
}
