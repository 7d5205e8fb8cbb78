import Testing
import LinearProgramming
import GLPKSolver

@Suite struct GLPKSmokeTests {
    @Test func tinyLP() throws {
        var m = LinearModel(name: "tiny", sense: .maximize)
        let x = m.addColumn("x", upper: 4, objective: 3)
        let y = m.addColumn("y", upper: 6, objective: 5)
        m.addRow("c", [(x, 3), (y, 2)], upper: 18)
        let s = try GLPKSolver().solve(m, options: SolverOptions())
        #expect(s.status == .optimal)
        #expect(abs((s.objective ?? 0) - 36) < 1e-6)
    }
}

extension GLPKSmokeTests {
    @Test(arguments: [true, false]) func knapsack(presolve: Bool) throws {
        var m = LinearModel(name: "knap", sense: .maximize)
        let values = [10.0, 13, 7, 8, 9], weights = [5.0, 7, 3, 4, 5]
        let cols = values.indices.map { m.addColumn("x\($0)", kind: .binary, objective: values[$0]) }
        m.addRow("w", LinearExpression(cols.indices.map { Term(cols[$0], weights[$0]) }), upper: 12)
        let s = try GLPKSolver().solve(m, options: SolverOptions(presolve: presolve))
        #expect(s.status == .optimal)
        #expect(abs((s.objective ?? 0) - 25) < 1e-6)
        #expect(s.bestBound == s.objective)
    }

    @Test func infeasibleAndUnbounded() throws {
        var m = LinearModel(sense: .maximize)
        let x = m.addColumn("x", kind: .integer, objective: 1)
        m.addRow("r", [(x, 1)], lower: 5, upper: nil)
        let unb = try GLPKSolver().solve(m, options: SolverOptions())
        #expect(unb.status == .unbounded)
        m.addRow("s", [(x, 1)], upper: 3)
        let inf = try GLPKSolver().solve(m, options: SolverOptions())
        #expect(inf.status == .infeasible)
    }
}
