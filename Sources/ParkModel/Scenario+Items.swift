// MARK: - Utility nodes

/// A substation or feeder (变电站).
public struct PowerNode: Codable, Sendable, Equatable {
    public var id: NodeID
    public var name: String?
    public var capacityMW: Double
    /// Fraction of capacity held back, in [0, 1) (default 0).
    public var reserve: Double?
    /// Available from this month (default: horizon start).
    public var ready: YearMonth?

    enum CodingKeys: String, CodingKey { case id, name, capacityMW = "capacity_mw", reserve, ready }
    public init(id: NodeID, name: String? = nil, capacityMW: Double, reserve: Double? = nil, ready: YearMonth? = nil) {
        self.id = id; self.name = name; self.capacityMW = capacityMW; self.reserve = reserve; self.ready = ready
    }
    public var reserveFraction: Double { reserve ?? 0 }
}

/// A sewage-treatment plant (污水处理厂).
public struct SewagePlant: Codable, Sendable, Equatable {
    public var id: NodeID
    public var name: String?
    public var capacityM3Day: Double
    /// COD load limit; nil = the plant sets none (COD is not checked).
    public var codKgDay: Double?
    public var ready: YearMonth?

    enum CodingKeys: String, CodingKey {
        case id, name, capacityM3Day = "capacity_m3_day", codKgDay = "cod_kg_day", ready
    }
    public init(
        id: NodeID, name: String? = nil, capacityM3Day: Double, codKgDay: Double? = nil, ready: YearMonth? = nil
    ) {
        self.id = id; self.name = name; self.capacityM3Day = capacityM3Day; self.codKgDay = codKgDay; self.ready = ready
    }
}

/// A water-supply node (供水).
public struct WaterNode: Codable, Sendable, Equatable {
    public var id: NodeID
    public var name: String?
    public var capacityM3Day: Double
    public var ready: YearMonth?

    enum CodingKeys: String, CodingKey { case id, name, capacityM3Day = "capacity_m3_day", ready }
    public init(id: NodeID, name: String? = nil, capacityM3Day: Double, ready: YearMonth? = nil) {
        self.id = id; self.name = name; self.capacityM3Day = capacityM3Day; self.ready = ready
    }
}

// MARK: - Sites

/// A land parcel (地块).
public struct Plot: Codable, Sendable, Equatable {
    public var id: SiteID
    public var name: String?
    public var areaM2: Double
    public var zone: String?
    /// Land prepared (七通一平) from this month; default horizon start.
    public var ready: YearMonth?
    public var power: NodeID?
    public var sewage: NodeID?
    public var water: NodeID?
    /// true: exists only once an expansion builds it.
    public var planned: Bool?
    /// Outline in metres on the park grid.
    public var polygon: [[Double]]?

    enum CodingKeys: String, CodingKey {
        case id, name, areaM2 = "area_m2", zone, ready, power, sewage, water, planned, polygon
    }
    public init(
        id: SiteID, name: String? = nil, areaM2: Double, zone: String? = nil, ready: YearMonth? = nil,
        power: NodeID? = nil, sewage: NodeID? = nil, water: NodeID? = nil, planned: Bool? = nil,
        polygon: [[Double]]? = nil
    ) {
        self.id = id; self.name = name; self.areaM2 = areaM2; self.zone = zone; self.ready = ready
        self.power = power; self.sewage = sewage; self.water = water; self.planned = planned; self.polygon = polygon
    }
    public var isPlanned: Bool { planned ?? false }
}

/// Use of a standard building or of a floor-space project.
public enum BuildingUse: String, Codable, Sendable, CaseIterable {
    case factory, office
}

/// A standard factory or office building (标准化厂房 / 写字楼).
public struct Building: Codable, Sendable, Equatable {
    public var id: SiteID
    public var name: String?
    /// Default factory.
    public var use: BuildingUse?
    /// Identical lettable units (> 0).
    public var units: Int
    public var unitAreaM2: Double
    public var floorLoadKNM2: Double?
    public var clearHeightM: Double?
    /// Crane capacity in tonnes; 0 = no crane.
    public var craneT: Double?
    public var ready: YearMonth?
    public var power: NodeID?
    public var sewage: NodeID?
    public var water: NodeID?
    public var planned: Bool?
    public var polygon: [[Double]]?

    enum CodingKeys: String, CodingKey {
        case id, name, use, units, unitAreaM2 = "unit_area_m2", floorLoadKNM2 = "floor_load_kn_m2",
            clearHeightM = "clear_height_m", craneT = "crane_t", ready, power, sewage, water, planned, polygon
    }
    public init(
        id: SiteID, name: String? = nil, use: BuildingUse? = nil, units: Int, unitAreaM2: Double,
        floorLoadKNM2: Double? = nil, clearHeightM: Double? = nil, craneT: Double? = nil,
        ready: YearMonth? = nil, power: NodeID? = nil, sewage: NodeID? = nil, water: NodeID? = nil,
        planned: Bool? = nil, polygon: [[Double]]? = nil
    ) {
        self.id = id; self.name = name; self.use = use; self.units = units; self.unitAreaM2 = unitAreaM2
        self.floorLoadKNM2 = floorLoadKNM2; self.clearHeightM = clearHeightM; self.craneT = craneT
        self.ready = ready; self.power = power; self.sewage = sewage; self.water = water
        self.planned = planned; self.polygon = polygon
    }
    public var useOrDefault: BuildingUse { use ?? .factory }
    public var isPlanned: Bool { planned ?? false }
}

// MARK: - Expansions

/// What an expansion adds: exactly one kind, with that kind's amounts.
public struct ExpansionAdds: Codable, Sendable, Equatable {
    public var power: NodeID?
    public var sewage: NodeID?
    public var water: NodeID?
    public var building: SiteID?
    public var plot: SiteID?
    public var capacityMW: Double?
    public var capacityM3Day: Double?
    public var codKgDay: Double?

    enum CodingKeys: String, CodingKey {
        case power, sewage, water, building, plot, capacityMW = "capacity_mw",
            capacityM3Day = "capacity_m3_day", codKgDay = "cod_kg_day"
    }
    public init(
        power: NodeID? = nil, sewage: NodeID? = nil, water: NodeID? = nil, building: SiteID? = nil,
        plot: SiteID? = nil, capacityMW: Double? = nil, capacityM3Day: Double? = nil, codKgDay: Double? = nil
    ) {
        self.power = power; self.sewage = sewage; self.water = water; self.building = building; self.plot = plot
        self.capacityMW = capacityMW; self.capacityM3Day = capacityM3Day; self.codKgDay = codKgDay
    }
}

/// An option the planner may decide to build (扩容 / 新建).
public struct Expansion: Codable, Sendable, Equatable {
    public var id: ExpansionID
    public var name: String?
    public var adds: ExpansionAdds
    /// Currency units (default 0).
    public var cost: Double?
    /// Construction time in months (default 0).
    public var leadMonths: Int?
    /// Earliest construction start (default horizon start).
    public var earliest: YearMonth?
    /// May start only once these are complete.
    public var requires: [ExpansionID]?

    enum CodingKeys: String, CodingKey { case id, name, adds, cost, leadMonths = "lead_months", earliest, requires }
    public init(
        id: ExpansionID, name: String? = nil, adds: ExpansionAdds, cost: Double? = nil,
        leadMonths: Int? = nil, earliest: YearMonth? = nil, requires: [ExpansionID]? = nil
    ) {
        self.id = id; self.name = name; self.adds = adds; self.cost = cost; self.leadMonths = leadMonths
        self.earliest = earliest; self.requires = requires
    }
    public var costOrZero: Double { cost ?? 0 }
    public var leadMonthsOrZero: Int { leadMonths ?? 0 }
    public var requirements: [ExpansionID] { requires ?? [] }
}

// MARK: - Projects

public enum ProjectStatus: String, Codable, Sendable, CaseIterable {
    case existing, committed, candidate
}

/// An incoming, committed or existing tenant (项目 / 企业).
public struct Project: Codable, Sendable, Equatable {
    public var id: ProjectID
    public var name: String?
    public var investor: String?
    public var status: ProjectStatus?
    /// GB/T 4754 code, reported only.
    public var industry: String?
    /// Needs land (m²): exactly one of `landM2` / `floorM2`.
    public var landM2: Double?
    /// Needs standard-building space (m²).
    public var floorM2: Double?
    /// Allowed plot zones; nil = any.
    public var zones: [String]?
    /// Building use for floor projects (default factory).
    public var use: BuildingUse?
    public var floorLoadKNM2: Double?
    public var clearHeightM: Double?
    public var craneT: Double?
    /// Construction before utilities are drawn (default 0).
    public var buildMonths: Int?
    public var powerMW: Double?
    public var waterM3Day: Double?
    public var wastewaterM3Day: Double?
    public var codKgDay: Double?
    /// Currency units.
    public var investment: Double?
    /// Currency units per year once operating.
    public var annualTax: Double?
    public var jobs: Double?
    public var earliest: YearMonth?
    public var latest: YearMonth?
    /// Pin to one site (required for existing projects).
    public var site: SiteID?
    /// Pin to one month.
    public var start: YearMonth?
    /// Candidates only: how far the talks are (contract §7); ignored by planning.
    public var stage: ProjectStage?
    /// Candidates only: chance of signing in [0, 1] (contract §7); ignored by planning.
    public var probability: Double?

    enum CodingKeys: String, CodingKey {
        case id, name, investor, status, industry, landM2 = "land_m2", floorM2 = "floor_m2", zones, use,
            floorLoadKNM2 = "floor_load_kn_m2", clearHeightM = "clear_height_m", craneT = "crane_t",
            buildMonths = "build_months", powerMW = "power_mw", waterM3Day = "water_m3_day",
            wastewaterM3Day = "wastewater_m3_day", codKgDay = "cod_kg_day", investment,
            annualTax = "annual_tax", jobs, earliest, latest, site, start, stage, probability
    }

    public init(
        id: ProjectID, name: String? = nil, investor: String? = nil, status: ProjectStatus? = nil,
        industry: String? = nil, landM2: Double? = nil, floorM2: Double? = nil, zones: [String]? = nil,
        use: BuildingUse? = nil, floorLoadKNM2: Double? = nil, clearHeightM: Double? = nil,
        craneT: Double? = nil, buildMonths: Int? = nil, powerMW: Double? = nil, waterM3Day: Double? = nil,
        wastewaterM3Day: Double? = nil, codKgDay: Double? = nil, investment: Double? = nil,
        annualTax: Double? = nil, jobs: Double? = nil, earliest: YearMonth? = nil,
        latest: YearMonth? = nil, site: SiteID? = nil, start: YearMonth? = nil,
        stage: ProjectStage? = nil, probability: Double? = nil
    ) {
        self.id = id; self.name = name; self.investor = investor; self.status = status; self.industry = industry
        self.landM2 = landM2; self.floorM2 = floorM2; self.zones = zones; self.use = use
        self.floorLoadKNM2 = floorLoadKNM2; self.clearHeightM = clearHeightM; self.craneT = craneT
        self.buildMonths = buildMonths; self.powerMW = powerMW; self.waterM3Day = waterM3Day
        self.wastewaterM3Day = wastewaterM3Day; self.codKgDay = codKgDay; self.investment = investment
        self.annualTax = annualTax; self.jobs = jobs; self.earliest = earliest; self.latest = latest
        self.site = site; self.start = start; self.stage = stage; self.probability = probability
    }

    public var statusOrDefault: ProjectStatus { status ?? .candidate }
    public var useOrDefault: BuildingUse { use ?? .factory }
    public var needsLand: Bool { landM2 != nil }
    public var buildMonthsOrZero: Int { buildMonths ?? 0 }
    public var power: Double { powerMW ?? 0 }
    public var waterDemand: Double { waterM3Day ?? 0 }
    public var wastewater: Double { wastewaterM3Day ?? 0 }
    public var cod: Double { codKgDay ?? 0 }
    public var investmentOrZero: Double { investment ?? 0 }
    public var annualTaxOrZero: Double { annualTax ?? 0 }
    public var jobsOrZero: Double { jobs ?? 0 }
    /// A display label: the name when given, else the id.
    public var label: String { name ?? id.rawValue }
}

/// Where a candidate stands in the lead funnel (contract §7).
public enum ProjectStage: String, Codable, Sendable, CaseIterable {
    /// 在谈线索: a lead in talks.
    case lead
    /// 意向协议: a letter of intent signed (签订意向).
    case intent

    /// contract §7's default chance of signing when neither `probability` nor `funnel` gives one.
    public var defaultProbability: Double {
        switch self {
        case .lead: 0.1
        case .intent: 0.5
        }
    }
}

extension ProjectStage: NamedCases {
    static var caseNames: [String] { allCases.map(\.rawValue) }
    static func named(_ name: String) -> ProjectStage? { ProjectStage(rawValue: name) }
    static var placeholder: ProjectStage { .lead }
}

// MARK: - Variants

/// A named what-if change. `set` values, `remove` paths and `add` items are
/// applied to the file's YAML tree by the loader (remove, then add, then set);
/// this type carries only what is needed to list and describe variants.
public struct Variant: Codable, Sendable, Equatable {
    public var name: String
    public var description: String?
    public init(name: String, description: String? = nil) { self.name = name; self.description = description }
}
