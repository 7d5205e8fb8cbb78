import LinearProgramming

/// Every time share and budget of one planning run, in one place. Shares are fractions of the
/// time left at the moment the stage starts (after the reserve for verification is set aside),
/// unless said otherwise. Without a time limit no stage is cut by the clock: the counts and the
/// no-progress rule below end them.
///
/// The run (see `PlanningPipeline.run` and `searchThenSolve`):
/// 1. greedy heuristic (or the diagnosis model's schedule of the must-place projects:
///    `mustPlaceShare`);
/// 2. local search (ruin and recreate) on it: rounds aimed at `localSearchShare` of the limit,
///    stopped at `localSearchStop` of the time left;
/// 3. models up to `PlanningOptions.directColumns` columns: the full MIP with `fullMIPTuning` for
///    all the time left (ends early only when optimal or at `--gap`);
/// 4. larger models: the static LP bound on its own thread (`staticBoundShare`); a quick full MIP
///    (`quickMIPShare`, node-limited, may prove the optimum at once); the neighbourhood search
///    until its no-progress rule fires (`stallRounds` rounds at the largest neighbourhood size
///    without improvement) or it reaches `searchShare` of the time left; then the full MIP with
///    `fullMIPTuning` for all the time left, with a local search chain on the second core
///    (`sideSearch`). Models above `PlanningOptions.mipColumns` columns, and those above
///    `fullMIPAlwaysColumns` whose limit is short for their size, get no full MIP: the search runs
///    to the end (or to its no-progress rule).
struct SearchSchedule: Sendable {
    /// Seconds kept back from the limit for verifying, the `unplaced` reasons and writing the
    /// files: `reserveBase + reservePerProject × projects` (measured: ~1 s at 600 projects,
    /// 0.1–0.3 s at 150, on a busy machine).
    var reserveBase = 0.3
    var reservePerProject = 0.0025
    /// The greedy's improvement steps stop at this share of the limit (its first pass always
    /// completes): at 1,000 projects they took 7.8 s of a 10 s limit; stopped at 2 s or 4.5 s
    /// they reached the same value.
    var greedyImprovementShare = 0.25
    /// Diagnosis model scheduling the must-place projects when the greedy fails (at least 1 s;
    /// 60 s without a limit).
    var mustPlaceShare = 0.25
    /// Shortfall diagnosis of an infeasible scenario: what is left of the limit, at least this many
    /// seconds (its two solves share them; when they run out the greedy schedule's shortfalls,
    /// valid but perhaps not least, are reported).
    var diagnosisMinimumSeconds = 0.5
    /// Local search: automatic rounds aim at this share of the limit (see `localSearchRounds`).
    var localSearchShare = 0.55
    /// Local search stops at this share of the time left whatever its rounds.
    var localSearchStop = 0.65
    /// Further local search passes (unless a direct solve follows) may run until this share of the
    /// time that was left when the local search started, each only when this many times the last
    /// pass's seconds are left before then (it usually completes its rounds; if not, its best so
    /// far still counts). Decided on measured time, so a run near the margin may take one pass
    /// more or less than another.
    var secondPassStop = 0.85
    var secondPassMargin = 1.0
    /// Passes at most, each further one on the same terms as the second. With the faster option
    /// search a pass at 150 projects takes ~10 s of 60, and 2 passes left time unused (b150q ended
    /// after 44–53 s by the neighbourhood search's rule); 4 at most, `--ls-seed` 1–4, 60 s, short of
    /// the best known: b150 0.00/0.32/−0.22/0.40 % → 0.00/0.32/−0.22/0.23 %, b150q 0.16/−0.08/
    /// −0.12/−0.08 % → 0.12/−0.46/−0.12/−0.08 % (never worse; docs/performance.md).
    var localSearchPasses = 4
    /// A local search chain on the second core during the final full MIP; its plan replaces
    /// the MIP's only when the clock ended the MIP and the chain's plan is worth more.
    var sideSearch = true
    /// Local search rounds at most before a directly solved MIP (it only makes a warm start).
    var directLocalSearchRounds = 300
    /// Quick first full MIP before the search: this share of the time left, within
    /// `quickMIPSeconds`; its node budget is `quickMIPNodeShare` of the limit (`nodeBudget`).
    var quickMIPShare = 0.1
    var quickMIPSeconds = 0.5...5.0
    var quickMIPNodeShare = 0.05
    /// The quick first MIP runs only up to this many columns (above, its root LP alone would
    /// take most of its seconds).
    var quickMIPColumns = 6_000
    /// Up to this many columns the full MIP follows the neighbourhood search at any limit. Above
    /// it (up to `PlanningOptions.mipColumns`) only when the limit gives it at least
    /// `fullMIPSecondsPerColumn` per column, or without a limit: on the outside 150-project parks
    /// (8,885–10,914 columns) with 60 s, GLPK's MIP got through 3 nodes in its 17–22 s and ended
    /// up to 4 s late, while the neighbourhood search in its place (escalating, to the end) found
    /// better plans: b150 0.35 % short of the best known against 1.26–1.46 %; b150q and a
    /// generated 150-project park the same value (docs/performance.md).
    var fullMIPAlwaysColumns = 6_000
    var fullMIPSecondsPerColumn = 0.02
    /// Neighbourhood search before the final full MIP: at most this share of the time left.
    var searchShare = 0.4
    /// The no-progress rule: the search stops after this many rounds in a row without
    /// improvement once its neighbourhoods have reached the largest size.
    var stallRounds = 16
    /// Escalations of the search before the rule stops it (see `NeighbourhoodSearch.escalations`)
    /// when the search ends the run; none when the full MIP follows (at 50 projects the MIP
    /// with cuts gains more from the time: 0.12 % short of the optimum instead of 0.42 %).
    var escalationsWithoutMIP = 3
    /// Static LP bound thread: this share of the time left (minus the reserve); 30 s at most
    /// without a limit.
    var staticBoundShare = 0.9
    var staticBoundSecondsWithoutLimit = 30.0
    /// Cuts, branching and heuristics of the full MIP (measured in docs/performance.md).
    /// Only MIR cuts: on the 3,608-column model of b100 with a 15 s limit, glpsol with MIR cuts
    /// ended after 18 s with the root bound at 2.6162e10 (LP 2.6284e10, optimum 2.5948e10);
    /// Gomory cuts ran 44 s for 2.6208e10, cover and clique cuts 42 s for 2.6275e10: GLPK's cut
    /// generators do not look at the clock, and those two cost most and gave least.
    var fullMIPTuning = MIPTuning(
        mirCuts: true, branching: .pseudoCost, feasibilityPump: true)

    /// GLPK's root cut loop does not look at the clock: with all four generators on, a 4 s limit
    /// on the 3,600-column model of 50 projects ended after 10.7 s (each generator alone: 4.3–5.1
    /// s). So a full MIP above `directColumns` gets its cuts only when it has at least this many
    /// seconds; with fewer it keeps the branching and the pump without cuts.
    /// The loop grows with the model: on the 9,700-column model of 150 projects (quarterly) the
    /// MIP given 20 s with MIR cuts ended after 31 s. So the cuts also need at least
    /// `cutsSecondsPerColumn` × columns seconds (39 s at 9,700 columns).
    var cutsMinimumSeconds = 12.0
    var cutsSecondsPerColumn = 0.004

    static let standard = SearchSchedule()

    /// `fullMIPTuning` for a MIP of `columns` columns given `seconds` (nil: no limit).
    func fullMIPTuning(columns: Int, directColumns: Int, seconds: Double?) -> MIPTuning {
        var tuning = fullMIPTuning
        if columns > directColumns, let seconds,
            seconds < max(cutsMinimumSeconds, cutsSecondsPerColumn * Double(columns))
        {
            tuning.gomoryCuts = nil; tuning.mirCuts = nil; tuning.coverCuts = nil; tuning.cliqueCuts = nil
        }
        return tuning
    }

    /// Seconds kept back for `projects` projects.
    func reserve(projects: Int) -> Double { reserveBase + reservePerProject * Double(projects) }

    /// Seconds of the quick first MIP with `left` seconds left (nil: no limit).
    func quickMIPSeconds(left: Double?) -> Double {
        guard let left else { return quickMIPSeconds.upperBound }
        return max(quickMIPSeconds.lowerBound, min(quickMIPSeconds.upperBound, quickMIPShare * left))
    }
}
