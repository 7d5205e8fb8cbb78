import GLPKSolver
import LinearProgramming
import Testing

/// CPLEX LP and free MPS text from `GLPKSolver.export`.
@Suite struct GLPKExportTests {
    let solver = GLPKSolver()

    private func plannerLike() -> LinearModel {
        var m = LinearModel(name: "park-plan", sense: .maximize)
        m.objectiveConstant = 5
        let place = m.addColumn("place[P1,S-01,2023-01]", kind: .binary, objective: 3)
        let buy = m.addColumn("buy_power", upper: 7, objective: -2)
        let count = m.addColumn("2nd", kind: .integer, lower: -4, upper: 9, objective: 1.5)
        m.addRow("C07_power[S1,2023-01]", [(place, 4), (buy, -1), (count, 1)], upper: 3)
        m.addRow("obj", [(place, 1), (count, 1)], lower: 1, upper: 1)
        m.addRow("R0000000", [(buy, 1)], lower: 0)
        return m
    }

    @Test func lpKeepsSenseAndReadableNames() throws {
        let text = try solver.export(plannerLike(), format: .lp)
        #expect(text.contains("Maximize"))
        #expect(!text.contains("Minimize"))
        #expect(text.contains("place(P1,S_01,2023_01)"), "brackets and dashes made CPLEX-safe")
        #expect(text.contains("C07_power(S1,2023_01):"))
        #expect(text.contains("buy_power"))
        #expect(text.contains("_2nd"), "a leading digit gets an underscore")
        #expect(text.contains("obj~2:"), "the objective avoids the row named obj")
        #expect(text.contains(" obj: "))
        #expect(text.contains("+ 3 place(P1,S_01,2023_01) - 2 buy_power + 1.5 _2nd"))
        #expect(text.contains("constant term = 5"))
        #expect(!text.contains("x_1") && !text.contains("r_1"), "no generated names")
        #expect(text.contains("park-plan"))
    }

    @Test func mpsOfAMaximisationIsANegatedMinimisation() throws {
        let text = try solver.export(plannerLike(), format: .mps)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("*") && firstLine.contains("MAXIMISES"))
        #expect(text.contains("MINIMISATION of the negated objective"))
        #expect(text.contains("NAME park-plan"))
        #expect(text.contains("place[P1,S-01,2023-01] R0000000 -3"), "objective coefficient 3 negated")
        #expect(text.contains("buy_power R0000000 2"), "objective coefficient -2 negated")
        #expect(text.contains("2nd R0000000 -1.5"))
        #expect(text.contains(" L C07_power[S1,2023-01]"))
        #expect(text.contains(" E obj"))
        #expect(text.contains(" G R0000000~2"), "a row may not take the objective row's name")
        #expect(text.contains("'MARKER'"), "integer columns are marked")
        #expect(text.hasSuffix("ENDATA\n"))
    }

    @Test func mpsOfAMinimisationIsUnchanged() throws {
        let text = try solver.export(Models.diet(), format: .mps)
        #expect(text.hasPrefix("* NOTE: the model minimises"))
        #expect(text.contains("ice_cream R0000000 0.2"))
        #expect(text.contains(" G chocolate"))
    }

    @Test func exportRejectsDuplicateNames() throws {
        var m = Models.diet()
        m.addRow("sugar", [(ColumnID(0), 1)], upper: 10)
        #expect {
            try solver.export(m, format: .lp)
        } throws: { error in
            "\(error)".contains("rows #2 and #4 are both named \"sugar\"")
        }
        // Solving does not need unique names.
        #expect(try solver.solve(m, options: SolverOptions()).status == .optimal)
    }

    @Test func exportValidatesLikeSolve() throws {
        var m = Models.diet()
        m.addRow("bad", [(ColumnID(9), 1)], upper: 1)
        for format in ModelFormat.allCases {
            #expect(throws: LinearProgrammingError.self) { try solver.export(m, format: format) }
        }
    }

    @Test func emptyModelExports() throws {
        let m = LinearModel(name: "nothing", sense: .minimize)
        #expect(try solver.export(m, format: .lp).contains("End"))
        #expect(try solver.export(m, format: .mps).contains("ENDATA"))
    }
}
