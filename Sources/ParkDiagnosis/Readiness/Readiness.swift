import ParkInstance
import ParkModel

/// The ready-to-move-in checklist (拎包入驻, contract §6).
///
/// For each project, on one site, every requirement — site ready (and built, when planned), kind,
/// zone or use, building ratings, free space, connections, utility headroom in the month demand
/// starts, budget for the expansions waited on — with whether it holds in the wanted month and the
/// first month from which it holds. With a plan the rest of the park is the plan's placements and
/// expansions; without one it is the existing and committed projects pinned to a site, and
/// expansions are assumed built as early as they may be (reported as waited on).
public enum Readiness {
    /// Checklists for every project (or `project` only), most urgent first: committed and existing
    /// projects not ready in their wanted month, then the rest in scenario order.
    ///
    /// - Parameters:
    ///   - plan: a plan of this scenario (placements and expansions); nil = the scenario alone.
    ///   - project: check only this project.
    ///   - site: check on this site (without `project`: every project of the site's kind).
    ///   - at: the wanted move-in month for every checked project (else the plan's start, the pinned
    ///     start, or the project's `earliest`).
    /// Unknown ids yield no report; callers validate ids first (`Readiness.unknownIDs`).
    public static func check(
        instance: PlanningInstance, plan: Plan?, project: ProjectID? = nil,
        site: SiteID? = nil, at: YearMonth? = nil
    ) -> [ReadinessReport] {
        let context = ReadinessContext(instance: instance, plan: plan)
        let siteIndex = site.flatMap { instance.siteIndex($0) }
        var chosen: [Int]
        if let project {
            chosen = instance.projectIndex(project).map { [$0] } ?? []
        } else if let siteIndex {
            let wantsPlot = instance.sites[siteIndex].kind == .plot
            chosen = instance.projects.indices.filter { instance.projects[$0].needsLand == wantsPlot }
        } else {
            chosen = Array(instance.projects.indices)
        }
        if site != nil && siteIndex == nil { chosen = [] }
        // Every project of a large park: two threads, each taking every other project.
        let reports = mapOnTwoThreads(count: chosen.count, threadsFrom: 64) { [chosen] i in
            report(project: chosen[i], askedSite: siteIndex, at: at, plan: plan, context: context)
        }
        let urgent = reports.filter { $0.status != .candidate && !$0.readyOnWanted }
        let rest = reports.filter { !($0.status != .candidate && !$0.readyOnWanted) }
        return urgent + rest
    }

    // MARK: - One project

    static func report(
        project q: Int, askedSite: Int?, at: YearMonth?, plan: Plan?,
        context: ReadinessContext
    ) -> ReadinessReport {
        let instance = context.instance
        let p = instance.projects[q]
        let placement = plan?.placements.first { $0.project == p.id }
        let (wanted, wantedSource) = wantedPeriod(p, at: at, placement: placement, instance: instance)

        var candidates: [(Int, ReadinessSiteSource)] = []
        if let askedSite {
            candidates = [(askedSite, .asked)]
        } else if let placement, let s = instance.siteIndex(placement.site) {
            candidates = [(s, .plan)]
        } else if let s = p.pinnedSite {
            candidates = [(s, .pinned)]
        } else {
            let kind: SiteKind = p.needsLand ? .plot : .building
            candidates = instance.sites.indices.filter { instance.sites[$0].kind == kind }.map { ($0, .best) }
        }
        guard let best = bestSite(candidates, project: q, wanted: wanted, context: context) else {
            return ReadinessReport(
                project: p.id, status: p.status, site: nil, siteSource: .none, wantedPeriod: wanted,
                wantedMonth: instance.month(wanted), wantedSource: wantedSource,
                items: [
                    ReadinessItem(
                        kind: .siteKind, met: false, clearsPeriod: nil, clearsMonth: nil,
                        subject: p.needsLand ? "plot" : "building")
                ],
                readyPeriod: nil, readyMonth: nil)
        }
        let items = best.1.items
        let readyPeriod = readyFrom(items)
        return ReadinessReport(
            project: p.id, status: p.status, site: best.1.site, siteSource: best.0, wantedPeriod: wanted,
            wantedMonth: instance.month(wanted), wantedSource: wantedSource, items: items,
            readyPeriod: readyPeriod, readyMonth: readyPeriod.map { instance.month($0) })
    }

    /// The candidate with the best full checklist. Sites are tried in the order of their quick
    /// checklist's rank (a lower bound), stopping once no remaining site can beat the best so far.
    static func bestSite(
        _ candidates: [(Int, ReadinessSiteSource)], project q: Int, wanted: Int,
        context: ReadinessContext
    ) -> (ReadinessSiteSource, Evaluation)? {
        if candidates.count == 1, let only = candidates.first {
            return (only.1, evaluate(project: q, site: only.0, wanted: wanted, context: context))
        }
        let quick = candidates.map { s, source in
            (source, s, rank(evaluate(project: q, site: s, wanted: wanted, context: context, quick: true)))
        }.sorted { $0.2.lexicographicallyPrecedes($1.2) }
        var best: (ReadinessSiteSource, Evaluation, [Int])?
        let cache = HeadroomCache()
        for (source, s, bound) in quick {
            if let best, best.2.lexicographicallyPrecedes(bound) { break }
            let full = evaluate(project: q, site: s, wanted: wanted, context: context, cache: cache)
            let r = rank(full)
            if best.map({ r.lexicographicallyPrecedes($0.2) }) ?? true { best = (source, full, r) }
        }
        return best.map { ($0.0, $0.1) }
    }

    /// The wanted move-in period: `at`, else the plan's start, else the pinned start, else `earliest`.
    static func wantedPeriod(
        _ p: ProjectInfo, at: YearMonth?, placement: Placement?,
        instance: PlanningInstance
    ) -> (Int, ReadinessWantedSource) {
        let last = instance.periodCount - 1
        func clip(_ t: Int) -> Int { max(0, min(t, last)) }
        if let at { return (clip(instance.horizon.availablePeriod(at)), .asked) }
        if let placement { return (clip(instance.horizon.availablePeriod(placement.start)), .plan) }
        if let pinned = p.pinnedStart { return (clip(pinned), .pinned) }
        return (clip(p.earliestPeriod), .earliest)
    }

    /// Earliest period at which every item holds (nil when one never does).
    static func readyFrom(_ items: [ReadinessItem]) -> Int? {
        var latest = 0
        for item in items {
            guard let c = item.clearsPeriod else { return nil }
            latest = max(latest, c)
        }
        return latest
    }

    /// Best site first: ready earliest, then fewest items that never clear, then fewest blocking, then file order.
    static func rank(_ e: Evaluation) -> [Int] {
        [
            readyFrom(e.items) ?? Int.max, e.items.filter { $0.clearsPeriod == nil }.count,
            e.items.filter { !$0.met }.count, e.siteIndex,
        ]
    }

    // MARK: - Validation helpers for callers

    /// Ids of a plan that the instance does not know, as `(json path, id)` pairs in plan order.
    public static func unknownIDs(in plan: Plan, instance: PlanningInstance) -> [(path: String, id: String)] {
        var unknown: [(String, String)] = []
        for (i, p) in plan.placements.enumerated() {
            if instance.projectIndex(p.project) == nil {
                unknown.append(("placements[\(i)].project", p.project.rawValue))
            }
            if instance.siteIndex(p.site) == nil { unknown.append(("placements[\(i)].site", p.site.rawValue)) }
        }
        for (i, e) in plan.expansions.enumerated() where instance.expansionIndex(e.id) == nil {
            unknown.append(("expansions[\(i)].id", e.id.rawValue))
        }
        for (i, u) in plan.unplaced.enumerated() where instance.projectIndex(u.project) == nil {
            unknown.append(("unplaced[\(i)].project", u.project.rawValue))
        }
        for (i, u) in plan.utilization.enumerated() where instance.nodeIndex(u.node) == nil {
            unknown.append(("utilization[\(i)].node", u.node.rawValue))
        }
        return unknown
    }
}
