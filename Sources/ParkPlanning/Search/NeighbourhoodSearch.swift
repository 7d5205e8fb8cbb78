import Foundation
import LinearProgramming
import ParkInstance
import ParkModel

/// Large-neighbourhood search with the MIP itself: each round frees a group of related
/// projects (those drawing on one utility node, starting in one stretch of months, competing
/// for the same sites, or drawn at random), pins every other placed project to its current
/// site and start (it may still be dropped), leaves every expansion free, and lets the solver
/// find the best plan of that sub-problem, starting from the current plan. A better plan
/// replaces the current one.
///
/// The sub-problem is the planning MIP over a `ModelIndex` with fewer start classes, so its
/// plans are plans of the full model (and are verified like any other at the end).
///
/// Deterministic: neighbourhoods come from a seeded generator, each sub-problem is limited by
/// a node count, and its size adapts only to those outcomes. Only the deadline (polled between
/// rounds, and each round's safety time limit) depends on the clock.
struct NeighbourhoodSearch {
    let index: ModelIndex
    let solver: any LinearSolver
    /// Search emphasis of each sub-problem.
    var emphasis = SolverEmphasis.quick
    /// Cuts, branching and heuristics of each sub-problem.
    var tuning = MIPTuning()
    /// Emphasis `balanced` with these for re-packing rounds (`Neighbourhood.repack`).
    var repackTuning = MIPTuning(mirCuts: true, branching: .pseudoCost, feasibilityPump: true)
    /// Re-packing sub-MIPs above this many columns get no cuts (`repackTuning` without MIR).
    var repackCutColumns = 1_500
    /// Branch-and-bound nodes per sub-problem.
    var nodeLimit = 150
    /// Seconds per sub-problem at most: a safety net, the node limit normally ends a round first.
    var roundTimeLimit = 6.0
    /// Columns the freed projects may bring (adapted after each round within the limits below).
    var targetColumns = 1_000
    var columnRange = 300...3_000
    /// Sub-problems solved at the same time (one solver thread each).
    var parallel = 2
    /// The no-progress rule: after this many rounds in a row without improvement the search
    /// escalates (doubles its node limit, its largest neighbourhood and its round time limit),
    /// at most `escalations` times; it stops after that many rounds without improvement at
    /// the last level (nil: never stops, never escalates).
    var stallRounds: Int?
    var escalations = 3
    /// Seconds a round needs at least; the search stops when less than this is left.
    var minimumRoundSeconds = 0.3
    /// Called after every round with the current value and the rounds done (progress display).
    var onRound: (@Sendable (Double, Int) -> Void)?

    struct Outcome {
        var assignment: Assignment
        var value: Double
        var rounds = 0
        var improvements = 0
        /// Sub-problems the solver closed (optimal within the node limit).
        var closed = 0
        /// Free columns asked for in the last round (after adaptation).
        var targetColumns = 0
        /// What all sub-problems together cost.
        var effort = Effort()
        /// Per neighbourhood kind (in `Neighbourhood.allCases` order): rounds, and rounds whose plan
        /// was kept as an improvement.
        var kindRounds = [Int](repeating: 0, count: Neighbourhood.allCases.count)
        var kindWins = [Int](repeating: 0, count: Neighbourhood.allCases.count)

        /// "resource 12/3, time 9/0, …": rounds and improvements per kind.
        var kindSummary: String {
            Neighbourhood.allCases.enumerated().map { i, kind in "\(kind) \(kindRounds[i])/\(kindWins[i])" }
                .joined(separator: ", ")
        }
    }

    /// What sub-problems cost: seconds building them and in the solver; their columns, rows and
    /// branch-and-bound nodes.
    struct Effort: Sendable {
        var buildSeconds = 0.0, solverSeconds = 0.0
        var columns = 0, rows = 0, nodes = 0

        mutating func add(_ other: Effort) {
            buildSeconds += other.buildSeconds
            solverSeconds += other.solverSeconds
            columns += other.columns
            rows += other.rows
            nodes += other.nodes
        }
    }

    /// One round's sub-problem: the projects freed entirely and, for a relocation round, how far
    /// (in periods) every other placed project may move its start while it may take any of its
    /// sites (nil: the others stay exactly where they are).
    struct Move: Sendable {
        var free: [Bool]
        var window: Int?
        /// With a `window`: the placed projects it applies to (nil: every placed project); the
        /// others stay exactly where they are, and only expansions that can serve a free or
        /// shifting project may change.
        var shifting: [Bool]?
    }

    /// What one sub-problem gave.
    struct RoundResult: Sendable {
        var assignment: Assignment?
        /// Solved to optimality within the node limit.
        var closed = false
        var effort = Effort()
    }

    /// Improves `start` (a feasible plan) for at most `rounds` rounds or until `deadline`.
    ///
    /// Rounds run `parallel` at a time from the same plan (one solver thread each); of their
    /// plans the best improving one is kept (the first on ties), so the result does not depend
    /// on which thread finishes first.
    func improve(_ start: Assignment, rounds: Int, seed: UInt64, deadline: ContinuousClock.Instant?) -> Outcome {
        let instance = index.instance
        var outcome = Outcome(assignment: start, value: PlanBuilder.value(start, instance))
        var rng = SplitMix64(seed: seed)
        var kinds = KindScores()
        var sinceImprovement = 0, level = 0
        // Re-packing rounds since the last improvement (the cursor into `leftOut`), and the
        // re-packing order of the current plan (`repackOrder`: computed at its first stall).
        var repacked = 0
        var leftOut: [Int]?
        var target = targetColumns
        let weights = index.classes.indices.map(index.columnCount(ofProject:))
        let movable = instance.projects.indices.filter {
            !index.classes[$0].isEmpty && instance.projects[$0].status != .existing
        }
        guard !movable.isEmpty else { return outcome }
        let clock = ContinuousClock()
        while outcome.rounds < rounds {
            // At each stall the search first re-packs around every left-out project not tried
            // since the last improvement (`Neighbourhood.repack`, two at a time), and escalates or
            // stops only when none of those improved.
            let stalled = stallRounds.map { sinceImprovement >= $0 } ?? false
            if stalled && leftOut == nil { leftOut = repackOrder(outcome.assignment, movable: movable) }
            let order = leftOut ?? []
            let sweeping = stalled && repacked < order.count
            if stalled && !sweeping {
                guard level < escalations else { break }
                level += 1
                sinceImprovement = 0
                repacked = 0
                target = min(columnRange.upperBound << level, 2 * target)
            }
            let largest = columnRange.upperBound << level
            var limit = roundTimeLimit * Double(1 << level)
            if StopRequest.isRequested { break }
            if let deadline {
                let seconds = clock.now.duration(to: deadline).seconds
                if seconds < minimumRoundSeconds { break }
                limit = min(limit, seconds)
            }
            let count = min(max(1, parallel), rounds - outcome.rounds, sweeping ? order.count - repacked : .max)
            let picked = (0..<count).map { _ in sweeping ? .repack : kinds.pick(&rng) }
            let moves = picked.map { kind in
                guard kind == .repack else {
                    return move(
                        kind, around: outcome.assignment, movable: movable, weights: weights, target: target,
                        rng: &rng)
                }
                repacked += 1
                // The largest size, not the adapted target: a rotation needs every rival of the
                // project (b100's within 900 columns), and the target shrinks during a stall.
                return repack(
                    order[repacked - 1], around: outcome.assignment, movable: movable, target: largest, rng: &rng)
            }
            let results = solveAll(moves, current: outcome.assignment, timeLimit: limit, nodeLimit: nodeLimit << level)
            var best: (assignment: Assignment, value: Double, kind: Neighbourhood)?
            for (result, kind) in zip(results, picked) {
                outcome.rounds += 1
                outcome.kindRounds[Neighbourhood.allCases.firstIndex(of: kind) ?? 0] += 1
                outcome.effort.add(result.effort)
                guard let plan = result.assignment else { continue }
                if kind == .repack {
                    if result.closed { outcome.closed += 1 }
                } else if result.closed {
                    outcome.closed += 1
                    target = min(largest, target + target / 4)
                } else {
                    target = max(columnRange.lowerBound, target - target / 5)
                }
                let value = PlanBuilder.value(plan, instance)
                if value > (best?.value ?? outcome.value) + 1e-9 * max(1, abs(outcome.value)) {
                    best = (plan, value, kind)
                }
            }
            outcome.targetColumns = target
            if let best {
                kinds.reward(best.kind)
                outcome.kindWins[Neighbourhood.allCases.firstIndex(of: best.kind) ?? 0] += 1
                outcome.assignment = best.assignment
                outcome.value = best.value
                outcome.improvements += 1
                sinceImprovement = 0
                repacked = 0
                leftOut = nil
            } else if !sweeping {
                sinceImprovement += count
            }
            onRound?(outcome.value, outcome.rounds)
        }
        return outcome
    }

    /// Solves the sub-problems of `moves` at the same time, results in the order of `moves`.
    func solveAll(_ moves: [Move], current: Assignment, timeLimit: Double, nodeLimit: Int) -> [RoundResult] {
        if moves.count == 1 {
            return [solve(moves[0], current: current, timeLimit: timeLimit, nodeLimit: nodeLimit)]
        }
        let slots = Slots(repeating: RoundResult(), count: moves.count)
        let search = self
        DispatchQueue.concurrentPerform(iterations: moves.count) { i in
            slots.store(i, search.solve(moves[i], current: current, timeLimit: timeLimit, nodeLimit: nodeLimit))
        }
        return slots.values
    }

    // MARK: - One sub-problem

    /// Solves the sub-problem of `move` (no plan when the solver returned no usable point).
    func solve(_ move: Move, current: Assignment, timeLimit: Double, nodeLimit: Int) -> RoundResult {
        var result = RoundResult()
        let clock = ContinuousClock()
        let began = clock.now
        let sub = subIndex(move, current: current)
        let model = PlanningModel(index: sub)
        let built = clock.now
        result.effort.buildSeconds = began.duration(to: built).seconds
        result.effort.columns = model.linear.columns.count
        result.effort.rows = model.linear.rows.count
        guard let warm = model.encode(current) else { return result }
        var options = SolverOptions(timeLimitSeconds: max(0.05, timeLimit), presolve: false, initialSolution: warm)
        options.nodeLimit = nodeLimit
        options.emphasis = emphasis
        options.tuning = tuning
        if move.shifting != nil {
            // A re-packing sub-MIP is a packing of sites and nodes: GLPK's depth-first
            // most-fractional search (`quick`) did not find b100's rotation in 5,000 nodes, while
            // with MIR cuts, pseudo-cost branching and the pump it closed it in 19 nodes (0.09 s).
            // GLPK's cut loop does not look at the clock, so the cuts only on sub-MIPs up to
            // `repackCutColumns` (b100's rotation: 831 columns); larger ones keep the branching
            // and the pump.
            options.emphasis = .balanced
            options.tuning = repackTuning
            if model.linear.columns.count > repackCutColumns { options.tuning.mirCuts = nil }
        }
        let solution = try? solver.solve(model.linear, options: options)
        result.effort.solverSeconds = built.duration(to: clock.now).seconds
        guard let solution else { return result }
        result.effort.nodes = solution.nodes
        guard solution.hasPoint else { return result }
        result.assignment = model.decode(solution.columnValues)
        result.closed = solution.status == .optimal
        return result
    }

    /// The sub-problem of `move` as a model index: restricted classes and expansion windows (a
    /// relocation round leaves every expansion its whole window).
    func subIndex(_ move: Move, current: Assignment) -> ModelIndex {
        let classes = restrictedClasses(
            freeing: move.free, current: current, window: move.window, shifting: move.shifting)
        guard move.window == nil || move.shifting != nil else {
            return ModelIndex(index, classes: classes, expansionRanges: index.expansionRanges)
        }
        let serving = zip(move.free, move.shifting ?? move.free).map { $0 || $1 }
        return ModelIndex(
            index, classes: classes, expansionRanges: restrictedExpansions(freeing: serving, current: current))
    }

    /// Expansions that can serve a freed project (building its sites or adding to a node it
    /// draws on), with their requirements, keep every start; the others keep only their
    /// current start, or cannot be built when they are not.
    func restrictedExpansions(freeing free: [Bool], current: Assignment) -> [ClosedRange<Int>?] {
        let instance = index.instance
        var relevant = [Bool](repeating: false, count: instance.expansions.count)
        var stack: [Int] = []
        for (p, classes) in index.classes.enumerated() where free[p] {
            for c in classes {
                stack += c.builders
                for r in c.resources { stack += index.resources[r].additions.map(\.expansion) }
            }
        }
        while let e = stack.popLast() {
            guard !relevant[e] else { continue }
            relevant[e] = true
            stack += instance.expansions[e].requires
        }
        return index.expansionRanges.enumerated().map { e, range in
            if relevant[e] { return range }
            guard let start = current.expansionStarts[e] else { return nil }
            return start...start
        }
    }

    /// Free projects keep every class; the others keep only their current site and start
    /// (none when they are not placed). With a `window`, a placed project that is not free (and
    /// is `shifting`, when given) keeps every site of every class instead, with its start at most
    /// `window` periods from the current one (and may still be dropped).
    func restrictedClasses(
        freeing free: [Bool], current: Assignment, window: Int? = nil, shifting: [Bool]? = nil
    ) -> [[StartClass]] {
        index.classes.enumerated().map { p, classes in
            if free[p] { return classes }
            guard let (site, start) = current.placements[p],
                let c = classes.first(where: { $0.sites.contains(site) })
            else { return [] }
            guard let window, shifting?[p] ?? true, index.instance.projects[p].status != .existing else {
                return [
                    StartClass(
                        sites: [site], builders: c.builders, resources: c.resources, starts: start...start,
                        siteFirstStarts: [start])
                ]
            }
            return classes.compactMap { c in Self.narrowed(c, to: (start - window)...(start + window)) }
        }
    }

    /// `c` with its starts cut to `range` and the sites that can start within it; nil when none can.
    static func narrowed(_ c: StartClass, to range: ClosedRange<Int>) -> StartClass? {
        guard c.starts.overlaps(range) else { return nil }
        let starts = c.starts.clamped(to: range)
        var sites: [Int] = [], firsts: [Int] = []
        for (s, first) in zip(c.sites, c.siteFirstStarts) where first <= starts.upperBound {
            sites.append(s)
            firsts.append(max(first, starts.lowerBound))
        }
        guard let earliest = firsts.min() else { return nil }
        return StartClass(
            sites: sites, builders: c.builders, resources: c.resources, starts: earliest...starts.upperBound,
            siteFirstStarts: firsts)
    }
}
