import Foundation
import ParkInstance
import ParkModel

/// Why each candidate is left out of a plan (contract §5 `unplaced`).
public enum UnplacedReasons {
    /// For each candidate not among the plan's placements (scenario order), the first failed
    /// requirement of its best site: the site where it gets furthest through the checklist
    /// kind/use, zone, building load/height/crane, pinned site, policy, connection, space left,
    /// site ready within the window, capacity left in its window given the plan's other placements
    /// and expansions (first site in scenario order on a tie). When the blocker is an expansion the
    /// plan did not build, the reason says whether it would exceed the budget or cost more than
    /// the project brings ("not worth it: …"); when everything holds, it says why placing it was
    /// not chosen. Sentences name site, resource, amount and month, e.g.
    /// "S1 power at A-01: needs 8 MW from 2023-04, 3.5 MW free". Deterministic.
    public static func reasons(
        instance: PlanningInstance, plan: Plan, language: ReportLanguage = .en,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) -> [Unplaced] {
        reasons(instance: instance, plan: plan, threadsFrom: 64, language: language, shouldStop: shouldStop)
    }

    /// As `reasons(instance:plan:)`; from `threadsFrom` left-out candidates on, two threads share the work.
    /// When `shouldStop` says so (the run's time limit), the candidates not yet examined get a
    /// sentence saying that their reason was not worked out in time.
    package static func reasons(
        instance: PlanningInstance, plan: Plan, threadsFrom: Int,
        language: ReportLanguage = .en, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) -> [Unplaced] {
        let context = DiagnosisContext(instance, language: language)
        let load = PlanLoad(context, context.schedule(of: plan))
        let placed = Set(plan.placements.map(\.project))
        let left = instance.projects.indices.filter { p in
            instance.projects[p].status == .candidate && !placed.contains(instance.projects[p].id)
        }
        // Many candidates: two threads, each taking every other one; the output order is unchanged.
        // Once `shouldStop` holds (it stays so: the clock or a stop request) the rest are untold.
        let untold = language.t(
            "not placed; the reason was not worked out within the time limit (a longer --time-limit gives it)",
            "未落位；限时内未能分析原因（加长 --time-limit 可得到）")
        let sentences = mapOnTwoThreads(count: left.count, threadsFrom: threadsFrom) { [left] i in
            shouldStop() ? untold : context.reason(left[i], load: load, plan: plan)
        }
        return left.indices.map { Unplaced(project: instance.projects[left[$0]].id, reason: sentences[$0]) }
    }
}

extension DiagnosisContext {
    /// The plan's placements and expansions in period indices (unknown ids are skipped).
    func schedule(of plan: Plan) -> DiagnosisSchedule {
        func period(_ month: YearMonth) -> Int { instance.horizon.floorPeriod(month) }
        var schedule = DiagnosisSchedule()
        for placement in plan.placements {
            guard let p = instance.projectIndex(placement.project), let s = instance.siteIndex(placement.site) else {
                continue
            }
            schedule.placements.append(.init(project: p, site: s, start: period(placement.start)))
        }
        for built in plan.expansions {
            guard let e = instance.expansionIndex(built.id) else { continue }
            schedule.builds.append(.init(expansion: e, start: period(built.start)))
        }
        return schedule
    }

    /// The reason sentence for candidate `p`.
    func reason(_ p: Int, load: PlanLoad, plan: Plan) -> String {
        guard windowStarts(p) != nil else {
            return structuralCause(p)?.message
                ?? say(
                    "\(instance.projects[p].id) has no start period inside the horizon",
                    "\(instance.projects[p].id) 在规划期内没有可行的开工期")
        }
        guard !instance.sites.isEmpty else { return say("no plot or building exists", "园区没有任何地块或厂房") }
        var best: (site: Int, check: SiteOutcome)?
        let project = instance.projects[p]
        for s in instance.sites.indices {
            // A site that fails a site rule no further down the checklist than the best so far
            // cannot replace it: skipped before its sentence is built (at 1,000 projects most
            // sites of most left-out projects; the reasons took 0.6 s of a 10 s run).
            if let best,
                let failed = SiteRules.firstFailure(project, instance.sites[s], siteIndex: s, includingSpace: false),
                let rank = Self.rank(of: failed), rank.rawValue <= best.check.rank
            {
                continue
            }
            let check = outcome(p, on: s, load: load)
            if best.map({ check.rank > $0.check.rank }) ?? true { best = (s, check) }
        }
        guard let best else { return say("no plot or building exists", "园区没有任何地块或厂房") }
        switch best.check {
        case .failed(let failure): return failure.sentence
        case .fits(let start): return fitsSentence(p, site: best.site, start: start, plan: plan)
        }
    }

    private func fitsSentence(_ p: Int, site s: Int, start t: Int, plan: Plan) -> String {
        let project = instance.projects[p]
        let spot = say("\(instance.sites[s].id) from \(month(t))", "\(instance.sites[s].id)（\(month(t)) 起）")
        switch plan.status {
        case .infeasible:
            return say(
                "not considered: the committed and existing projects do not all fit (see shortfalls); it would fit on \(spot)",
                "未参与规划：已签约和现有项目无法全部落位（见缺口）；它可落位于 \(spot)")
        case .noSolution:
            return say(
                "not placed: no feasible plan was found within the limits; it would fit on \(spot)",
                "未落位：在限时内未找到可行方案；它可落位于 \(spot)")
        case .feasible:
            return say(
                "not placed: it fits on \(spot), but the search stopped before proving the plan optimal",
                "未落位：它可落位于 \(spot)，但求解在证明方案最优之前停止")
        case .optimal:
            let value = project.value(startingAt: t)
            if value <= 1e-9 {
                return say("not worth it: it fits on \(spot) but adds no value", "不划算：可落位于 \(spot)，但不增加价值")
            }
            return say(
                "not worth it: it fits on \(spot) and adds \(money(value)), within the optimality gap",
                "不划算：可落位于 \(spot)，增加 \(money(value))，在最优间隙之内")
        }
    }
}
