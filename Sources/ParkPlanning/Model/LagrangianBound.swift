import Foundation
import ParkInstance
import ParkModel

/// An upper bound on the planning MIP from a Lagrangian relaxation, for models whose LP does not
/// finish within the time (at 300–1,000 projects the bound used to be the sum of best values).
///
/// Kept: "once" per project (each project alone picks one class, one of its sites and one start
/// in the class's window, or nothing when it may be left out), each expansion at its earliest
/// start or not at all. Moved into the objective with multipliers `λ ≥ 0`: every capacity row
/// (per resource and period: a project started at `s` draws from `min(s + b_p, P − 1)` on, an
/// expansion adds from its completion on), the space rows (`C04`) and the budget (`C08`).
/// Dropped: readiness (`C05`), requirements (`C07`), a budget ≤ 0. For any `λ ≥ 0` the best point
/// of what remains is worth at least every plan, so every iterate gives a valid bound;
/// subgradient steps lower it: Polyak steps towards a target `depth` below the best bound so
/// far, the depth starting at 20 % and halving after every 15 iterations without a better bound
/// down to 2 %, then the step halving instead (starting at 2 % converged ten times slower:
/// 600 projects, 500 iterations, 1.404e11 against 1.297e11 with 20 %, docs/performance.md).
/// A counted number of iterations (or fewer when
/// `shouldStop` says so): the same bound every run that is not cut short.
enum LagrangianBound {
    /// One start class of a project: its value per start, its draws, its sites' space.
    private struct Choice {
        let starts: ClosedRange<Int>
        let values: [Double]  // per start in `starts`
        let draws: [(resource: Int, amount: Double)]
        let sites: [(site: Int, space: Double)]
    }

    /// First target depth of the Polyak step, as a share of the best bound so far.
    static let initialDepth = 0.2

    /// The bound in currency (nil when a must-place project has no option).
    static func bound(_ index: ModelIndex, iterations: Int = 4500, shouldStop: () -> Bool = { false }) -> Double? {
        let instance = index.instance
        let periods = instance.periodCount
        guard periods > 0 else { return nil }
        let costWeight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        let resourceCount = index.resources.count
        // Each resource's rows scaled by its largest coefficient (as in StaticBound).
        var scale = [Double](repeating: 0, count: resourceCount)
        for (p, classes) in index.classes.enumerated() {
            for c in classes {
                for r in c.resources {
                    scale[r] = max(scale[r], abs(instance.projects[p].demand(index.resources[r].kind)))
                }
            }
        }
        for (r, resource) in index.resources.enumerated() {
            for (e, amount) in resource.additions where index.expansionRanges[e] != nil {
                scale[r] = max(scale[r], abs(resource.usableFactor * amount))
            }
        }
        var capacity = [[Double]](repeating: [], count: resourceCount)
        for (r, resource) in index.resources.enumerated() {
            capacity[r] = (0..<periods).map { scale[r] > 0 ? resource.baseUsable(at: $0) / scale[r] : 0 }
        }
        var choices: [[Choice]] = []
        var draws: [Int] = []  // per project: build periods
        var mustPlace: [Bool] = []
        for (p, classes) in index.classes.enumerated() {
            guard !classes.isEmpty else { continue }
            let project = instance.projects[p]
            choices.append(
                classes.map { c in
                    Choice(
                        starts: c.starts, values: c.starts.map { project.value(startingAt: $0) },
                        draws: c.resources.compactMap { r in
                            let d = project.demand(index.resources[r].kind)
                            return scale[r] > 0 && d != 0 ? (r, d / scale[r]) : nil
                        },
                        sites: c.sites.map { s in
                            let site = instance.sites[s]
                            let need = SiteRules.spaceNeed(project, on: site)
                            return (s, site.capacity.isFinite && site.capacity > 0 ? need / site.capacity : need)
                        })
                })
            draws.append(project.buildPeriods)
            mustPlace.append(project.mustPlace)
        }
        // A budget ≤ 0 (nothing with a positive cost may be built) is dropped, not relaxed.
        let budget = instance.budget.flatMap { $0 > 0 ? $0 : nil }
        let expansions: [(cost: Double, share: Double, from: Int, adds: [(resource: Int, amount: Double)])] =
            instance.expansions.indices.compactMap { e in
                guard let range = index.expansionRanges[e] else { return nil }
                var adds: [(resource: Int, amount: Double)] = []
                for (r, resource) in index.resources.enumerated() where scale[r] > 0 {
                    for (added, amount) in resource.additions where added == e {
                        adds.append((r, resource.usableFactor * amount / scale[r]))
                    }
                }
                let cost = instance.expansions[e].cost
                let from = range.lowerBound + instance.expansions[e].leadPeriods
                return (costWeight * cost, budget.map { cost / $0 } ?? 0, from, adds)
            }
        let siteCount = instance.sites.count
        var price = [[Double]](repeating: [Double](repeating: 0, count: periods), count: resourceCount)
        var rent = [Double](repeating: 0, count: siteCount)
        var budgetPrice = 0.0
        var best = Double.infinity
        var theta = 1.0
        var depth = initialDepth
        var sinceBetter = 0
        var done = 0
        for iteration in 0..<max(1, iterations) {
            if shouldStop() { break }
            done += 1
            // First only the last period's capacity rows (the static relaxation, which converges
            // fast), then every period's, from the prices reached.
            let lastOnly = iteration < iterations / 3
            if iteration == iterations / 3 { theta = 1; sinceBetter = 0; depth = initialDepth }
            // tail[r][u]: the price of drawing one unit of r from period u to the end.
            var tail = [[Double]](repeating: [Double](repeating: 0, count: periods + 1), count: resourceCount)
            for r in 0..<resourceCount {
                for t in stride(from: periods - 1, through: 0, by: -1) { tail[r][t] = tail[r][t + 1] + price[r][t] }
            }
            var value = 0.0
            var use = [[Double]](repeating: [Double](repeating: 0, count: periods + 1), count: resourceCount)
            var siteUse = [Double](repeating: 0, count: siteCount)
            var budgetUse = 0.0
            for r in 0..<resourceCount { for t in 0..<periods { value += price[r][t] * capacity[r][t] } }
            for s in 0..<siteCount { value += rent[s] }
            if budget != nil { value += budgetPrice }
            for (p, classes) in choices.enumerated() {
                var top = mustPlace[p] ? -Double.infinity : 0
                var chosen: (choice: Int, start: Int, site: Int)?
                for (k, choice) in classes.enumerated() {
                    var cheapest = (site: -1, price: Double.infinity)
                    for (i, site) in choice.sites.enumerated() where rent[site.site] * site.space < cheapest.price {
                        cheapest = (i, rent[site.site] * site.space)
                    }
                    guard cheapest.site >= 0 else { continue }
                    // Only the last period priced: the tail is the same for every start, and the
                    // first start (worth most) is best.
                    for (i, s) in choice.starts.enumerated() where !lastOnly || i == 0 {
                        let from = min(s + draws[p], periods - 1)
                        var reduced = choice.values[i] - cheapest.price
                        for draw in choice.draws { reduced -= tail[draw.resource][from] * draw.amount }
                        if reduced > top { top = reduced; chosen = (k, s, cheapest.site) }
                    }
                }
                guard top > -Double.infinity else { return nil }
                value += top
                if let chosen {
                    let choice = classes[chosen.choice]
                    let site = choice.sites[chosen.site]
                    siteUse[site.site] += site.space
                    let from = min(chosen.start + draws[p], periods - 1)
                    for draw in choice.draws { use[draw.resource][from] += draw.amount }
                }
            }
            for expansion in expansions where expansion.from < periods {
                var reduced = -expansion.cost - budgetPrice * expansion.share
                for add in expansion.adds { reduced += tail[add.resource][expansion.from] * add.amount }
                guard reduced > 0 else { continue }
                value += reduced
                budgetUse += expansion.share
                for add in expansion.adds { use[add.resource][expansion.from] -= add.amount }
            }
            if !best.isFinite || value < best - 1e-12 * max(1, abs(best)) {
                best = value; sinceBetter = 0
            } else {
                sinceBetter += 1
                if sinceBetter >= 15 {
                    if depth > 0.02 { depth = max(0.02, depth / 2) } else { theta /= 2 }
                    sinceBetter = 0
                }
            }
            // Subgradient: the slack of each relaxed row (draws accumulate over the periods).
            var norm = 0.0
            var gradient = [[Double]](repeating: [Double](repeating: 0, count: periods), count: resourceCount)
            for r in 0..<resourceCount {
                var drawn = 0.0
                for t in 0..<periods {
                    drawn += use[r][t]
                    let g = capacity[r][t] - drawn
                    gradient[r][t] = (lastOnly && t < periods - 1) || (price[r][t] <= 0 && g >= 0) ? 0 : g
                    norm += gradient[r][t] * gradient[r][t]
                }
            }
            var siteGradient = [Double](repeating: 0, count: siteCount)
            for s in 0..<siteCount {
                let g = 1 - siteUse[s]
                siteGradient[s] = rent[s] > 0 || g < 0 ? g : 0
                norm += siteGradient[s] * siteGradient[s]
            }
            var budgetGradient = 0.0
            if budget != nil {
                let g = 1 - budgetUse
                budgetGradient = budgetPrice > 0 || g < 0 ? g : 0
                norm += budgetGradient * budgetGradient
            }
            guard norm > 1e-18, theta > 1e-6 else {
                if lastOnly { continue }
                break
            }
            let step = theta * (value - (best - depth * max(1, abs(best)))) / norm
            for r in 0..<resourceCount {
                for t in 0..<periods { price[r][t] = max(0, price[r][t] - step * gradient[r][t]) }
            }
            for s in 0..<siteCount { rent[s] = max(0, rent[s] - step * siteGradient[s]) }
            budgetPrice = max(0, budgetPrice - step * budgetGradient)
        }
        guard best.isFinite else { return nil }
        // Rounding in the sums: a relative margin keeps the bound valid.
        return best + 1e-9 * max(1, abs(best))
    }
}
