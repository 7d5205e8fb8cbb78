import ParkModel

/// Checks a plan against contract §3 and recomputes contract §4, from the scenario
/// alone — independent of the optimisation model and of `PlanningInstance`.
///
/// The verifier has its own reading of contract §1 (`VerifierClock`), so a
/// misreading in the shared period code is caught rather than repeated.
///
/// Plans with status `optimal` or `feasible` are checked in full. For
/// `infeasible` and `no_solution` plans, committed and existing projects may be
/// missing (that is what those statuses say); whatever the plan does place is
/// still checked against every rule.
public enum PlanVerifier {
    /// Every violated contract §3 rule, as sentences naming the rule, the project/site/node and the period.
    /// Empty means the plan is feasible (and its reported value and utilization are right).
    public static func violations(of plan: Plan, in scenario: Scenario) -> [String] {
        check(plan, in: scenario).map(\.description)
    }

    /// Every violation, with the rule it breaks, in a deterministic order
    /// (rule by rule; within a rule in plan order, then scenario list order, then period).
    public static func check(_ plan: Plan, in scenario: Scenario) -> [PlanViolation] {
        let context = VerifierContext(plan: plan, scenario: scenario)
        var found: [PlanViolation] = []
        found += context.checkMonths()
        found += context.checkOnce()
        found += context.checkWindows()
        found += context.checkSiteKinds()
        found += context.checkSpace()
        found += context.checkSiteReady()
        found += context.checkConnections()
        found += context.checkCapacity()
        found += context.checkExpansions()
        found += context.checkBudget()
        found += context.checkPolicy()
        found += context.checkReport()
        return found
    }

    /// contract §4 value of the plan's placements and expansions, by part
    /// (currency units, weighted; `value = tax + investment + jobs - cost`).
    /// Unknown ids and existing projects add nothing.
    public static func value(of plan: Plan, in scenario: Scenario) -> ValueParts {
        VerifierContext(plan: plan, scenario: scenario).valueParts()
    }

    /// contract §4 value as one number: `tax + investment + jobs - cost`.
    public static func totalValue(of plan: Plan, in scenario: Scenario) -> Double {
        let parts = value(of: plan, in: scenario)
        return parts.tax + parts.investment + parts.jobs - parts.cost
    }

    /// The contract §5 utilization table recomputed from the plan: one entry per node,
    /// kind and period (power, then water, then sewage and COD; nodes in list order;
    /// periods ascending). COD entries exist only for plants that set `cod_kg_day`.
    /// `capacity` is usable capacity (after `reserve`, power only).
    public static func utilization(of plan: Plan, in scenario: Scenario) -> [Utilization] {
        VerifierContext(plan: plan, scenario: scenario).utilizationTable()
    }
}

/// The rule a violation breaks: contract §3 rules 1–10, or the plan's own report (§5).
public enum PlanRule: Int, Sendable, Equatable, Comparable, CaseIterable {
    /// Plan fields that must agree with the scenario: months that begin periods,
    /// `units`, `complete`, reported value and utilization (contract §5).
    case report = 0
    case once = 1, window, kindOfSite, space, siteReady, connected, capacity, expansions, budget, policy

    /// The label used in messages, e.g. "§3.7 capacity".
    public var label: String {
        switch self {
        case .report: "§5 report"
        case .once: "§3.1 once"
        case .window: "§3.2 window"
        case .kindOfSite: "§3.3 kind of site"
        case .space: "§3.4 space"
        case .siteReady: "§3.5 site ready"
        case .connected: "§3.6 connected"
        case .capacity: "§3.7 capacity"
        case .expansions: "§3.8 expansions"
        case .budget: "§3.9 budget"
        case .policy: "§3.10 policy"
        }
    }

    public static func < (lhs: PlanRule, rhs: PlanRule) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One broken rule with a sentence naming the items and the period.
public struct PlanViolation: Sendable, Equatable, CustomStringConvertible {
    public var rule: PlanRule
    /// What is wrong, without the rule label, e.g. "S1 power in 2023-04 uses 31.2 MW > 29.75 MW".
    public var detail: String

    public init(_ rule: PlanRule, _ detail: String) { self.rule = rule; self.detail = detail }

    /// "§3.7 capacity: S1 power in 2023-04 uses 31.2 MW > 29.75 MW".
    public var description: String { "\(rule.label): \(detail)" }
}
