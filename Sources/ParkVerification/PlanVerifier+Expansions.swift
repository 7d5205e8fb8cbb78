import ParkModel

// MARK: - Rules 8–9

extension VerifierContext {
    /// §3.8: known ids, built at most once, start ≥ earliest, every requirement built and complete by the start.
    func checkExpansions() -> [PlanViolation] {
        var found: [PlanViolation] = []
        var counts: [ExpansionID: Int] = [:]
        for entry in plan.expansions {
            counts[entry.id, default: 0] += 1
            if expansionsByID[entry.id] == nil {
                found.append(PlanViolation(.expansions, "unknown expansion \(entry.id) is built"))
            }
        }
        for expansion in scenario.expansionList {
            if let count = counts[expansion.id], count > 1 {
                found.append(PlanViolation(.expansions, "\(expansion.id) is built \(count) times"))
            }
        }
        for r in built {
            guard let start = r.start else { continue }
            found += timingViolations(r, start: start)
        }
        return found
    }

    private func timingViolations(_ r: ResolvedExpansion, start: Int) -> [PlanViolation] {
        var found: [PlanViolation] = []
        let id = r.expansion.id
        let earliest = clock.availableFrom(r.expansion.earliest)
        if start < earliest {
            found.append(
                PlanViolation(
                    .expansions,
                    "\(id) starts in \(clock.month(start)) "
                        + "before its earliest period \(clock.month(earliest))"))
        }
        for required in r.expansion.requirements {
            guard let other = builtExpansion(required), let completion = other.completion else {
                found.append(PlanViolation(.expansions, "\(id) requires \(required), which is not built"))
                continue
            }
            if completion > start {
                found.append(
                    PlanViolation(
                        .expansions,
                        "\(id) starts in \(clock.month(start)) but \(required) "
                            + "completes only in \(clock.month(completion))"))
            }
        }
        return found
    }

    /// §3.9: the costs of all built expansions sum to at most `budget`.
    func checkBudget() -> [PlanViolation] {
        guard let budget = scenario.budget else { return [] }
        let total = plan.expansions.reduce(0.0) { $0 + (expansionsByID[$1.id]?.costOrZero ?? 0) }
        guard !VerifierTolerance.within(total, budget) else { return [] }
        return [
            PlanViolation(.budget, "built expansions cost \(verifierNumber(total)) > budget \(verifierNumber(budget))")
        ]
    }
}

// MARK: - contract §4 value

extension VerifierContext {
    /// The weighted parts of the contract §4 value. Each built expansion id counts once.
    func valueParts() -> ValueParts {
        let objective = scenario.objectiveOrDefault
        let weights = objective.weightsOrDefault
        var tax = 0.0, investment = 0.0, jobs = 0.0
        for (_, project, start) in validPlacements where project.statusOrDefault != .existing {
            let earliest = clock.earliestPeriod(project.earliest)
            let delayMonths = Double((start - earliest) * clock.step)
            tax += project.annualTaxOrZero * max(0, objective.yearsOrDefault - delayMonths / 12)
            investment += project.investmentOrZero
            jobs += project.jobsOrZero
        }
        let cost = built.reduce(0.0) { $0 + $1.expansion.costOrZero }
        return ValueParts(
            tax: weights.taxWeight * tax, investment: weights.investmentWeight * investment,
            jobs: weights.jobsWeight * jobs, cost: weights.costWeight * cost)
    }
}
