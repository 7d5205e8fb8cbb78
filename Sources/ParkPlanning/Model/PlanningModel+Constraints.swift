import LinearProgramming
import ParkInstance
import ParkModel

extension PlanningModel {
    // MARK: - C01 once

    /// `Σ_k X[p,k,last] ≤ 1`, `= 1` for committed and existing projects (an empty row `0 = 1`
    /// when a must-place project has no option at all: the model is then infeasible).
    mutating func addOnceRows() {
        for (p, project) in instance.projects.enumerated() {
            let terms = index.classes[p].indices.map { Term(placed(p, $0), 1) }
            if project.mustPlace {
                row(.once(p), terms, lower: 1, upper: 1)
            } else if terms.count > 1 {
                row(.once(p), terms, upper: 1)
            }
        }
    }

    // MARK: - C02 link

    /// `Σ_{s∈k} a[p,s] = X[p,k,last]` for classes with several sites.
    mutating func addLinkRows() {
        for (p, classes) in index.classes.enumerated() {
            for k in classes.indices where !placeColumns[p][k].isEmpty {
                let terms = placeColumns[p][k].map { Term($0, 1) } + [Term(placed(p, k), -1)]
                row(.link(p, k), terms, lower: 0, upper: 0)
            }
        }
    }

    // MARK: - C10 site ready (own date)

    /// `X[p,k,f_s - 1] + a[p,s] ≤ 1` for a site whose first feasible start `f_s` comes after the
    /// class's first start: on that site the project has not started before `f_s`.
    mutating func addSiteReadyRows() {
        for (p, classes) in index.classes.enumerated() {
            for (k, c) in classes.enumerated() where !placeColumns[p][k].isEmpty {
                for (i, first) in c.siteFirstStarts.enumerated() where first > c.starts.lowerBound {
                    guard let before = started(p, k, atOrBefore: first - 1) else { continue }
                    row(.siteReady(p, c.sites[i]), [Term(before, 1), Term(placeColumns[p][k][i], 1)], upper: 1)
                }
            }
        }
    }

    // MARK: - C03 start order

    /// `X[p,k,t-1] ≤ X[p,k,t]`.
    mutating func addStartOrderRows() {
        for (p, classes) in index.classes.enumerated() {
            for (k, c) in classes.enumerated() where c.starts.count > 1 {
                let columns = startColumns[p][k]
                for i in 1..<columns.count where columns[i - 1] != columns[i] {
                    row(
                        .startOrder(p, k, c.starts.lowerBound + i), [Term(columns[i - 1], 1), Term(columns[i], -1)],
                        upper: 0)
                }
            }
        }
    }

    // MARK: - C04 space

    /// `Σ_p need[p,s]·a[p,s] ≤ capacity[s]` (m² on plots, units in buildings), emitted only when
    /// the projects that may use the site could together exceed it.
    mutating func addSpaceRows() {
        var terms = [[Term]](repeating: [], count: instance.sites.count)
        var total = [Double](repeating: 0, count: instance.sites.count)
        for (p, classes) in index.classes.enumerated() {
            let project = instance.projects[p]
            for (k, c) in classes.enumerated() {
                for (i, s) in c.sites.enumerated() {
                    let need = SiteRules.spaceNeed(project, on: instance.sites[s])
                    guard need > 0 else { continue }
                    terms[s].append(Term(siteChoice(p, k, slot: i), need))
                    total[s] += need
                }
            }
        }
        for (s, site) in instance.sites.enumerated() where total[s] > site.capacity + 1e-9 {
            row(.space(s), terms[s], upper: site.capacity)
        }
    }

    // MARK: - C05 ready

    /// `X[p,k,t] ≤ Σ_{e builds k} W[e, t - lead_e]`: a planned site is ready when the project starts.
    mutating func addReadyRows() {
        for (p, classes) in index.classes.enumerated() {
            for (k, c) in classes.enumerated() where !c.builders.isEmpty {
                let columns = startColumns[p][k]
                // One row per column: at the first period sharing it (the tightest).
                for t in c.starts
                where t == c.starts.lowerBound
                    || columns[t - c.starts.lowerBound - 1] != columns[t - c.starts.lowerBound]
                {
                    var terms = [Term(columns[t - c.starts.lowerBound], 1)]
                    for e in c.builders { if let w = complete(e, at: t) { terms.append(Term(w, -1)) } }
                    row(.ready(p, k, t), terms, upper: 0)
                }
            }
        }
    }

    // MARK: - C06 build order

    /// `W[e,t-1] ≤ W[e,t]`.
    mutating func addBuildOrderRows() {
        for (e, columns) in buildColumns.enumerated() where columns.count > 1 {
            guard let range = index.expansionRanges[e] else { continue }
            for i in 1..<columns.count {
                row(.buildOrder(e, range.lowerBound + i), [Term(columns[i - 1], 1), Term(columns[i], -1)], upper: 0)
            }
        }
    }

    // MARK: - C07 requires

    /// `W[e,t] ≤ W[r, t - lead_r]`: started by `t` only if each requirement is complete by `t`.
    mutating func addRequiresRows() {
        for (e, info) in instance.expansions.enumerated() {
            guard let range = index.expansionRanges[e] else { continue }
            for r in info.requires {
                for t in range {
                    var terms = [Term(buildColumns[e][t - range.lowerBound], 1)]
                    if let w = complete(r, at: t) { terms.append(Term(w, -1)) }
                    row(.requires(e, r, t), terms, upper: 0)
                }
            }
        }
    }

    // MARK: - C08 budget

    /// `Σ_e cost_e·W[e,last] ≤ budget`, when the buildable expansions could exceed it.
    mutating func addBudgetRow() {
        guard let budget = instance.budget else { return }
        var terms: [Term] = []
        var total = 0.0
        for (e, info) in instance.expansions.enumerated() where info.cost > 0 {
            guard let column = isBuilt(e) else { continue }
            terms.append(Term(column, info.cost))
            total += info.cost
        }
        if total > budget { row(.budget, terms, upper: budget) }
    }
}
