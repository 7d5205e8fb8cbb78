import ParkModel

/// Checks a plan against SPEC §3 and recomputes SPEC §4, from the scenario
/// alone — independent of the optimisation model and of `PlanningInstance`.
public enum PlanVerifier {
    /// Every violated SPEC §3 rule, as sentences naming the rule, the project/site/node and the period.
    /// Empty means the plan is feasible.
    public static func violations(of plan: Plan, in scenario: Scenario) -> [String] {
        // Placeholder until the verifier lands (owned by the verification work).
        []
    }

    /// SPEC §4 value of the plan's placements and expansions, by part.
    public static func value(of plan: Plan, in scenario: Scenario) -> ValueParts {
        ValueParts(tax: 0, investment: 0, jobs: 0, cost: 0)
    }
}
