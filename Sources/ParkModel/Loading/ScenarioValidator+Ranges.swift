import Foundation

/// The ranges within which the whole program works (docs/scenario-format.md, "Ranges"). Inside
/// them every month sum fits in 64 bits with room to spare and every coefficient the planning
/// model builds is finite and at most 1e15 in magnitude, the most the solver layer accepts; a
/// value outside is a located error here rather than a trap or an internal error later.
public enum ScenarioRanges {
    /// Money (investment, annual tax, expansion cost, budget), in the park's currency.
    public static let money = 1e13
    /// Capacities and demands: MW, m³/day, kg/day.
    public static let capacity = 1e9
    /// Areas: m² of plots, land, floor and units.
    public static let area = 1e10
    /// Units of one building.
    public static let units = 1_000_000
    /// Building ratings (kN/m², m, t) and policy thresholds (万元 per 亩).
    public static let rating = 1e6
    /// Jobs of one project.
    public static let jobs = 1e8
    /// Months of `build_months`, `lead_months`, `step_months` (the horizon's own limit).
    public static let months = 1200
    /// `objective.years`.
    public static let years = 1000.0
    /// Magnitude of each objective weight.
    public static let weight = 1e6
    /// The largest objective coefficient of one project or expansion (weight × amount × years).
    public static let coefficient = 1e15
    /// Above this ratio between the largest and smallest nonzero figure of one kind, `check`
    /// warns that the solver's tolerances may blur the small ones.
    public static let scaleWarningRatio = 1e9
}

extension ScenarioValidator {
    /// Upper ends of every number (the lower ends — negative, zero, too small — are checked with
    /// each field).
    mutating func checkRanges() {
        let R = ScenarioRanges.self
        for (i, node) in scenario.powerNodes.enumerated() {
            atMost(node.capacityMW, R.capacity, "power[\(i)].capacity_mw")
        }
        for (i, plant) in scenario.sewagePlants.enumerated() {
            atMost(plant.capacityM3Day, R.capacity, "sewage[\(i)].capacity_m3_day")
            atMost(plant.codKgDay, R.capacity, "sewage[\(i)].cod_kg_day")
        }
        for (i, node) in scenario.waterNodes.enumerated() {
            atMost(node.capacityM3Day, R.capacity, "water[\(i)].capacity_m3_day")
        }
        for (i, plot) in scenario.plotList.enumerated() { atMost(plot.areaM2, R.area, "plots[\(i)].area_m2") }
        for (i, building) in scenario.buildingList.enumerated() {
            let path = "buildings[\(i)]"
            atMost(building.units, R.units, "\(path).units")
            atMost(building.unitAreaM2, R.area, "\(path).unit_area_m2")
            atMost(building.floorLoadKNM2, R.rating, "\(path).floor_load_kn_m2")
            atMost(building.clearHeightM, R.rating, "\(path).clear_height_m")
            atMost(building.craneT, R.rating, "\(path).crane_t")
        }
        checkExpansionRanges()
        checkProjectRanges()
        checkObjectiveRanges()
    }

    private mutating func checkExpansionRanges() {
        let R = ScenarioRanges.self
        let costWeight = abs(scenario.objectiveOrDefault.weightsOrDefault.costWeight)
        for (i, expansion) in scenario.expansionList.enumerated() {
            let path = "expansions[\(i)]"
            atMost(expansion.cost, R.money, "\(path).cost")
            atMost(expansion.adds.capacityMW, R.capacity, "\(path).adds.capacity_mw")
            atMost(expansion.adds.capacityM3Day, R.capacity, "\(path).adds.capacity_m3_day")
            atMost(expansion.adds.codKgDay, R.capacity, "\(path).adds.cod_kg_day")
            if expansion.costOrZero <= R.money {
                coefficient(costWeight * expansion.costOrZero, "\(path).cost", "weights.cost × cost")
            }
        }
    }

    private mutating func checkProjectRanges() {
        let R = ScenarioRanges.self
        let weights = scenario.objectiveOrDefault.weightsOrDefault
        let years = max(0, scenario.objectiveOrDefault.yearsOrDefault)
        for (i, project) in scenario.projectList.enumerated() {
            let path = "projects[\(i)]"
            atMost(project.landM2, R.area, "\(path).land_m2")
            atMost(project.floorM2, R.area, "\(path).floor_m2")
            atMost(project.floorLoadKNM2, R.rating, "\(path).floor_load_kn_m2")
            atMost(project.clearHeightM, R.rating, "\(path).clear_height_m")
            atMost(project.craneT, R.rating, "\(path).crane_t")
            atMost(project.buildMonths, R.months, "\(path).build_months")
            for (key, value) in [
                ("power_mw", project.powerMW), ("water_m3_day", project.waterM3Day),
                ("wastewater_m3_day", project.wastewaterM3Day), ("cod_kg_day", project.codKgDay),
            ] {
                atMost(value, R.capacity, "\(path).\(key)")
            }
            atMost(project.investment, R.money, "\(path).investment")
            atMost(project.annualTax, R.money, "\(path).annual_tax")
            atMost(project.jobs, R.jobs, "\(path).jobs")
            // The weighted terms, once each amount is within its own range.
            if project.annualTaxOrZero <= R.money {
                coefficient(
                    abs(weights.taxWeight) * project.annualTaxOrZero * years, "\(path).annual_tax",
                    "weights.tax × annual_tax × years")
            }
            if project.investmentOrZero <= R.money {
                coefficient(
                    abs(weights.investmentWeight) * project.investmentOrZero, "\(path).investment",
                    "weights.investment × investment")
            }
            if project.jobsOrZero <= R.jobs {
                coefficient(abs(weights.jobsWeight) * project.jobsOrZero, "\(path).jobs", "weights.jobs × jobs")
            }
        }
    }

    private mutating func checkObjectiveRanges() {
        let R = ScenarioRanges.self
        atMost(scenario.budget, R.money, "budget")
        atMost(scenario.horizon.stepMonths, R.months, "horizon.step_months")
        atMost(scenario.objective?.years, R.years, "objective.years")
        if let weights = scenario.objective?.weights {
            for (key, value) in [
                ("tax", weights.tax), ("investment", weights.investment), ("jobs", weights.jobs),
                ("cost", weights.cost),
            ] {
                if let value, abs(value) > R.weight {
                    fail(
                        "objective.weights.\(key)",
                        "\(format(value)) is out of range: a weight lies within ±\(limitText(R.weight))")
                }
            }
        }
        if let policy = scenario.policy {
            atMost(policy.minInvestmentIntensity, R.rating, "policy.min_investment_intensity")
            atMost(policy.minTaxPerMu, R.rating, "policy.min_tax_per_mu")
        }
    }

    // MARK: - Checks

    /// `1e13`, `1000000`: limits as they are documented.
    private func limitText(_ limit: Double) -> String {
        limit >= 1e7 ? "1e\(Int(log10(limit).rounded()))" : format(limit)
    }

    private mutating func atMost(_ value: Double?, _ limit: Double, _ path: String) {
        if let value, value > limit {
            fail(
                path, "\(format(value)) is too large: at most \(limitText(limit)) (docs/scenario-format.md, \"Ranges\")"
            )
        }
    }

    private mutating func atMost(_ value: Int?, _ limit: Int, _ path: String) {
        if let value, value > limit {
            fail(path, "\(value) is too large: at most \(limit) (docs/scenario-format.md, \"Ranges\")")
        }
    }

    /// A weighted objective term of one item within what the solver layer accepts.
    private mutating func coefficient(_ value: Double, _ path: String, _ what: String) {
        guard value.isFinite, value <= ScenarioRanges.coefficient else {
            fail(
                path,
                "\(what) is \(value.isFinite ? format(value) : "infinite"), more than the solver handles "
                    + "(\(limitText(ScenarioRanges.coefficient))); lower the amount or the weight")
            return
        }
    }
}

/// Figures of one kind whose nonzero values span more than `ScenarioRanges.scaleWarningRatio`.
public struct ScaleWarning: Sendable, Equatable {
    /// `power`, `water`, `sewage`, `cod`, `area` or `money`.
    public let kind: String
    public let unit: String
    public let smallest: Double
    public let largest: Double
}

extension ScenarioRanges {
    /// What `check` warns about: figures of one kind whose nonzero values span more than
    /// `scaleWarningRatio` (e.g. a 0.001 MW demand next to a 1e7 MW node), where the solver's
    /// tolerances can blur the small ones. The scenario stays valid; the planner may want
    /// consistent units.
    public static func scaleWarnings(_ scenario: Scenario) -> [ScaleWarning] {
        let projects = scenario.projectList, expansions = scenario.expansionList
        let groups: [(String, String, [Double?])] = [
            (
                "power", "MW",
                scenario.powerNodes.map(\.capacityMW) + expansions.map(\.adds.capacityMW) + projects.map(\.powerMW)
            ),
            ("water", "m³/day", scenario.waterNodes.map(\.capacityM3Day) + projects.map(\.waterM3Day)),
            ("sewage", "m³/day", scenario.sewagePlants.map(\.capacityM3Day) + projects.map(\.wastewaterM3Day)),
            (
                "cod", "kg/day",
                scenario.sewagePlants.map(\.codKgDay) + expansions.map(\.adds.codKgDay) + projects.map(\.codKgDay)
            ),
            ("area", "m²", scenario.plotList.map(\.areaM2) + projects.map(\.landM2)),
            (
                "money", scenario.park.currencyOrDefault,
                [scenario.budget] + expansions.map(\.cost) + projects.map(\.investment) + projects.map(\.annualTax)
            ),
        ]
        return groups.compactMap { kind, unit, values in
            let nonzero = values.compactMap { $0 }.filter { $0 > 0 && $0.isFinite }
            guard let low = nonzero.min(), let high = nonzero.max(), high / low > scaleWarningRatio else { return nil }
            return ScaleWarning(kind: kind, unit: unit, smallest: low, largest: high)
        }
    }
}
