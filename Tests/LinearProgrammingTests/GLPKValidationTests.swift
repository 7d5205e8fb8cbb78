import GLPKSolver
import LinearProgramming
import Testing

/// Everything GLPK would abort on is rejected first, with a sentence naming the culprit.
@Suite struct GLPKValidationTests {
    let solver = GLPKSolver()

    /// max x + y; row "cap": x + y ≤ 4.
    private func base() -> LinearModel {
        var m = LinearModel(name: "base", sense: .maximize)
        let x = m.addColumn("x", objective: 1)
        let y = m.addColumn("y", objective: 1)
        m.addRow("cap", [(x, 1), (y, 1)], upper: 4)
        return m
    }

    private func expectInvalidModel(
        _ model: LinearModel, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try solver.solve(model, options: SolverOptions())
            Issue.record("expected invalidModel", sourceLocation: sourceLocation)
        } catch let LinearProgrammingError.invalidModel(message) {
            for fragment in fragments {
                #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    private func expectInvalidOptions(
        _ options: SolverOptions, model: LinearModel? = nil, mentioning fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try solver.solve(model ?? base(), options: options)
            Issue.record("expected invalidOptions", sourceLocation: sourceLocation)
        } catch let LinearProgrammingError.invalidOptions(message) {
            #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Numbers

    @Test func nanCoefficient() {
        var m = base()
        m.addRow("bad_row", [(ColumnID(0), .nan)], upper: 1)
        expectInvalidModel(m, mentioning: ["row \"bad_row\" (#1)", "column \"x\"", "NaN"])
    }

    @Test func infiniteObjectiveAndBounds() {
        var m = base()
        m.setObjective(ColumnID(1), .infinity)
        m.setBounds(ColumnID(0), lower: -.infinity, upper: .nan)
        expectInvalidModel(
            m,
            mentioning: [
                "column \"y\" (#1): the objective coefficient is inf",
                "column \"x\" (#0): the lower bound is -inf", "upper bound is NaN",
            ])
    }

    @Test func hugeMagnitudeAndConstant() {
        var m = base()
        m.addRow("huge", [(ColumnID(0), 2e15)], upper: 1)
        m.objectiveConstant = .nan
        expectInvalidModel(m, mentioning: ["row \"huge\"", "at most 1e15", "objective constant is NaN"])
    }

    @Test func lowerAboveUpper() {
        var m = base()
        m.setBounds(ColumnID(1), lower: 3, upper: 2)
        m.addRow("backwards", [(ColumnID(0), 1)], lower: 5, upper: 1)
        expectInvalidModel(
            m,
            mentioning: [
                "column \"y\" (#1): the lower bound 3.0 is above the upper bound 2.0",
                "row \"backwards\" (#1): the lower bound 5.0 is above the upper bound 1.0",
            ])
    }

    @Test func integerAndBinaryBounds() {
        var m = base()
        let n = m.addColumn("n", kind: .integer, lower: 0.5, upper: 3)
        let b = m.addColumn("b", kind: .binary)
        m.setBounds(b, lower: 0, upper: 2)
        _ = n
        expectInvalidModel(
            m,
            mentioning: [
                "column \"n\" (#2): integer column has the fractional bound 0.5",
                "column \"b\" (#3): binary column must have bounds 0 or 1",
            ])
    }

    // MARK: - Structure

    @Test(arguments: [99, 2, -1]) func columnIndexOutOfRange(index: Int) {
        var m = base()
        m.addRow("stray", [(ColumnID(index), 1)], upper: 1)
        expectInvalidModel(
            m, mentioning: ["row \"stray\" (#1) refers to column #\(index), but the model has 2 columns"])
    }

    @Test func duplicateEntriesAreRejected() {
        var m = base()
        m.addRow("twice", [(ColumnID(1), 1), (ColumnID(0), 2), (ColumnID(1), 3)], upper: 1)
        expectInvalidModel(m, mentioning: ["row \"twice\" (#1) lists column \"y\" more than once"])
    }

    @Test func problemsAreCollectedAndCapped() {
        var m = base()
        for i in 0..<30 { m.addRow("r\(i)", [(ColumnID(0), .nan)], upper: 1) }
        expectInvalidModel(m, mentioning: ["row \"r0\"", "row \"r19\"", "and 10 more problems"])
    }

    // MARK: - Names

    @Test(arguments: [
        (String(repeating: "n", count: 300), "is 300 characters long (at most 255)"),
        ("电站", "contains non-ASCII characters"),
        ("x y", "contains a space"),
        ("", "is empty"),
        ("tab\there", "contains a control character"),
    ])
    func absurdNames(name: String, problem: String) {
        var column = base()
        column.addColumn(name)
        expectInvalidModel(column, mentioning: ["column", problem])
        var row = base()
        row.addRow(name, [(ColumnID(0), 1)], upper: 1)
        expectInvalidModel(row, mentioning: ["row", problem])
        var model = base()
        model.name = name
        expectInvalidModel(model, mentioning: ["the model name \(problem)"])
    }

    @Test func nameOf255ASCIICharactersIsFine() throws {
        var m = base()
        m.addColumn(String(repeating: "a", count: 255), objective: 0)
        #expect(try solver.solve(m, options: SolverOptions()).status == .optimal)
        #expect(try solver.export(m, format: .lp).contains(String(repeating: "a", count: 255)))
    }

    // MARK: - Options

    @Test(arguments: [-1.0, .nan, .infinity]) func badTimeLimit(seconds: Double) {
        expectInvalidOptions(SolverOptions(timeLimitSeconds: seconds), mentioning: "time limit")
    }

    @Test(arguments: [-0.1, .nan, .infinity]) func badGap(gap: Double) {
        expectInvalidOptions(SolverOptions(relativeGap: gap), mentioning: "relative gap")
    }

    @Test func badProgressInterval() {
        expectInvalidOptions(SolverOptions(progressIntervalSeconds: .nan), mentioning: "progress interval")
    }

    @Test func warmStartOfTheWrongLength() {
        expectInvalidOptions(
            SolverOptions(initialSolution: [1]), mentioning: "has 1 values but the model has 2 columns")
    }

    @Test func warmStartWithNaN() {
        expectInvalidOptions(SolverOptions(initialSolution: [1, .nan]), mentioning: "column \"y\" (#1) is nan")
    }
}
