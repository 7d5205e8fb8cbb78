import Foundation
import LinearProgramming
import ParkInstance
import ParkModel

extension PlanningModel {
    // MARK: - V2 started

    /// `X[p,k,t]` for every candidate start of every class (`candidateStarts`); a period between
    /// two candidates shares the column of the candidate before it, so `startColumns` still has
    /// one entry per period of the class.
    mutating func addStartVariables() {
        for (p, classes) in index.classes.enumerated() {
            var perClass: [[ColumnID]] = []
            for (k, c) in classes.enumerated() {
                let candidates = Set(index.candidateStarts(p, k))
                var columns: [ColumnID] = []
                columns.reserveCapacity(c.starts.count)
                for t in c.starts {
                    if let previous = columns.last, !candidates.contains(t) {
                        columns.append(previous)
                    } else {
                        columns.append(column(.started(p, k, t)))
                    }
                }
                perClass.append(columns)
            }
            startColumns.append(perClass)
        }
    }

    // MARK: - V1 place

    /// `a[p,s]` for classes with more than one site (a one-site class uses `X[p,k,last]`).
    mutating func addPlaceVariables() {
        for (p, classes) in index.classes.enumerated() {
            var perClass: [[ColumnID]] = []
            for c in classes {
                perClass.append(c.sites.count > 1 ? c.sites.map { s in column(.place(p, s)) } : [])
            }
            placeColumns.append(perClass)
        }
    }

    // MARK: - V3 built

    /// `W[e,t]` for every useful start period of every buildable expansion.
    mutating func addBuildVariables() {
        for e in instance.expansions.indices {
            guard let range = index.expansionRanges[e] else { buildColumns.append([]); continue }
            buildColumns.append(range.map { t in column(.built(e, t)) })
        }
    }

    // MARK: - Objective

    /// contract §4 with cumulative variables: starting at `t` is `X[t] - X[t-1]`, so `X[t]` carries
    /// `v(t) - v(t+1)` and the last start carries `v(last)`; a built expansion costs `w.cost·cost`.
    /// Every coefficient is divided by `objectiveScale` (a power of ten chosen so the largest is
    /// below 10,000): values of 10⁹ CNY next to capacity rows of a few units upset the simplex.
    mutating func setObjective() {
        var coefficients: [(ColumnID, Double)] = []
        for (p, classes) in index.classes.enumerated() {
            let project = instance.projects[p]
            for (k, c) in classes.enumerated() {
                for t in c.starts {
                    let here = project.value(startingAt: t)
                    let next = t < c.starts.upperBound ? project.value(startingAt: t + 1) : 0
                    let coefficient = here - next
                    if coefficient != 0 {
                        coefficients.append((startColumns[p][k][t - c.starts.lowerBound], coefficient))
                    }
                }
            }
        }
        let costWeight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        for (e, info) in instance.expansions.enumerated() {
            guard let column = isBuilt(e), info.cost != 0 else { continue }
            coefficients.append((column, -costWeight * info.cost))
        }
        // Periods sharing a column (between candidate starts) add up: `v(c) - v(next candidate)`.
        var total = [Double](repeating: 0, count: linear.columns.count)
        var order: [ColumnID] = []
        for (column, coefficient) in coefficients {
            if total[column.index] == 0 { order.append(column) }
            total[column.index] += coefficient
        }
        let largest = order.map { abs(total[$0.index]) }.max() ?? 0
        objectiveScale = Self.objectiveScale(largest: largest)
        for column in order where total[column.index] != 0 {
            linear.setObjective(column, total[column.index] / objectiveScale)
        }
    }

    /// The power of ten (≥ 1) that brings `largest` below 10,000.
    static func objectiveScale(largest: Double) -> Double {
        guard largest.isFinite, largest >= 10_000 else { return 1 }
        return pow(10, (log10(largest) - 3).rounded(.down))
    }
}
