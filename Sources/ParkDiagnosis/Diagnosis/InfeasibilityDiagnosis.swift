import LinearProgramming
import ParkInstance
import ParkModel

/// What is missing for every committed and existing project to fit (contract §5 `shortfalls`).
///
/// Called when the main model is infeasible. Builds its own elastic model holding only the
/// must-place projects (candidates never make a scenario infeasible), in which node capacity,
/// plot area, building units and the budget may be exceeded at a price, and reports each resource
/// that had to be exceeded. Expansions may still be built, within the budget plus its shortfall.
public enum InfeasibilityDiagnosis {
    /// The smallest additions of capacity, space or budget that make every committed and existing
    /// project fit, plus the causes no addition can fix.
    ///
    /// - Capacity shortfalls (`power`, `water`, `sewage`, `cod`; `where` = node id): `amount` is
    ///   what to add to the node's field (`capacity_mw`, `capacity_m3_day`, `cod_kg_day`), in its
    ///   unit. For power that is the field *before* `reserve`: a usable deficit `d` with reserve `r`
    ///   is reported as `d / (1 - r)`. `from` is the first period the deficit appears; when that
    ///   is before the node's own `ready` month, the node must also be ready from `from` (and the
    ///   amount may then be 0).
    /// - Space (`land`, m², `where` = plot id; `units`, whole units, `where` = building id) and
    ///   `budget` (currency, `where` = "budget"): `from` is the start at which the space or budget
    ///   first runs out, taking projects or expansions in start order.
    /// - Causes no addition fixes (`site`, `window`, `policy`, `connection`; `where` = project id,
    ///   `amount` 0, `unit` ""): a must-place project with no admissible site and start at all.
    ///
    /// Amounts are rounded up (3 decimals; whole units and currency units), so that applying every
    /// shortfall (`[Shortfall].applied(to:)`) makes the must-place projects fit. The minimum is
    /// taken over the sum of amounts each divided by the resource's scale (its usable capacity or
    /// the demand on it, plot area, building units, budget); among schedules reaching it, projects
    /// start as early as their windows allow, so `from` is when the planner would first need it.
    /// The time limit (60 s when nil) is shared by the two solves; when it runs out first, the
    /// answer comes from the best schedule found so far (at worst a greedy one), still valid but
    /// perhaps not least. Structural causes come first (project order), then capacity (node order),
    /// space (site order) and budget. An empty result means the must-place projects fit.
    /// Throws what the solver throws.
    public static func shortfalls(
        instance: PlanningInstance, solver: any LinearSolver, options: SolverOptions, language: ReportLanguage = .en
    ) throws -> [Shortfall] {
        let clock = ContinuousClock(), started = clock.now
        let context = DiagnosisContext(instance, language: language)
        let mustPlace = instance.projects.indices.filter { instance.projects[$0].mustPlace }
        var causes: [Shortfall] = []
        var placeable: [Int] = []
        for p in mustPlace {
            if let cause = context.structuralCause(p) { causes.append(cause) } else { placeable.append(p) }
        }
        guard !placeable.isEmpty else { return causes }
        let elastic = ElasticModel(context: context, projects: placeable, elastic: true)
        let spent = started.duration(to: clock.now).seconds
        guard
            let schedule = try elastic.bestSchedule(solver, options: options, projects: placeable, spentSeconds: spent)
        else {
            let message = context.say(
                "the committed and existing projects cannot all be placed, and the diagnosis "
                    + "found no addition of capacity, space or budget that fits them",
                "已签约和现有项目无法全部落位，诊断也未找到能容纳它们的容量、空间或预算增量")
            return causes + [
                Shortfall(kind: "unexplained", where: "plan", from: nil, amount: 0, unit: "", message: message)
            ]
        }
        return causes + context.shortfalls(of: schedule)
    }

    /// A plan placing only the committed and existing projects (with the expansions they need),
    /// or nil when they cannot all fit. Status `feasible`; `value`, `bound`, `gap` and
    /// `utilization` are left empty. Useful to check that applied shortfalls suffice.
    public static func mustPlacePlan(
        instance: PlanningInstance, solver: any LinearSolver, options: SolverOptions
    ) throws -> Plan? {
        let context = DiagnosisContext(instance)
        let mustPlace = instance.projects.indices.filter { instance.projects[$0].mustPlace }
        guard mustPlace.allSatisfy({ context.structuralCause($0) == nil }) else { return nil }
        let solverInfo = SolverInfo(name: solver.name, version: solver.version, seconds: 0)
        guard !mustPlace.isEmpty else {
            return Plan(
                scenario: instance.scenario.park.name, variant: nil, status: .feasible, value: nil, bound: nil,
                gap: nil, solver: solverInfo)
        }
        let model = ElasticModel(context: context, projects: mustPlace, elastic: false)
        guard let schedule = try model.bestSchedule(solver, options: options, projects: mustPlace) else { return nil }
        return Plan(
            scenario: instance.scenario.park.name, variant: nil, status: .feasible, value: nil, bound: nil, gap: nil,
            solver: solverInfo,
            placements: schedule.placements.map { placed in
                let site = instance.sites[placed.site]
                let units =
                    site.kind == .building
                    ? DiagnosisFormat.wholeNumber(context.spaceTaken(placed.project, on: placed.site)) : nil
                return Placement(
                    project: instance.projects[placed.project].id, site: site.id,
                    start: instance.month(placed.start), units: units)
            },
            expansions: schedule.builds.map { built in
                let e = instance.expansions[built.expansion]
                return BuiltExpansion(
                    id: e.id, start: instance.month(built.start),
                    complete: instance.month(built.start + e.leadPeriods))
            })
    }
}

extension InfeasibilityDiagnosis {
    /// A start for the planner when its greedy heuristic cannot place every committed and
    /// existing project.
    package enum MustPlaceStart {
        /// Those projects placed (with the expansions they need) by the diagnosis model.
        case schedule(Assignment)
        /// The solver proved that they cannot all fit (the scenario is infeasible).
        case infeasible
        /// No schedule within the limit, or a structural cause rules a project out.
        case unknown
    }

    /// The committed and existing projects scheduled by the non-elastic diagnosis model.
    package static func mustPlaceStart(
        instance: PlanningInstance, solver: any LinearSolver,
        options: SolverOptions
    ) -> MustPlaceStart {
        let context = DiagnosisContext(instance)
        let mustPlace = instance.projects.indices.filter { instance.projects[$0].mustPlace }
        guard mustPlace.allSatisfy({ context.structuralCause($0) == nil }) else { return .unknown }
        var assignment = Assignment(projectCount: instance.projects.count, expansionCount: instance.expansions.count)
        guard !mustPlace.isEmpty else { return .schedule(assignment) }
        let model = ElasticModel(context: context, projects: mustPlace, elastic: false)
        guard let result = try? model.plainSchedule(solver, options: options) else { return .unknown }
        guard let schedule = result.schedule else { return result.provenInfeasible ? .infeasible : .unknown }
        // The solver's tolerances are absolute; the schedule must hold exactly (the checks of the
        // shortfalls, with the verifier's tolerance), or it is no start.
        guard context.shortfalls(of: schedule).isEmpty else { return .unknown }
        for placed in schedule.placements { assignment.placements[placed.project] = (placed.site, placed.start) }
        for built in schedule.builds { assignment.expansionStarts[built.expansion] = built.start }
        guard mustPlace.allSatisfy({ assignment.placements[$0] != nil }) else { return .unknown }
        return .schedule(assignment)
    }
}
