import ParkInstance
import ParkModel

/// The running load of the greedy schedule: demand per resource and period, usable capacity,
/// space per site, scored in the elastic model's scaled units.
struct GreedyState {
    var schedule = DiagnosisSchedule()
    /// The place each project holds.
    var chosen: [Int: ElasticModel.Place] = [:]
    let resources: [Resource]
    var used: [[Double]]
    var usable: [[Double]]
    var space: [Double]

    init(model: ElasticModel) {
        let context = model.context
        resources = context.capacityResources
        let periods = context.instance.periodCount
        used = resources.map { _ in [Double](repeating: 0, count: periods) }
        usable = resources.map { context.usable(DiagnosisSchedule(), $0) }
        space = [Double](repeating: 0, count: context.instance.sites.count)
    }

    /// The place adding the least scaled deficit; ties go to `current`, then the earliest start,
    /// then the first in model order.
    func best(
        _ options: [ElasticModel.Place], model: ElasticModel, current: ElasticModel.Place? = nil
    ) -> ElasticModel.Place? {
        var best: (score: Double, place: ElasticModel.Place)?
        for place in options {
            var score = increase(place, model: model) + 1e-9 * Double(place.start)
            if let current, current.column == place.column { score -= 1e-7 }
            if best.map({ score < $0.score - 1e-12 }) ?? true { best = (score, place) }
        }
        return best?.place
    }

    /// Added scaled deficit of one placement: capacity over usable (per resource, its largest
    /// excess) and space over the site's.
    func increase(_ place: ElasticModel.Place, model: ElasticModel) -> Double {
        let context = model.context, instance = context.instance
        let project = instance.projects[place.project]
        let periods = instance.periodCount
        let draw = project.drawPeriod(start: place.start, periodCount: periods)
        var total = 0.0
        for (i, r) in resources.enumerated() where context.node(of: place.site, r.kind) == r.node {
            let demand = project.demand(r.kind)
            guard demand > 0 else { continue }
            var before = 0.0, after = 0.0
            for t in 0..<periods {
                let excess = used[i][t] - usable[i][t]
                before = max(before, excess)
                after = max(after, t >= draw ? excess + demand : excess)
            }
            total += (after - before) / max(model.capacityScales[i], demand, 1e-9)
        }
        let site = instance.sites[place.site]
        let taken = context.spaceTaken(place.project, on: place.site)
        let over = max(0, space[place.site] + taken - site.capacity) - max(0, space[place.site] - site.capacity)
        total += over / max(site.capacity, 1e-9)
        if site.isPlanned, !site.builtBy.contains(where: { e in schedule.builds.contains { $0.expansion == e } }) {
            total += 1e-3  // prefer sites that need no new building
        }
        return total
    }

    mutating func add(_ place: ElasticModel.Place, model: ElasticModel) {
        let context = model.context
        let buildsBefore = schedule.builds.count
        if context.instance.sites[place.site].isPlanned {
            model.addBuilders(site: place.site, by: place.start, to: &schedule)
        }
        schedule.placements.append(.init(project: place.project, site: place.site, start: place.start))
        chosen[place.project] = place
        apply(place, sign: 1, context: context)
        if schedule.builds.count != buildsBefore {
            usable = resources.map { context.usable(schedule, $0) }
        }
    }

    mutating func remove(_ place: ElasticModel.Place, model: ElasticModel) {
        schedule.placements.removeAll { $0.project == place.project }
        chosen[place.project] = nil
        apply(place, sign: -1, context: model.context)
    }

    private mutating func apply(_ place: ElasticModel.Place, sign: Double, context: DiagnosisContext) {
        let instance = context.instance
        let project = instance.projects[place.project]
        let draw = project.drawPeriod(start: place.start, periodCount: instance.periodCount)
        for (i, r) in resources.enumerated() where context.node(of: place.site, r.kind) == r.node {
            let demand = project.demand(r.kind)
            guard demand > 0 else { continue }
            for t in draw..<instance.periodCount { used[i][t] += sign * demand }
        }
        space[place.site] += sign * context.spaceTaken(place.project, on: place.site)
    }
}
