import Foundation

/// contract §2 semantic rules, checked on a decoded scenario. Every problem is
/// reported (located through the decoding session), not only the first.
struct ScenarioValidator {
    let scenario: Scenario
    let session: DecodeSession
    private(set) var findings: [Finding] = []
    /// "Did you mean" candidates per list, and the work left for suggestions (see `suggestion`).
    var suggestionCandidates: [String: Suggestion.Candidates] = [:]
    var suggestionBudget = 20 * Suggestion.workBudget
    /// Ids of each list, for references (first occurrence wins).
    let powerIDs: Set<String>, sewageIDs: Set<String>, waterIDs: Set<String>
    let plots: [String: Plot], buildings: [String: Building], plants: [String: SewagePlant]
    let expansionIDs: Set<String>, plotIDs: Set<String>, buildingIDs: Set<String>, siteIDs: Set<String>

    /// Longest horizon accepted (months): 100 years keeps models and reports sane.
    static let maxHorizonMonths = 1200

    /// Most variants in one file: each is checked in full by `parkplan check`.
    static let maxVariants = 256

    init(scenario: Scenario, session: DecodeSession) {
        self.scenario = scenario; self.session = session
        powerIDs = Set(scenario.powerNodes.map(\.id.rawValue))
        sewageIDs = Set(scenario.sewagePlants.map(\.id.rawValue))
        waterIDs = Set(scenario.waterNodes.map(\.id.rawValue))
        expansionIDs = Set(scenario.expansionList.map(\.id.rawValue))
        plotIDs = Set(scenario.plotList.map(\.id.rawValue))
        buildingIDs = Set(scenario.buildingList.map(\.id.rawValue))
        siteIDs = plotIDs.union(buildingIDs)
        plots = Dictionary(scenario.plotList.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        buildings = Dictionary(
            scenario.buildingList.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        plants = Dictionary(scenario.sewagePlants.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func validate(_ scenario: Scenario, session: DecodeSession) -> [Finding] {
        var validator = ScenarioValidator(scenario: scenario, session: session)
        validator.checkTop()
        validator.checkNodes()
        validator.checkSites()
        validator.checkExpansions()
        validator.checkProjects()
        validator.checkRanges()
        validator.checkFunnel()
        return validator.findings
    }

    mutating func fail(_ path: String, _ message: String) {
        findings.append(Finding(location: session.location(of: path), path: path, message: message))
    }

    // MARK: - Shared checks

    mutating func nonNegative(_ value: Double?, _ path: String) {
        if let value, value < 0 { fail(path, "must not be negative, found \(format(value))") }
    }

    static let smallestAmount = InputLimits.smallestAmount

    /// Not negative, and either 0 or at least `smallestAmount`.
    mutating func amount(_ value: Double?, _ path: String) {
        nonNegative(value, path)
        notTiny(value, path)
    }

    /// Either 0 (or negative, reported elsewhere) or at least `smallestAmount`.
    mutating func notTiny(_ value: Double?, _ path: String) {
        if let value, value > 0, value < Self.smallestAmount {
            fail(
                path,
                "\(format(value)) is too small: a nonzero amount must be at least \(format(Self.smallestAmount)) "
                    + "(use 0, or at least 0.001)")
        }
    }

    mutating func nonNegative(_ value: Int?, _ path: String) {
        if let value, value < 0 { fail(path, "must not be negative, found \(value)") }
    }

    mutating func positive(_ value: Double, _ path: String) {
        if !(value > 0) { fail(path, "must be greater than 0, found \(format(value))") }
    }

    mutating func positive(_ value: Int, _ path: String) {
        if value <= 0 { fail(path, "must be greater than 0, found \(value)") }
    }

    /// Reports empty and repeated ids of one list (`what` names the list in messages).
    mutating func uniqueIDs(_ ids: [String], list: String) {
        var seen: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            let path = "\(list)[\(index)].id"
            if id.trimmingCharacters(in: .whitespaces).isEmpty {
                fail(path, "an id must not be empty")
            } else if let first = seen[id] {
                fail(path, "duplicate id '\(id)': \(list)[\(first)] has it already; ids are unique within a list")
            } else {
                seen[id] = index
            }
        }
    }

    func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: - Top level

    mutating func checkTop() {
        if scenario.parkplan != 1 {
            fail(
                "parkplan",
                "unsupported format version \(scenario.parkplan); this parkplan reads format 1 ('parkplan: 1')")
        }
        if scenario.park.name.trimmingCharacters(in: .whitespaces).isEmpty {
            fail("park.name", "the park needs a name")
        }
        if let origin = scenario.park.origin {
            if origin.count != 2 {
                fail(
                    "park.origin",
                    "expected [longitude, latitude] (2 numbers, WGS 84 degrees), found \(origin.count) numbers")
            } else if !(origin[0].isFinite && origin[0] >= -180 && origin[0] <= 180) {
                fail(
                    "park.origin",
                    "longitude must lie in [-180, 180] degrees, found \(format(origin[0])) (write [longitude, latitude])"
                )
            } else if !(origin[1].isFinite && origin[1] >= -85 && origin[1] <= 85) {
                fail(
                    "park.origin",
                    "latitude must lie in [-85, 85] degrees, found \(format(origin[1])) (write [longitude, latitude])")
            }
        }
        let horizon = scenario.horizon
        positive(horizon.months, "horizon.months")
        if horizon.months > Self.maxHorizonMonths {
            fail(
                "horizon.months",
                "a horizon of \(horizon.months) months is too long; at most \(Self.maxHorizonMonths) months (100 years) are planned"
            )
        }
        if let step = horizon.stepMonths { positive(step, "horizon.step_months") }
        checkLastMonth()
        if let years = scenario.objective?.years { nonNegative(years, "objective.years") }
        amount(scenario.budget, "budget")
        if scenario.variantList.count > Self.maxVariants {
            fail(
                "variants",
                "\(scenario.variantList.count) variants are too many; at most \(Self.maxVariants) are checked in one file"
            )
        }
        if let policy = scenario.policy {
            nonNegative(policy.minInvestmentIntensity, "policy.min_investment_intensity")
            nonNegative(policy.minTaxPerMu, "policy.min_tax_per_mu")
        }
    }

    // MARK: - Utility nodes

    mutating func checkNodes() {
        uniqueIDs(scenario.powerNodes.map(\.id.rawValue), list: "power")
        uniqueIDs(scenario.sewagePlants.map(\.id.rawValue), list: "sewage")
        uniqueIDs(scenario.waterNodes.map(\.id.rawValue), list: "water")
        for (i, node) in scenario.powerNodes.enumerated() {
            amount(node.capacityMW, "power[\(i)].capacity_mw")
            if let reserve = node.reserve, !(reserve >= 0 && reserve < 1) {
                fail(
                    "power[\(i)].reserve",
                    "must be at least 0 and below 1 (a fraction held back), found \(format(reserve))")
            }
        }
        for (i, plant) in scenario.sewagePlants.enumerated() {
            amount(plant.capacityM3Day, "sewage[\(i)].capacity_m3_day")
            amount(plant.codKgDay, "sewage[\(i)].cod_kg_day")
        }
        for (i, node) in scenario.waterNodes.enumerated() {
            amount(node.capacityM3Day, "water[\(i)].capacity_m3_day")
        }
    }
}
