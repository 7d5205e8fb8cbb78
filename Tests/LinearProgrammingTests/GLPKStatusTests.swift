import GLPKSolver
import LinearProgramming
import TestSupport
import Testing

/// One case per `SolutionStatus`, through each GLPK path (presolve on and off).
@Suite struct GLPKStatusTests {
    let solver = GLPKSolver()

    private func infeasible(integer: Bool) -> LinearModel {
        var m = LinearModel(name: "infeasible", sense: .maximize)
        let x = m.addColumn("x", kind: integer ? .integer : .continuous, objective: 1)
        let y = m.addColumn("y", kind: integer ? .integer : .continuous, objective: 1)
        m.addRow("at_least", [(x, 1), (y, 1)], lower: 10)
        m.addRow("at_most", [(x, 1), (y, 1)], upper: 4)
        return m
    }

    private func unbounded(integer: Bool) -> LinearModel {
        var m = LinearModel(name: "unbounded", sense: .maximize)
        let x = m.addColumn("x", kind: integer ? .integer : .continuous, objective: 1)
        let y = m.addColumn("y", objective: 1)
        m.addRow("difference", [(x, 1), (y, -1)], upper: 3)
        return m
    }

    @Test(arguments: [false, true], [true, false]) func infeasibleModel(integer: Bool, presolve: Bool) throws {
        let s = try solver.solve(infeasible(integer: integer), options: SolverOptions(presolve: presolve))
        #expect(s.status == .infeasible, "\(s.message)")
        #expect(s.objective == nil && s.columnValues.isEmpty && !s.hasPoint)
        #expect(s.message.contains("feasible"))
    }

    @Test(arguments: [false, true], [true, false]) func unboundedModel(integer: Bool, presolve: Bool) throws {
        let s = try solver.solve(unbounded(integer: integer), options: SolverOptions(presolve: presolve))
        #expect(s.status == .unbounded, "\(s.message)")
        #expect(s.message.contains("unbounded"))
    }

    @Test func infeasibleMIPWithIntegralityOnly() throws {
        // The LP relaxation is feasible (x = 0.5); only integrality makes it infeasible.
        var m = LinearModel(name: "parity", sense: .minimize)
        let x = m.addColumn("x", kind: .integer, lower: 0, upper: 10)
        m.addRow("half", [(x, 2)], lower: 1, upper: 1)
        for presolve in [true, false] {
            let s = try solver.solve(m, options: SolverOptions(presolve: presolve))
            #expect(s.status == .infeasible, "\(s.message)")
        }
    }

    @Test func timeLimitWithoutIncumbentGivesNoSolution() throws {
        // Infeasible only by parity: plain branch-and-bound cannot finish, nor find a point.
        let m = Models.jeroslow(n: 41, withSlack: false)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0.3, presolve: false))
        #expect(s.status == .noSolution, "\(s.message)")
        #expect(s.objective == nil && s.columnValues.isEmpty)
        #expect(s.message.contains("time limit"))
    }

    @Test func zeroTimeLimitGivesNoSolution() throws {
        let m = Models.jeroslow(n: 41, withSlack: false)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0))
        #expect(s.status == .noSolution, "\(s.message)")
    }

    @Test(arguments: [true, false]) func timeLimitWithIncumbentGivesFeasible(presolve: Bool) throws {
        // The optimum is 1 (any point), the bound stays 0: the search can never close the gap.
        let m = Models.jeroslow(n: 41, withSlack: true)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0.5, presolve: presolve))
        #expect(s.status == .feasible, "\(s.message)")
        #expect(isClose(s.objective, 1))
        #expect(m.violation(of: s.columnValues) < 1e-9)
        let bound = try #require(s.bestBound)
        #expect(bound <= 1 + 1e-9 && bound >= -1e-9)
        #expect(isClose(s.gap, abs(bound - 1)))
        #expect(s.nodes > 1)
        #expect(s.message.contains("time limit"))
    }

    /// GLPK takes `b = 5e-12` as the integer 0 (its integrality tolerance is 1e-5), which with
    /// a coefficient of 1e12 leaves row "need" short by 5: reported, not passed on as optimal.
    @Test func pointViolatingARowIsANumericalFailure() throws {
        var m = LinearModel(name: "big_m", sense: .maximize)
        let b = m.addColumn("b", kind: .integer, lower: -1, upper: 1e15)
        let a = m.addColumn("a", kind: .binary, objective: 1e-13)
        m.addRow("need", [(a, -2.5), (b, 1e12)], lower: 5)
        m.addRow("cap", [(b, 1), (a, 1e12)], lower: 0, upper: 10)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 10))
        #expect(s.status == .numericalFailure, "\(s.message)")
        #expect(s.message.contains("violates row \"need\" by 5"), "\(s.message)")
        #expect(!s.hasPoint && s.columnValues.isEmpty)
    }

    @Test func nameAndVersion() {
        #expect(solver.name == "GLPK")
        #expect(solver.version.hasPrefix("5."))
    }

    @Test func gapToleranceStopsAsOptimal() throws {
        // With a 100 % relative gap, the first incumbent of Jeroslow's problem is accepted.
        let m = Models.jeroslow(n: 41, withSlack: true)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 20, relativeGap: 1.0, presolve: false))
        #expect(s.status == .optimal, "\(s.message)")
        #expect(isClose(s.objective, 1))
        #expect((s.gap ?? 2) <= 1.0)
    }
}
