import ParkInstance
import ParkModel

extension Readiness {
    /// Headroom of one resource at one node for one project.
    struct Headroom {
        /// First move-in period from which demand fits in every period from the draw on; nil = never.
        let clears: Int?
        /// Usable capacity minus the others' demand in the wanted month's draw period (own unit).
        let availableAtWanted: Double
        /// Expansions waited on: not yet built ones it relies on (with their requirements), and
        /// plan-built ones completing after the wanted draw period.
        let waitingOn: [Int]
        /// Expansions (with their requirements) the plan does not build but this item relies on.
        let extras: [Int]
    }

    /// contract §3.7 seen from one project: demand `d` drawn from `start + build` to the horizon end must
    /// fit under usable capacity minus everyone else's draw. Unbuilt expansions on the node are added,
    /// earliest completion first, only as far as they help. Nil for COD at a plant that sets no limit.
    static func headroom(
        project q: Int, node: Int, kind: CapacityKind, wanted: Int,
        context: ReadinessContext
    ) -> Headroom? {
        let instance = context.instance
        let p = instance.projects[q]
        let count = instance.periodCount
        let demand = p.demand(kind)
        guard context.capacity(node: node, kind: kind, extra: []) != nil else { return nil }
        let used = context.used(node: node, kind: kind, except: q)

        /// Slack per period with the expansions in `extra` assumed complete as early as allowed.
        func slack(_ extra: [Int]) -> [Double] {
            let capacity = context.capacity(node: node, kind: kind, extra: extra) ?? []
            return (0..<count).map { t in (t < capacity.count ? capacity[t] : 0) - used[t] }
        }
        /// First start whose draw period begins a run of slack ≥ demand to the horizon end.
        func firstStart(_ s: [Double]) -> Int? {
            var suffixMin = [Double](repeating: .infinity, count: count + 1)
            for t in stride(from: count - 1, through: 0, by: -1) { suffixMin[t] = min(s[t], suffixMin[t + 1]) }
            let tolerance = 1e-7 * max(1, demand)
            return (0..<count).first { suffixMin[p.drawPeriod(start: $0, periodCount: count)] + tolerance >= demand }
        }

        let base = slack([])
        let wantedDraw = p.drawPeriod(start: wanted, periodCount: count)
        let plain = firstStart(base)
        var chosenExtras: [Int] = []
        var clears = plain
        if plain.map({ $0 > wanted }) ?? true {
            let candidates = instance.expansions.indices.filter { e in
                guard context.builtCompletion[e] == nil, let done = context.earliestCompletion[e], done < count,
                    case .node(let n, let cap, let cod) = instance.expansions[e].target, n == node
                else { return false }
                return (kind == .cod ? cod : cap) > 0
            }.sorted { (context.earliestCompletion[$0] ?? 0, $0) < (context.earliestCompletion[$1] ?? 0, $1) }
            var prefixes: [(Int?, [Int])] = []
            for k in candidates.indices {
                let extra = Array(candidates[...k])
                prefixes.append((firstStart(slack(extra)), extra))
            }
            let onTime = prefixes.first { $0.0.map { $0 <= wanted } ?? false }
            let earliest = prefixes.compactMap(\.0).min()
            if let onTime {
                (clears, chosenExtras) = onTime
            } else if let earliest, plain.map({ earliest < $0 }) ?? true,
                let first = prefixes.first(where: { $0.0 == earliest })
            {
                (clears, chosenExtras) = first
            }
        }
        var extras: [Int] = []
        for e in chosenExtras { for x in context.chain(e) where !extras.contains(x) { extras.append(x) } }
        var waiting = extras
        if clears.map({ $0 > wanted }) ?? true {
            let clearDraw = clears.map { p.drawPeriod(start: $0, periodCount: count) } ?? count
            for e in instance.expansions.indices where !waiting.contains(e) {
                guard let done = context.builtCompletion[e], done > wantedDraw, done <= clearDraw,
                    case .node(let n, _, _) = instance.expansions[e].target, n == node
                else { continue }
                waiting.append(e)
            }
        }
        return Headroom(
            clears: clears, availableAtWanted: slack(chosenExtras)[wantedDraw], waitingOn: waiting, extras: extras)
    }
}
