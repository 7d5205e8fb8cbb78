import ParkInstance
import ParkModel

/// How far a candidate gets on one site given a plan.
enum SiteOutcome {
    case failed(RequirementFailure)
    /// Every requirement holds when starting in this period.
    case fits(start: Int)

    /// Higher is further down the checklist.
    var rank: Int {
        switch self {
        case .failed(let failure): failure.requirement.rawValue
        case .fits: ReasonRank.capacity.rawValue + 1
        }
    }
}

/// A plan's load on every resource and site, computed once for all candidates.
struct PlanLoad {
    let schedule: DiagnosisSchedule
    let resources: [Resource]
    /// Per resource, per period, own unit.
    let used: [[Double]]
    let usable: [[Double]]
    /// Per resource, per period `t`: the least free capacity over periods `t...` (own unit).
    let freeFrom: [[Double]]
    /// Per site: m² or units taken.
    let spaceUsed: [Double]
    /// Per site: ready period under the plan (`Int.max` when never).
    let ready: [Int]

    init(_ context: DiagnosisContext, _ schedule: DiagnosisSchedule) {
        self.schedule = schedule
        resources = context.capacityResources
        used = resources.map { context.used(schedule, $0) }
        usable = resources.map { context.usable(schedule, $0) }
        freeFrom = zip(used, usable).map { used, usable in
            var least = Double.infinity
            var result = [Double](repeating: 0, count: used.count)
            for t in used.indices.reversed() {
                least = min(least, usable[t] - used[t])
                result[t] = least
            }
            return result
        }
        spaceUsed = context.instance.sites.indices.map { context.spaceUsed(schedule, site: $0) }
        ready = context.instance.sites.indices.map { context.readyPeriod(schedule, site: $0) }
    }
}

extension DiagnosisContext {
    /// The checklist of candidate `p` on site `s` with the plan's other placements and expansions.
    func outcome(_ p: Int, on s: Int, load: PlanLoad) -> SiteOutcome {
        let schedule = load.schedule
        if let failure = staticFailure(p, on: s) { return .failed(failure) }
        let site = instance.sites[s]
        let needed = spaceTaken(p, on: s)
        let free = site.capacity - load.spaceUsed[s]
        if Self.exceeds(needed, free) {
            let sentence =
                site.kind == .plot
                ? say(
                    "\(site.id) land: needs \(amount(needed, "m²")), \(amount(max(0, free), "m²")) free",
                    "\(site.id) 用地：需要 \(amount(needed, "m²"))，剩余 \(amount(max(0, free), "m²"))")
                : say(
                    "\(site.id) units: needs \(amount(needed, "units")), \(DiagnosisFormat.number(max(0, free))) free",
                    "\(site.id) 单元：需要 \(amount(needed, "units"))，剩余 \(DiagnosisFormat.number(max(0, free))) 个")
            return .failed(RequirementFailure(requirement: .space, sentence: sentence))
        }
        guard let window = windowStarts(p) else {
            return .failed(
                RequirementFailure(
                    requirement: .ready,
                    sentence: say(
                        "\(instance.projects[p].id) has no start period inside the horizon",
                        "\(instance.projects[p].id) 在规划期内没有可行的开工期")))
        }
        let ready = load.ready[s]
        if ready == Int.max {
            return .failed(
                RequirementFailure(requirement: .ready, sentence: unbuiltSiteSentence(p, site: s, schedule: schedule)))
        }
        guard ready <= window.upperBound else {
            let id = instance.projects[p].id
            let sentence = say(
                "\(site.id) is ready only from \(month(ready)), after \(id)'s latest start \(month(window.upperBound))",
                "\(site.id) 最早 \(month(ready)) 才具备条件，晚于 \(id) 的最晚开工期 \(month(window.upperBound))")
            return .failed(RequirementFailure(requirement: .ready, sentence: sentence))
        }
        let starts = max(window.lowerBound, ready)...window.upperBound
        // Only the first start's failure is told: the others are checked without building sentences.
        for t in starts where capacityShortage(p, on: s, start: t, load: load) == nil {
            return .fits(start: t)
        }
        let first = capacityFailure(p, on: s, start: starts.lowerBound, load: load)
        return .failed(
            first
                ?? RequirementFailure(
                    requirement: .capacity, sentence: say("\(site.id): no capacity left", "\(site.id)：容量已满")))
    }

    /// The first resource (index into `load.resources`) of site `s` whose free capacity, from
    /// the project's draw period on, is below its demand when it starts in period `t`.
    func capacityShortage(_ p: Int, on s: Int, start t: Int, load: PlanLoad) -> Int? {
        let project = instance.projects[p]
        let draw = project.drawPeriod(start: t, periodCount: instance.periodCount)
        for (i, resource) in load.resources.enumerated() where node(of: s, resource.kind) == resource.node {
            let demand = project.demand(resource.kind)
            guard demand > 0 else { continue }
            let free = draw < load.freeFrom[i].count ? load.freeFrom[i][draw] : 0
            if Self.exceeds(demand, free) { return i }
        }
        return nil
    }

    /// The first resource of site `s` whose free capacity, from the project's draw period on,
    /// is below its demand when it starts in period `t`, told.
    func capacityFailure(_ p: Int, on s: Int, start t: Int, load: PlanLoad) -> RequirementFailure? {
        guard let i = capacityShortage(p, on: s, start: t, load: load) else { return nil }
        let project = instance.projects[p]
        let draw = project.drawPeriod(start: t, periodCount: instance.periodCount)
        let resource = load.resources[i]
        let demand = project.demand(resource.kind)
        let free = draw < load.freeFrom[i].count ? load.freeFrom[i][draw] : 0
        let node = instance.nodes[resource.node]
        let unit = resource.kind.unit
        let site = instance.sites[s].id
        var sentence = say(
            "\(node.id) \(resource.kind.rawValue) at \(site): needs "
                + "\(amount(demand, unit)) from \(month(draw)), \(amount(max(0, free), unit)) free",
            "\(node.id) \(resource.kind.chineseName)（\(site)）：\(month(draw)) 起需要 "
                + "\(amount(demand, unit))，剩余 \(amount(max(0, free), unit))")
        if let note = expansionNote(
            p, start: t, resource: resource, missing: demand - max(0, free), schedule: load.schedule)
        {
            let joined = sentence + say("; ", "；") + note.text
            sentence = note.notWorthIt ? say("not worth it: ", "不划算：") + joined : joined
        }
        return RequirementFailure(requirement: .capacity, sentence: sentence)
    }
}
