import Foundation
import ParkModel

/// What `sweep.html` shows of a sweep: its definition and its points, as plain values (the
/// analysis layer converts its own result into this, so reports need not know it).
public struct SweepReport: Sendable, Equatable {
    /// One swept parameter: its `--set` path and its values as the `--set` text writes them.
    public struct Axis: Sendable, Equatable {
        public var path: String
        public var values: [String]
        public init(path: String, values: [String]) { self.path = path; self.values = values }
    }

    /// One point: its axis values, outcome and the marginal value along each axis.
    public struct Point: Sendable, Equatable {
        /// 1-based position in the sweep (first axis outermost).
        public var number: Int
        public var values: [String]
        /// optimal | feasible | infeasible | no_solution | invalid | error
        public var status: String
        /// The plan's value in currency units; nil without a plan.
        public var value: Double?
        /// The relative gap between value and bound (a fraction); nil when proved optimal.
        public var gap: Double?
        public var placements: Int
        public var unplaced: Int
        /// Built expansions as `ID@START`.
        public var expansions: [String]
        /// Why there is no plan, or the first shortfall of an infeasible point.
        public var message: String?
        /// Per axis: currency units per unit of the parameter from the previous value of that axis.
        public var marginals: [Double?]

        public init(
            number: Int, values: [String], status: String, value: Double?, gap: Double?, placements: Int,
            unplaced: Int, expansions: [String], message: String?, marginals: [Double?]
        ) {
            self.number = number; self.values = values; self.status = status; self.value = value
            self.gap = gap; self.placements = placements; self.unplaced = unplaced
            self.expansions = expansions; self.message = message; self.marginals = marginals
        }

        /// Whether the point has a plan with a value (optimal or feasible).
        public var hasValue: Bool { value != nil && (status == "optimal" || status == "feasible") }
    }

    /// The park's name.
    public var scenario: String
    public var variant: String?
    /// Plain `--set` options applied to every point.
    public var sets: [String]
    public var axes: [Axis]
    /// The park's currency code (money is in its units).
    public var currency: String
    /// Seconds allowed per point, when known.
    public var timeLimitSeconds: Double?
    /// "K/N" when these are one shard's points.
    public var shard: String?
    /// In point order.
    public var points: [Point]

    public init(
        scenario: String, variant: String?, sets: [String], axes: [Axis], currency: String,
        timeLimitSeconds: Double?, shard: String?, points: [Point]
    ) {
        self.scenario = scenario; self.variant = variant; self.sets = sets; self.axes = axes
        self.currency = currency; self.timeLimitSeconds = timeLimitSeconds; self.shard = shard
        self.points = points
    }

    /// Points in the whole sweep.
    public var totalPoints: Int { axes.reduce(1) { $0 * $1.values.count } }
}

// MARK: - Words for parameters and statuses

extension SweepReport {
    /// The unit of a `--set` path, read from its last component (`capacity_mw` → MW, `budget`
    /// → the currency); nil when the name does not say.
    static func unit(ofPath path: String, currency: String) -> String? {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let suffixes: [(String, String)] = [
            ("_mw", "MW"), ("_m3_day", "m³/day"), ("_kg_day", "kg/day"), ("_m2", "m²"), ("_months", "month"),
            ("_m", "m"), ("_t", "t"),
        ]
        if let match = suffixes.first(where: { last.hasSuffix($0.0) }) { return match.1 }
        if ["budget", "cost", "annual_tax", "investment", "tax"].contains(last) { return currency }
        if last == "units" { return "unit" }
        if last == "months" { return "month" }
        return nil
    }

    /// "per MW", or "per unit of NAME" when the path names no unit.
    static func perUnit(_ path: String, currency: String, _ L: ReportLabels) -> String {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        guard let unit = unit(ofPath: path, currency: currency) else {
            return L.t("per unit of \(last)", "每单位 \(last)")
        }
        return L.t("per \(unit)", "每" + zhUnit(unit))
    }

    /// A money unit per unit of the parameter for an axis title: "million CNY per MW", "亿元/MW".
    static func moneyPer(_ money: String, _ path: String, currency: String, _ L: ReportLabels) -> String {
        guard L.language == .zh else { return money + " " + perUnit(path, currency: currency, L) }
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let unit = unit(ofPath: path, currency: currency).map(zhUnit) ?? "单位 \(last)"
        return money + "/" + unit.trimmingCharacters(in: .whitespaces)
    }

    /// A unit as Chinese text follows 每: 元, 单元, 月, or " MW" (a symbol after a space).
    static func zhUnit(_ unit: String) -> String {
        ["CNY": "元", "unit": "单元", "month": "月"][unit] ?? " " + unit
    }

    /// A point's status in words.
    static func status(_ status: String, _ L: ReportLabels) -> String {
        if let s = PlanStatus(rawValue: status) { return L.status(s) }
        switch status {
        case "invalid": return L.t("invalid", "无效")
        case "error": return L.t("error", "出错")
        default: return status
        }
    }
}
