import ParkModel

/// One capacity to check (§3.7): a node and one of its resources.
struct VerifierResource {
    let node: NodeID
    let kind: CapacityKind
    /// Base capacity in the resource's unit (MW, m³/day, kg/day).
    let base: Double
    /// Period from which the base capacity exists.
    let ready: Int
    /// Fraction held back (power only; 0 otherwise).
    let reserve: Double
}

extension VerifierContext {
    /// Every resource of every node: power, water, sewage and COD (COD only where the plant sets it).
    var resources: [VerifierResource] {
        var list: [VerifierResource] = []
        for node in scenario.powerNodes {
            list.append(
                VerifierResource(
                    node: node.id, kind: .power, base: node.capacityMW,
                    ready: clock.availableFrom(node.ready), reserve: node.reserveFraction))
        }
        for node in scenario.waterNodes {
            list.append(
                VerifierResource(
                    node: node.id, kind: .water, base: node.capacityM3Day,
                    ready: clock.availableFrom(node.ready), reserve: 0))
        }
        for plant in scenario.sewagePlants {
            let ready = clock.availableFrom(plant.ready)
            list.append(
                VerifierResource(node: plant.id, kind: .sewage, base: plant.capacityM3Day, ready: ready, reserve: 0))
            if let cod = plant.codKgDay {
                list.append(VerifierResource(node: plant.id, kind: .cod, base: cod, ready: ready, reserve: 0))
            }
        }
        return list
    }

    /// What an expansion adds to `resource` (0 when it is on another node or kind).
    func added(by expansion: Expansion, to resource: VerifierResource) -> Double {
        let adds = expansion.adds
        switch resource.kind {
        case .power: return adds.power == resource.node ? adds.capacityMW ?? 0 : 0
        case .water: return adds.water == resource.node ? adds.capacityM3Day ?? 0 : 0
        case .sewage: return adds.sewage == resource.node ? adds.capacityM3Day ?? 0 : 0
        case .cod: return adds.sewage == resource.node ? adds.codKgDay ?? 0 : 0
        }
    }

    /// Usable capacity of `resource` in period `t`:
    /// `(1 - reserve) * (base if ready at t + adds of expansions complete at or before t)`.
    func usableCapacity(_ resource: VerifierResource, at t: Int) -> Double {
        var total = t >= resource.ready ? resource.base : 0
        for r in built {
            guard let completion = r.completion, completion <= t else { continue }
            total += added(by: r.expansion, to: resource)
        }
        return (1 - resource.reserve) * total
    }

    /// The project's demand of `kind` drawn on `resource` when it sits on `site`.
    func demand(of project: Project, on site: VerifierSite, for resource: VerifierResource) -> Double {
        switch resource.kind {
        case .power: return site.power == resource.node ? project.power : 0
        case .water: return site.water == resource.node ? project.waterDemand : 0
        case .sewage: return site.sewage == resource.node ? project.wastewater : 0
        case .cod: return site.sewage == resource.node ? project.cod : 0
        }
    }

    /// First period a project draws: `start + build periods`, or the last period
    /// when construction would end after the horizon.
    func drawPeriod(of project: Project, start: Int) -> Int {
        min(start + clock.periods(months: project.buildMonthsOrZero), clock.last)
    }

    /// Demand drawn on `resource` in each period `0..<count`.
    func usedByPeriod(_ resource: VerifierResource) -> [Double] {
        var used = Array(repeating: 0.0, count: max(0, clock.count))
        for (r, project, start) in validPlacements {
            guard let site = r.site else { continue }
            let amount = demand(of: project, on: site, for: resource)
            guard amount != 0 else { continue }
            let from = drawPeriod(of: project, start: start)
            guard from >= 0 else { continue }
            for t in from..<clock.count { used[t] += amount }
        }
        return used
    }

    /// §3.7: in every period, for every node and resource, drawn demand ≤ usable capacity.
    func checkCapacity() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for resource in resources {
            let used = usedByPeriod(resource)
            for t in 0..<clock.count {
                let capacity = usableCapacity(resource, at: t)
                if !VerifierTolerance.within(used[t], capacity) {
                    found.append(
                        PlanViolation(
                            .capacity,
                            "\(resource.node) \(resource.kind.rawValue) in \(clock.month(t)) "
                                + "uses \(verifierNumber(used[t])) \(resource.kind.unit) > \(verifierNumber(capacity)) \(resource.kind.unit)"
                        ))
                }
            }
        }
        return found
    }

    /// The §5 utilization table, recomputed.
    func utilizationTable() -> [Utilization] {
        var table: [Utilization] = []
        for resource in resources {
            let used = usedByPeriod(resource)
            for t in 0..<clock.count {
                table.append(
                    Utilization(
                        node: resource.node, kind: resource.kind, period: clock.month(t),
                        used: used[t], capacity: usableCapacity(resource, at: t)))
            }
        }
        return table
    }
}
