import ParkInstance
import ParkModel

/// Placements and built expansions in period indices: the elastic model's answer, or a plan's.
struct DiagnosisSchedule: Sendable {
    struct Placed: Sendable { let project: Int, site: Int, start: Int }
    struct Built: Sendable { let expansion: Int, start: Int }
    var placements: [Placed] = []
    var builds: [Built] = []
}

extension DiagnosisContext {
    /// Every (node, kind) checked by contract §3.7, in node order (COD only where the plant sets it).
    var capacityResources: [Resource] { instance.resources }

    /// Demand drawn on the resource in each period (own unit), contract §3.7.
    func used(_ schedule: DiagnosisSchedule, _ r: Resource) -> [Double] {
        var used = [Double](repeating: 0, count: instance.periodCount)
        for placed in schedule.placements where node(of: placed.site, r.kind) == r.node {
            let project = instance.projects[placed.project]
            let demand = project.demand(r.kind)
            guard demand > 0 else { continue }
            let from = project.drawPeriod(start: placed.start, periodCount: instance.periodCount)
            for t in max(0, from)..<instance.periodCount { used[t] += demand }
        }
        return used
    }

    /// Usable capacity (after `reserve`) in each period; `readyFrom` overrides the node's ready period.
    func usable(_ schedule: DiagnosisSchedule, _ r: Resource, readyFrom: Int? = nil) -> [Double] {
        let node = instance.nodes[r.node]
        let ready = readyFrom ?? node.readyPeriod
        let base = r.base
        return (0..<instance.periodCount).map { t in
            var total = t >= ready ? base : 0
            for built in schedule.builds where built.start + instance.expansions[built.expansion].leadPeriods <= t {
                total += r.addition(of: built.expansion)
            }
            return node.usableFactor * total
        }
    }

    /// Period from which site `s` is ready under the schedule (`Int.max` when never).
    func readyPeriod(_ schedule: DiagnosisSchedule, site s: Int) -> Int {
        let site = instance.sites[s]
        guard site.isPlanned else { return site.readyPeriod }
        let completions = schedule.builds.filter { site.builtBy.contains($0.expansion) }
            .map { $0.start + instance.expansions[$0.expansion].leadPeriods }
        guard let built = completions.min() else { return Int.max }
        return max(site.readyPeriod, built)
    }

    /// Space taken on site `s` (m² on a plot, units in a building).
    func spaceUsed(_ schedule: DiagnosisSchedule, site s: Int) -> Double {
        schedule.placements.filter { $0.site == s }.reduce(0) { $0 + spaceTaken($1.project, on: s) }
    }

    /// `used ≤ limit` within the verifier's tolerance (absolute 1e-6 plus relative 1e-9).
    static func exceeds(_ used: Double, _ limit: Double) -> Bool { used > limit + 1e-6 + 1e-9 * abs(limit) }
}
