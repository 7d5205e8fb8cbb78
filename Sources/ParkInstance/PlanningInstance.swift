import ParkModel

/// A validated scenario resolved onto periods (contract §1, §3): every date is a
/// period index, every reference an array index, every default applied.
///
/// Arrays keep the scenario's order (deterministic). Built once per solve and
/// shared by the model builder, the heuristic and readiness.
public struct PlanningInstance: Sendable {
    public let scenario: Scenario
    public let horizon: Horizon
    /// Number of periods `P`; periods are `0..<P`.
    public let periodCount: Int
    public let nodes: [NodeInfo]
    public let sites: [SiteInfo]
    public let expansions: [ExpansionInfo]
    public let projects: [ProjectInfo]
    /// Budget cap on the sum of expansion costs; nil = none.
    public let budget: Double?
    /// The capacities of contract §3.7, one per node and checked kind.
    public let resources: [Resource]

    /// The month that begins period `t`.
    public func month(_ t: Int) -> YearMonth { horizon.month(ofPeriod: t) }

    // Id -> index, built once (used for lookups only, never iterated, so order does not matter).
    package let nodeIndices: [NodeID: Int]
    package let siteIndices: [SiteID: Int]
    package let projectIndices: [ProjectID: Int]
    package let expansionIndices: [ExpansionID: Int]

    /// Index of the first node with this id (ids are unique per list; a power node and a sewage
    /// plant may share one, and then the first in power, sewage, water order is returned).
    public func nodeIndex(_ id: NodeID) -> Int? { nodeIndices[id] }
    public func siteIndex(_ id: SiteID) -> Int? { siteIndices[id] }
    public func projectIndex(_ id: ProjectID) -> Int? { projectIndices[id] }
    public func expansionIndex(_ id: ExpansionID) -> Int? { expansionIndices[id] }
}

// MARK: - Parts

public struct NodeInfo: Sendable {
    public let id: NodeID
    public let kind: UtilityKind
    /// First period the base capacity exists.
    public let readyPeriod: Int
    /// Power: MW; water/sewage: m³/day.
    public let baseCapacity: Double
    /// Sewage plants only: COD limit in kg/day; nil = not checked.
    public let baseCOD: Double?
    /// Usable share of capacity: `1 - reserve` for power, 1 otherwise.
    public let usableFactor: Double
}

public enum SiteKind: Sendable, Equatable {
    case plot
    case building
}

public struct SiteInfo: Sendable {
    public let id: SiteID
    public let kind: SiteKind
    /// Own `ready` period (0 when not given).
    public let readyPeriod: Int
    /// Expansions that build this site (non-empty exactly when `planned`).
    public let builtBy: [Int]
    /// Node indices; nil = not connected.
    public let power: Int?
    public let sewage: Int?
    public let water: Int?
    /// Plot: area in m². Building: number of units.
    public let capacity: Double
    // Plot fields
    public let zone: String?
    // Building fields
    public let use: BuildingUse
    public let unitAreaM2: Double
    public let floorLoadKNM2: Double
    public let clearHeightM: Double
    public let craneT: Double

    public var isPlanned: Bool { !builtBy.isEmpty }
    public func node(_ kind: UtilityKind) -> Int? {
        switch kind {
        case .power: power
        case .sewage: sewage
        case .water: water
        }
    }
}

public enum ExpansionTarget: Sendable, Equatable {
    /// Adds capacity to node `node` (MW or m³/day) and COD (kg/day, sewage only).
    case node(Int, capacity: Double, cod: Double)
    /// Builds planned site `site`.
    case site(Int)
}

public struct ExpansionInfo: Sendable {
    public let id: ExpansionID
    public let target: ExpansionTarget
    public let cost: Double
    public let earliestPeriod: Int
    public let leadPeriods: Int
    /// Indices of expansions that must be complete before this one starts.
    public let requires: [Int]
}

public struct ProjectInfo: Sendable {
    public let id: ProjectID
    public let status: ProjectStatus
    public let needsLand: Bool
    /// Land in m² (land projects) or floor in m² (floor projects).
    public let spaceM2: Double
    public let zones: [String]?
    public let use: BuildingUse
    public let floorLoadKNM2: Double
    public let clearHeightM: Double
    public let craneT: Double
    public let buildPeriods: Int
    public let powerMW: Double
    public let waterM3Day: Double
    public let wastewaterM3Day: Double
    public let codKgDay: Double
    /// Window in periods, already intersected with the horizon; empty when `windowLow > windowHigh`.
    /// For existing projects both equal the fixed start.
    public let windowLow: Int
    public let windowHigh: Int
    /// Period of `earliest` used for the delay in contract §4 (= windowLow before clipping by pins).
    public let earliestPeriod: Int
    public let pinnedSite: Int?
    public let pinnedStart: Int?
    /// false when `policy.enforce` makes the project ineligible.
    public let policyEligible: Bool
    /// contract §4 value terms that do not depend on the start.
    public let fixedValue: Double
    /// `w.tax * annual_tax` (0 for existing projects).
    public let weightedAnnualTax: Double
    public let years: Double
    public let stepMonths: Int

    public var mustPlace: Bool { status != .candidate }

    /// contract §4 value if started in period `t` (0 for existing projects).
    public func value(startingAt t: Int) -> Double {
        guard status != .existing else { return 0 }
        let delayMonths = Double((t - earliestPeriod) * stepMonths)
        return weightedAnnualTax * max(0, years - delayMonths / 12) + fixedValue
    }

    /// Demand of `kind` in its own unit.
    public func demand(_ kind: CapacityKind) -> Double {
        switch kind {
        case .power: powerMW
        case .water: waterM3Day
        case .sewage: wastewaterM3Day
        case .cod: codKgDay
        }
    }

    /// Whether the project needs a connection of `kind` (contract §3.6).
    public func needs(_ kind: UtilityKind) -> Bool {
        switch kind {
        case .power: powerMW > 0
        case .water: waterM3Day > 0
        case .sewage: wastewaterM3Day > 0 || codKgDay > 0
        }
    }

    /// First period in which the project draws its demands when started at `t` (contract §3.7).
    public func drawPeriod(start t: Int, periodCount: Int) -> Int { min(t + buildPeriods, periodCount - 1) }
}
