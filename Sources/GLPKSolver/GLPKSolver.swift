internal import CGLPK
import LinearProgramming

/// `LinearSolver` backed by GLPK (the GNU Linear Programming Kit), 5.x.
///
/// Every call validates the model and options completely first (GLPK aborts the
/// process on invalid input) and throws `LinearProgrammingError` naming the column or
/// row at fault. Each call then runs synchronously on its own new thread, which
/// creates, solves and deletes its GLPK problem and frees GLPK's per-thread
/// environment before it ends; the calling thread blocks until then. Separate calls
/// may run concurrently from separate threads. See `docs/solver.md`.
public struct GLPKSolver: LinearSolver {
    public init() {}

    public var name: String { "GLPK" }

    /// GLPK's version, e.g. "5.0" (from `glp_version()`, read once on a GLPK thread).
    public var version: String { Self.libraryVersion }

    private static let libraryVersion: String = {
        let read = try? GLPKThread.run { String(cString: glp_version()) }
        return read ?? "\(GLP_MAJOR_VERSION).\(GLP_MINOR_VERSION)"
    }()

    /// Solves `model`: the simplex method for an LP, branch-and-cut (`glp_intopt`) for a MIP.
    ///
    /// - Returns: a `Solution` whose `status` and `message` explain the outcome;
    ///   `objective`, `bestBound` and `gap` are in the model's objective units
    ///   (including `objectiveConstant`); `rowDuals`, when requested, are the change of
    ///   the objective per unit increase of each row's bound. For a MIP the duals come
    ///   from the LP with every integer column fixed at its solution value (all zero in
    ///   a model of binaries only).
    /// - Throws: `LinearProgrammingError.invalidModel` / `.invalidOptions` before GLPK is
    ///   called; `.solverFailure` when GLPK reports an internal inconsistency.
    public func solve(_ model: LinearModel, options: SolverOptions = SolverOptions()) throws -> Solution {
        try GLPKValidation.validate(model, requireUniqueNames: false)
        try GLPKValidation.validate(options, for: model)
        return try GLPKThread.run {
            let run = GLPKRun(model: model, options: options)
            return try run.solve()
        }
    }

    /// The model as CPLEX LP text (`glp_write_lp`, keeps `Maximize`) or free MPS
    /// (`glp_write_mps`), written to a temporary file that is read back and deleted.
    ///
    /// MPS has no objective sense in GLPK's dialect, so a maximisation is written as the
    /// equivalent minimisation of the negated objective; a comment line at the top says so.
    /// LP names are made CPLEX-safe (see `GLPKExport.lpName`).
    /// - Throws: `LinearProgrammingError.invalidModel` (including duplicate names),
    ///   `.solverFailure` when the file cannot be written or read.
    public func export(_ model: LinearModel, format: ModelFormat) throws -> String {
        try GLPKValidation.validate(model, requireUniqueNames: true)
        return try GLPKThread.run { try GLPKExport.write(model, format: format) }
    }
}
