internal import CGLPK
import LinearProgramming

// MARK: - Branch-and-cut

extension GLPKRun {
    /// Solves a MIP with `glp_intopt`.
    ///
    /// `glp_simplex` solves the root LP relaxation first, then `glp_intopt` continues
    /// from its optimal basis. Neither presolver is used (see `GLPKRun.simplex`), which
    /// also keeps the original column numbering that `glp_ios_heur_sol` needs.
    func solveMIP(_ problem: borrowing GLPKProblem) throws -> Solution {
        let p = problem.pointer
        prepareWarmStart()
        let rootCode = simplex(p)
        let (rootStatus, rootSentence) = try GLPKStatus.simplex(rootCode, p)
        guard rootStatus == .optimal else { return rootFailure(rootStatus, rootSentence) }
        bestBound = glp_get_obj_val(p)
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF
        parm.tm_lim = remainingMilliseconds
        if let gap = options.relativeGap { parm.mip_gap = gap }
        applyEmphasis(&parm)
        applyTuning(&parm)
        parm.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<GLPKRun>.fromOpaque(info).takeUnretainedValue().searchCallback(tree)
        }
        let code = withExtendedLifetime(self) {
            parm.cb_info = Unmanaged.passUnretained(self).toOpaque()
            return glp_intopt(p, &parm)
        }
        guard
            let (status, sentence) = try GLPKStatus.intopt(
                code, p, stoppedForTime: stoppedForTime,
                stoppedForNodes: stoppedForNodes,
                gap: options.relativeGap)
        else { return classifyRelaxation(p) }
        guard status == .optimal || status == .feasible else {
            if status == .noSolution, let warm = warmStart { return returnWarmStart(warm, sentence) }
            // A stopped search still knows its bound, even without a feasible point.
            return finish(status, sentence, bound: status == .noSolution ? bestBound : nil)
        }
        // Integer columns come back within GLPK's integrality tolerance (1e-5); report them exact.
        let values = model.columns.indices.map { index in
            let value = glp_mip_col_val(p, Int32(index + 1))
            return model.columns[index].kind == .continuous ? value : value.rounded()
        }
        let objective = glp_mip_obj_val(p)
        let proven = code == 0 && status == .optimal
        let duals = options.computeDuals ? fixedIntegerDuals(p, values: values) : nil
        return finish(
            status, sentence, values: values, objective: objective,
            bound: proven ? objective : bestBound, duals: duals)
    }

    /// The root LP relaxation did not reach an optimum: say what that means for the MIP.
    private func rootFailure(_ status: SolutionStatus, _ sentence: String) -> Solution {
        switch status {
        case .infeasible:
            return finish(.infeasible, "The LP relaxation has no feasible solution, so the problem is infeasible.")
        case .unbounded:
            return finish(.unbounded, "The LP relaxation is unbounded, so the problem is unbounded or infeasible.")
        case .feasible, .noSolution:
            let limit = "The time limit was reached while solving the root LP relaxation."
            if let warm = warmStart { return returnWarmStart(warm, limit) }
            return finish(.noSolution, limit + " No integer feasible solution was found.")
        case .optimal, .numericalFailure:
            return finish(.numericalFailure, "The root LP relaxation failed: " + sentence)
        }
    }

    /// A limit ended the search before GLPK had an incumbent, but the checked initial
    /// solution is feasible: return it rather than nothing.
    private func returnWarmStart(_ warm: [Double], _ sentence: String) -> Solution {
        warmStartAccepted = true
        return finish(
            .feasible, sentence + " The initial solution is returned unimproved.",
            values: warm, objective: model.objectiveValue(warm), bound: bestBound)
    }

    /// After `GLP_ENODFS` (only the MIP presolver returns it, which is never enabled):
    /// re-solve the LP relaxation to tell an infeasible problem from an unbounded relaxation.
    private func classifyRelaxation(_ p: OpaquePointer) -> Solution {
        let code = simplex(p)
        if code == 0, glp_get_status(p) == GLP_NOFEAS || glp_get_prim_stat(p) == GLP_NOFEAS {
            return finish(.infeasible, "The LP relaxation has no feasible solution, so the problem is infeasible.")
        }
        return finish(.unbounded, "The LP relaxation is unbounded, so the problem is unbounded or infeasible.")
    }

    private func applyEmphasis(_ parm: inout glp_iocp) {
        switch options.emphasis {
        case .balanced:
            break
        case .feasibility:
            parm.fp_heur = GLP_ON
            parm.ps_heur = GLP_ON
            parm.ps_tm_lim = min(60_000, remainingMilliseconds / 2)
        case .quick:
            parm.br_tech = GLP_BR_MFV
            parm.bt_tech = GLP_BT_DFS
        case .bound:
            parm.gmi_cuts = GLP_ON
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = GLP_ON
            parm.clq_cuts = GLP_ON
        }
    }
}

// MARK: - Tuning

extension GLPKRun {
    /// `SolverOptions.tuning` over the emphasis: every field that is set wins.
    func applyTuning(_ parm: inout glp_iocp) {
        let tuning = options.tuning
        func flag(_ on: Bool) -> Int32 { on ? GLP_ON : GLP_OFF }
        if let on = tuning.gomoryCuts { parm.gmi_cuts = flag(on) }
        if let on = tuning.mirCuts { parm.mir_cuts = flag(on) }
        if let on = tuning.coverCuts { parm.cov_cuts = flag(on) }
        if let on = tuning.cliqueCuts { parm.clq_cuts = flag(on) }
        if let on = tuning.feasibilityPump { parm.fp_heur = flag(on) }
        if let seconds = tuning.proximitySearchSeconds {
            parm.ps_heur = flag(seconds > 0)
            let ms = min(Double(remainingMilliseconds), (seconds * 1000).rounded(.up))
            parm.ps_tm_lim = Int32(max(1, min(ms, Double(Int32.max - 1))))
        }
        switch tuning.branching {
        case nil: break
        case .firstFractional: parm.br_tech = GLP_BR_FFV
        case .lastFractional: parm.br_tech = GLP_BR_LFV
        case .mostFractional: parm.br_tech = GLP_BR_MFV
        case .driebeckTomlin: parm.br_tech = GLP_BR_DTH
        case .pseudoCost: parm.br_tech = GLP_BR_PCH
        }
        switch tuning.backtracking {
        case nil: break
        case .depthFirst: parm.bt_tech = GLP_BT_DFS
        case .breadthFirst: parm.bt_tech = GLP_BT_BFS
        case .bestBound: parm.bt_tech = GLP_BT_BLB
        case .bestProjection: parm.bt_tech = GLP_BT_BPH
        }
    }
}

// MARK: - Callback

extension GLPKRun {
    /// Called by `glp_intopt` for every callback reason: tracks the bound and node
    /// count, offers the warm start once, enforces the time limit and sends progress.
    func searchCallback(_ tree: OpaquePointer) {
        var active: Int32 = 0, live: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &live, &total)
        nodes = Int(total)
        let best = glp_ios_best_node(tree)
        if best != 0 { bestBound = glp_ios_node_bound(tree, best) }
        let mip = glp_ios_get_prob(tree)
        let status = glp_mip_status(mip)
        if status == GLP_FEAS || status == GLP_OPT { incumbent = glp_mip_obj_val(mip) }
        if glp_ios_reason(tree) == GLP_IHEUR, !warmStartOffered, let warm = warmStart {
            offerWarmStart(warm, tree)
        }
        if timeIsUp, !stoppedForTime {
            stoppedForTime = true
            glp_ios_terminate(tree)
        } else if let limit = options.nodeLimit, nodes >= limit, !stoppedForNodes, !stoppedForTime {
            stoppedForNodes = true
            glp_ios_terminate(tree)
        }
        emitProgressIfDue()
    }

    private func offerWarmStart(_ warm: [Double], _ tree: OpaquePointer) {
        warmStartOffered = true
        // Column numbering must be the original one (GLPK's presolver is never enabled).
        guard glp_get_num_cols(glp_ios_get_prob(tree)) == Int32(model.columns.count) else {
            notes.append("The initial solution was not offered: the search works on a transformed problem.")
            return
        }
        let oneBased = [0] + warm
        warmStartAccepted = oneBased.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
        if warmStartAccepted {
            incumbent = model.objectiveValue(warm)
        } else {
            notes.append("GLPK did not take the initial solution (it already had one at least as good).")
        }
    }

    private func emitProgressIfDue() {
        guard let progress = options.progress else { return }
        // Hold events until the warm start has been offered so the first one shows it.
        if warmStart != nil, !warmStartOffered { return }
        let now = elapsedSeconds
        if let last = lastEventSeconds, now - last < options.progressIntervalSeconds { return }
        lastEventSeconds = now
        var bound = bestBound
        if let i = incumbent, let b = bound { bound = model.sense == .maximize ? max(b, i) : min(b, i) }
        let gap = incumbent.flatMap { i in bound.map { abs($0 - i) / max(1, abs(i)) } }
        progress(ProgressEvent(incumbent: incumbent, bestBound: bound, gap: gap, nodes: nodes, elapsedSeconds: now))
    }
}
