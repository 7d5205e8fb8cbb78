import ParkModel
import ParkPlanning

/// What a site shows on the site plan: who occupies it, or why it is empty.
public enum SiteCategory: String, Sendable, CaseIterable {
    /// Holds an existing tenant (and nothing newer).
    case existing
    /// Holds a committed project (and no new candidate).
    case committed
    /// Holds a candidate the plan places: a new project.
    case candidate
    /// Exists and holds nothing.
    case free
    /// A planned site the plan builds (by an expansion) but leaves empty.
    case plannedBuilt = "planned_built"
    /// A planned site the plan does not build.
    case plannedNotBuilt = "planned_not_built"
}

/// One project on a site.
public struct SiteOccupant: Sendable, Equatable {
    public var project: ProjectID
    public var name: String
    public var status: ProjectStatus
    public var start: YearMonth
    /// Land (m²) on a plot, units in a building.
    public var amount: Double
}

/// A plot or building with the plan's assignment, shared by the HTML report, GeoJSON and workbook.
public struct ReportSite: Sendable, Equatable {
    public var id: SiteID
    public var name: String
    public var isBuilding: Bool
    public var polygon: [[Double]]?
    /// Plot area or the building's lettable floor (units × unit area), m².
    public var area: Double
    /// Building units; nil for a plot.
    public var units: Int?
    public var zone: String?
    public var power: NodeID?
    public var water: NodeID?
    public var sewage: NodeID?
    public var planned: Bool
    /// The expansion of the plan that builds this planned site.
    public var builtBy: ExpansionID?
    public var builtMonth: YearMonth?
    public var occupants: [SiteOccupant]

    public var category: SiteCategory {
        let statuses = occupants.map(\.status)
        if statuses.contains(.candidate) { return .candidate }
        if statuses.contains(.committed) { return .committed }
        if statuses.contains(.existing) { return .existing }
        if planned { return builtBy == nil ? .plannedNotBuilt : .plannedBuilt }
        return .free
    }

    /// Share of the site taken: land over area, units over units.
    public var usedShare: Double {
        let used = occupants.reduce(0) { $0 + $1.amount }
        if let units { return units > 0 ? used / Double(units) : 0 }
        return area > 0 ? used / area : 0
    }

    /// Every plot then every building of the scenario, in file order, with the plan's occupants.
    public static func all(_ plan: Plan, _ scenario: Scenario) -> [ReportSite] {
        let projects = Dictionary(scenario.projectList.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let expansions = Dictionary(scenario.expansionList.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func occupants(_ site: SiteID, building: Bool) -> [SiteOccupant] {
            plan.placements.filter { $0.site == site }.map { pl in
                let p = projects[pl.project]
                let amount = building ? Double(pl.units ?? 0) : (p?.landM2 ?? 0)
                return SiteOccupant(
                    project: pl.project, name: p?.name ?? pl.project.rawValue,
                    status: p?.statusOrDefault ?? .candidate, start: pl.start, amount: amount)
            }
        }
        func builder(_ site: SiteID) -> BuiltExpansion? {
            plan.expansions.first { b in
                guard let e = expansions[b.id] else { return false }
                return e.adds.plot == site || e.adds.building == site
            }
        }
        var sites: [ReportSite] = []
        for p in scenario.plotList {
            let b = builder(p.id)
            sites.append(
                ReportSite(
                    id: p.id, name: p.name ?? "", isBuilding: false, polygon: p.polygon, area: p.areaM2,
                    units: nil, zone: p.zone, power: p.power, water: p.water, sewage: p.sewage,
                    planned: p.isPlanned, builtBy: b?.id, builtMonth: b?.complete,
                    occupants: occupants(p.id, building: false)))
        }
        for s in scenario.buildingList {
            let b = builder(s.id)
            sites.append(
                ReportSite(
                    id: s.id, name: s.name ?? "", isBuilding: true, polygon: s.polygon,
                    area: Double(s.units) * s.unitAreaM2, units: s.units, zone: s.useOrDefault.rawValue,
                    power: s.power, water: s.water, sewage: s.sewage, planned: s.isPlanned,
                    builtBy: b?.id, builtMonth: b?.complete, occupants: occupants(s.id, building: true)))
        }
        return sites
    }
}

extension ReportLabels {
    public func category(_ c: SiteCategory) -> String {
        switch c {
        case .existing: t("existing tenant", "已入驻企业")
        case .committed: t("committed project", "已签约项目")
        case .candidate: t("new project (this plan)", "新落地项目（本方案）")
        case .free: t("free", "空置")
        case .plannedBuilt: t("planned, built by this plan", "规划场地（本方案建设）")
        case .plannedNotBuilt: t("planned, not built", "规划场地（未建设）")
        }
    }
}
