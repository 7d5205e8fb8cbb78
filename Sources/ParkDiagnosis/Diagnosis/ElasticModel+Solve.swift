import LinearProgramming
import ParkInstance
import ParkModel

extension ElasticModel {
    /// Time for both stages when the caller sets no limit, seconds: the diagnosis must not hang.
    static let defaultTimeLimitSeconds = 60.0

    /// The best schedule found, or nil when the model has no point (only possible without slack).
    ///
    /// The time limit (60 s when nil) counts `spentSeconds` already used (building the model) and
    /// the greedy schedule; each solve gets at least a quarter of a second.
    /// Stage one: the least total slack, warm-started from `greedySchedule` (60 % of what is left).
    /// Stage two: with that total held (relative 1e-7), projects start as early as their windows
    /// allow and expansions are cheap and started late (the rest of the time). When a stage finds
    /// no point the previous schedule stands, so the elastic model always has an answer.
    /// Throws what the solver throws.
    func bestSchedule(
        _ solver: any LinearSolver, options: SolverOptions, projects: [Int],
        spentSeconds: Double = 0
    ) throws -> DiagnosisSchedule? {
        let clock = ContinuousClock(), started = clock.now
        let total = options.timeLimitSeconds ?? Self.defaultTimeLimitSeconds
        /// What is left of the limit (at least a quarter of a second per solve).
        func left(_ share: Double) -> Double {
            let spent = spentSeconds + started.duration(to: clock.now).seconds
            return max(0.25, (total - spent) * share)
        }
        var staged = options
        guard elastic, !slacks.isEmpty else {
            staged.timeLimitSeconds = left(1)
            return try plainSchedule(solver, options: staged).schedule
        }
        let greedy = greedySchedule(projects: projects)
        var first = model
        for slack in slacks { first.setObjective(slack, 1) }
        staged.timeLimitSeconds = left(0.6)
        staged.initialSolution = columnValues(for: greedy)
        let stageOne = try solver.solve(first, options: staged)
        guard stageOne.hasPoint, let optimum = stageOne.objective else { return greedy }
        var second = model
        for term in secondaryObjective() { second.setObjective(term.column, term.coefficient) }
        second.addRow(
            "E5_slack_optimum", LinearExpression(slacks.map { Term($0, 1) }),
            upper: optimum + 1e-7 * max(1, abs(optimum)))
        staged.timeLimitSeconds = left(1)
        staged.initialSolution = stageOne.columnValues
        let stageTwo = try solver.solve(second, options: staged)
        return schedule(stageTwo.hasPoint ? stageTwo.columnValues : stageOne.columnValues)
    }

    /// Without slack: a schedule of the model's projects, or none — `provenInfeasible` when the
    /// solver proved that none exists (rather than running out of time).
    func plainSchedule(
        _ solver: any LinearSolver, options: SolverOptions
    ) throws
        -> (schedule: DiagnosisSchedule?, provenInfeasible: Bool)
    {
        var plain = model
        for term in secondaryObjective() { plain.setObjective(term.column, term.coefficient) }
        let solution = try solver.solve(plain, options: options)
        return (solution.hasPoint ? schedule(solution.columnValues) : nil, solution.status == .infeasible)
    }

    /// Delay of each start within its window (1 per period, shared out so the total is at most
    /// the number of projects), plus for expansions their share of the total cost and a small
    /// preference for later starts.
    func secondaryObjective() -> [Term] {
        let horizon = Double(max(1, periods))
        var terms: [Term] = []
        for place in places {
            let low = context.windowStarts(place.project)?.lowerBound ?? place.start
            terms.append(Term(place.column, Double(place.start - low) / horizon))
        }
        let total = max(1, instance.expansions.reduce(0) { $0 + $1.cost })
        for build in builds {
            let cost = instance.expansions[build.expansion].cost / total
            terms.append(Term(build.column, cost + 0.1 * Double(periods - 1 - build.start) / horizon))
        }
        return terms.filter { $0.coefficient != 0 }
    }
}
