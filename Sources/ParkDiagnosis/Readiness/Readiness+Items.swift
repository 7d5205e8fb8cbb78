import ParkInstance
import ParkModel

extension Readiness {
    /// The checklist of one project on one site.
    struct Evaluation {
        let siteIndex: Int
        let site: SiteID
        let items: [ReadinessItem]
    }

    /// Builds the checklist items of project `q` on site `s` for a move-in at period `wanted`.
    ///
    /// With `quick`, headroom and budget are left out: a lower bound of the full checklist's `rank`,
    /// used to skip sites that cannot be the best.
    /// `cache` keeps headroom results of this project by node and resource: they do not depend on
    /// the site, so checking many sites on one node computes them once.
    static func evaluate(
        project q: Int, site s: Int, wanted: Int, context: ReadinessContext,
        quick: Bool = false, cache: HeadroomCache = HeadroomCache()
    ) -> Evaluation {
        let instance = context.instance
        let p = instance.projects[q]
        let site = instance.sites[s]
        let count = instance.periodCount
        func month(_ t: Int?) -> YearMonth? { t.map { instance.month($0) } }
        func item(
            _ kind: ReadinessItemKind, clears: Int?, required: Double? = nil, available: Double? = nil,
            unit: String = "", subject: String? = nil, waitingOn: [Int] = [], demandAt: Int? = nil
        ) -> ReadinessItem {
            let clears = clears.flatMap { $0 < count ? $0 : nil }
            return ReadinessItem(
                kind: kind, met: clears.map { $0 <= wanted } ?? false, clearsPeriod: clears, clearsMonth: month(clears),
                required: required, available: available, unit: unit, subject: subject,
                waitingOn: waitingOn.map { instance.expansions[$0].id }, demandMonth: month(demandAt))
        }
        func staticItem(
            _ kind: ReadinessItemKind, _ ok: Bool, required: Double? = nil, available: Double? = nil,
            unit: String = "", subject: String? = nil
        ) -> ReadinessItem {
            item(kind, clears: ok ? 0 : nil, required: required, available: available, unit: unit, subject: subject)
        }

        let wantsPlot = p.needsLand
        guard SiteRules.holds(.kind, p, site, siteIndex: s) else {
            return Evaluation(
                siteIndex: s, site: site.id,
                items: [
                    staticItem(.siteKind, false, subject: wantsPlot ? "plot" : "building")
                ])
        }
        var items: [ReadinessItem] = []
        var needsBuilding: [Int] = []

        // Site ready and built.
        items.append(item(.siteReady, clears: site.readyPeriod))
        if site.isPlanned {
            let built = site.builtBy.filter { context.builtCompletion[$0] != nil }
            let options = built.isEmpty ? site.builtBy : built
            let builder = options.min {
                (context.completion($0) ?? Int.max, $0) < (context.completion($1) ?? Int.max, $1)
            }
            let done = builder.flatMap { context.completion($0) }
            var waiting: [Int] = []
            if let builder {
                let chain = context.chain(builder)
                needsBuilding += chain
                waiting = chain.isEmpty ? ((done ?? Int.max) > wanted ? [builder] : []) : chain
            }
            items.append(
                item(
                    .siteBuilt, clears: done, subject: builder.map { instance.expansions[$0].id.rawValue },
                    waitingOn: waiting))
        }

        // Kind of site: zone or use and ratings (the rules are `SiteRules`').
        func holds(_ requirement: SiteRequirement) -> Bool { SiteRules.holds(requirement, p, site, siteIndex: s) }
        if wantsPlot {
            if let zones = p.zones {
                let ok = holds(.zone)
                let zone = site.zone ?? "-"
                items.append(staticItem(.zone, ok, subject: ok ? zone : "\(zone) ∉ [\(zones.joined(separator: ", "))]"))
            }
        } else {
            let ok = holds(.use)
            items.append(
                staticItem(.use, ok, subject: ok ? site.use.rawValue : "\(site.use.rawValue) ≠ \(p.use.rawValue)"))
            let ratings: [(SiteRequirement, ReadinessItemKind)] = [
                (.floorLoad, .floorLoad), (.clearHeight, .clearHeight), (.crane, .crane),
            ]
            for (requirement, kind) in ratings {
                guard let rating = SiteRules.rating(requirement, p, site), rating.required > 0 else { continue }
                items.append(
                    staticItem(
                        kind, holds(requirement), required: rating.required,
                        available: rating.available, unit: rating.unit))
            }
        }

        // Free space.
        let taken = context.occupants.filter { $0.site == s && $0.project != q }.reduce(0) { $0 + $1.space }
        let free = site.capacity - taken
        let need = SiteRules.spaceNeed(p, on: site)
        items.append(
            staticItem(
                wantsPlot ? .area : .units, need <= free + 1e-6, required: need,
                available: free, unit: wantsPlot ? "m²" : "units"))

        // Connections and headroom.
        for kind in UtilityKind.allCases where p.needs(kind) {
            let node = site.node(kind)
            items.append(
                staticItem(
                    .connection(kind), holds(.connection(kind)), subject: node.map { instance.nodes[$0].id.rawValue }))
            guard let node, !quick else { continue }
            for resource in CapacityKind.allCases where resource.utility == kind && p.demand(resource) > 0 {
                guard
                    let h = cache.value(
                        node: node, kind: resource,
                        compute: {
                            headroom(project: q, node: node, kind: resource, wanted: wanted, context: context)
                        })
                else { continue }
                needsBuilding += h.extras
                items.append(
                    item(
                        .headroom(resource), clears: h.clears, required: p.demand(resource),
                        available: h.availableAtWanted, unit: resource.unit,
                        subject: instance.nodes[node].id.rawValue, waitingOn: h.waitingOn,
                        demandAt: p.drawPeriod(
                            start: h.clears.map { $0 > wanted ? $0 : wanted } ?? wanted, periodCount: count)))
            }
        }

        // Budget for what must still be built.
        if let budget = instance.budget, !needsBuilding.isEmpty, !quick {
            var distinct: [Int] = []
            for e in needsBuilding where !distinct.contains(e) { distinct.append(e) }
            let cost = context.builtCost + distinct.reduce(0) { $0 + instance.expansions[$1].cost }
            items.append(
                staticItem(
                    .budget, cost <= budget * (1 + 1e-9) + 1e-6, required: cost,
                    available: budget, unit: instance.scenario.park.currencyOrDefault,
                    subject: distinct.map { instance.expansions[$0].id.rawValue }.joined(separator: ", ")))
        }
        return Evaluation(siteIndex: s, site: site.id, items: items)
    }
}

/// Headroom results of one project at one wanted month, by node and resource (lookup only; never
/// iterated, so its order cannot reach any output).
final class HeadroomCache {
    private var values: [Int: Readiness.Headroom?] = [:]

    func value(node: Int, kind: CapacityKind, compute: () -> Readiness.Headroom?) -> Readiness.Headroom? {
        let key = node * CapacityKind.allCases.count + (CapacityKind.allCases.firstIndex(of: kind) ?? 0)
        if let known = values[key] { return known }
        let fresh = compute()
        values[key] = .some(fresh)
        return fresh
    }
}
