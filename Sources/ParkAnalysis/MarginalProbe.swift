import ParkModel
import ParkReports

/// One change whose value `plan --marginals` measures: the `--set` edits that make it and what
/// to add to the re-solved plan's value (a forced-in expansion is made free, so its cost is
/// subtracted here).
public struct MarginalProbe: Sendable, Equatable {
    public var kind: String
    public var place: String
    public var from: YearMonth?
    public var change: String
    public var edits: [String]
    public var adjustment: Double

    /// The step per kind: +1 MW, +500 m³/day of water or sewage, +100 kg/day of COD, +1 unit,
    /// +1,000 m² of land, +10 M of budget.
    public static let powerStep = 1.0, flowStep = 500.0, codStep = 100.0, unitStep = 1, landStep = 1000.0
    public static let budgetStep = 1e7

    /// The probes for `plan` of `scenario`: ± one step of every binding resource (in the order
    /// utilities, buildings, plots, budget) and, for every expansion, forced out / one period
    /// earlier / one period later when the plan builds it, forced in at its earliest month when not.
    public static func probes(for plan: Plan, in scenario: Scenario) -> [MarginalProbe] {
        utilityProbes(plan, scenario) + siteProbes(plan, scenario) + budgetProbes(plan, scenario)
            + expansionProbes(plan, scenario)
    }

    static func pair(
        kind: String, place: String, from: YearMonth?, path: String, current: Double, step: Double,
        unit: String
    ) -> [MarginalProbe] {
        let stepText = PlanSummaryText.amount(step)
        var probes = [
            MarginalProbe(
                kind: kind, place: place, from: from, change: "+\(stepText) \(unit)",
                edits: ["\(path)=\(SweepAxis.format(current + step))"], adjustment: 0)
        ]
        if current - step >= 0 {
            probes.append(
                MarginalProbe(
                    kind: kind, place: place, from: from, change: "-\(stepText) \(unit)",
                    edits: ["\(path)=\(SweepAxis.format(current - step))"], adjustment: 0))
        }
        return probes
    }

    /// Every utility node and kind: a node with a few MW left, or one too small for any project,
    /// can still be what keeps a project out, so "binding" is left to the re-solve. `from` is the
    /// period with the least capacity left (the first of them; nil when the plan has no row for
    /// the node). The step changes the nameplate capacity (before `reserve`) in every period.
    static func utilityProbes(_ plan: Plan, _ scenario: Scenario) -> [MarginalProbe] {
        func tightest(_ node: NodeID, _ kind: CapacityKind) -> YearMonth? {
            var best: (period: YearMonth, slack: Double)?
            for row in plan.utilization where row.kind == kind && row.node == node {
                let slack = row.capacity - row.used
                if let b = best, !(slack < b.slack - 1e-9 || (abs(slack - b.slack) <= 1e-9 && row.period < b.period)) {
                    continue
                }
                best = (row.period, slack)
            }
            return best?.period
        }
        var probes: [MarginalProbe] = []
        for n in scenario.powerNodes {
            probes += pair(
                kind: "power", place: "\(n.id)", from: tightest(n.id, .power), path: "power.\(n.id).capacity_mw",
                current: n.capacityMW, step: powerStep, unit: "MW")
        }
        for n in scenario.waterNodes {
            probes += pair(
                kind: "water", place: "\(n.id)", from: tightest(n.id, .water),
                path: "water.\(n.id).capacity_m3_day", current: n.capacityM3Day, step: flowStep, unit: "m³/day")
        }
        for n in scenario.sewagePlants {
            probes += pair(
                kind: "sewage", place: "\(n.id)", from: tightest(n.id, .sewage),
                path: "sewage.\(n.id).capacity_m3_day", current: n.capacityM3Day, step: flowStep, unit: "m³/day")
        }
        for n in scenario.sewagePlants {
            guard let cod = n.codKgDay else { continue }
            probes += pair(
                kind: "cod", place: "\(n.id)", from: tightest(n.id, .cod), path: "sewage.\(n.id).cod_kg_day",
                current: cod, step: codStep, unit: "kg/day")
        }
        return probes
    }

    /// Buildings that are full or could take a left-out project that needs floor space, and plots
    /// with less than one step of land free or a left-out project that needs land.
    static func siteProbes(_ plan: Plan, _ scenario: Scenario) -> [MarginalProbe] {
        var probes: [MarginalProbe] = []
        for building in scenario.buildingList {
            let placed = plan.placements.filter { $0.site == building.id }
            let used = placed.reduce(0) { $0 + ($1.units ?? 0) }
            guard (!placed.isEmpty && used >= building.units) || unplacedNeed(plan, scenario, \.floorM2) else {
                continue
            }
            probes += pair(
                kind: "units", place: "\(building.id)", from: placed.map(\.start).min(),
                path: "buildings.\(building.id).units", current: Double(building.units),
                step: Double(unitStep), unit: "unit")
        }
        for plot in scenario.plotList {
            let placed = plan.placements.filter { $0.site == plot.id }
            let used = placed.reduce(0.0) { sum, p in
                sum + (scenario.projectList.first { $0.id == p.project }?.landM2 ?? 0)
            }
            guard plot.areaM2 - used < landStep || unplacedNeed(plan, scenario, \.landM2) else { continue }
            probes += pair(
                kind: "land", place: "\(plot.id)", from: placed.map(\.start).min(),
                path: "plots.\(plot.id).area_m2", current: plot.areaM2, step: landStep, unit: "m²")
        }
        return probes
    }

    static func unplacedNeed(_ plan: Plan, _ scenario: Scenario, _ need: KeyPath<Project, Double?>) -> Bool {
        plan.unplaced.contains { left in scenario.projectList.first { $0.id == left.project }?[keyPath: need] != nil }
    }

    /// The budget when what is left of it cannot pay for an expansion the plan does not build, or
    /// is less than one step.
    static func budgetProbes(_ plan: Plan, _ scenario: Scenario) -> [MarginalProbe] {
        guard let budget = scenario.budget else { return [] }
        let spent = plan.expansions.reduce(0.0) { sum, built in
            sum + (scenario.expansionList.first { $0.id == built.id }?.costOrZero ?? 0)
        }
        let left = budget - spent
        let unaffordable = scenario.expansionList.contains { expansion in
            !plan.expansions.contains { $0.id == expansion.id } && expansion.costOrZero > left + 1e-6
        }
        guard unaffordable || left < budgetStep else { return [] }
        return pair(
            kind: "budget", place: "budget", from: nil, path: "budget", current: budget, step: budgetStep,
            unit: scenario.park.currencyOrDefault)
    }
}
