import LinearProgramming
import Testing

@testable import GLPKSolver

/// `SolverOptions.nodeLimit`: the search stops after that many nodes, with its best point.
@Suite("GLPK node limit")
struct GLPKNodeLimitTests {
    /// A knapsack whose LP relaxation is fractional, so branch-and-cut needs several nodes.
    static func knapsack(items: Int) -> LinearModel {
        var m = LinearModel(name: "knapsack", sense: .maximize)
        var terms: [Term] = []
        for i in 0..<items {
            let weight = Double(31 + (i * 37) % 53)
            let value = weight + Double((i * 17) % 11)
            let x = m.addColumn("x\(i)", kind: .binary, lower: 0, upper: 1, objective: value)
            terms.append(Term(x, weight))
        }
        m.addRow("capacity", LinearExpression(terms), upper: 1_000.5)
        return m
    }

    @Test func stopsAtTheNodeLimitWithAFeasiblePoint() throws {
        let model = Self.knapsack(items: 40)
        let full = try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: 30))
        #expect(full.status == .optimal)
        #expect(full.nodes > 3, "the model must need branching for this test to mean anything")
        var options = SolverOptions(timeLimitSeconds: 30)
        options.nodeLimit = 2
        options.initialSolution = Array(repeating: 0, count: model.columns.count)
        let limited = try GLPKSolver().solve(model, options: options)
        #expect(limited.status == .feasible)
        #expect(limited.nodes <= 3)
        #expect(limited.message.contains("node limit"), "\(limited.message)")
        #expect((limited.objective ?? .infinity) <= (full.objective ?? 0) + 1e-9)
        // The same limit gives the same point (unlike a time limit).
        let again = try GLPKSolver().solve(model, options: options)
        #expect(again.columnValues == limited.columnValues)
    }

    @Test func rejectsANodeLimitBelowOne() {
        var options = SolverOptions()
        options.nodeLimit = 0
        #expect(throws: LinearProgrammingError.self) {
            try GLPKSolver().solve(Self.knapsack(items: 3), options: options)
        }
    }

    @Test func quickEmphasisStillProvesTheOptimum() throws {
        let model = Self.knapsack(items: 30)
        let balanced = try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: 30))
        let quick = try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: 30, emphasis: .quick))
        #expect(quick.status == .optimal)
        #expect(abs((quick.objective ?? 0) - (balanced.objective ?? 1)) < 1e-6)
    }
}
