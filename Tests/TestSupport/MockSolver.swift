import Foundation
import LinearProgramming

/// A `LinearSolver` that never calls GLPK: it records every model it is given and answers
/// with `answer`, so the planning layer's contract with a solver (validate, do not trust the
/// answer, degrade gracefully) is tested apart from any real solver.
public final class MockSolver: LinearSolver, @unchecked Sendable {
    public let name = "mock"
    public let version = "0"
    private let lock = NSLock()
    private var seen: [LinearModel] = []
    private let answer: @Sendable (LinearModel) throws -> Solution

    public init(answer: @escaping @Sendable (LinearModel) throws -> Solution) { self.answer = answer }

    /// The models solved so far, in call order.
    public var models: [LinearModel] { lock.withLock { seen } }

    public func solve(_ model: LinearModel, options: SolverOptions) throws -> Solution {
        lock.withLock { seen.append(model) }
        return try answer(model)
    }

    public func export(_ model: LinearModel, format: ModelFormat) throws -> String { "" }

    /// An answer with no point and the given status.
    public static func empty(_ status: SolutionStatus, _ model: LinearModel) -> Solution {
        Solution(
            status: status, objective: nil, bestBound: nil, gap: nil, columnValues: [], rowDuals: nil,
            message: "mock", nodes: 0, seconds: 0)
    }
}
