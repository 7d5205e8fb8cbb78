/// Builds valid random scenarios of any size, deterministically from a seed.
///
/// Figures follow the domain notes: plots of 20–400 亩, power 0.5–40 MW per land project
/// (200–800 kW/hm²), wastewater ≈ 0.9 × water, COD 300–1,500 mg/L, investment intensity
/// 150–600 万元/亩, tax 5–40 万元/亩/year, construction 3–18 months.
///
/// By default every committed and existing project fits: they are placed first (on sites
/// ready in time, with space reserved), and each utility node's base capacity covers their
/// demand before any expansion, so a planner always finds a feasible plan. With
/// `infeasible: true` the park's whole power supply (base capacity, no power expansions)
/// is 60 % of the committed and existing power demand, so no plan can exist.
///
/// `utilityHeadroom` and `chainLength` make harder parks (tighter utilities, longer expansion
/// chains) for benchmarks; left at their defaults they change no byte of the output.
public struct ScenarioGenerator: Sendable {
    /// What to generate.
    public struct Options: Sendable, Equatable {
        /// Number of projects (≥ 1).
        public var projects: Int
        /// Number of sites, plots plus buildings (≥ 1); nil = 1.75 × projects.
        public var sites: Int?
        /// Horizon length in months (≥ 1).
        public var months: Int
        /// Months per period (≥ 1).
        public var stepMonths: Int
        public var seed: UInt64
        /// First month of the horizon.
        public var start: YearMonth
        /// Share of projects that are committed, in [0, 1].
        public var committedShare: Double
        /// Share of projects that are existing tenants, in [0, 1].
        public var existingShare: Double
        /// Cap the sum of expansion costs at 35–70 % of their total.
        public var budget: Bool
        /// Some sites are `planned` (built by an expansion).
        public var plannedSites: Bool
        /// Expansions with `requires` chains (bay → transformer → second transformer).
        public var expansionChains: Bool
        /// Include a `policy` block (Shanxi provincial-level figures).
        public var policy: Bool
        /// Make the policy `enforce: true` (committed projects are then drawn to meet it).
        public var enforcePolicy: Bool
        /// Committed and existing projects cannot all be served (power short).
        public var infeasible: Bool
        /// Scales each utility node's base capacity beyond the committed and existing demand it
        /// carries, in [0, 10]: 1 = the usual 2 % margin plus 20–50 % of its share of candidate
        /// demand, 0 = just that committed and existing demand (candidates then need expansions).
        public var utilityHeadroom: Double
        /// Every substation gets a `requires` chain of this many power expansions, in 1...8
        /// (bay → T2 → … → Tn; 1 = T2 alone); nil = the usual optional bay, T2, sometimes T3.
        public var chainLength: Int?

        public init(
            projects: Int = 20, sites: Int? = nil, months: Int = 36, stepMonths: Int = 1,
            seed: UInt64 = 1, start: YearMonth = YearMonth(year: 2024, month: 1) ?? YearMonth(ordinal: 24288),
            committedShare: Double = 0.1, existingShare: Double = 0.1, budget: Bool = true,
            plannedSites: Bool = true, expansionChains: Bool = true, policy: Bool = true,
            enforcePolicy: Bool = false, infeasible: Bool = false, utilityHeadroom: Double = 1,
            chainLength: Int? = nil
        ) {
            self.projects = projects; self.sites = sites; self.months = months; self.stepMonths = stepMonths
            self.seed = seed; self.start = start; self.committedShare = committedShare
            self.existingShare = existingShare; self.budget = budget; self.plannedSites = plannedSites
            self.expansionChains = expansionChains; self.policy = policy; self.enforcePolicy = enforcePolicy
            self.infeasible = infeasible; self.utilityHeadroom = utilityHeadroom; self.chainLength = chainLength
        }

        /// The number of sites actually generated.
        public var siteCount: Int { max(1, sites ?? (max(1, projects) * 7 + 3) / 4) }
    }

    public let options: Options

    public init(_ options: Options) { self.options = options }

    /// Generates the scenario (the same options always give the same scenario).
    public func generate() -> Scenario {
        var build = GeneratorRun(options: sanitized(options))
        return build.run()
    }

    /// Options clamped into their valid ranges, so any input gives a valid scenario.
    private func sanitized(_ o: Options) -> Options {
        var o = o
        o.projects = max(1, o.projects)
        o.sites = o.siteCount
        o.months = max(1, o.months)
        o.stepMonths = max(1, o.stepMonths)
        let clamp = { (x: Double) in x.isFinite ? min(1, max(0, x)) : 0 }
        o.committedShare = clamp(o.committedShare)
        o.existingShare = clamp(o.existingShare)
        if o.committedShare + o.existingShare > 1 { o.existingShare = 1 - o.committedShare }
        o.utilityHeadroom = o.utilityHeadroom.isNaN ? 1 : min(10, max(0, o.utilityHeadroom))
        o.chainLength = o.chainLength.map { min(8, max(1, $0)) }
        return o
    }
}

// MARK: - One generation run

/// The mutable state of one generation: the random stream, the lists built so far, and the
/// space and demand already reserved for committed and existing projects.
struct GeneratorRun {
    let options: ScenarioGenerator.Options
    let horizon: Horizon
    var rng: SplitMix64

    var power: [PowerNode] = []
    var sewage: [SewagePlant] = []
    var water: [WaterNode] = []
    var plots: [Plot] = []
    var buildings: [Building] = []
    var expansions: [Expansion] = []
    var projects: [Project] = []
    var policy: Policy?

    /// Land (m²) still free on each plot, for committed and existing projects.
    var freeArea: [Double] = []
    /// Units still free in each building.
    var freeUnits: [Int] = []
    /// The site each committed or existing project was fitted to (nil for candidates), by project index.
    var reservedSites: [SiteID?] = []
    /// Committed and existing power demand (MW) reserved on each substation.
    var committedPower: [NodeID: Double] = [:]

    init(options: ScenarioGenerator.Options) {
        self.options = options
        horizon = Horizon(
            start: options.start, months: options.months,
            stepMonths: options.stepMonths == 1 ? nil : options.stepMonths)
        rng = SplitMix64(seed: options.seed)
    }

    var periodCount: Int { horizon.periodCount }

    /// The month that begins period `t`.
    func month(_ t: Int) -> YearMonth { horizon.month(ofPeriod: t) }

    mutating func run() -> Scenario {
        var nodeRNG = rng.fork(), siteRNG = rng.fork(), projectRNG = rng.fork(), expansionRNG = rng.fork()
        makePolicy()
        makeNodes(using: &nodeRNG)
        makeSites(using: &siteRNG)
        makeProjects(using: &projectRNG)
        sizeNodes(using: &nodeRNG)
        makeExpansions(using: &expansionRNG)
        if options.infeasible { cutPowerBelowCommittedDemand() }
        let budget = options.budget ? budgetCap(using: &expansionRNG) : nil
        let years: Double? = rng.pick([nil, 8, 10, 15])
        let objective: Objective? = years.map {
            Objective(years: $0, weights: rng.chance(0.5) ? Weights(tax: 1, investment: 0, jobs: 0, cost: 1) : nil)
        }
        return Scenario(
            park: Park(name: "生成园区-\(options.seed)", currency: rng.chance(0.5) ? "CNY" : nil),
            horizon: horizon, objective: objective, budget: budget, policy: policy,
            power: power.nilIfEmpty, sewage: sewage.nilIfEmpty, water: water.nilIfEmpty,
            plots: plots.nilIfEmpty, buildings: buildings.nilIfEmpty, expansions: expansions.nilIfEmpty,
            projects: projects.nilIfEmpty)
    }

    private mutating func makePolicy() {
        guard options.policy || options.enforcePolicy else { return }
        policy = Policy(
            minInvestmentIntensity: 200, minTaxPerMu: rng.pick([10, 12, 15]),
            enforce: options.enforcePolicy ? true : false)
    }

    private mutating func budgetCap(using rng: inout SplitMix64) -> Double {
        let total = expansions.reduce(0) { $0 + $1.costOrZero }
        return Generated.round(total * rng.uniform(0.35, 0.7), to: 1e6)
    }
}

extension Array {
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}

/// Rounding helpers that keep generated figures readable.
enum Generated {
    /// `x` rounded to the nearest multiple of `step`.
    static func round(_ x: Double, to step: Double) -> Double { snap(x, step, .toNearestOrAwayFromZero) }
    /// `x` rounded up to a multiple of `step`.
    static func roundUp(_ x: Double, to step: Double) -> Double { snap(x, step, .up) }
    /// `x` rounded down to a multiple of `step`.
    static func roundDown(_ x: Double, to step: Double) -> Double { snap(x, step, .down) }

    /// Steps below 1 divide by their inverse, so 0.1-steps print as `0.3`, not `0.30000000000000004`.
    private static func snap(_ x: Double, _ step: Double, _ rule: FloatingPointRoundingRule) -> Double {
        if step < 1 {
            let inverse = (1 / step).rounded()
            return (x * inverse).rounded(rule) / inverse
        }
        return (x / step).rounded(rule) * step
    }
    /// An id with a zero-padded number wide enough for `count` items: `A-007`.
    static func id(_ prefix: String, _ index: Int, of count: Int) -> String {
        let width = max(2, String(count).count)
        let digits = String(index)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
