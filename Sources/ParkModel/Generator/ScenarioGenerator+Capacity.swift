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
    /// capacity binds and expansions matter.
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
            let needed = committed * 1.02 + headroom(candidates.power, power.count, &rng)
            power[i].capacityMW = max(1, Generated.roundUp(needed / (1 - power[i].reserveFraction), to: 0.1))
        }
        for i in sewage.indices {
            let committed = byNode[sewage[i].id] ?? Demand()
            let flow = committed.wastewater * 1.02 + headroom(candidates.wastewater, sewage.count, &rng)
            sewage[i].capacityM3Day = max(100, Generated.roundUp(flow, to: 10))
            if sewage[i].codKgDay != nil {
                let cod = committed.cod * 1.02 + headroom(candidates.cod, sewage.count, &rng)
                sewage[i].codKgDay = max(10, Generated.roundUp(cod, to: 1))
            }
        }
        for i in water.indices {
            let committed = byNode[water[i].id]?.water ?? 0
            let flow = committed * 1.02 + headroom(candidates.water, water.count, &rng)
            water[i].capacityM3Day = max(100, Generated.roundUp(flow, to: 10))
        }
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

    /// Optionally a bay (间隔) first, then a second transformer requiring it, sometimes a third.
    private mutating func addTransformers(
        for node: PowerNode, bays: inout [NodeID: ExpansionID],
        using rng: inout SplitMix64
    ) {
        var previous: ExpansionID?
        if options.expansionChains, rng.chance(0.5) {
            let bay = Expansion(
                id: ExpansionID("\(node.id)-bay"), name: "\(node.id) 出线间隔",
                adds: ExpansionAdds(
                    power: node.id, capacityMW: Generated.roundUp(node.capacityMW * rng.uniform(0.05, 0.15), to: 1)),
                cost: Generated.round(rng.uniform(3e6, 1e7), to: 1e5), leadMonths: rng.int(2...6),
                earliest: earliestDate(using: &rng))
            expansions.append(bay)
            bays[node.id] = bay.id
            previous = bay.id
        }
        let stages = options.expansionChains && rng.chance(0.3) ? 2 : 1
        for stage in 2...(stages + 1) {
            let added = max(5, Generated.roundUp(node.capacityMW * rng.uniform(0.3, 0.8), to: 5))
            let id = ExpansionID("\(node.id)-T\(stage)")
            expansions.append(
                Expansion(
                    id: id, name: "\(node.id) 第\(stage)台主变",
                    adds: ExpansionAdds(power: node.id, capacityMW: added),
                    cost: Generated.round(added * rng.uniform(1e6, 2e6), to: 1e5), leadMonths: rng.int(6...14),
                    earliest: earliestDate(using: &rng), requires: previous.map { [$0] }))
            previous = id
        }
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
