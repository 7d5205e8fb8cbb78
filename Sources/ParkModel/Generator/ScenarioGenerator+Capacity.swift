// Capacities and expansions of a generated scenario.
extension GeneratorRun {
    // MARK: - Base capacity: committed demand plus some headroom for candidates

    private struct Demand {
        var power = 0.0, water = 0.0, wastewater = 0.0, cod = 0.0
        mutating func add(_ p: Project) {
            power += p.power; water += p.waterDemand; wastewater += p.wastewater; cod += p.cod
        }
    }

    /// Sizes each node to carry every committed and existing project fitted to it (with 2 %
    /// margin and the power reserve), plus 20–50 % of its share of candidate demand, so that
    /// capacity binds and expansions matter. `utilityHeadroom` scales the margin and the
    /// candidates' share; the committed and existing demand is always covered.
    mutating func sizeNodes(using rng: inout SplitMix64) {
        var connections: [SiteID: (power: NodeID?, sewage: NodeID?, water: NodeID?)] = [:]
        for plot in plots { connections[plot.id] = (plot.power, plot.sewage, plot.water) }
        for building in buildings { connections[building.id] = (building.power, building.sewage, building.water) }
        var byNode: [NodeID: Demand] = [:]
        var candidates = Demand()
        for (project, site) in zip(projects, reservedSites) {
            guard let site, let nodes = connections[site] else { candidates.add(project); continue }
            if let node = nodes.power { byNode[node, default: Demand()].power += project.power }
            if let node = nodes.water { byNode[node, default: Demand()].water += project.waterDemand }
            if let node = nodes.sewage {
                byNode[node, default: Demand()].wastewater += project.wastewater
                byNode[node, default: Demand()].cod += project.cod
            }
        }
        let headroom = { (total: Double, nodes: Int, rng: inout SplitMix64) in
            total / Double(nodes) * rng.uniform(0.2, 0.5)
        }
        for i in power.indices {
            let committed = byNode[power[i].id]?.power ?? 0
            committedPower[power[i].id] = committed
            let needed = baseNeed(committed, slack: headroom(candidates.power, power.count, &rng))
            power[i].capacityMW = max(1, Generated.roundUp(needed / (1 - power[i].reserveFraction), to: 0.1))
        }
        for i in sewage.indices {
            let committed = byNode[sewage[i].id] ?? Demand()
            let flow = baseNeed(committed.wastewater, slack: headroom(candidates.wastewater, sewage.count, &rng))
            sewage[i].capacityM3Day = max(100, Generated.roundUp(flow, to: 10))
            if sewage[i].codKgDay != nil {
                let cod = baseNeed(committed.cod, slack: headroom(candidates.cod, sewage.count, &rng))
                sewage[i].codKgDay = max(10, Generated.roundUp(cod, to: 1))
            }
        }
        for i in water.indices {
            let committed = byNode[water[i].id]?.water ?? 0
            let flow = baseNeed(committed, slack: headroom(candidates.water, water.count, &rng))
            water[i].capacityM3Day = max(100, Generated.roundUp(flow, to: 10))
        }
    }

    /// `committed` plus the 2 % margin and `slack` (a share of candidate demand), the two scaled by
    /// `utilityHeadroom`. At 1 the sum is formed as before the option existed, so the bytes agree.
    private func baseNeed(_ committed: Double, slack: Double) -> Double {
        let scale = options.utilityHeadroom
        guard scale != 1 else { return committed * 1.02 + slack }
        return committed + scale * (committed * 0.02 + slack)
    }

    // MARK: - Expansions

    mutating func makeExpansions(using rng: inout SplitMix64) {
        var bays: [NodeID: ExpansionID] = [:]
        for node in power { addTransformers(for: node, bays: &bays, using: &rng) }
        for plant in sewage {
            let cod = plant.codKgDay.map { Generated.roundUp($0 * rng.uniform(0.3, 0.8), to: 10) }
            let flow = Generated.roundUp(plant.capacityM3Day * rng.uniform(0.3, 0.8), to: 100)
            expansions.append(
                Expansion(
                    id: ExpansionID("\(plant.id)-phase2"), name: "\(plant.name ?? plant.id.rawValue)二期",
                    adds: ExpansionAdds(sewage: plant.id, capacityM3Day: flow, codKgDay: cod),
                    cost: Generated.round(flow * rng.uniform(2000, 4000), to: 1e5), leadMonths: rng.int(8...18),
                    earliest: earliestDate(using: &rng)))
        }
        for node in water where rng.chance(0.5) {
            let flow = Generated.roundUp(node.capacityM3Day * rng.uniform(0.3, 0.8), to: 100)
            expansions.append(
                Expansion(
                    id: ExpansionID("\(node.id)-pipe"), adds: ExpansionAdds(water: node.id, capacityM3Day: flow),
                    cost: Generated.round(flow * rng.uniform(800, 1500), to: 1e5), leadMonths: rng.int(4...10)))
        }
        for plot in plots where plot.isPlanned {
            let bay = plot.power.flatMap { bays[$0] }
            expansions.append(
                Expansion(
                    id: ExpansionID("\(plot.id)-prep"), name: "\(plot.id) 七通一平",
                    adds: ExpansionAdds(plot: plot.id),
                    cost: Generated.round(plot.areaM2 * rng.uniform(100, 250), to: 1e5), leadMonths: rng.int(3...8),
                    earliest: earliestDate(using: &rng), requires: bay.flatMap { rng.chance(0.4) ? [$0] : nil }))
        }
        for building in buildings where building.isPlanned {
            let floor = Double(building.units) * building.unitAreaM2
            expansions.append(
                Expansion(
                    id: ExpansionID("\(building.id)-build"), name: "新建\(building.name ?? building.id.rawValue)",
                    adds: ExpansionAdds(building: building.id),
                    cost: Generated.round(floor * rng.uniform(2000, 3000), to: 1e5), leadMonths: rng.int(8...14),
                    earliest: earliestDate(using: &rng)))
        }
    }

    /// Optionally a bay (间隔) first, then a second transformer requiring it, sometimes a third;
    /// with `chainLength` n, a chain of exactly n (bay → T2 → … → Tn, or T2 alone for n = 1).
    private mutating func addTransformers(
        for node: PowerNode, bays: inout [NodeID: ExpansionID],
        using rng: inout SplitMix64
    ) {
        let chain = options.chainLength
        // Without `chainLength` the draws keep their old order: bay or not, the bay, a third or not.
        let withBay = chain.map { $0 > 1 } ?? (options.expansionChains && rng.chance(0.5))
        var previous: ExpansionID?
        if withBay {
            let bay = feederBay(for: node, using: &rng)
            expansions.append(bay)
            bays[node.id] = bay.id
            previous = bay.id
        }
        let lastStage = chain.map { max(2, $0) } ?? (options.expansionChains && rng.chance(0.3) ? 3 : 2)
        for stage in 2...lastStage {
            let transformer = mainTransformer(stage, for: node, requiring: previous, using: &rng)
            expansions.append(transformer)
            previous = transformer.id
        }
    }

    /// A feeder bay adding 5–15 % of the node's capacity.
    private func feederBay(for node: PowerNode, using rng: inout SplitMix64) -> Expansion {
        Expansion(
            id: ExpansionID("\(node.id)-bay"), name: "\(node.id) 出线间隔",
            adds: ExpansionAdds(
                power: node.id, capacityMW: Generated.roundUp(node.capacityMW * rng.uniform(0.05, 0.15), to: 1)),
            cost: Generated.round(rng.uniform(3e6, 1e7), to: 1e5), leadMonths: rng.int(2...6),
            earliest: earliestDate(using: &rng))
    }

    /// The node's `stage`-th main transformer (主变), adding 30–80 % of its capacity, at least 5 MW.
    private func mainTransformer(
        _ stage: Int, for node: PowerNode, requiring previous: ExpansionID?,
        using rng: inout SplitMix64
    ) -> Expansion {
        let added = max(5, Generated.roundUp(node.capacityMW * rng.uniform(0.3, 0.8), to: 5))
        return Expansion(
            id: ExpansionID("\(node.id)-T\(stage)"), name: "\(node.id) 第\(stage)台主变",
            adds: ExpansionAdds(power: node.id, capacityMW: added),
            cost: Generated.round(added * rng.uniform(1e6, 2e6), to: 1e5), leadMonths: rng.int(6...14),
            earliest: earliestDate(using: &rng), requires: previous.map { [$0] })
    }

    /// Nil (the horizon start) or any month of the horizon.
    private func earliestDate(using rng: inout SplitMix64) -> YearMonth? {
        rng.chance(0.6) ? nil : options.start.adding(months: rng.int(0...max(0, options.months - 1)))
    }

    // MARK: - Infeasible on purpose

    /// Drops every power expansion and sets each substation's usable capacity to 60 % of the
    /// committed and existing power fitted to it: the park's whole power supply is then short of
    /// their total demand, wherever they are placed.
    mutating func cutPowerBelowCommittedDemand() {
        let total = power.reduce(0) { $0 + (committedPower[$1.id] ?? 0) }
        if total == 0, let i = projects.firstIndex(where: { $0.statusOrDefault != .candidate }) {
            projects[i].powerMW = 1  // every substation below then has capacity 0
        }
        let dropped = Set(expansions.filter { $0.adds.power != nil }.map(\.id))
        expansions.removeAll { dropped.contains($0.id) }
        for i in expansions.indices {
            let kept = expansions[i].requirements.filter { !dropped.contains($0) }
            expansions[i].requires = kept.isEmpty ? nil : kept
        }
        for i in power.indices {
            let usable = 0.6 * (committedPower[power[i].id] ?? 0)
            power[i].capacityMW = Generated.roundDown(usable / (1 - power[i].reserveFraction), to: 0.01)
        }
    }
}
