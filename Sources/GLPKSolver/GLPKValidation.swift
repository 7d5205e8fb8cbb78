import LinearProgramming

/// Checks a model and options against everything GLPK would abort on (or silently
/// misread), before any GLPK routine is called.
///
/// Problems are collected (up to `maximumReported`) and thrown as one
/// `LinearProgrammingError` whose sentences name the offending column or row.
enum GLPKValidation {
    /// GLPK's own limits (`M_MAX`, `N_MAX`, `NNZ_MAX` in GLPK 5), all below `Int32.max`.
    static let maximumRows = 100_000_000
    static let maximumColumns = 100_000_000
    static let maximumNonzeros = 500_000_000
    /// GLPK stores names of at most 255 bytes.
    static let maximumNameLength = 255
    /// Largest magnitude accepted for a coefficient, bound or objective value. Beyond about
    /// 2^53 ≈ 9e15 doubles lose unit precision and GLPK 5's simplex returns wrong "optimal"
    /// points (a column bound of 3e16 made it report a row activity of 1 for 7).
    static let maximumMagnitude = 1e15
    /// Smallest magnitude accepted for a nonzero number: GLPK's MPS writer asserts that
    /// every number fits 12 characters, which `-1e-300` does not (and such values are noise).
    static let minimumMagnitude = 1e-30
    static let maximumReported = 20

    // MARK: - Model

    /// Throws `LinearProgrammingError.invalidModel` listing every problem found.
    /// - Parameter requireUniqueNames: also reject duplicate column or row names (export).
    static func validate(_ model: LinearModel, requireUniqueNames: Bool) throws {
        var problems = ProblemList()
        if model.columns.count > maximumColumns {
            problems.add("the model has \(model.columns.count) columns; GLPK accepts at most \(maximumColumns)")
        }
        if model.rows.count > maximumRows {
            problems.add("the model has \(model.rows.count) rows; GLPK accepts at most \(maximumRows)")
        }
        let nonzeros = model.rows.reduce(0) { $0 + $1.terms.count }
        if nonzeros > maximumNonzeros {
            problems.add("the model has \(nonzeros) matrix entries; GLPK accepts at most \(maximumNonzeros)")
        }
        // Too large to walk usefully: say so alone.
        guard problems.isEmpty else { throw LinearProgrammingError.invalidModel(problems.sentence) }
        if let issue = nameIssue(model.name) { problems.add("the model name \(issue)") }
        checkNumber(model.objectiveConstant, "the objective constant", &problems)
        for (index, column) in model.columns.enumerated() {
            checkColumn(column, index: index, &problems)
        }
        checkRows(model, &problems)
        if requireUniqueNames {
            checkUnique(model.columns.map(\.name), kind: "column", &problems)
            checkUnique(model.rows.map(\.name), kind: "row", &problems)
        }
        if !problems.isEmpty { throw LinearProgrammingError.invalidModel(problems.sentence) }
    }

    private static func checkColumn(_ column: Column, index: Int, _ problems: inout ProblemList) {
        // Labels are built only for a problem: most models have none, and names are many.
        func label() -> String { "column \(describe(column.name)) (#\(index))" }
        if let issue = nameIssue(column.name) { problems.add("\(label()): its name \(issue)") }
        checkNumber(column.objective, "\(label()): the objective coefficient", &problems)
        checkBounds(column.lower, column.upper, label: label(), &problems)
        switch column.kind {
        case .continuous:
            break
        case .integer:
            for bound in [column.lower, column.upper].compactMap({ $0 })
            where bound.isFinite && bound.rounded() != bound {
                problems.add("\(label()): integer column has the fractional bound \(bound)")
            }
        case .binary:
            let lower = column.lower ?? 0, upper = column.upper ?? 1
            if !(lower == 0 || lower == 1) || !(upper == 0 || upper == 1) {
                problems.add("\(label()): binary column must have bounds 0 or 1, found [\(lower), \(upper)]")
            }
        }
    }

    private static func checkRows(_ model: LinearModel, _ problems: inout ProblemList) {
        let columnCount = model.columns.count
        // lastRowSeen[j] == i + 1 when row i already mentions column j: O(nonzeros) duplicate check.
        var lastRowSeen = [Int](repeating: 0, count: columnCount)
        for (rowIndex, row) in model.rows.enumerated() {
            func label() -> String { "row \(describe(row.name)) (#\(rowIndex))" }
            if let issue = nameIssue(row.name) { problems.add("\(label()): its name \(issue)") }
            checkBounds(row.lower, row.upper, label: label(), &problems)
            for term in row.terms {
                let j = term.column.index
                guard j >= 0, j < columnCount else {
                    problems.add("\(label()) refers to column #\(j), but the model has \(columnCount) columns")
                    continue
                }
                func columnLabel() -> String { describe(model.columns[j].name) }
                checkNumber(term.coefficient, "\(label()): the coefficient of column \(columnLabel())", &problems)
                if lastRowSeen[j] == rowIndex + 1 {
                    problems.add("\(label()) lists column \(columnLabel()) more than once; merge the terms")
                }
                lastRowSeen[j] = rowIndex + 1
            }
        }
    }

    // MARK: - Options

    /// Throws `LinearProgrammingError.invalidOptions` listing every problem found.
    static func validate(_ options: SolverOptions, for model: LinearModel) throws {
        var problems = ProblemList()
        if let limit = options.timeLimitSeconds, !(limit.isFinite && limit >= 0) {
            problems.add("the time limit must be a finite number of seconds ≥ 0, found \(limit)")
        }
        if let gap = options.relativeGap, !(gap.isFinite && gap >= 0) {
            problems.add("the relative gap must be a finite number ≥ 0, found \(gap)")
        }
        if let nodes = options.nodeLimit, nodes < 1 {
            problems.add("the node limit must be at least 1, found \(nodes)")
        }
        for problem in options.tuning.problems { problems.add(problem) }
        let interval = options.progressIntervalSeconds
        if !(interval.isFinite && interval >= 0) {
            problems.add("the progress interval must be a finite number of seconds ≥ 0, found \(interval)")
        }
        if let start = options.initialSolution {
            if start.count != model.columns.count {
                problems.add(
                    "the initial solution has \(start.count) values but the model has \(model.columns.count) columns")
            } else {
                for (j, value) in start.enumerated() where !(value.isFinite && abs(value) <= maximumMagnitude) {
                    problems.add(
                        "the initial solution's value for column \(describe(model.columns[j].name)) (#\(j)) is \(value); it must be finite"
                    )
                }
            }
        }
        if !problems.isEmpty { throw LinearProgrammingError.invalidOptions(problems.sentence) }
    }

    // MARK: - Pieces

    /// Why `name` cannot be handed to GLPK, or nil when it can: 1–255 printable ASCII
    /// characters without spaces.
    static func nameIssue(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        let bytes = Array(name.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) { return "contains non-ASCII characters (use ASCII names)" }
        if bytes.count > maximumNameLength { return "is \(bytes.count) characters long (at most \(maximumNameLength))" }
        if bytes.contains(where: { $0 == 0x20 }) { return "contains a space" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        return nil
    }

    /// A name for messages: quoted, shortened and with non-printable characters escaped.
    static func describe(_ name: String) -> String {
        let short = name.count > 40 ? String(name.prefix(40)) + "…" : name
        let printable = short.unicodeScalars.map { scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return "\"" + printable.joined() + "\""
    }

    private static func checkNumber(_ value: Double, _ what: @autoclosure () -> String, _ problems: inout ProblemList) {
        if value.isNaN {
            problems.add("\(what()) is NaN")
        } else if !value.isFinite || abs(value) > maximumMagnitude {
            problems.add("\(what()) is \(value); it must be finite and at most 1e15 in magnitude")
        } else if value != 0, abs(value) < minimumMagnitude {
            problems.add("\(what()) is \(value); a nonzero value must be at least 1e-30 in magnitude (use 0)")
        }
    }

    private static func checkBounds(
        _ lower: Double?, _ upper: Double?, label: @autoclosure () -> String,
        _ problems: inout ProblemList
    ) {
        if let lower { checkNumber(lower, "\(label()): the lower bound", &problems) }
        if let upper { checkNumber(upper, "\(label()): the upper bound", &problems) }
        if let lower, let upper, lower > upper {
            problems.add("\(label()): the lower bound \(lower) is above the upper bound \(upper)")
        }
    }

    private static func checkUnique(_ names: [String], kind: String, _ problems: inout ProblemList) {
        var firstIndex: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = firstIndex[name] {
                problems.add(
                    "\(kind)s #\(first) and #\(index) are both named \(describe(name)); names must be unique to export")
            } else {
                firstIndex[name] = index
            }
        }
    }
}

/// Problems found so far; keeps the first `GLPKValidation.maximumReported` and counts the rest.
struct ProblemList {
    private(set) var items: [String] = []
    private(set) var total = 0
    var isEmpty: Bool { total == 0 }

    mutating func add(_ sentence: String) {
        total += 1
        if items.count < GLPKValidation.maximumReported { items.append(sentence) }
    }

    var sentence: String {
        let more = total > items.count ? "; and \(total - items.count) more problems" : ""
        return items.joined(separator: "; ") + more
    }
}
