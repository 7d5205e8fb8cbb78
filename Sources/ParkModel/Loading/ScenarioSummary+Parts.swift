/// Node loads for `ScenarioSummary`.
enum SummaryLoads {
    private struct Connection { var power: NodeID?; var sewage: NodeID?; var water: NodeID? }

    private static func connections(_ scenario: Scenario) -> [SiteID: Connection] {
        var result: [SiteID: Connection] = [:]
        for plot in scenario.plotList where result[plot.id] == nil {
            result[plot.id] = Connection(power: plot.power, sewage: plot.sewage, water: plot.water)
        }
        for building in scenario.buildingList where result[building.id] == nil {
            result[building.id] = Connection(power: building.power, sewage: building.sewage, water: building.water)
        }
        return result
    }

    /// Per node: the sums of `amount` over existing (first) and committed (second) projects pinned to its sites.
    private static func demands(
        _ scenario: Scenario, _ sites: [SiteID: Connection],
        on node: (Connection) -> NodeID?,
        _ amount: (Project) -> Double
    ) -> [NodeID: (Double, Double)] {
        var result: [NodeID: (Double, Double)] = [:]
        for project in scenario.projectList {
            guard let site = project.site, let connection = sites[site], let id = node(connection) else { continue }
            var sums = result[id] ?? (0, 0)
            switch project.statusOrDefault {
            case .existing: sums.0 += amount(project)
            case .committed: sums.1 += amount(project)
            case .candidate: break
            }
            result[id] = sums
        }
        return result
    }

    /// Per node: the sum of `amount` over the expansions that add to it.
    private static func additions(
        _ scenario: Scenario, to node: (ExpansionAdds) -> NodeID?,
        _ amount: (ExpansionAdds) -> Double?
    ) -> [NodeID: Double] {
        var result: [NodeID: Double] = [:]
        for e in scenario.expansionList {
            if let id = node(e.adds) { result[id, default: 0] += amount(e.adds) ?? 0 }
        }
        return result
    }

    static func loads(_ scenario: Scenario) -> [ScenarioSummary.NodeLoad] {
        let sites = connections(scenario)
        let start = scenario.horizon.start
        var loads: [ScenarioSummary.NodeLoad] = []
        let power = demands(scenario, sites, on: \.power, \.power)
        let water = demands(scenario, sites, on: \.water, \.waterDemand)
        let sewage = demands(scenario, sites, on: \.sewage, \.wastewater)
        let cod = demands(scenario, sites, on: \.sewage, \.cod)
        let addPower = additions(scenario, to: \.power, \.capacityMW)
        let addWater = additions(scenario, to: \.water, \.capacityM3Day)
        let addSewage = additions(scenario, to: \.sewage, \.capacityM3Day)
        let addCOD = additions(scenario, to: \.sewage, \.codKgDay)
        for node in scenario.powerNodes {
            let (e, c) = power[node.id] ?? (0, 0)
            let extra = addPower[node.id] ?? 0
            loads.append(
                .init(
                    kind: "power", node: node.id, unit: "MW", capacity: node.capacityMW,
                    usable: node.capacityMW * (1 - node.reserveFraction), ready: node.ready ?? start,
                    existingDemand: e, committedDemand: c, expandable: extra))
        }
        for node in scenario.waterNodes {
            let (e, c) = water[node.id] ?? (0, 0)
            let extra = addWater[node.id] ?? 0
            loads.append(
                .init(
                    kind: "water", node: node.id, unit: "m³/d", capacity: node.capacityM3Day,
                    usable: node.capacityM3Day, ready: node.ready ?? start,
                    existingDemand: e, committedDemand: c, expandable: extra))
        }
        for plant in scenario.sewagePlants {
            let (e, c) = sewage[plant.id] ?? (0, 0)
            loads.append(
                .init(
                    kind: "sewage", node: plant.id, unit: "m³/d", capacity: plant.capacityM3Day,
                    usable: plant.capacityM3Day, ready: plant.ready ?? start, existingDemand: e,
                    committedDemand: c,
                    expandable: addSewage[plant.id] ?? 0))
            if let limit = plant.codKgDay {
                let (ce, cc) = cod[plant.id] ?? (0, 0)
                loads.append(
                    .init(
                        kind: "cod", node: plant.id, unit: "kg/d", capacity: limit, usable: limit,
                        ready: plant.ready ?? start, existingDemand: ce, committedDemand: cc,
                        expandable: addCOD[plant.id] ?? 0))
            }
        }
        return loads
    }

    static func unsited(_ scenario: Scenario) -> [ScenarioSummary.KindAmount] {
        let loose = scenario.projectList.filter { $0.statusOrDefault == .committed && $0.site == nil }
        let kinds: [(String, String, (Project) -> Double)] = [
            ("power", "MW", \.power), ("water", "m³/d", \.waterDemand), ("sewage", "m³/d", \.wastewater),
            ("cod", "kg/d", \.cod),
        ]
        return kinds.compactMap { kind, unit, amount in
            let total = loose.reduce(0) { $0 + amount($1) }
            return total > 0 ? ScenarioSummary.KindAmount(kind: kind, unit: unit, amount: total) : nil
        }
    }
}

/// Site readiness of pinned and existing projects for `ScenarioSummary`.
enum SummaryReadiness {
    /// Earliest completion month of each expansion, honouring `requires` (Kahn's order; no recursion).
    static func earliestCompletion(_ scenario: Scenario) -> [ExpansionID: YearMonth] {
        let expansions = scenario.expansionList
        let start = scenario.horizon.start
        var index: [ExpansionID: Int] = [:]
        for (i, e) in expansions.enumerated() where index[e.id] == nil { index[e.id] = i }
        var waiting = Array(repeating: 0, count: expansions.count)
        var dependents = Array(repeating: [Int](), count: expansions.count)
        for (i, e) in expansions.enumerated() {
            for r in e.requirements { if let j = index[r], j != i { waiting[i] += 1; dependents[j].append(i) } }
        }
        var begin = expansions.map { max($0.earliest ?? start, start) }
        var done: [ExpansionID: YearMonth] = [:]
        var queue = expansions.indices.filter { waiting[$0] == 0 }
        var head = 0
        while head < queue.count {
            let i = queue[head]; head += 1
            let finish = begin[i].adding(months: max(0, min(expansions[i].leadMonthsOrZero, 12_000)))
            if done[expansions[i].id] == nil { done[expansions[i].id] = finish }
            for d in dependents[i] {
                begin[d] = max(begin[d], finish)
                waiting[d] -= 1
                if waiting[d] == 0 { queue.append(d) }
            }
        }
        return done
    }

    static func readiness(_ scenario: Scenario) -> [ScenarioSummary.ProjectReadiness] {
        let completion = earliestCompletion(scenario)
        let start = scenario.horizon.start
        var plots: [SiteID: Plot] = [:], buildings: [SiteID: Building] = [:], builders: [SiteID: [Expansion]] = [:]
        for plot in scenario.plotList where plots[plot.id] == nil { plots[plot.id] = plot }
        for building in scenario.buildingList where buildings[building.id] == nil { buildings[building.id] = building }
        for e in scenario.expansionList {
            if let site = e.adds.plot ?? e.adds.building { builders[site, default: []].append(e) }
        }
        var result: [ScenarioSummary.ProjectReadiness] = []
        for project in scenario.projectList {
            let existing = project.statusOrDefault == .existing
            guard let site = project.site else { continue }
            var kind = "plot", ready: YearMonth?, planned = false
            if let plot = plots[site] {
                ready = plot.ready ?? start; planned = plot.isPlanned
            } else if let building = buildings[site] {
                kind = "building"; ready = building.ready ?? start; planned = building.isPlanned
            }
            var builder: ExpansionID?
            if planned {
                let options = builders[site] ?? []
                let best = options.compactMap { e in completion[e.id].map { (e.id, $0) } }.min { $0.1 < $1.1 }
                builder = best?.0 ?? options.first?.id
                ready = best.map { max($0.1, ready ?? start) }
            }
            let pinned = project.start ?? (existing ? start : nil)
            let atStart = pinned.map { pin in ready.map { max(pin, start) >= $0 } ?? false }
            result.append(
                .init(
                    project: project.id, label: project.label, status: project.statusOrDefault,
                    site: site, siteKind: kind, siteReady: ready, builtBy: builder,
                    start: pinned, readyAtStart: atStart))
        }
        return result
    }
}
