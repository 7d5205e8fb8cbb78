import ParkInstance
import ParkModel

/// Causes no addition of capacity, space or budget can fix: a must-place project with no
/// admissible (site, start) at all.
extension DiagnosisContext {
    /// Sites on which project `p` may start in some period (every time-free requirement holds and
    /// the site can be ready within the window), in scenario order.
    func admissibleSites(_ p: Int) -> [Int] {
        instance.sites.indices.filter { staticFailure(p, on: $0) == nil && starts(p, on: $0) != nil }
    }

    /// Why project `p` has no admissible (site, start); nil when it has one.
    /// The shortfall's `where` is the project id, `amount` 0 and `unit` empty.
    func structuralCause(_ p: Int) -> Shortfall? {
        guard admissibleSites(p).isEmpty else { return nil }
        let id = instance.projects[p].id.rawValue
        guard windowStarts(p) != nil else {
            return Shortfall(kind: "window", where: id, from: nil, amount: 0, unit: "", message: windowSentence(p))
        }
        guard let failure = bestFailure(p) else {
            let message = say("no plot or building exists for \(id)", "没有可供 \(id) 使用的地块或厂房")
            return Shortfall(kind: "site", where: id, from: nil, amount: 0, unit: "", message: message)
        }
        let kind: String
        switch failure.requirement {
        case .policy: kind = "policy"
        case .connection: kind = "connection"
        default: kind = "site"
        }
        let message = say("\(id) cannot be placed: ", "\(id) 无法落位：") + failure.sentence
        return Shortfall(kind: kind, where: id, from: nil, amount: 0, unit: "", message: message)
    }

    /// The failure at the site that gets furthest down the checklist (first such site on a tie).
    private func bestFailure(_ p: Int) -> RequirementFailure? {
        var best: RequirementFailure?
        for s in instance.sites.indices {
            let failure = staticFailure(p, on: s) ?? readyFailure(p, on: s)
            if let failure, best.map({ failure.requirement > $0.requirement }) ?? true { best = failure }
        }
        return best
    }

    /// "A-01 is ready only from 2024-03, after p's latest start 2023-06".
    func readyFailure(_ p: Int, on s: Int) -> RequirementFailure? {
        guard let window = windowStarts(p) else { return nil }
        let ready = earliestReady(s)
        guard ready > window.upperBound else { return nil }
        let site = instance.sites[s], id = instance.projects[p].id
        let latest = say("\(id)'s latest start \(month(window.upperBound))", "\(id) 的最晚开工期 \(month(window.upperBound))")
        let builders = list(site.builtBy.map { instance.expansions[$0].id.rawValue })
        let sentence: String
        if site.isPlanned, ready >= instance.periodCount {
            sentence = say(
                "\(site.id) is planned and \(builders) cannot complete within the horizon",
                "\(site.id) 尚在规划中，\(builders) 无法在规划期内建成")
        } else if site.isPlanned {
            sentence = say(
                "\(site.id) can be ready only from \(month(ready)) (built by \(builders)), after \(latest)",
                "\(site.id) 最早 \(month(ready)) 才能具备条件（由 \(builders) 建设），晚于\(latest)")
        } else {
            sentence = say(
                "\(site.id) is ready only from \(month(ready)), after \(latest)",
                "\(site.id) 最早 \(month(ready)) 才具备条件，晚于\(latest)")
        }
        return RequirementFailure(requirement: .ready, sentence: sentence)
    }

    private func windowSentence(_ p: Int) -> String {
        let project = instance.projects[p]
        let first = month(0), last = month(instance.periodCount - 1)
        let horizon = say("the horizon (\(first) to \(last))", "规划期（\(first) 至 \(last)）")
        if let pin = project.pinnedStart,
            !(project.windowLow...max(project.windowLow, project.windowHigh)).contains(pin)
        {
            return say(
                "\(project.id)'s pinned start \(month(pin)) lies outside its window or \(horizon)",
                "\(project.id) 指定的开工期 \(month(pin)) 不在其时间窗或\(horizon)之内")
        }
        return say(
            "\(project.id)'s window has no start period inside \(horizon)",
            "\(project.id) 的时间窗在\(horizon)内没有可行的开工期")
    }
}
