import LinearProgramming
import ParkModel

extension ElasticModel {
    /// Stage one: the least total slack. Stage two: with that total held (relative 1e-7), projects
    /// start as early as their windows allow and expansions are cheap and started late; stage one's
    /// point is the warm start. With a time limit each stage gets half. Returns the last solution
    /// with a point (or stage one's when it has none). Throws what the solver throws.
    func solve(_ solver: any LinearSolver, options: SolverOptions) throws -> Solution {
        var staged = options
        staged.timeLimitSeconds = options.timeLimitSeconds.map { $0 / 2 }
        var first = model
        guard !slacks.isEmpty else {
            for term in secondaryObjective() { first.setObjective(term.column, term.coefficient) }
            return try solver.solve(first, options: options)
        }
        for slack in slacks { first.setObjective(slack, 1) }
        let stageOne = try solver.solve(first, options: staged)
        guard stageOne.hasPoint, let optimum = stageOne.objective else { return stageOne }
        var second = model
        for term in secondaryObjective() { second.setObjective(term.column, term.coefficient) }
        second.addRow("slack_optimum", LinearExpression(slacks.map { Term($0, 1) }),
                      upper: optimum + 1e-7 * max(1, abs(optimum)))
        staged.initialSolution = stageOne.columnValues
        let stageTwo = try solver.solve(second, options: staged)
        return stageTwo.hasPoint ? stageTwo : stageOne
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
