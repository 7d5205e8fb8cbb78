/// A park scenario exactly as contract §2 describes the file (format 1).
///
/// Fields the file may omit are optionals here; the `…OrDefault`-style
/// computed properties apply the contract defaults. Decoding is the synthesized
/// `Codable` conformance with the file's snake_case keys; semantic
/// validation lives in the loader.
public struct Scenario: Codable, Sendable, Equatable {
    public var parkplan: Int
    public var park: Park
    public var horizon: Horizon
    public var objective: Objective?
    /// Cap on the sum of expansion costs (currency units); nil = no cap.
    public var budget: Double?
    public var policy: Policy?
    public var power: [PowerNode]?
    public var sewage: [SewagePlant]?
    public var water: [WaterNode]?
    public var plots: [Plot]?
    public var buildings: [Building]?
    public var expansions: [Expansion]?
    public var projects: [Project]?
    /// Default signing probabilities per candidate stage (contract §7); nil = 0.1 / 0.5.
    public var funnel: Funnel?
    public var variants: [Variant]?

    public init(
        parkplan: Int = 1, park: Park, horizon: Horizon, objective: Objective? = nil,
        budget: Double? = nil, policy: Policy? = nil, power: [PowerNode]? = nil,
        sewage: [SewagePlant]? = nil, water: [WaterNode]? = nil, plots: [Plot]? = nil,
        buildings: [Building]? = nil, expansions: [Expansion]? = nil, projects: [Project]? = nil,
        variants: [Variant]? = nil, funnel: Funnel? = nil
    ) {
        self.parkplan = parkplan; self.park = park; self.horizon = horizon
        self.objective = objective; self.budget = budget; self.policy = policy
        self.power = power; self.sewage = sewage; self.water = water; self.plots = plots
        self.buildings = buildings; self.expansions = expansions; self.projects = projects
        self.variants = variants; self.funnel = funnel
    }

    // MARK: - Lists with the "missing = empty" default

    public var powerNodes: [PowerNode] { power ?? [] }
    public var sewagePlants: [SewagePlant] { sewage ?? [] }
    public var waterNodes: [WaterNode] { water ?? [] }
    public var plotList: [Plot] { plots ?? [] }
    public var buildingList: [Building] { buildings ?? [] }
    public var expansionList: [Expansion] { expansions ?? [] }
    public var projectList: [Project] { projects ?? [] }
    public var variantList: [Variant] { variants ?? [] }
    public var objectiveOrDefault: Objective { objective ?? Objective() }

    /// The chance that `project` signs (contract §7): 1 for committed and existing projects; for a
    /// candidate its `probability`, else `funnel[stage]`, else 0.1 (lead) / 0.5 (intent). A
    /// candidate without a stage counts as a lead.
    public func signingProbability(of project: Project) -> Double {
        guard project.statusOrDefault == .candidate else { return 1 }
        if let probability = project.probability { return probability }
        let stage = project.stage ?? .lead
        return funnel?.probability(of: stage) ?? stage.defaultProbability
    }
}

// MARK: - Lead funnel (contract §7)

/// Default signing probabilities per stage (漏斗); each in [0, 1].
public struct Funnel: Codable, Sendable, Equatable {
    /// 在谈线索: a lead still in talks.
    public var lead: Double?
    /// 意向协议: a letter of intent signed (签订意向).
    public var intent: Double?
    public init(lead: Double? = nil, intent: Double? = nil) { self.lead = lead; self.intent = intent }
    public func probability(of stage: ProjectStage) -> Double? {
        switch stage {
        case .lead: lead
        case .intent: intent
        }
    }
}

// MARK: - Park, horizon, objective, policy

public struct Park: Codable, Sendable, Equatable {
    public var name: String
    /// Default "CNY".
    public var currency: String?
    /// Longitude and latitude (WGS 84, degrees) of the park grid's (0, 0); polygons are metres
    /// east (x) and north (y) of it. Optional; used only to place exported GIS layers on a map.
    public var origin: [Double]?
    public init(name: String, currency: String? = nil, origin: [Double]? = nil) {
        self.name = name; self.currency = currency; self.origin = origin
    }
    public var currencyOrDefault: String { currency ?? "CNY" }
}

public struct Horizon: Codable, Sendable, Equatable {
    public var start: YearMonth
    /// Length in months (> 0).
    public var months: Int
    /// Months per period (> 0, default 1).
    public var stepMonths: Int?

    enum CodingKeys: String, CodingKey { case start, months, stepMonths = "step_months" }

    public init(start: YearMonth, months: Int, stepMonths: Int? = nil) {
        self.start = start; self.months = months; self.stepMonths = stepMonths
    }
    public var step: Int { stepMonths ?? 1 }
}

public struct Objective: Codable, Sendable, Equatable {
    /// Tax valuation window in years (default 10).
    public var years: Double?
    public var weights: Weights?
    public init(years: Double? = nil, weights: Weights? = nil) { self.years = years; self.weights = weights }
    public var yearsOrDefault: Double { years ?? 10 }
    public var weightsOrDefault: Weights { weights ?? Weights() }
}

public struct Weights: Codable, Sendable, Equatable {
    public var tax: Double?
    public var investment: Double?
    public var jobs: Double?
    public var cost: Double?
    public init(tax: Double? = nil, investment: Double? = nil, jobs: Double? = nil, cost: Double? = nil) {
        self.tax = tax; self.investment = investment; self.jobs = jobs; self.cost = cost
    }
    public var taxWeight: Double { tax ?? 1 }
    public var investmentWeight: Double { investment ?? 0 }
    public var jobsWeight: Double { jobs ?? 0 }
    public var costWeight: Double { cost ?? 1 }
}

/// Land-use control indicators (工业用地控制指标).
public struct Policy: Codable, Sendable, Equatable {
    /// 万元 of investment per 亩 of land (1 亩 = 666.67 m²).
    public var minInvestmentIntensity: Double?
    /// 万元 of annual tax per 亩.
    public var minTaxPerMu: Double?
    /// true: projects below either indicator are ineligible (default false).
    public var enforce: Bool?

    enum CodingKeys: String, CodingKey {
        case minInvestmentIntensity = "min_investment_intensity"
        case minTaxPerMu = "min_tax_per_mu"
        case enforce
    }
    public init(minInvestmentIntensity: Double? = nil, minTaxPerMu: Double? = nil, enforce: Bool? = nil) {
        self.minInvestmentIntensity = minInvestmentIntensity; self.minTaxPerMu = minTaxPerMu
        self.enforce = enforce
    }
    public var isEnforced: Bool { enforce ?? false }
}

/// Square metres in one 亩.
public let squareMetresPerMu = 2000.0 / 3.0
