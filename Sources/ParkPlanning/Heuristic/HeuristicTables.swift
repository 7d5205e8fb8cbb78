import ParkInstance
import ParkModel

/// Per-project and per-expansion figures the heuristic reads in its inner loops, computed once
/// per `ModelIndex` (values per start, demand per resource, space per class site, site order by
/// first start), so that a placement probe touches only flat arrays of numbers.
///
/// A class (not a struct) so that copying a `HeuristicState` for a trial copies one reference.
final class HeuristicTables: Sendable {
    /// `values[p][t]`: contract §4 value of project `p` started in period `t` (0 for existing ones).
    let values: [[Double]]
    /// Construction periods per project (the draw period is `min(t + b, P - 1)`).
    let buildPeriods: [Int]
    /// `demand[p][r]`: demand of project `p` on resource `r` in the resource's unit.
    let demand: [[Double]]
    /// `need[p][k][i]`: units or m² project `p` takes on site `i` of its class `k`.
    let need: [[[Double]]]
    /// Per project: every resource and every site any of its classes uses (ascending).
    let projectResources: [[Int]]
    let projectSites: [[Int]]
    /// Per expansion: planned sites it builds.
    let sitesBuiltBy: [[Int]]
    /// Per expansion: (resource, usable amount added) pairs.
    let additions: [[(resource: Int, amount: Double)]]
    /// Per project: whether it must be placed (committed, existing), whether it is existing.
    let mustPlace: [Bool]
    let isExisting: [Bool]
    /// Per expansion: cost (currency) and lead time (periods).
    let expansionCost: [Double]
    let expansionLead: [Int]
    /// Per expansion: the first period it can be complete in (the first start of its window plus
    /// its lead time); nil when it has no window.
    let firstCompletion: [Int?]
    /// Per expansion: the expansions it requires (`Expansion.requires`, copied out of the instance
    /// so the local search's hot loops read a flat table).
    let expansionRequires: [[Int]]
    /// Whether no expansion has a negative cost (a plan's cost then only grows as it is built up).
    let costsNonNegative: Bool
    /// Per resource: (expansion, usable amount added) pairs, by expansion index.
    let resourceAdditions: [[(expansion: Int, amount: Double)]]
    /// Per resource: whether some expansion takes capacity away from it (a negative addition).
    let hasNegativeAddition: [Bool]
    /// Per site: the tolerance on its space (`1e-9 × max(1, capacity)`).
    let siteTolerance: [Double]
    /// Weight of expansion cost in the objective.
    let costWeight: Double
    /// The start classes laid out flat for `HeuristicState.bestOption`, with their candidate starts.
    let probes: ClassProbes

    init(index: ModelIndex) {
        let instance = index.instance
        let count = index.periodCount
        let projects = instance.projects
        values = projects.map { p in (0..<max(count, 1)).map { p.value(startingAt: $0) } }
        buildPeriods = projects.map(\.buildPeriods)
        demand = projects.map { p in index.resources.map { p.demand($0.kind) } }
        need = projects.indices.map { p in
            index.classes[p].map { c in c.sites.map { SiteRules.spaceNeed(projects[p], on: instance.sites[$0]) } }
        }
        projectResources = index.classes.map { Array(Set($0.flatMap(\.resources))).sorted() }
        projectSites = index.classes.map { Array(Set($0.flatMap(\.sites))).sorted() }
        var built = [[Int]](repeating: [], count: instance.expansions.count)
        for (s, site) in instance.sites.enumerated() {
            for e in site.builtBy where e >= 0 && e < built.count { built[e].append(s) }
        }
        sitesBuiltBy = built
        var adds = [[(resource: Int, amount: Double)]](repeating: [], count: instance.expansions.count)
        for (r, resource) in index.resources.enumerated() {
            for (e, amount) in resource.additions { adds[e].append((r, resource.usableFactor * amount)) }
        }
        additions = adds
        expansionCost = instance.expansions.map(\.cost)
        expansionLead = instance.expansions.map(\.leadPeriods)
        firstCompletion = instance.expansions.indices.map { e in
            index.expansionRanges[e].map { $0.lowerBound + instance.expansions[e].leadPeriods }
        }
        expansionRequires = instance.expansions.map(\.requires)
        costsNonNegative = instance.expansions.allSatisfy { $0.cost >= 0 }
        resourceAdditions = index.resources.map { r in r.additions.map { ($0.expansion, r.usableFactor * $0.amount) } }
        hasNegativeAddition = index.resources.map { $0.additions.contains { $0.amount < 0 } }
        siteTolerance = instance.sites.map { 1e-9 * max(1, $0.capacity) }
        mustPlace = projects.map(\.mustPlace)
        isExisting = projects.map { $0.status == .existing }
        costWeight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        probes = ClassProbes(index: index, need: need)
    }
}

/// Every project's start classes laid out in flat arrays, for `HeuristicState.bestOption` (the
/// local search's hot loop): a class there is a record of ranges into shared arrays, so reading
/// one retains no buffer (reading a nested row retains and releases it, and the search's chains
/// share these buffers across threads, so each of those counts is a contended atomic).
struct ClassProbes: Sendable {
    struct Class: Sendable {
        /// The class's first start and whether its sites need building (`StartClass`).
        let firstStart: Int
        let hasBuilders: Bool
        /// Into `site`, `position`, `siteFirstStart` and `need`: the class's sites by first
        /// feasible start, then position.
        let sites: Range<Int>
        /// Into `resource`: the resources the class draws on.
        let resources: Range<Int>
        /// Into `start`: the starts worth trying (`ModelIndex.candidateStarts`: a start that fits
        /// implies that the candidate before it fits too, and is worth more), ascending.
        let starts: Range<Int>
    }

    /// Per project: its classes' range in `classes` (class `k` at `lowerBound + k`).
    let classRange: [Range<Int>]
    let classes: [Class]
    /// Site index, its position in `StartClass.sites`, its first feasible start, the project's need on it.
    let site: [Int]
    let position: [Int]
    let siteFirstStart: [Int]
    let need: [Double]
    let resource: [Int]
    let start: [Int]

    /// `need` is `HeuristicTables.need` (per project, class and site position).
    init(index: ModelIndex, need projectNeed: [[[Double]]]) {
        var classRange: [Range<Int>] = [], classes: [Class] = []
        var site: [Int] = [], position: [Int] = [], siteFirstStart: [Int] = [], need: [Double] = []
        var resource: [Int] = [], start: [Int] = []
        for (p, projectClassList) in index.classes.enumerated() {
            let first = classes.count
            for (k, c) in projectClassList.enumerated() {
                let order = c.sites.indices.sorted { a, b in
                    c.siteFirstStarts[a] != c.siteFirstStarts[b] ? c.siteFirstStarts[a] < c.siteFirstStarts[b] : a < b
                }
                let sites = site.count..<(site.count + order.count)
                for i in order {
                    site.append(c.sites[i]); position.append(i)
                    siteFirstStart.append(c.siteFirstStarts[i]); need.append(projectNeed[p][k][i])
                }
                let resources = resource.count..<(resource.count + c.resources.count)
                resource += c.resources
                let candidates = index.candidateStarts(p, k)
                let starts = start.count..<(start.count + candidates.count)
                start += candidates
                classes.append(
                    Class(
                        firstStart: c.starts.lowerBound, hasBuilders: !c.builders.isEmpty, sites: sites,
                        resources: resources, starts: starts))
            }
            classRange.append(first..<classes.count)
        }
        self.classRange = classRange; self.classes = classes
        self.site = site; self.position = position; self.siteFirstStart = siteFirstStart; self.need = need
        self.resource = resource; self.start = start
    }
}
