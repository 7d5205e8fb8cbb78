import Foundation
import ParkInstance
import ParkModel

extension ModelIndex {
    // MARK: - Capacities

    /// Largest usable capacity of each resource in each period: base plus every buildable
    /// expansion completed as early as it can be.
    static func maximalCapacities(
        _ instance: PlanningInstance, resources: [Resource],
        ranges: [ClosedRange<Int>?]
    ) -> [[Double]] {
        resources.map { r in
            (0..<instance.periodCount).map { t in
                var total = t >= r.readyPeriod ? r.base : 0
                for (e, amount) in r.additions {
                    if let range = ranges[e], range.lowerBound + instance.expansions[e].leadPeriods <= t {
                        total += max(0, amount)
                    }
                }
                return r.usableFactor * total
            }
        }
    }

    // MARK: - Eligibility

    /// Resource indices project `p` draws on at site `s`.
    static func drawnResources(_ p: ProjectInfo, _ s: SiteInfo, resources: [Resource]) -> [Int] {
        resources.indices.filter { serves(resources[$0], s) && p.demand(resources[$0].kind) > 0 }
    }

    /// Whether resource `r` is the node site `s` draws its kind from.
    static func serves(_ r: Resource, _ s: SiteInfo) -> Bool {
        let node: Int? =
            switch r.kind {
            case .power: s.power
            case .water: s.water
            case .sewage, .cod: s.sewage
            }
        return node == r.node
    }

    // MARK: - Classes

    static func startClasses(
        project pIndex: Int, instance: PlanningInstance, siteReady: [Int?],
        resources: [Resource], siteResources: [[Int]], maxCapacity: [[Double]]
    ) -> [StartClass] {
        let p = instance.projects[pIndex]
        let count = instance.periodCount
        guard let window = SiteRules.startWindow(p, periodCount: count) else { return [] }
        let lowWindow = window.lowerBound, high = window.upperBound
        struct Key: Hashable { let resources: [Int]; let builders: [Int] }
        var keys: [Key] = []
        var keyIndex: [Key: Int] = [:]
        var members: [[Int]] = []
        var lows: [[Int]] = []
        for (s, site) in instance.sites.enumerated() where SiteRules.allows(p, site, siteIndex: s) {
            guard let ready = siteReady[s] else { continue }
            let drawn = siteResources[s].filter { p.demand(resources[$0].kind) > 0 }
            var low = max(lowWindow, ready)
            // Demand above the largest capacity the node can ever have at the draw period: no start.
            while low <= high,
                drawn.contains(where: {
                    p.demand(resources[$0].kind) > maxCapacity[$0][p.drawPeriod(start: low, periodCount: count)] + 1e-9
                })
            { low += 1 }
            guard low <= high else { continue }
            let key = Key(resources: drawn, builders: site.builtBy)
            if let k = keyIndex[key] {
                members[k].append(s); lows[k].append(low)
            } else {
                keyIndex[key] = keys.count
                keys.append(key); members.append([s]); lows.append([low])
            }
        }
        return keys.indices.map { k in
            let low = lows[k].min() ?? high
            return StartClass(
                sites: members[k], builders: keys[k].builders, resources: keys[k].resources,
                starts: low...high, siteFirstStarts: lows[k])
        }
    }
}
