import ParkInstance
import ParkModel

/// How far a project got on one site: the site rules (`SiteRules`), then space, readiness and
/// capacity, in the order a planner checks them.
/// The order ranks sites: the "best" site is the one that gets furthest down this list.
enum ReasonRank: Int, Comparable, Sendable {
    case kind = 0, use, zone, building, pin, policy, connection, space, ready, capacity

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A failed requirement with a sentence naming site, resource, amount and month.
struct RequirementFailure: Sendable {
    let requirement: ReasonRank
    let sentence: String
}

/// Period arithmetic shared by the diagnosis: earliest completions, site readiness, admissible starts.
struct DiagnosisContext {
    let instance: PlanningInstance
    /// Earliest completion period of each expansion (start ≥ earliest and ≥ completion of
    /// everything it requires); `Int.max` when it can never start within the horizon.
    let earliestCompletion: [Int]
    /// Per node: the expansions that add to it, cheapest first (index order on ties).
    let nodeExpansions: [[Int]]

    /// Language of the sentences (ids, names and units stay as written).
    let language: ReportLanguage

    init(_ instance: PlanningInstance, language: ReportLanguage = .en) {
        self.instance = instance
        self.language = language
        earliestCompletion = Self.completions(instance)
        var byNode = [[Int]](repeating: [], count: instance.nodes.count)
        for (e, expansion) in instance.expansions.enumerated() {
            if case .node(let n, _, _) = expansion.target, byNode.indices.contains(n) { byNode[n].append(e) }
        }
        nodeExpansions = byNode.map { list in
            list.sorted { (instance.expansions[$0].cost, $0) < (instance.expansions[$1].cost, $1) }
        }
    }

    /// Requires-chains are acyclic in a validated scenario; a cycle is treated as "never".
    static func completions(_ instance: PlanningInstance) -> [Int] {
        let expansions = instance.expansions
        var memo = [Int?](repeating: nil, count: expansions.count)
        func completion(_ e: Int, depth: Int) -> Int {
            if let known = memo[e] { return known }
            guard depth <= expansions.count else { return Int.max }
            var start = expansions[e].earliestPeriod
            for r in expansions[e].requires {
                start = max(start, completion(r, depth: depth + 1))
            }
            let value = start >= instance.periodCount ? Int.max : start + expansions[e].leadPeriods
            memo[e] = value
            return value
        }
        return expansions.indices.map { completion($0, depth: 0) }
    }

    /// First period the site can be ready: its own ready period and, for a planned site, the
    /// earliest completion of an expansion that builds it. `Int.max` when never.
    func earliestReady(_ s: Int) -> Int {
        let site = instance.sites[s]
        guard site.isPlanned else { return site.readyPeriod }
        let built = site.builtBy.map { earliestCompletion[$0] }.min() ?? Int.max
        return built == Int.max ? Int.max : max(site.readyPeriod, built)
    }

    /// Start periods allowed by the window and pin (contract §3.1–3.2), ignoring the site.
    func windowStarts(_ p: Int) -> ClosedRange<Int>? {
        SiteRules.startWindow(instance.projects[p], periodCount: instance.periodCount)
    }

    /// Start periods on site `s` given the earliest the site can be ready.
    func starts(_ p: Int, on s: Int) -> ClosedRange<Int>? {
        guard let window = windowStarts(p) else { return nil }
        let ready = earliestReady(s)
        guard ready <= window.upperBound else { return nil }
        return max(window.lowerBound, ready)...window.upperBound
    }

    /// Units a floor project takes in building `s` (contract §3.4); the area in m² on a plot.
    func spaceTaken(_ p: Int, on s: Int) -> Double {
        SiteRules.spaceNeed(instance.projects[p], on: instance.sites[s])
    }

    /// The node of kind `kind` serving site `s`, if connected.
    func node(of s: Int, _ kind: CapacityKind) -> Int? {
        instance.sites[s].node(kind.utility)
    }

    var currency: String { instance.scenario.park.currencyOrDefault }

    /// The sentence in the context's language.
    func say(_ en: String, _ zh: String) -> String { language.t(en, zh) }

    /// A money amount in the context's language (`NumberFormat.money`).
    func money(_ amount: Double) -> String { NumberFormat.money(amount, currency: currency, language: language) }

    /// A list of ids: `a, b and c` / `a、b 和 c`.
    func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: say(", ", "、")) + say(" and ", " 和 ") + last
    }

    /// A unit as written in the context's language (`units` → `个单元`; symbols stay).
    func unit(_ unit: String) -> String {
        switch unit {
        case "units": say("units", "个单元")
        case "m³/day": say("m³/day", "m³/日")
        case "kg/day": say("kg/day", "kg/日")
        default: unit
        }
    }

    /// A number with its unit in the context's language.
    func amount(_ value: Double, _ unitText: String) -> String {
        DiagnosisFormat.amount(value, unit(unitText))
    }
    func month(_ t: Int) -> String { instance.month(t).description }
}
