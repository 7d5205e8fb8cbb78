/// What `parkplan check` reports about a valid scenario: sizes, each utility
/// node's usable capacity against the demand of existing and committed
/// projects, and when the sites of pinned and existing projects are ready.
public struct ScenarioSummary: Sendable, Equatable {
    public var parkName: String
    public var currency: String
    public var horizonStart: YearMonth
    public var horizonMonths: Int
    public var stepMonths: Int
    public var periodCount: Int
    /// The month that begins the last period.
    public var lastPeriodMonth: YearMonth
    public var counts: Counts
    /// One entry per node and kind (sewage plants give `sewage` and, when limited, `cod`), in file order.
    public var loads: [NodeLoad]
    /// Demand of committed projects without a pinned site (not yet tied to a node), by kind.
    public var unsitedCommitted: [KindAmount]
    /// Pinned and existing projects, in file order.
    public var readiness: [ProjectReadiness]

    public struct Counts: Sendable, Equatable {
        public var plots = 0, plannedPlots = 0
        public var buildings = 0, plannedBuildings = 0
        public var powerNodes = 0, sewagePlants = 0, waterNodes = 0
        public var expansions = 0
        public var existing = 0, committed = 0, candidates = 0
        public var variants = 0
    }

    /// Kinds are `power` (MW), `water` and `sewage` (m³/day) and `cod` (kg/day), as in the plan file.
    public struct NodeLoad: Sendable, Equatable {
        public var kind: String
        public var node: NodeID
        public var unit: String
        /// Base capacity from the file.
        public var capacity: Double
        /// After `reserve` (power only).
        public var usable: Double
        public var ready: YearMonth
        /// Demand of existing projects on sites connected to this node.
        public var existingDemand: Double
        /// Demand of committed projects pinned to sites connected to this node.
        public var committedDemand: Double
        /// Capacity that expansions on this node could add (all of them built).
        public var expandable: Double

        public var headroom: Double { usable - existingDemand - committedDemand }
    }

    public struct KindAmount: Sendable, Equatable {
        public var kind: String
        public var unit: String
        public var amount: Double
    }

    public struct ProjectReadiness: Sendable, Equatable {
        public var project: ProjectID
        public var label: String
        public var status: ProjectStatus
        public var site: SiteID
        /// `plot` or `building`.
        public var siteKind: String
        /// First month the site is ready; nil when it is planned and cannot be completed within reach.
        public var siteReady: YearMonth?
        /// The expansion that builds the site, when it is planned.
        public var builtBy: ExpansionID?
        /// The pinned start (existing projects: the horizon start when none is given).
        public var start: YearMonth?
        /// Whether the site is ready at the pinned start; nil when no start is pinned.
        public var readyAtStart: Bool?
    }
}

extension ScenarioSummary {
    /// Computes the summary of a validated scenario.
    public static func make(_ scenario: Scenario) -> ScenarioSummary {
        let horizon = scenario.horizon
        let periods = max(0, horizon.periodCount)
        return ScenarioSummary(
            parkName: scenario.park.name, currency: scenario.park.currencyOrDefault,
            horizonStart: horizon.start, horizonMonths: horizon.months, stepMonths: horizon.step,
            periodCount: periods, lastPeriodMonth: horizon.month(ofPeriod: max(0, periods - 1)),
            counts: counts(scenario), loads: SummaryLoads.loads(scenario),
            unsitedCommitted: SummaryLoads.unsited(scenario), readiness: SummaryReadiness.readiness(scenario))
    }

    private static func counts(_ scenario: Scenario) -> Counts {
        var counts = Counts()
        counts.plots = scenario.plotList.count
        counts.plannedPlots = scenario.plotList.filter(\.isPlanned).count
        counts.buildings = scenario.buildingList.count
        counts.plannedBuildings = scenario.buildingList.filter(\.isPlanned).count
        counts.powerNodes = scenario.powerNodes.count
        counts.sewagePlants = scenario.sewagePlants.count
        counts.waterNodes = scenario.waterNodes.count
        counts.expansions = scenario.expansionList.count
        for project in scenario.projectList {
            switch project.statusOrDefault {
            case .existing: counts.existing += 1
            case .committed: counts.committed += 1
            case .candidate: counts.candidates += 1
            }
        }
        counts.variants = scenario.variantList.count
        return counts
    }
}
