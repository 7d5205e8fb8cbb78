import Foundation
import LinearProgramming
import ParkDiagnosis
import ParkInstance
import ParkModel

/// One run of `Planner.plan`: build, heuristic, solve, decode, verify.
struct PlanningPipeline {
    let scenario: Scenario
    let variant: String?
    let solver: any LinearSolver
    let options: PlanningOptions

    func run() throws -> PlanningResult {
        var stats = PlanningStatistics()
        var clock = Stopwatch()
        let budget = TimeBudget(limit: options.timeLimitSeconds)
        let instance = PlanningInstance(scenario)
        let index = ModelIndex(instance: instance)
        stats.buildSeconds = clock.lap()

        let columns = Self.estimatedColumns(index)
        let large = columns > options.directColumns || columns > options.maximumColumns
        // A model that gets no full MIP has its bound only from the static LP (or the Lagrangian
        // bound): started now, on the second core while the greedy runs on the first, so that it
        // can finish within short limits (600 projects, 10 s).
        let withoutMIP = large && !usesFullMIP(columns: columns)
        let backgroundBound = withoutMIP ? startBound(index, budget: budget) : nil
        // With a --gap target the local search waits for the bound where the static LP is small
        // next to the limit (up to `mipColumns`), so that it can stop as soon as the target holds.
        let waitForBound = options.relativeGap != nil && large && columns <= fullMIPColumns
        var greedyHeuristic = GreedyHeuristic(index: index)
        if let limit = options.timeLimitSeconds {
            let stopAt = schedule.greedyImprovementShare * limit
            greedyHeuristic.shouldStop = { StopRequest.isRequested || budget.elapsed >= stopAt }
        }
        var greedy = greedyHeuristic.run()
        stats.greedyPlacedAll = greedy != nil
        if let startPlan = options.startPlan, let repaired = StartPlanRepair(index: index).repaired(startPlan),
            greedy.map({ PlanBuilder.value(repaired, instance) > PlanBuilder.value($0, instance) }) ?? true
        {
            greedy = repaired
            stats.startPlanUsed = true
        }
        var provenInfeasible = false
        if greedy == nil, instance.projects.contains(where: \.mustPlace) {
            // The greedy could not place every committed and existing project: ask the
            // diagnosis model for a schedule of them (a quarter of the limit at most).
            var solverOptions = SolverOptions(
                timeLimitSeconds: budget.remaining.map { max(1, schedule.mustPlaceShare * $0) } ?? 60)
            solverOptions.emphasis = .feasibility
            switch InfeasibilityDiagnosis.mustPlaceStart(instance: instance, solver: solver, options: solverOptions) {
            case .schedule(let assignment): greedy = assignment
            case .infeasible: provenInfeasible = true
            case .unknown: break
            }
        }
        stats.heuristicSeconds = clock.lap()
        stats.heuristicValue = greedy.map { PlanBuilder.value($0, instance) }
        stats.firstPlanSeconds = greedy == nil ? nil : budget.elapsed
        // With a --gap target the bound comes first, so that the local search can stop as soon
        // as the target holds (waited for: the same ending on every run).
        let earlyBound =
            backgroundBound ?? (waitForBound && greedy != nil ? startBound(index, budget: budget) : nil)
        // A model the solver takes directly needs only a short local search for its warm start.
        var laterPasses: LaterPasses?
        let heuristic = greedy.map { start -> Assignment in
            let searched = localSearch(
                start, index: index, budget: budget,
                maximumRounds: columns <= options.directColumns ? schedule.directLocalSearchRounds : nil,
                stats: &stats, bound: waitForBound ? earlyBound?.value() : nil, mixedThresholds: withoutMIP)
            laterPasses = searched.later
            return searched.plan
        }
        stats.localSearchSeconds = clock.lap()
        let heuristicValue = heuristic.map { PlanBuilder.value($0, instance) }

        // A must-place project without any option: infeasible without asking the solver.
        // Or the diagnosis model proved that they cannot all fit (large models whose full MIP
        // would not finish its root LP within the limit).
        let hopeless =
            provenInfeasible
            || instance.projects.indices.contains { instance.projects[$0].mustPlace && index.classes[$0].isEmpty }
        var outcome: Outcome
        if hopeless {
            outcome = .infeasible
        } else if let heuristic, let heuristicValue, columns > options.directColumns || columns > options.maximumColumns
        {
            outcome = try searchThenSolve(
                heuristic, value: heuristicValue, index: index, columns: columns,
                budget: budget, clock: &clock, stats: &stats, bound: earlyBound, laterPasses: laterPasses)
        } else {
            let model = buildModel(index, clock: &clock, stats: &stats)
            let reserve = schedule.reserve(projects: instance.projects.count)
            outcome = try solve(
                model, heuristic: heuristic, heuristicValue: heuristicValue,
                timeLimit: budget.remaining.map { max(0.1, $0 - reserve) }, nodeShare: nil,
                tuning: schedule.fullMIPTuning, staticBound: nil, stats: &stats)
        }
        stats.solveSeconds += clock.lap()

        var plan = try makePlan(outcome, index: index, stats: stats, budget: budget)
        if StopRequest.isRequested { plan.interrupted = true }
        stats.verifySeconds = clock.lap()
        return PlanningResult(plan: plan, instance: instance, statistics: stats)
    }

    /// Branch-and-bound nodes that should take about `seconds` on two busy shared cores: GLPK
    /// processed ~80 nodes/s on the 2,500-column MIP of 50 projects, roughly inversely to the
    /// columns. At least 50.
    static func nodeBudget(columns: Int, seconds: Double) -> Int {
        let perSecond = 200_000 / Double(max(columns, 500))
        return max(50, Int(min(1e9, seconds * perSecond)))
    }

    /// The time shares of this run.
    var schedule: SearchSchedule { .standard }

    /// The most columns a model may have for the full MIP to be built at all (`mipColumns`, and
    /// never above `maximumColumns`); also where a `--gap` run waits for the static bound.
    var fullMIPColumns: Int { min(options.mipColumns, options.maximumColumns) }

    /// Whether a model of `columns` columns above `directColumns` gets the full MIP after the
    /// neighbourhood search: up to `fullMIPColumns`, and above `SearchSchedule.fullMIPAlwaysColumns`
    /// only when the limit gives it `fullMIPSecondsPerColumn` per column.
    func usesFullMIP(columns: Int) -> Bool {
        guard columns <= fullMIPColumns else { return false }
        guard columns > schedule.fullMIPAlwaysColumns, let limit = options.timeLimitSeconds else { return true }
        return limit >= schedule.fullMIPSecondsPerColumn * Double(columns)
    }

    /// Columns the MIP of `index` would have.
    static func estimatedColumns(_ index: ModelIndex) -> Int {
        let projectColumns = index.classes.indices.reduce(0) { $0 + index.columnCount(ofProject: $1) }
        return projectColumns + index.expansionRanges.reduce(0) { $0 + ($1?.count ?? 0) }
    }

    /// The smallest of the sum of best values, the static LP bound (`StaticBound`), the
    /// Lagrangian bound (`LagrangianBound`; only when the LP does not finish, where it is expected
    /// to) and, where it fits, the static model's root bound after GLPK's cuts
    /// (`StaticBound.cutBound`).
    /// Both get at most `timeLimit` seconds together (and never more than 30 with `cap`); the
    /// caller passes what is left of the run's limit after build and heuristic (at least 1 s).
    static func fallbackBound(
        _ index: ModelIndex, solver: any LinearSolver, timeLimit: Double?,
        cap: Double? = 30
    ) -> Double {
        let trivial = trivialBound(index)
        let limit = min(cap ?? .infinity, timeLimit ?? 30)
        let start = ContinuousClock.now
        func elapsed() -> Double { (ContinuousClock.now - start).seconds }
        var bound = trivial
        // Where the LP is expected to finish in three quarters of the time with room to spare
        // (twice its idle-machine seconds: the search shares the cores), the static LP first and
        // the Lagrangian bound only if it did not: where both finish the LP is the tighter (it
        // keeps readiness and requirements), and the Lagrangian's iterations would take a core
        // from the search. Otherwise the Lagrangian first (a quarter of the time), then the LP
        // with the rest: at 1,000 projects with 10 s the LP cannot finish (and building it
        // overruns its limit), so the Lagrangian is the bound. Decided on size and limit only.
        if 2 * StaticBound.lpSeconds(columns: StaticBound.columnCount(index)) <= 0.75 * limit {
            if let lp = StaticBound.bound(index, solver: solver, timeLimit: max(0.5, 0.75 * limit)) {
                bound = min(bound, lp)
            } else if !StopRequest.isRequested {
                let lagrangian = LagrangianBound.bound(index) { StopRequest.isRequested || elapsed() > limit }
                bound = min(bound, lagrangian ?? trivial)
            }
        } else {
            let lagrangian = LagrangianBound.bound(index) { StopRequest.isRequested || elapsed() > 0.25 * limit }
            let lp = StaticBound.bound(index, solver: solver, timeLimit: max(0.5, limit - elapsed()))
            bound = min(bound, lagrangian ?? trivial, lp ?? trivial)
        }
        // GLPK's cuts on the static model where its root fits the thread's time (decided on the
        // thread's limit and the model's size only, so the same run makes the same choice).
        let rest = limit - elapsed()
        if StaticBound.cutsFit(index, seconds: limit), rest > 0.5, !StopRequest.isRequested,
            let cut = StaticBound.cutBound(index, solver: solver, timeLimit: rest)
        {
            bound = min(bound, cut)
        }
        return bound
    }

    // MARK: - Solve

    enum Outcome {
        case solved(Assignment, status: PlanStatus, bound: Double, solverSeconds: Double)
        case infeasible
        case noSolution(solverSeconds: Double)
    }

    /// Solves the full MIP with `tuning`. `nodeShare` (when given) is the part of the time limit
    /// this run is meant to use: it sets a node limit (`nodeBudget`), so the result does not
    /// depend on the machine's speed; nil: the run ends when optimal, at `--gap` or at
    /// `timeLimit`.
    func solve(
        _ model: PlanningModel, heuristic: Assignment?, heuristicValue: Double?, timeLimit: Double?,
        nodeShare: Double?, tuning: MIPTuning = MIPTuning(), staticBound: BackgroundBound?,
        stats: inout PlanningStatistics
    ) throws -> Outcome {
        let scale = model.objectiveScale
        var solverOptions = SolverOptions(
            timeLimitSeconds: timeLimit,
            relativeGap: options.relativeGap, emphasis: options.emphasis)
        solverOptions.tuning = tuning
        if let nodeShare {
            solverOptions.nodeLimit = options.timeLimitSeconds.map {
                Self.nodeBudget(columns: model.linear.columns.count, seconds: nodeShare * $0)
            }
        }
        if let progress = options.progress {
            solverOptions.progress = { @Sendable event in
                var scaled = event
                scaled.incumbent = event.incumbent.map { $0 * scale }
                scaled.bestBound = event.bestBound.map { $0 * scale }
                progress(scaled)
            }
        }
        if options.warmStart, let heuristic, let values = model.encode(heuristic) {
            solverOptions.initialSolution = values
            solverOptions.presolve = false
        }
        let solution: Solution
        do {
            solution = try solver.solve(model.linear, options: solverOptions)
        } catch {
            throw PlanningError.solver("\(solver.name): \(error)")
        }
        stats.warmStartUsed = solution.warmStartUsed
        stats.nodes = solution.nodes
        stats.solverMessage = solution.message
        stats.solverStatus = solution.status.rawValue
        // Only computed when the solver has no bound of its own (its LP bound is tighter).
        var fallback: Double?
        func fallbackBound() -> Double {
            if let fallback { return fallback }
            let bound =
                staticBound?.value()
                ?? Self.fallbackBound(model.index, solver: solver, timeLimit: timeLimit)
            fallback = bound
            return bound
        }
        switch solution.status {
        case .optimal, .feasible:
            var assignment = model.decode(solution.columnValues)
            var value = PlanBuilder.value(assignment, model.instance)
            if let heuristic, let heuristicValue, heuristicValue > value + 1e-9 * max(1, abs(value)) {
                assignment = heuristic; value = heuristicValue; stats.usedHeuristicPlan = true
            }
            let proven = solution.status == .optimal
            var bound =
                solution.bestBound.map { $0 * scale }
                ?? (proven && options.relativeGap == nil ? value : fallbackBound())
            // Both are valid upper bounds: keep the tighter.
            if !proven, let other = staticBound?.value() { bound = min(bound, other) }
            bound = max(bound, value)
            // "optimal" only when proven to the last unit; a requested gap gives "feasible" with its gap.
            // Proven without a requested gap: GLPK's bound equals its objective up to its own
            // integrality tolerance, so the bound is the value itself.
            if proven && options.relativeGap == nil { bound = value }
            let closed = (bound - value) / max(1, abs(value)) <= 1e-6
            return .solved(
                assignment, status: proven && closed ? .optimal : .feasible, bound: bound,
                solverSeconds: solution.seconds)
        case .infeasible:
            return .infeasible
        case .noSolution, .unbounded, .numericalFailure:
            if let heuristic, let heuristicValue {
                stats.usedHeuristicPlan = true
                return .solved(
                    heuristic, status: .feasible, bound: max(fallbackBound(), heuristicValue),
                    solverSeconds: solution.seconds)
            }
            if solution.status == .noSolution { return .noSolution(solverSeconds: solution.seconds) }
            throw PlanningError.solver("\(solver.name): \(solution.message)")
        }
    }

    /// A valid upper bound without the solver: every project at its best start, no expansion
    /// cost (weighted costs are non-negative), plus any negatively weighted cost as a gain.
    static func trivialBound(_ index: ModelIndex) -> Double {
        var total = 0.0
        for (p, classes) in index.classes.enumerated() {
            let project = index.instance.projects[p]
            let best = classes.map { project.value(startingAt: $0.starts.lowerBound) }.max()
            guard let best else { continue }
            total += project.mustPlace ? best : max(0, best)
        }
        let w = index.instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        for e in index.instance.expansions where w * e.cost < 0 { total -= w * e.cost }
        return total
    }
}

/// Wall-clock laps in seconds.
struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { last = now }
        return Double(now - last) / 1e9
    }
}

extension Planner {
    /// Each bound of `fallbackBound` on its own, each given `seconds` (nil: it did not finish),
    /// for the bench (`ParkBench --bounds`): which of them is the tighter on a scenario.
    package static func boundComponents(
        _ scenario: Scenario, solver: any LinearSolver, seconds: Double
    ) -> (trivial: Double, lp: Double?, lagrangian: Double?, cut: Double?) {
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let start = ContinuousClock.now
        let lagrangian = LagrangianBound.bound(index) { (ContinuousClock.now - start).seconds > seconds }
        let lp = StaticBound.bound(index, solver: solver, timeLimit: seconds)
        let cut =
            StaticBound.cutsFit(index, seconds: seconds)
            ? StaticBound.cutBound(index, solver: solver, timeLimit: seconds) : nil
        return (PlanningPipeline.trivialBound(index), lp, lagrangian, cut)
    }
}
