import ParkModel

/// A plan in indices: where and when each project starts, when each expansion starts.
/// Produced by the heuristic and by decoding a MIP solution; turned into a `Plan` by `PlanBuilder`.
package struct Assignment: Sendable, Equatable {
    /// Per project: (site, start period), nil when not placed.
    package var placements: [(site: Int, start: Int)?]
    /// Per expansion: start period, nil when not built.
    package var expansionStarts: [Int?]

    package init(projectCount: Int, expansionCount: Int) {
        placements = Array(repeating: nil, count: projectCount)
        expansionStarts = Array(repeating: nil, count: expansionCount)
    }

    package static func == (a: Assignment, b: Assignment) -> Bool {
        a.expansionStarts == b.expansionStarts && a.placements.count == b.placements.count
            && zip(a.placements, b.placements).allSatisfy { $0?.site == $1?.site && $0?.start == $1?.start }
    }
}
