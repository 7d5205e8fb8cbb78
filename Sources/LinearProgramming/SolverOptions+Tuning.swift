/// Explicit switches of a MIP search, beyond `SolverEmphasis`: cut generators, branching and
/// backtracking rules, and the primal heuristics. A field left nil keeps what the emphasis (or
/// the solver's default) chose; a set field wins over the emphasis.
///
/// GLPK maps them to `glp_iocp`: `gomoryCuts` → `gmi_cuts`, `mirCuts` → `mir_cuts`,
/// `coverCuts` → `cov_cuts`, `cliqueCuts` → `clq_cuts`, `branching` → `br_tech`,
/// `backtracking` → `bt_tech`, `feasibilityPump` → `fp_heur`, `proximitySearchSeconds` →
/// `ps_heur` with `ps_tm_lim` (0 turns it off). GLPK's presolver stays off whatever is set
/// (see docs/solver.md).
public struct MIPTuning: Sendable, Equatable {
    public enum Branching: String, Sendable, CaseIterable {
        /// First fractional variable.
        case firstFractional
        /// Last fractional variable.
        case lastFractional
        /// Most fractional variable.
        case mostFractional
        /// Driebeck–Tomlin penalties (GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudo-cost: pseudo-costs once known, strong-branching-like estimates before.
        case pseudoCost
    }

    public enum Backtracking: String, Sendable, CaseIterable {
        case depthFirst, breadthFirst
        /// Best local bound.
        case bestBound
        /// Best projection heuristic (GLPK's default).
        case bestProjection
    }

    public var gomoryCuts: Bool?
    public var mirCuts: Bool?
    public var coverCuts: Bool?
    public var cliqueCuts: Bool?
    public var branching: Branching?
    public var backtracking: Backtracking?
    public var feasibilityPump: Bool?
    /// Seconds of proximity search after the first incumbent (0 = off); finite, ≥ 0.
    public var proximitySearchSeconds: Double?

    public init(
        gomoryCuts: Bool? = nil, mirCuts: Bool? = nil, coverCuts: Bool? = nil, cliqueCuts: Bool? = nil,
        branching: Branching? = nil, backtracking: Backtracking? = nil, feasibilityPump: Bool? = nil,
        proximitySearchSeconds: Double? = nil
    ) {
        self.gomoryCuts = gomoryCuts; self.mirCuts = mirCuts; self.coverCuts = coverCuts
        self.cliqueCuts = cliqueCuts; self.branching = branching; self.backtracking = backtracking
        self.feasibilityPump = feasibilityPump; self.proximitySearchSeconds = proximitySearchSeconds
    }

    /// Every cut generator on (or off).
    public static func cuts(_ on: Bool) -> MIPTuning {
        MIPTuning(gomoryCuts: on, mirCuts: on, coverCuts: on, cliqueCuts: on)
    }

    /// Problems with the values (empty when valid).
    public var problems: [String] {
        guard let seconds = proximitySearchSeconds, !(seconds.isFinite && seconds >= 0) else { return [] }
        return ["the proximity search time must be a finite number of seconds ≥ 0 (got \(seconds))"]
    }
}
