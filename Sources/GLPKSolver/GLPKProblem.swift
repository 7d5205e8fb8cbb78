internal import CGLPK
import LinearProgramming

/// Owns one `glp_prob` for the length of a solve or export on the current GLPK thread.
///
/// Non-copyable so the pointer has exactly one owner; `deinit` deletes the problem on
/// the thread that created it (a `GLPKThread` body), before `glp_free_env()` runs.
struct GLPKProblem: ~Copyable {
    let pointer: OpaquePointer

    /// Creates a problem holding `model`. The model must have passed `GLPKValidation`.
    /// - Parameters:
    ///   - names: column and row names to store (for export); nil stores none (solving).
    ///   - negateObjective: store `-objective` and flip the sense (MPS export of a maximisation).
    init(_ model: LinearModel, names: GLPKNames? = nil, negateObjective: Bool = false) throws {
        pointer = glp_create_prob()
        let sign = negateObjective ? -1.0 : 1.0
        let maximize = (model.sense == .maximize) != negateObjective
        glp_set_obj_dir(pointer, maximize ? GLP_MAX : GLP_MIN)
        glp_set_obj_coef(pointer, 0, sign * model.objectiveConstant)
        if let names {
            glp_set_prob_name(pointer, names.problem)
            glp_set_obj_name(pointer, names.objective)
        }
        try loadColumns(model, names: names?.columns, sign: sign)
        try loadRows(model, names: names?.rows)
        try loadMatrix(model)
    }

    deinit { glp_delete_prob(pointer) }

    // MARK: - Loading

    private func loadColumns(_ model: LinearModel, names: [String]?, sign: Double) throws {
        guard !model.columns.isEmpty else { return }
        _ = glp_add_cols(pointer, try int32(model.columns.count))
        for (index, column) in model.columns.enumerated() {
            let j = Int32(index + 1)
            if let names { glp_set_col_name(pointer, j, names[index]) }
            glp_set_col_kind(pointer, j, column.kind == .continuous ? GLP_CV : GLP_IV)
            let (type, lower, upper) = Self.boundType(column.lower, column.upper)
            glp_set_col_bnds(pointer, j, type, lower, upper)
            glp_set_obj_coef(pointer, j, sign * column.objective)
        }
    }

    private func loadRows(_ model: LinearModel, names: [String]?) throws {
        guard !model.rows.isEmpty else { return }
        _ = glp_add_rows(pointer, try int32(model.rows.count))
        for (index, row) in model.rows.enumerated() {
            let i = Int32(index + 1)
            if let names { glp_set_row_name(pointer, i, names[index]) }
            let (type, lower, upper) = Self.boundType(row.lower, row.upper)
            glp_set_row_bnds(pointer, i, type, lower, upper)
        }
    }

    /// Loads the constraint matrix in one call (1-based triplets; index 0 unused).
    /// Zero coefficients are left out; duplicates were rejected by validation and
    /// `glp_check_dup` confirms it before `glp_load_matrix` (which would abort).
    private func loadMatrix(_ model: LinearModel) throws {
        var rowIndices: [Int32] = [0], columnIndices: [Int32] = [0], values: [Double] = [0]
        let nonzeros = model.rows.reduce(0) { $0 + $1.terms.count }
        rowIndices.reserveCapacity(nonzeros + 1)
        columnIndices.reserveCapacity(nonzeros + 1)
        values.reserveCapacity(nonzeros + 1)
        for (index, row) in model.rows.enumerated() {
            for term in row.terms where term.coefficient != 0 {
                rowIndices.append(Int32(index + 1))
                columnIndices.append(Int32(term.column.index + 1))
                values.append(term.coefficient)
            }
        }
        let count = try int32(values.count - 1)
        guard count > 0 else { return }
        let m = try int32(model.rows.count), n = try int32(model.columns.count)
        guard glp_check_dup(m, n, count, rowIndices, columnIndices) == 0 else {
            throw LinearProgrammingError.solverFailure(
                "the constraint matrix has an out-of-range or duplicate entry after validation (internal error)")
        }
        glp_load_matrix(pointer, count, rowIndices, columnIndices, values)
    }

    /// GLPK's bound type for optional bounds; equal bounds become `GLP_FX`
    /// (GLPK rejects a double bound with lower = upper).
    static func boundType(_ lower: Double?, _ upper: Double?) -> (Int32, Double, Double) {
        switch (lower, upper) {
        case (nil, nil): (GLP_FR, 0, 0)
        case (let lo?, nil): (GLP_LO, lo, 0)
        case (nil, let up?): (GLP_UP, 0, up)
        case (let lo?, let up?): lo == up ? (GLP_FX, lo, up) : (GLP_DB, lo, up)
        }
    }

    private func int32(_ value: Int) throws -> Int32 {
        guard let narrow = Int32(exactly: value) else {
            throw LinearProgrammingError.invalidModel("a size of \(value) does not fit GLPK's 32-bit indices")
        }
        return narrow
    }
}

/// Names stored in a problem for export (already validated and made format-safe).
struct GLPKNames {
    var problem: String
    var objective: String
    var columns: [String]
    var rows: [String]
}
