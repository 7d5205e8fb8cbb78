internal import CGLPK
import LinearProgramming

// MARK: - Warm start

extension GLPKRun {
    /// Absolute tolerance (scaled by `max(1, |bound|)`) for bounds, rows and integrality
    /// when checking an initial solution, in the model's own units.
    static let warmStartTolerance = 1e-6

    /// Checks `options.initialSolution` (length and finiteness were validated) and keeps
    /// it, with integer columns rounded exactly and values clamped into their bounds, only
    /// when it satisfies every bound, integrality and row. `glp_ios_heur_sol` checks
    /// integrality but not feasibility, so an unchecked point could become a false incumbent.
    func prepareWarmStart() {
        guard let given = options.initialSolution else { return }
        switch Self.checkedPoint(given, in: model) {
        case .success(let point): warmStart = point
        case .failure(let reason): notes.append("The initial solution was not used: \(reason.text).")
        }
    }

    struct WarmStartRejection: Error { var text: String }

    static func checkedPoint(_ given: [Double], in model: LinearModel) -> Result<[Double], WarmStartRejection> {
        let tolerance = warmStartTolerance
        var point = given
        for (j, column) in model.columns.enumerated() {
            // Described only for the message of a rejection (building it for every column took
            // seconds on 100,000-column models).
            var name: String { GLPKValidation.describe(column.name) }
            var value = point[j]
            if column.kind != .continuous {
                let rounded = value.rounded()
                guard abs(value - rounded) <= tolerance else {
                    return .failure(.init(text: "column \(name) is \(value), which is not integral"))
                }
                value = rounded
            }
            if let lower = column.lower {
                guard value >= lower - tolerance * max(1, abs(lower)) else {
                    return .failure(.init(text: "column \(name) is \(value), below its lower bound \(lower)"))
                }
                value = max(value, lower)
            }
            if let upper = column.upper {
                guard value <= upper + tolerance * max(1, abs(upper)) else {
                    return .failure(.init(text: "column \(name) is \(value), above its upper bound \(upper)"))
                }
                value = min(value, upper)
            }
            point[j] = value
        }
        for row in model.rows {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * point[$1.column.index] }
            var name: String { GLPKValidation.describe(row.name) }
            if let lower = row.lower, activity < lower - tolerance * max(1, abs(lower)) {
                return .failure(.init(text: "row \(name) is \(activity), below its lower bound \(lower)"))
            }
            if let upper = row.upper, activity > upper + tolerance * max(1, abs(upper)) {
                return .failure(.init(text: "row \(name) is \(activity), above its upper bound \(upper)"))
            }
        }
        return .success(point)
    }
}

// MARK: - Duals

extension GLPKRun {
    /// Row duals of a MIP solution: every integer column is fixed at its (rounded)
    /// solution value and made continuous, and the remaining LP is re-solved.
    ///
    /// The duals are those of that LP: the change of the objective per unit increase of
    /// a row's bound with the integer decisions held fixed. In a model of binaries only
    /// nothing is left to adjust, so they are all zero. The re-solve gets the remaining
    /// time, but at least one second. Returns nil (with a note) if it does not reach an optimum.
    func fixedIntegerDuals(_ p: OpaquePointer, values: [Double]) -> [Double]? {
        for (index, column) in model.columns.enumerated() where column.kind != .continuous {
            let j = Int32(index + 1)
            let value = values[index].rounded()
            glp_set_col_kind(p, j, GLP_CV)
            glp_set_col_bnds(p, j, GLP_FX, value, value)
        }
        var code = simplex(p, minimumMilliseconds: 1000)
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND || code == GLP_EFAIL {
            // The basis left by branch-and-cut may not suit the fixed LP; start from the slack basis.
            glp_std_basis(p)
            code = simplex(p, minimumMilliseconds: 1000)
        }
        guard code == 0, glp_get_status(p) == GLP_OPT else {
            notes.append(
                "Duals are unavailable: the LP with the integer columns fixed was not solved to optimality (GLPK code \(code))."
            )
            return nil
        }
        return model.rows.indices.map { glp_get_row_dual(p, Int32($0 + 1)) }
    }
}
