import Foundation
import LinearProgramming

// MARK: - Checking a returned point

extension GLPKRun {
    /// Relative tolerance for a returned point: a violation is measured against
    /// `max(1, |bound|, Σ|a·x|)`. GLPK accepts integer columns within 1e-5 of an integer
    /// and rounds them when it records a solution, so a row can move by 1e-5·|a|; a
    /// tighter check would reject GLPK's ordinary answers.
    static let pointTolerance = 1e-5

    /// The worst violation of a bound or row by `values` beyond `pointTolerance`, as a
    /// phrase ("row \"cap\" by 5 (its upper bound is 4)"), or nil when the point is feasible.
    ///
    /// GLPK accepts an integer column within 1e-5 of an integer; with large coefficients the
    /// exact rounded point can then violate a row, and GLPK's unscaled arithmetic can drift
    /// with numbers far apart. A point that fails this check is reported as a numerical failure.
    static func worstViolation(of values: [Double], in model: LinearModel) -> String? {
        guard values.count == model.columns.count else { return "the column count" }
        var worst = (relative: pointTolerance, phrase: String?.none)
        func consider(_ amount: Double, scale: Double, _ phrase: @autoclosure () -> String) {
            let relative = amount / scale
            if relative > worst.relative { worst = (relative, phrase()) }
        }
        for (j, column) in model.columns.enumerated() {
            let value = values[j], name = GLPKValidation.describe(column.name)
            if let lower = column.lower {
                consider(
                    lower - value, scale: max(1, abs(lower)),
                    "column \(name) by \(number(lower - value)) (its lower bound is \(number(lower)))")
            }
            if let upper = column.upper {
                consider(
                    value - upper, scale: max(1, abs(upper)),
                    "column \(name) by \(number(value - upper)) (its upper bound is \(number(upper)))")
            }
        }
        for row in model.rows {
            var activity = 0.0, size = 1.0
            for term in row.terms {
                let product = term.coefficient * values[term.column.index]
                activity += product
                size += abs(product)
            }
            let name = GLPKValidation.describe(row.name)
            if let lower = row.lower {
                consider(
                    lower - activity, scale: max(size, abs(lower)),
                    "row \(name) by \(number(lower - activity)) (its lower bound is \(number(lower)))")
            }
            if let upper = row.upper {
                consider(
                    activity - upper, scale: max(size, abs(upper)),
                    "row \(name) by \(number(activity - upper)) (its upper bound is \(number(upper)))")
            }
        }
        return worst.phrase
    }

    /// A number for messages: up to 6 significant digits.
    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
