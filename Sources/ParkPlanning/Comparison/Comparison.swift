import ParkDiagnosis
import ParkInstance
import ParkModel

/// What changed between a base plan and a variant's plan (contract §6 `compare`).
///
/// Lists follow the plans' order (base order for what the base has, variant order for what is new),
/// so the result is deterministic.
public struct Comparison: Sendable, Equatable {
    public struct Move: Sendable, Equatable {
        public var project: ProjectID
        public var from: SiteID
        public var to: SiteID
    }
    public struct Shift: Sendable, Equatable {
        public var project: ProjectID
        public var from: YearMonth
        public var to: YearMonth
        /// Months later (positive) or earlier (negative).
        public var months: Int { to.months(since: from) }
    }
    public struct LeftOut: Sendable, Equatable {
        public var project: ProjectID
        /// The variant plan's reason, when it gives one.
        public var reason: String?
    }
    /// An expansion built in both plans whose start or completion differs.
    public struct ExpansionShift: Sendable, Equatable {
        public var id: ExpansionID
        /// Start in the base and in the variant.
        public var from: YearMonth
        public var to: YearMonth
        /// Completion in the base and in the variant (differs from the start shift when the lead changed).
        public var completeFrom: YearMonth
        public var completeTo: YearMonth
        /// Months the start moved (positive = later).
        public var months: Int { to.months(since: from) }
        /// Months the completion moved (positive = later).
        public var completeMonths: Int { completeTo.months(since: completeFrom) }
    }

    public var base: PlanSummary
    public var variant: PlanSummary
    /// Projects on another site in the variant.
    public var moved: [Move]
    /// Projects starting in another month in the variant.
    public var shifted: [Shift]
    /// Placed in the variant only.
    public var newlyPlaced: [Placement]
    /// Placed in the base only.
    public var leftOut: [LeftOut]
    /// Built in the variant only.
    public var newExpansions: [BuiltExpansion]
    /// Built in the base only.
    public var droppedExpansions: [BuiltExpansion]
    /// Built in both, starting or completing in another month.
    public var shiftedExpansions: [ExpansionShift]

    /// `variant.value - base.value`; nil when either has no value.
    public var valueDelta: Double? {
        guard let a = base.value, let b = variant.value else { return nil }
        return b - a
    }

    /// Part-by-part differences (variant minus base); nil when either lacks the parts.
    public var partsDelta: ValueParts? {
        guard let a = base.parts, let b = variant.parts else { return nil }
        return ValueParts(
            tax: b.tax - a.tax, investment: b.investment - a.investment,
            jobs: b.jobs - a.jobs, cost: b.cost - a.cost)
    }

    /// True when nothing differs in placements or expansions.
    public var isUnchanged: Bool {
        moved.isEmpty && shifted.isEmpty && newlyPlaced.isEmpty && leftOut.isEmpty && newExpansions.isEmpty
            && droppedExpansions.isEmpty && shiftedExpansions.isEmpty
    }

    /// Compares two plans of (variants of) one scenario.
    public init(base: Plan, variant: Plan) {
        self.base = PlanSummary(base)
        self.variant = PlanSummary(variant)
        var moved: [Move] = [], shifted: [Shift] = [], leftOut: [LeftOut] = []
        for a in base.placements {
            guard let b = variant.placements.first(where: { $0.project == a.project }) else {
                let reason = variant.unplaced.first { $0.project == a.project }?.reason
                leftOut.append(LeftOut(project: a.project, reason: reason))
                continue
            }
            if a.site != b.site { moved.append(Move(project: a.project, from: a.site, to: b.site)) }
            if a.start != b.start { shifted.append(Shift(project: a.project, from: a.start, to: b.start)) }
        }
        self.moved = moved
        self.shifted = shifted
        self.leftOut = leftOut
        self.newlyPlaced = variant.placements.filter { b in !base.placements.contains { $0.project == b.project } }
        self.newExpansions = variant.expansions.filter { b in !base.expansions.contains { $0.id == b.id } }
        self.droppedExpansions = base.expansions.filter { a in !variant.expansions.contains { $0.id == a.id } }
        self.shiftedExpansions = base.expansions.compactMap { a in
            guard let b = variant.expansions.first(where: { $0.id == a.id }),
                b.start != a.start || b.complete != a.complete
            else { return nil }
            return ExpansionShift(
                id: a.id, from: a.start, to: b.start, completeFrom: a.complete, completeTo: b.complete)
        }
    }
}

/// The figures of one plan shown side by side.
public struct PlanSummary: Sendable, Equatable {
    public var variant: String?
    public var status: PlanStatus
    public var value: Double?
    public var parts: ValueParts?
    public var placed: Int
    public var unplaced: Int
    public var expansions: [BuiltExpansion]
    public var peaks: [UtilizationPeak]
    public var shortfalls: [Shortfall]

    public init(_ plan: Plan) {
        variant = plan.variant
        status = plan.status
        value = plan.value
        parts = plan.valueParts
        placed = plan.placements.count
        unplaced = plan.unplaced.count
        expansions = plan.expansions
        peaks = UtilizationPeak.peaks(of: plan)
        shortfalls = plan.shortfalls
    }
}

/// The most used period of one node and kind.
public struct UtilizationPeak: Sendable, Equatable {
    public var node: NodeID
    public var kind: CapacityKind
    public var period: YearMonth
    public var used: Double
    public var capacity: Double
    /// `used / capacity`; nil when the capacity is 0 (then `used` is 0 in a feasible plan).
    public var share: Double? { capacity > 0 ? used / capacity : nil }

    /// One peak per node and kind, in the order they first appear in the plan; the period with the
    /// highest share (a use on zero capacity counts as highest), the earliest on ties.
    public static func peaks(of plan: Plan) -> [UtilizationPeak] {
        var order: [String] = []
        var best: [String: UtilizationPeak] = [:]
        for u in plan.utilization {
            let key = u.kind.rawValue + "\u{0}" + u.node.rawValue
            let candidate = UtilizationPeak(
                node: u.node, kind: u.kind, period: u.period, used: u.used, capacity: u.capacity)
            guard let current = best[key] else {
                order.append(key)
                best[key] = candidate
                continue
            }
            if score(candidate) > score(current) { best[key] = candidate }
        }
        return order.compactMap { best[$0] }
    }

    static func score(_ p: UtilizationPeak) -> Double { p.share ?? (p.used > 0 ? .infinity : 0) }
}
