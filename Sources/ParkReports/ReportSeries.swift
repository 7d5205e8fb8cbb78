import ParkModel
import ParkPlanning

/// Demand against usable capacity of one node and kind, month by month, with what a planner
/// looks for: when the node first passes 80 % and 100 %, and which expansions complete when.
public struct ReportSeries: Sendable, Equatable {
    public var node: NodeID
    public var nodeName: String
    public var kind: CapacityKind
    public var months: [YearMonth]
    public var used: [Double]
    /// Usable capacity (after the reserve).
    public var capacity: [Double]
    /// Installed capacity before the reserve (power with a reserve only), else nil.
    public var installed: [Double]?
    /// Expansions of the plan that add to this node, in the plan's order.
    public var completions: [(id: ExpansionID, month: YearMonth)]

    public static func == (a: ReportSeries, b: ReportSeries) -> Bool {
        a.node == b.node && a.kind == b.kind && a.months == b.months && a.used == b.used && a.capacity == b.capacity
            && a.installed == b.installed && a.completions.map(\.id) == b.completions.map(\.id)
            && a.completions.map(\.month) == b.completions.map(\.month)
    }

    /// `used / capacity` per month; infinity when something is used on no capacity.
    public var shares: [Double] {
        zip(used, capacity).map { u, c in c > 0 ? u / c : (u > 1e-9 ? .infinity : 0) }
    }

    /// Index of the first month whose share reaches `threshold` (e.g. 0.8), or nil.
    public func firstIndex(reaching threshold: Double) -> Int? {
        shares.firstIndex { $0 >= threshold - 1e-9 }
    }

    public var peakShare: Double { shares.max() ?? 0 }

    /// One series per node and kind, in the order the plan lists them.
    public static func all(_ plan: Plan, _ scenario: Scenario) -> [ReportSeries] {
        var result: [ReportSeries] = []
        var index: [String: Int] = [:]
        for u in plan.utilization {
            let key = u.kind.rawValue + "\u{0}" + u.node.rawValue
            if let i = index[key] {
                result[i].months.append(u.period)
                result[i].used.append(u.used)
                result[i].capacity.append(u.capacity)
            } else {
                index[key] = result.count
                result.append(
                    ReportSeries(
                        node: u.node, nodeName: name(of: u.node, u.kind, scenario), kind: u.kind,
                        months: [u.period], used: [u.used], capacity: [u.capacity],
                        installed: nil, completions: []))
            }
        }
        for i in result.indices {
            let kind = result[i].kind
            let node = result[i].node
            if kind == .power, let reserve = scenario.powerNodes.first(where: { $0.id == node })?.reserveFraction,
                reserve > 0, reserve < 1
            {
                result[i].installed = result[i].capacity.map { $0 / (1 - reserve) }
            }
            for b in plan.expansions {
                guard let e = scenario.expansionList.first(where: { $0.id == b.id }) else { continue }
                let target: NodeID? =
                    switch kind {
                    case .power: e.adds.power
                    case .water: e.adds.water
                    case .sewage, .cod: e.adds.sewage
                    }
                if target == node { result[i].completions.append((b.id, b.complete)) }
            }
        }
        return result
    }

    public static func name(of node: NodeID, _ kind: CapacityKind, _ scenario: Scenario) -> String {
        switch kind {
        case .power: scenario.powerNodes.first { $0.id == node }?.name ?? ""
        case .water: scenario.waterNodes.first { $0.id == node }?.name ?? ""
        case .sewage, .cod: scenario.sewagePlants.first { $0.id == node }?.name ?? ""
        }
    }
}
