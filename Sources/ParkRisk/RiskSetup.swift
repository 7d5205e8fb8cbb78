import ParkInstance
import ParkModel

/// What stays fixed across the samples of a risk analysis: the instance, the plan's expansion
/// starts, each project's chance of signing (contract §7) and the tables the fast placement reads.
///
/// Capacities are in each resource's unit (MW, m³/day, kg/day) after `reserve`.
public struct RiskSetup: Sendable {
    public let instance: PlanningInstance
    /// Per expansion: the start period fixed by the plan, nil when not built.
    public let expansionStarts: [Int?]
    /// Per project: the chance of signing (1 for committed and existing projects).
    public let probabilities: [Double]
    /// Usable capacity per resource and period with the plan's expansions.
    let capacity: [[Double]]
    /// Per site: first period it may take a project (own `ready`, and the completion of the
    /// expansion that builds it when planned); nil when never within the horizon.
    let siteReady: [Int?]
    /// Per project: sites allowed by `SiteRules` (time and other projects aside), in site order.
    let eligibleSites: [[Int]]
    /// Per site: indices into `instance.resources` of the nodes it is connected to.
    let siteResources: [[Int]]
    /// First come, first served: existing projects, then by window start; within a start,
    /// committed before candidates, then by value at that start (highest first), then scenario order.
    let order: [Int]

    public var periodCount: Int { instance.periodCount }

    /// The setup for `plan`'s expansions (ids the instance does not know are ignored: the plan
    /// file reader has checked them already).
    public init(instance: PlanningInstance, plan: Plan) {
        var starts = [Int?](repeating: nil, count: instance.expansions.count)
        for built in plan.expansions {
            if let e = instance.expansionIndex(built.id) {
                starts[e] = instance.horizon.availablePeriod(built.start)
            }
        }
        self.init(instance: instance, expansionStarts: starts)
    }

    public init(instance: PlanningInstance, expansionStarts: [Int?]) {
        self.instance = instance
        self.expansionStarts = expansionStarts
        let periods = instance.periodCount
        probabilities = instance.scenario.projectList.map { instance.scenario.signingProbability(of: $0) }
        let complete: [Int?] = instance.expansions.indices.map { e in
            guard let start = expansionStarts[e] else { return nil }
            let done = start + instance.expansions[e].leadPeriods
            return done < periods ? done : nil
        }
        capacity = instance.resources.map { resource in
            (0..<periods).map { t in
                var amount = t >= resource.readyPeriod ? resource.base : 0
                for addition in resource.additions {
                    if let done = complete[addition.expansion], done <= t { amount += addition.amount }
                }
                return resource.usableFactor * amount
            }
        }
        siteReady = instance.sites.map { site in
            guard site.isPlanned else { return site.readyPeriod < periods ? site.readyPeriod : nil }
            let built = site.builtBy.compactMap { complete[$0] }.min()
            return built.map { max($0, site.readyPeriod) }.flatMap { $0 < periods ? $0 : nil }
        }
        eligibleSites = instance.projects.map { p in
            instance.sites.indices.filter { SiteRules.allows(p, instance.sites[$0], siteIndex: $0) }
        }
        siteResources = instance.sites.map { site in
            let nodes = [site.power, site.sewage, site.water].compactMap { $0 }
            return instance.resources.indices.filter { nodes.contains(instance.resources[$0].node) }
        }
        order = Self.placementOrder(instance)
    }

    static func placementOrder(_ instance: PlanningInstance) -> [Int] {
        instance.projects.indices.sorted { a, b in
            let (pa, pb) = (instance.projects[a], instance.projects[b])
            let (ea, eb) = (pa.status == .existing, pb.status == .existing)
            if ea != eb { return ea }
            if pa.windowLow != pb.windowLow { return pa.windowLow < pb.windowLow }
            if pa.mustPlace != pb.mustPlace { return pa.mustPlace }
            let (va, vb) = (pa.value(startingAt: pa.windowLow), pb.value(startingAt: pb.windowLow))
            if va != vb { return va > vb }
            return a < b
        }
    }

    /// Weighted cost of the plan's expansions (contract §4), subtracted from every sample's value.
    public var expansionCost: Double {
        let weight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        return weight
            * instance.expansions.indices.reduce(0) { sum, e in
                expansionStarts[e] == nil ? sum : sum + instance.expansions[e].cost
            }
    }

    /// Indices of committed projects, in scenario order.
    public var committedProjects: [Int] {
        instance.projects.indices.filter { instance.projects[$0].status == .committed }
    }

    /// Indices of candidates whose chance is strictly between 0 and 1.
    public var uncertainProjects: [Int] {
        probabilities.indices.filter { probabilities[$0] > 0 && probabilities[$0] < 1 }
    }
}
