/// The plan file of contract §5 (`format: "parkplan-plan/1"`).
///
/// Field order and names are the contract; fields may be added, never
/// removed or renamed. `solver.seconds` is the only field that varies between
/// runs of the same scenario.
public struct Plan: Codable, Sendable, Equatable {
    public var format: String = "parkplan-plan/1"
    public var scenario: String
    public var variant: String?
    public var status: PlanStatus
    /// `true` when the run was interrupted (Ctrl-C, SIGTERM) and this is the best plan found
    /// until then, verified; absent otherwise (an addition to contract §5).
    public var interrupted: Bool?
    public var value: Double?
    public var bound: Double?
    public var gap: Double?
    public var solver: SolverInfo
    public var placements: [Placement]
    public var expansions: [BuiltExpansion]
    public var unplaced: [Unplaced]
    public var utilization: [Utilization]
    public var shortfalls: [Shortfall]
    /// The parts of `value` (an addition to contract §5).
    public var valueParts: ValueParts?
    /// What one more (or one less) step of each binding resource and each expansion change is
    /// worth, re-solved on the integer model (`plan --marginals`; an addition to contract §5,
    /// encoded only when present, see docs/reports.md).
    public var marginals: [Marginal]?

    enum CodingKeys: String, CodingKey {
        case format, scenario, variant, status, interrupted, value, bound, gap, solver, placements, expansions,
            unplaced, utilization, shortfalls, valueParts = "value_parts", marginals
    }

    public init(
        scenario: String, variant: String?, status: PlanStatus, value: Double?, bound: Double?,
        gap: Double?, solver: SolverInfo, placements: [Placement] = [], expansions: [BuiltExpansion] = [],
        unplaced: [Unplaced] = [], utilization: [Utilization] = [], shortfalls: [Shortfall] = [],
        valueParts: ValueParts? = nil
    ) {
        self.scenario = scenario; self.variant = variant; self.status = status; self.value = value
        self.bound = bound; self.gap = gap; self.solver = solver; self.placements = placements
        self.expansions = expansions; self.unplaced = unplaced; self.utilization = utilization
        self.shortfalls = shortfalls; self.valueParts = valueParts
    }

    // Encode `variant: null` explicitly, as contract §5 shows it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(format, forKey: .format)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(variant, forKey: .variant)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(interrupted, forKey: .interrupted)
        try c.encode(value, forKey: .value)
        try c.encode(bound, forKey: .bound)
        try c.encode(gap, forKey: .gap)
        try c.encode(solver, forKey: .solver)
        try c.encode(placements, forKey: .placements)
        try c.encode(expansions, forKey: .expansions)
        try c.encode(unplaced, forKey: .unplaced)
        try c.encode(utilization, forKey: .utilization)
        try c.encode(shortfalls, forKey: .shortfalls)
        try c.encodeIfPresent(valueParts, forKey: .valueParts)
        try c.encodeIfPresent(marginals, forKey: .marginals)
    }
}

public enum PlanStatus: String, Codable, Sendable {
    case optimal, feasible, infeasible
    case noSolution = "no_solution"
}

public struct SolverInfo: Codable, Sendable, Equatable {
    public var name: String
    public var version: String
    public var seconds: Double
    public init(name: String, version: String, seconds: Double) {
        self.name = name; self.version = version; self.seconds = seconds
    }
}

public struct Placement: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var site: SiteID
    /// The month that begins the start period.
    public var start: YearMonth
    /// Units taken in a building; nil on a plot.
    public var units: Int?
    public init(project: ProjectID, site: SiteID, start: YearMonth, units: Int?) {
        self.project = project; self.site = site; self.start = start; self.units = units
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(project, forKey: .project)
        try c.encode(site, forKey: .site)
        try c.encode(start, forKey: .start)
        try c.encode(units, forKey: .units)
    }
}

public struct BuiltExpansion: Codable, Sendable, Equatable {
    public var id: ExpansionID
    public var start: YearMonth
    /// The month that begins the completion period (may lie past the horizon).
    public var complete: YearMonth
    public init(id: ExpansionID, start: YearMonth, complete: YearMonth) {
        self.id = id; self.start = start; self.complete = complete
    }
}

public struct Unplaced: Codable, Sendable, Equatable {
    public var project: ProjectID
    public var reason: String
    public init(project: ProjectID, reason: String) { self.project = project; self.reason = reason }
}

public struct Utilization: Codable, Sendable, Equatable {
    public var node: NodeID
    public var kind: CapacityKind
    /// The month that begins the period.
    public var period: YearMonth
    public var used: Double
    /// Usable capacity (after `reserve`).
    public var capacity: Double
    public init(node: NodeID, kind: CapacityKind, period: YearMonth, used: Double, capacity: Double) {
        self.node = node; self.kind = kind; self.period = period; self.used = used; self.capacity = capacity
    }
}

/// What is missing for committed and existing projects to fit (contract §5).
public struct Shortfall: Codable, Sendable, Equatable {
    /// power | water | sewage | cod | land | units | budget | site | window | policy
    public var kind: String
    /// Node, site or project id; "budget" for the budget.
    public var `where`: String
    public var from: YearMonth?
    public var amount: Double
    public var unit: String
    /// A sentence a planner understands (an addition to contract §5).
    public var message: String?
    public init(
        kind: String, where place: String, from: YearMonth?, amount: Double, unit: String, message: String? = nil
    ) {
        self.kind = kind; self.where = place; self.from = from; self.amount = amount; self.unit = unit
        self.message = message
    }
}

/// contract §4 value split into its weighted parts; `value = tax + investment + jobs - cost`.
public struct ValueParts: Codable, Sendable, Equatable {
    public var tax: Double
    public var investment: Double
    public var jobs: Double
    public var cost: Double
    public init(tax: Double, investment: Double, jobs: Double, cost: Double) {
        self.tax = tax; self.investment = investment; self.jobs = jobs; self.cost = cost
    }
}

/// The value of one change to the scenario, found by solving the integer model again with it
/// (`plan --marginals`): one more or one less step of a binding resource, or an expansion forced
/// in, forced out or moved by one period.
public struct Marginal: Codable, Sendable, Equatable {
    /// power | water | sewage | cod | units | land | budget | expansion
    public var kind: String
    /// Node, site or expansion id; "budget" for the budget.
    public var `where`: String
    /// The period in which the resource has least left (utilities), the first start on the site
    /// (buildings, plots), or the month the expansion is forced to start.
    public var from: YearMonth?
    /// The change, e.g. "+1 MW", "-1 unit", "forced in at 2023-03", "forced out".
    public var change: String
    /// The `--set` edits that make the change (each `PATH=VALUE`), so it can be re-run by hand.
    public var edits: [String]
    /// Status of the plan re-solved with the change.
    public var status: PlanStatus
    /// That plan's value (for a forced-in expansion: after paying its cost), nil without a plan.
    public var value: Double?
    /// `value` minus the plan's value, in currency units; nil without a plan.
    public var gain: Double?
    /// That plan's relative gap (nil when optimal or without a plan).
    public var gap: Double?
    /// What the gain comes from, in a sentence.
    public var message: String

    public init(
        kind: String, where place: String, from: YearMonth?, change: String, edits: [String],
        status: PlanStatus, value: Double?, gain: Double?, gap: Double?, message: String
    ) {
        self.kind = kind; self.where = place; self.from = from; self.change = change; self.edits = edits
        self.status = status; self.value = value; self.gain = gain; self.gap = gap; self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(self.where, forKey: .where)
        try c.encode(from, forKey: .from)
        try c.encode(change, forKey: .change)
        try c.encode(edits, forKey: .edits)
        try c.encode(status, forKey: .status)
        try c.encode(value, forKey: .value)
        try c.encode(gain, forKey: .gain)
        try c.encode(gap, forKey: .gap)
        try c.encode(message, forKey: .message)
    }
}
