import LinearProgramming
import ParkModel

/// Options for planning one scenario.
public struct PlanningOptions: Sendable {
    /// Wall-clock limit for the whole solve, seconds (nil = none).
    public var timeLimitSeconds: Double?
    /// Relative MIP gap at which to stop (nil = prove optimal within 1e-6).
    public var relativeGap: Double?
    /// Progress of the MIP search, from the solving thread.
    public var progress: (@Sendable (ProgressEvent) -> Void)?

    public init(timeLimitSeconds: Double? = nil, relativeGap: Double? = nil,
                progress: (@Sendable (ProgressEvent) -> Void)? = nil) {
        self.timeLimitSeconds = timeLimitSeconds; self.relativeGap = relativeGap; self.progress = progress
    }
}

/// What planning produced: the plan (already verified) and figures about the run.
public struct PlanningResult: Sendable {
    public var plan: Plan
    public var instance: PlanningInstance
    /// Columns, rows, nonzeros of the MIP; seconds spent building, solving, verifying.
    public var statistics: PlanningStatistics
    public init(plan: Plan, instance: PlanningInstance, statistics: PlanningStatistics) {
        self.plan = plan; self.instance = instance; self.statistics = statistics
    }
}

public struct PlanningStatistics: Sendable {
    public var columns: Int = 0
    public var rows: Int = 0
    public var nonzeros: Int = 0
    public var buildSeconds: Double = 0
    public var heuristicSeconds: Double = 0
    public var solveSeconds: Double = 0
    public var verifySeconds: Double = 0
    public var heuristicValue: Double?
    public init() {}
}

/// Errors of the planning layer (not "infeasible": that is a plan status with shortfalls).
public enum PlanningError: Error, CustomStringConvertible {
    /// The verifier rejected a plan: an internal error (exit 1).
    case verificationFailed([String])
    case solver(String)

    public var description: String {
        switch self {
        case .verificationFailed(let v): "internal error: the plan fails SPEC §3:\n" + v.joined(separator: "\n")
        case .solver(let s): "internal error: \(s)"
        }
    }
}
