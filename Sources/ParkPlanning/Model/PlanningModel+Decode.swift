import LinearProgramming
import ParkInstance
import ParkModel

extension PlanningModel {
    // MARK: - Decode

    /// Reads an assignment from column values (binary values rounded at 0.5).
    func decode(_ values: [Double]) -> Assignment {
        var result = Assignment(projectCount: instance.projects.count, expansionCount: instance.expansions.count)
        for (p, classes) in index.classes.enumerated() {
            for (k, c) in classes.enumerated() {
                guard let i = startColumns[p][k].firstIndex(where: { values[$0.index] > 0.5 }) else { continue }
                let slot =
                    placeColumns[p][k].isEmpty
                    ? 0
                    : (placeColumns[p][k].firstIndex { values[$0.index] > 0.5 } ?? 0)
                result.placements[p] = (c.sites[slot], c.starts.lowerBound + i)
            }
        }
        for (e, columns) in buildColumns.enumerated() {
            guard let range = index.expansionRanges[e],
                let i = columns.firstIndex(where: { values[$0.index] > 0.5 })
            else { continue }
            result.expansionStarts[e] = range.lowerBound + i
        }
        return result
    }

    // MARK: - Encode

    /// Column values of an assignment; nil when it uses an option the model does not have.
    func encode(_ assignment: Assignment) -> [Double]? {
        var values = [Double](repeating: 0, count: linear.columns.count)
        for (p, placement) in assignment.placements.enumerated() {
            guard let placement else { continue }
            guard let k = index.classes[p].firstIndex(where: { $0.sites.contains(placement.site) }) else { return nil }
            let c = index.classes[p][k]
            guard c.starts.contains(placement.start),
                let first = c.firstStart(onSite: placement.site), placement.start >= first
            else { return nil }
            for t in placement.start...c.starts.upperBound {
                values[startColumns[p][k][t - c.starts.lowerBound].index] = 1
            }
            if let slot = c.sites.firstIndex(of: placement.site), !placeColumns[p][k].isEmpty {
                values[placeColumns[p][k][slot].index] = 1
            }
        }
        for (e, start) in assignment.expansionStarts.enumerated() {
            guard let start else { continue }
            guard let range = index.expansionRanges[e], range.contains(start) else { return nil }
            for t in start...range.upperBound { values[buildColumns[e][t - range.lowerBound].index] = 1 }
        }
        return values
    }
}
