import Foundation
import ParkInstance
import ParkModel

extension ModelIndex {
    // MARK: - Resources

    static func resources(_ instance: PlanningInstance) -> [Resource] {
        var result: [Resource] = []
        for (n, node) in instance.nodes.enumerated() {
            func additions(_ pick: (Double, Double) -> Double) -> [(expansion: Int, amount: Double)] {
                instance.expansions.enumerated().compactMap { e, info in
                    guard case .node(let target, let capacity, let cod) = info.target, target == n else { return nil }
                    let amount = pick(capacity, cod)
                    return amount != 0 ? (e, amount) : nil
                }
            }
            let kind: CapacityKind = switch node.kind {
            case .power: .power
            case .water: .water
            case .sewage: .sewage
            }
            result.append(Resource(node: n, kind: kind, base: node.baseCapacity, readyPeriod: node.readyPeriod,
                                   usableFactor: node.usableFactor, additions: additions { c, _ in c }))
            if node.kind == .sewage, let cod = node.baseCOD {
                result.append(Resource(node: n, kind: .cod, base: cod, readyPeriod: node.readyPeriod,
                                       usableFactor: 1, additions: additions { _, c in c }))
            }
        }
        return result
    }

    /// Largest usable capacity of each resource in each period: base plus every buildable
    /// expansion completed as early as it can be.
    static func maximalCapacities(_ instance: PlanningInstance, resources: [Resource],
                                  ranges: [ClosedRange<Int>?]) -> [[Double]] {
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

    /// Units (buildings) or m² (plots) that project `p` takes on site `s` (SPEC §3.4).
    static func spaceNeed(_ p: ProjectInfo, on s: SiteInfo) -> Double {
        switch s.kind {
        case .plot: return p.spaceM2
        case .building: return s.unitAreaM2 > 0 ? (p.spaceM2 / s.unitAreaM2).rounded(.up) : .infinity
        }
    }

    /// SPEC §3.3, §3.4 (a single project too big), §3.6, §3.10 and the site pin.
    static func siteAllowed(_ p: ProjectInfo, _ s: SiteInfo, index: Int) -> Bool {
        guard p.policyEligible else { return false }
        if let pin = p.pinnedSite, pin != index { return false }
        switch s.kind {
        case .plot:
            guard p.needsLand else { return false }
            if let zones = p.zones { guard let zone = s.zone, zones.contains(zone) else { return false } }
        case .building:
            guard !p.needsLand, s.use == p.use, s.floorLoadKNM2 >= p.floorLoadKNM2,
                  s.clearHeightM >= p.clearHeightM, s.craneT >= p.craneT else { return false }
        }
        for kind in UtilityKind.allCases where p.needs(kind) {
            guard s.node(kind) != nil else { return false }
        }
        return spaceNeed(p, on: s) <= s.capacity
    }

    /// Resource indices project `p` draws on at site `s`.
    static func drawnResources(_ p: ProjectInfo, _ s: SiteInfo, resources: [Resource]) -> [Int] {
        resources.indices.filter { r in
            let res = resources[r]
            let node: Int? = switch res.kind {
            case .power: s.power
            case .water: s.water
            case .sewage, .cod: s.sewage
            }
            return node == res.node && p.demand(res.kind) > 0
        }
    }

    // MARK: - Classes

    static func startClasses(project pIndex: Int, instance: PlanningInstance, siteReady: [Int?],
                             resources: [Resource], maxCapacity: [[Double]]) -> [StartClass] {
        let p = instance.projects[pIndex]
        let count = instance.periodCount
        var high = min(p.windowHigh, count - 1)
        var lowWindow = max(p.windowLow, 0)
        if let pin = p.pinnedStart {
            guard pin >= lowWindow, pin <= high else { return [] }
            lowWindow = pin; high = pin
        }
        guard lowWindow <= high else { return [] }
        struct Key: Equatable { let resources: [Int]; let builders: [Int] }
        var keys: [Key] = []
        var members: [[Int]] = []
        var lows: [[Int]] = []
        for (s, site) in instance.sites.enumerated() where siteAllowed(p, site, index: s) {
            guard let ready = siteReady[s] else { continue }
            let drawn = drawnResources(p, site, resources: resources)
            var low = max(lowWindow, ready)
            // Demand above the largest capacity the node can ever have at the draw period: no start.
            while low <= high, drawn.contains(where: {
                p.demand(resources[$0].kind) > maxCapacity[$0][p.drawPeriod(start: low, periodCount: count)] + 1e-9
            }) { low += 1 }
            guard low <= high else { continue }
            let key = Key(resources: drawn, builders: site.builtBy)
            if let k = keys.firstIndex(of: key) {
                members[k].append(s); lows[k].append(low)
            } else {
                keys.append(key); members.append([s]); lows.append([low])
            }
        }
        return keys.indices.map { k in
            let low = lows[k].min() ?? high
            return StartClass(sites: members[k], builders: keys[k].builders, resources: keys[k].resources,
                              starts: low...high, siteFirstStarts: lows[k])
        }
    }
}
