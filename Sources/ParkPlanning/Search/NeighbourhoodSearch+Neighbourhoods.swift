import ParkInstance
import ParkModel

extension NeighbourhoodSearch {
    /// How a round picks the projects it frees; the rounds cycle through these.
    enum Neighbourhood: CaseIterable {
        /// Projects that may draw on one utility node (placed or not).
        case resource
        /// Projects starting, or able to start, within one stretch of periods.
        case time
        /// Projects competing with one project for its sites or utility nodes.
        case rivals
        /// Any projects.
        case random
    }

    /// Adaptive choice of the neighbourhood kind: each kind is drawn with probability
    /// proportional to its score, which starts at 1 and grows by 1 each time a round of that kind
    /// gave the kept improvement (so kinds that pay are tried more, none is ever excluded).
    /// Deterministic: the draws come from the search's seeded generator.
    struct KindScores {
        private(set) var scores = [Double](repeating: 1, count: Neighbourhood.allCases.count)

        func pick(_ rng: inout SplitMix64) -> Neighbourhood {
            let total = scores.reduce(0, +)
            var x = Double(rng.next() >> 11) / Double(1 << 53) * total
            for (i, score) in scores.enumerated() {
                if x < score { return Neighbourhood.allCases[i] }
                x -= score
            }
            return Neighbourhood.allCases[Neighbourhood.allCases.count - 1]
        }

        mutating func reward(_ kind: Neighbourhood) {
            if let i = Neighbourhood.allCases.firstIndex(of: kind) { scores[i] += 1 }
        }
    }

    /// The projects freed by a round of `kind`: a related group in random order, taken while
    /// their columns stay within `target`, topped up with random others.
    func neighbourhood(
        _ kind: Neighbourhood, around current: Assignment, movable: [Int], weights: [Int], target: Int,
        rng: inout SplitMix64
    ) -> [Bool] {
        let group = related(kind, around: current, movable: movable, rng: &rng)
        // A rivals group keeps its centre first.
        var pool =
            kind == .rivals
            ? Array(group.prefix(1)) + group.dropFirst().shuffled(using: &rng)
            : group.shuffled(using: &rng)
        pool += movable.shuffled(using: &rng)
        var free = [Bool](repeating: false, count: index.instance.projects.count)
        var columns = 0, count = 0
        for p in pool where !free[p] {
            if count > 0, columns + weights[p] > target { continue }
            free[p] = true
            columns += weights[p]
            count += 1
        }
        return free
    }

    /// The related group for `kind` (before shuffling).
    func related(
        _ kind: Neighbourhood, around current: Assignment, movable: [Int],
        rng: inout SplitMix64
    ) -> [Int] {
        let classes = index.classes
        switch kind {
        case .resource:
            guard !index.resources.isEmpty else { return [] }
            let r = rng.int(0...(index.resources.count - 1))
            return movable.filter { p in classes[p].contains { $0.resources.contains(r) } }
        case .time:
            let periods = index.periodCount
            let width = max(2, periods / 6)
            let from = rng.int(0...max(0, periods - width))
            let window = from..<(from + width)
            return movable.filter { p in
                if let (_, start) = current.placements[p] { return window.contains(start) }
                return classes[p].contains { $0.starts.overlaps(window) }
            }
        case .rivals:
            let q = rng.pick(movable)
            let sites = Set(classes[q].flatMap(\.sites))
            let resources = Set(classes[q].flatMap(\.resources))
            let rivals = movable.filter { p in
                p != q
                    && classes[p].contains { c in
                        c.sites.contains(where: sites.contains) || c.resources.contains(where: resources.contains)
                    }
            }
            return [q] + rivals
        case .random:
            return []
        }
    }
}
