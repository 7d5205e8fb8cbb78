import GLPKSolver
import ParkModel

@testable import ParkPlanning
@testable import ParkVerification

/// Exhaustive search for tiny scenarios: every project unplaced or placed on every
/// (site, start), every expansion unbuilt or built at every start; the plans that
/// `PlanVerifier` accepts are the feasible ones, and the best contract §4 value wins.
///
/// The only knowledge of contract §3 here is the verifier's: partial plans are checked
/// with status `infeasible` (so that missing committed projects are not yet an
/// error) and pruned on any violation, which is sound because every rule other
/// than "committed and existing are placed" can only get worse as placements are
/// added. Complete plans are checked again with status `optimal`.
struct BruteForce {
    struct Result {
        /// The best feasible plan (first found among equals), or nil when none is feasible.
        var plan: Plan?
        var value: Double?
        /// Feasible complete plans seen.
        var feasiblePlans = 0
        /// Verifier calls made.
        var checks = 0
    }

    let scenario: Scenario
    let periodMonths: [YearMonth]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        let step = max(1, scenario.horizon.stepMonths ?? 1)
        let count = (scenario.horizon.months + step - 1) / step
        periodMonths = (0..<count).map { scenario.horizon.start.adding(months: $0 * step) }
    }

    static func solve(_ scenario: Scenario) -> Result { BruteForce(scenario).solve() }

    func solve() -> Result {
        var result = Result()
        for expansions in expansionCombinations(&result) {
            let options = scenario.projectList.map { placementOptions(for: $0, with: expansions, &result) }
            var chosen: [Placement] = []
            search(options, 0, &chosen, expansions, &result)
        }
        return result
    }

    // MARK: - Plans

    func plan(_ placements: [Placement], _ expansions: [BuiltExpansion], complete: Bool) -> Plan {
        var plan = Plan(
            scenario: scenario.park.name, variant: nil, status: complete ? .optimal : .infeasible,
            value: nil, bound: nil, gap: nil, solver: SolverInfo(name: "brute force", version: "1", seconds: 0),
            placements: placements, expansions: expansions)
        if complete { plan.utilization = PlanVerifier.utilization(of: plan, in: scenario) }
        return plan
    }

    func accepts(_ plan: Plan, _ result: inout Result) -> Bool {
        result.checks += 1
        return PlanVerifier.check(plan, in: scenario).isEmpty
    }

    // MARK: - Expansions

    /// Every combination of "unbuilt or built at each start" that passes the verifier on its own.
    func expansionCombinations(_ result: inout Result) -> [[BuiltExpansion]] {
        let step = max(1, scenario.horizon.stepMonths ?? 1)
        var combos: [[BuiltExpansion]] = [[]]
        for expansion in scenario.expansionList {
            let leadPeriods = (expansion.leadMonthsOrZero + step - 1) / step
            var next: [[BuiltExpansion]] = []
            for combo in combos {
                next.append(combo)
                for start in periodMonths {
                    let complete = start.adding(months: leadPeriods * step)
                    next.append(combo + [BuiltExpansion(id: expansion.id, start: start, complete: complete)])
                }
            }
            combos = next
        }
        return combos.filter { accepts(plan([], $0, complete: false), &result) }
    }

    // MARK: - Placements

    /// nil (unplaced) for every project — the complete-plan check rejects a missing committed
    /// one — then every (site, start) that passes the verifier alone with these expansions.
    func placementOptions(
        for project: Project, with expansions: [BuiltExpansion],
        _ result: inout Result
    ) -> [Placement?] {
        var options: [Placement?] = [nil]
        for site in sites {
            for start in periodMonths {
                let placement = Placement(
                    project: project.id, site: site.id, start: start,
                    units: units(of: project, in: site.building))
                if accepts(plan([placement], expansions, complete: false), &result) { options.append(placement) }
            }
        }
        return options
    }

    var sites: [(id: SiteID, building: Building?)] {
        scenario.plotList.map { ($0.id, nil) } + scenario.buildingList.map { ($0.id, $0) }
    }

    func units(of project: Project, in building: Building?) -> Int? {
        guard let building, let floor = project.floorM2, project.landM2 == nil else { return nil }
        return Int((floor / building.unitAreaM2).rounded(.up))
    }

    func search(
        _ options: [[Placement?]], _ index: Int, _ chosen: inout [Placement],
        _ expansions: [BuiltExpansion], _ result: inout Result
    ) {
        if index == options.count {
            var candidate = plan(chosen, expansions, complete: true)
            guard accepts(candidate, &result) else { return }
            result.feasiblePlans += 1
            let value = PlanVerifier.totalValue(of: candidate, in: scenario)
            if result.value.map({ value > $0 + 1e-9 * max(1, abs($0)) }) ?? true {
                candidate.value = value
                result.value = value
                result.plan = candidate
            }
            return
        }
        for option in options[index] {
            guard let option else {
                search(options, index + 1, &chosen, expansions, &result)
                continue
            }
            chosen.append(option)
            if chosen.count == 1 || accepts(plan(chosen, expansions, complete: false), &result) {
                search(options, index + 1, &chosen, expansions, &result)
            }
            chosen.removeLast()
        }
    }
}

// MARK: - Engine adapter

/// The one place the engine tests call the planning engine, so an API change is one edit.
enum Engine {
    /// Plans `scenario` with GLPK and default options (prove optimal within 1e-6).
    static func plan(_ scenario: Scenario) throws -> Plan {
        try Planner.plan(scenario, variant: nil, solver: GLPKSolver(), options: PlanningOptions()).plan
    }
}

/// A compact description of a plan for failure messages.
func describe(_ plan: Plan?) -> String {
    guard let plan else { return "none" }
    let placements = plan.placements.map { "\($0.project)@\($0.site)/\($0.start)" }.joined(separator: ", ")
    let expansions = plan.expansions.map { "\($0.id)@\($0.start)" }.joined(separator: ", ")
    return
        "\(plan.status.rawValue) value \(plan.value.map { "\($0)" } ?? "nil") placements [\(placements)] expansions [\(expansions)]"
}
