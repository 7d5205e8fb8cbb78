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
        /// Every project that may use one expansion (a site it prepares or builds, a node it adds
        /// capacity to), placed or not, with that expansion's start free: the choice of which
        /// plots to prepare and which nodes to extend, which a round of the other kinds changes
        /// only when it happens to free all those projects together.
        case expansion
        /// Left-out projects (and random others) freed while every placed project may change its
        /// site and class and move its start by a period or two (`Move.window`): the exchanges
        /// that let a large project in by moving several others to other nodes at once.
        case relocate
        /// One left-out project (`repackOrder`: the smallest first) with every left-out project
        /// that shares a site with it, while every placed project that may use one of those sites
        /// keeps its start (within `Move.window`) but may take any of its sites: the re-packing of
        /// a few buildings or plots that lets one more tenant in. On b100 the search's plan was
        /// 0.22 % short of such a rotation (seven precision-machining tenants among four buildings
        /// on two power nodes, one more let in), which no other kind frees together. Not drawn:
        /// at each stall of the search, one round per left-out project not tried since the last
        /// improvement; its sub-MIP is solved with `repackTuning`.
        case repack
    }

    /// Adaptive choice of the neighbourhood kind: each kind is drawn with probability
    /// proportional to its score, which starts at 1 and grows by 1 each time a round of that kind
    /// gave the kept improvement (so kinds that pay are tried more, none is ever excluded).
    /// Deterministic: the draws come from the search's seeded generator.
    struct KindScores {
        /// The kinds drawn (re-packing rounds come at stalls instead).
        static let drawn = Neighbourhood.allCases.filter { $0 != .repack }
        private(set) var scores = [Double](repeating: 1, count: drawn.count)

        func pick(_ rng: inout SplitMix64) -> Neighbourhood {
            let total = scores.reduce(0, +)
            var x = Double(rng.next() >> 11) / Double(1 << 53) * total
            for (i, score) in scores.enumerated() {
                if x < score { return Self.drawn[i] }
                x -= score
            }
            return Self.drawn[Self.drawn.count - 1]
        }

        mutating func reward(_ kind: Neighbourhood) {
            if let i = Self.drawn.firstIndex(of: kind) { scores[i] += 1 }
        }
    }

    /// The sub-problem of a round of `kind`. A relocation round first counts the columns the
    /// placed projects take with their sites free and starts within the window, and frees whole
    /// projects only within what is left of `target`; where that count alone exceeds `target`,
    /// it keeps the placed projects fixed instead.
    func move(
        _ kind: Neighbourhood, around current: Assignment, movable: [Int], weights: [Int], target: Int,
        rng: inout SplitMix64
    ) -> Move {
        guard kind == .relocate else {
            return Move(
                free: neighbourhood(
                    kind, around: current, movable: movable, weights: weights, target: target, rng: &rng))
        }
        let window = rng.int(0...2)
        let none = [Bool](repeating: false, count: index.instance.projects.count)
        let base = PlanningPipeline.estimatedColumns(
            subIndex(Move(free: none, window: window), current: current))
        // When the placed projects' free sites and starts alone exceed the target (hundreds of
        // placed projects), such a sub-MIP cannot be solved in a round's time (at 600 projects one
        // had 80,000 columns and ran past a 10 s limit): the round then frees the left-out
        // projects (and others) with the placed ones fixed, like the other kinds.
        let relocates = base <= target
        let free = neighbourhood(
            kind, around: current, movable: movable, weights: weights, target: relocates ? target - base : target,
            rng: &rng)
        return Move(free: free, window: relocates ? window : nil)
    }

    /// Left-out projects in the order re-packing rounds try them: the smallest best value first
    /// (small tenants fit where a rotation frees a little room), ties by index.
    func repackOrder(_ current: Assignment, movable: [Int]) -> [Int] {
        let keyed = movable.filter { current.placements[$0] == nil }.map { ($0, bestValue($0)) }
        return keyed.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// The most project `p` can be worth: its value at the first start of its best class.
    func bestValue(_ p: Int) -> Double {
        index.classes[p].map { index.instance.projects[p].value(startingAt: $0.starts.lowerBound) }.max() ?? 0
    }

    /// A re-packing round (`Neighbourhood.repack`) around left-out project `q`: free with every
    /// left-out project that shares a site with it, while every placed project that may use one
    /// of those sites keeps its start within a window of 0–2 periods but may take any of its
    /// sites. Until the sub-problem is within `target` columns the window shrinks, then the
    /// rivals are halved, then the other left-out projects (the most valuable dropped first, as
    /// in `repackOrder`): on a large park one project's sites may be shared by hundreds of
    /// left-out projects (b1000: 24,599 columns a round on average, and past the time limit).
    func repack(_ q: Int, around current: Assignment, movable: [Int], target: Int, rng: inout SplitMix64) -> Move {
        let classes = index.classes
        let count = index.instance.projects.count
        let sites = Set(classes[q].flatMap(\.sites))
        var companions: [Int] = []
        var rivals: [Int] = []
        for p in movable where p != q && classes[p].contains(where: { $0.sites.contains(where: sites.contains) }) {
            if current.placements[p] == nil { companions.append(p) } else { rivals.append(p) }
        }
        companions = repackOrder(current, movable: companions)
        rivals.shuffle(using: &rng)
        var window = rng.int(0...2)
        while true {
            var free = [Bool](repeating: false, count: count)
            free[q] = true
            for p in companions { free[p] = true }
            var shifting = [Bool](repeating: false, count: count)
            for p in rivals { shifting[p] = true }
            let move = Move(free: free, window: window, shifting: shifting)
            if (rivals.isEmpty && companions.isEmpty)
                || PlanningPipeline.estimatedColumns(subIndex(move, current: current)) <= target
            {
                return move
            }
            if window > 0 && !rivals.isEmpty {
                window -= 1
            } else if !rivals.isEmpty {
                rivals.removeLast((rivals.count + 1) / 2)
            } else {
                companions.removeLast((companions.count + 1) / 2)
            }
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
        var pool: [Int]
        switch kind {
        case .rivals: pool = Array(group.prefix(1)) + group.dropFirst().shuffled(using: &rng)
        case .relocate: pool = group
        default: pool = group.shuffled(using: &rng)
        }
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
        case .expansion:
            let expansions = index.instance.expansions.count
            guard expansions > 0 else { return [] }
            let e = rng.int(0...(expansions - 1))
            let added = Set(index.resources.indices.filter { index.resources[$0].addition(of: e) != 0 })
            return movable.filter { p in
                classes[p].contains { c in c.builders.contains(e) || c.resources.contains(where: added.contains) }
            }
        case .relocate:
            // Left-out projects, the more valuable the likelier first (value times a random factor).
            let keyed = movable.filter { current.placements[$0] == nil }.map { p in
                (p, bestValue(p) * (0.25 + rng.unit()))
            }
            return keyed.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.map(\.0)
        case .repack:
            // Not drawn: `repack(_:around:movable:target:rng:)` builds these rounds.
            return []
        }
    }
}
