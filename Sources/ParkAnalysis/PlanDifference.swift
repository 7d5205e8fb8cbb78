import ParkModel

/// What changed between two plans of (nearly) the same scenario, in a planner's words: which
/// projects get in or drop out, start earlier or later, which expansions are built or dropped.
enum PlanDifference {
    static func reasons(from base: Plan, to other: Plan, scenario: Scenario, limit: Int = 4) -> [String] {
        var entering: [String] = [], leaving: [String] = [], moved: [String] = [], builds: [String] = []
        for placement in other.placements {
            guard let before = base.placements.first(where: { $0.project == placement.project }) else {
                entering.append("\(placement.project) gets in (\(placement.site), \(placement.start))")
                continue
            }
            let months = before.start.ordinal - placement.start.ordinal
            if months > 0 {
                moved.append("\(placement.project) starts \(months) months earlier (\(placement.start))")
            } else if months < 0 {
                moved.append("\(placement.project) starts \(-months) months later (\(placement.start))")
            }
        }
        for placement in base.placements where !other.placements.contains(where: { $0.project == placement.project }) {
            leaving.append("\(placement.project) left out")
        }
        for built in other.expansions {
            if let before = base.expansions.first(where: { $0.id == built.id }) {
                if before.start != built.start {
                    builds.append("\(built.id) starts \(built.start) (was \(before.start))")
                }
            } else {
                builds.append("\(built.id) built (\(built.start))")
            }
        }
        for built in base.expansions where !other.expansions.contains(where: { $0.id == built.id }) {
            builds.append("\(built.id) not built")
        }
        // Moves between equivalent sites change nothing of value and are left out.
        let reasons = entering + leaving + moved + builds
        if reasons.count > limit { return Array(reasons.prefix(limit)) + ["\(reasons.count - limit) more changes"] }
        return reasons
    }

    /// The reasons of a marginal's message: between its "change at place — " head and its ": gain" tail.
    static func short(_ message: String) -> String {
        guard let dash = message.range(of: " — ") else { return "" }
        let rest = message[dash.upperBound...]
        guard let colon = rest.range(of: ": ", options: .backwards) else { return String(rest) }
        return String(rest[..<colon.lowerBound])
    }
}
