import ParkModel

extension PlanningInstance {
    /// Resolves a scenario that the loader has validated. References that do
    /// not resolve are treated as "not connected" rather than trapping.
    public init(_ scenario: Scenario) {
        let horizon = scenario.horizon
        let count = horizon.periodCount
        self.scenario = scenario
        self.horizon = horizon
        self.periodCount = count
        self.budget = scenario.budget

        let nodes = Self.resolveNodes(scenario)
        self.nodes = nodes
        let siteIDs = scenario.plotList.map(\.id) + scenario.buildingList.map(\.id)
        let expansionIDs = scenario.expansionList.map(\.id)
        let expansions = scenario.expansionList.map { e in
            ExpansionInfo(
                id: e.id,
                target: Self.resolveTarget(e.adds, nodes: nodes, siteIDs: siteIDs),
                cost: e.costOrZero,
                earliestPeriod: horizon.availablePeriod(e.earliest),
                leadPeriods: horizon.periods(forMonths: e.leadMonthsOrZero),
                requires: e.requirements.compactMap { expansionIDs.firstIndex(of: $0) })
        }
        self.expansions = expansions
        self.resources = Self.resources(nodes: nodes, expansions: expansions)
        let sites = Self.resolveSites(scenario, nodes: nodes, expansions: expansions)
        self.sites = sites
        self.projects = scenario.projectList.map {
            Self.resolveProject($0, scenario: scenario, siteIDs: siteIDs)
        }
        self.nodeIndices = Self.firstIndices(nodes.map(\.id))
        self.siteIndices = Self.firstIndices(siteIDs)
        self.projectIndices = Self.firstIndices(projects.map(\.id))
        self.expansionIndices = Self.firstIndices(expansions.map(\.id))
    }

    /// Each id mapped to the index of its first occurrence.
    package static func firstIndices<ID: Hashable>(_ ids: [ID]) -> [ID: Int] {
        var result: [ID: Int] = [:]
        for (i, id) in ids.enumerated() where result[id] == nil { result[id] = i }
        return result
    }

    // MARK: - Nodes and sites

    package static func resolveNodes(_ s: Scenario) -> [NodeInfo] {
        let h = s.horizon
        return s.powerNodes.map {
            NodeInfo(
                id: $0.id, kind: .power, readyPeriod: h.availablePeriod($0.ready),
                baseCapacity: $0.capacityMW, baseCOD: nil, usableFactor: 1 - $0.reserveFraction)
        }
            + s.sewagePlants.map {
                NodeInfo(
                    id: $0.id, kind: .sewage, readyPeriod: h.availablePeriod($0.ready),
                    baseCapacity: $0.capacityM3Day, baseCOD: $0.codKgDay, usableFactor: 1)
            }
            + s.waterNodes.map {
                NodeInfo(
                    id: $0.id, kind: .water, readyPeriod: h.availablePeriod($0.ready),
                    baseCapacity: $0.capacityM3Day, baseCOD: nil, usableFactor: 1)
            }
    }

    package static func node(_ id: NodeID?, _ kind: UtilityKind, in nodes: [NodeInfo]) -> Int? {
        guard let id else { return nil }
        return nodes.firstIndex { $0.id == id && $0.kind == kind }
    }

    package static func resolveTarget(_ adds: ExpansionAdds, nodes: [NodeInfo], siteIDs: [SiteID]) -> ExpansionTarget {
        if let n = node(adds.power, .power, in: nodes) {
            return .node(n, capacity: adds.capacityMW ?? 0, cod: 0)
        }
        if let n = node(adds.sewage, .sewage, in: nodes) {
            return .node(n, capacity: adds.capacityM3Day ?? 0, cod: adds.codKgDay ?? 0)
        }
        if let n = node(adds.water, .water, in: nodes) {
            return .node(n, capacity: adds.capacityM3Day ?? 0, cod: 0)
        }
        if let id = adds.building ?? adds.plot, let s = siteIDs.firstIndex(of: id) {
            return .site(s)
        }
        return .node(-1, capacity: 0, cod: 0)  // unreachable for validated scenarios; adds nothing
    }

    package static func resolveSites(_ s: Scenario, nodes: [NodeInfo], expansions: [ExpansionInfo]) -> [SiteInfo] {
        let h = s.horizon
        func builders(_ index: Int, planned: Bool) -> [Int] {
            guard planned else { return [] }
            return expansions.indices.filter { expansions[$0].target == .site(index) }
        }
        let plots = s.plotList.enumerated().map { i, p in
            SiteInfo(
                id: p.id, kind: .plot, readyPeriod: h.availablePeriod(p.ready),
                builtBy: builders(i, planned: p.isPlanned),
                power: node(p.power, .power, in: nodes), sewage: node(p.sewage, .sewage, in: nodes),
                water: node(p.water, .water, in: nodes), capacity: p.areaM2, zone: p.zone,
                use: .factory, unitAreaM2: 0, floorLoadKNM2: 0, clearHeightM: 0, craneT: 0)
        }
        let offset = plots.count
        let buildings = s.buildingList.enumerated().map { i, b in
            SiteInfo(
                id: b.id, kind: .building, readyPeriod: h.availablePeriod(b.ready),
                builtBy: builders(offset + i, planned: b.isPlanned),
                power: node(b.power, .power, in: nodes), sewage: node(b.sewage, .sewage, in: nodes),
                water: node(b.water, .water, in: nodes), capacity: Double(b.units), zone: nil,
                use: b.useOrDefault, unitAreaM2: b.unitAreaM2, floorLoadKNM2: b.floorLoadKNM2 ?? 0,
                clearHeightM: b.clearHeightM ?? 0, craneT: b.craneT ?? 0)
        }
        return plots + buildings
    }

    // MARK: - Projects

    package static func resolveProject(_ p: Project, scenario s: Scenario, siteIDs: [SiteID]) -> ProjectInfo {
        let h = s.horizon
        let count = h.periodCount
        let status = p.statusOrDefault
        let earliest = h.availablePeriod(p.earliest)
        let latest = p.latest.map { h.floorPeriod($0) } ?? (count - 1)
        let pinnedStart = p.start.map { h.availablePeriod($0) }
        var low = max(0, earliest)
        var high = min(count - 1, latest)
        if status == .existing {
            // contract §3.1: fixed at the pin. A pin past the horizon is a period that does not exist,
            // so no plan can hold the project: the window is then empty and the plan infeasible.
            low = pinnedStart ?? 0
            high = min(low, count - 1)
        }
        let objective = s.objectiveOrDefault
        let w = objective.weightsOrDefault
        let counts = status != .existing
        return ProjectInfo(
            id: p.id, status: status, needsLand: p.needsLand, spaceM2: p.landM2 ?? p.floorM2 ?? 0,
            zones: p.zones, use: p.useOrDefault, floorLoadKNM2: p.floorLoadKNM2 ?? 0,
            clearHeightM: p.clearHeightM ?? 0, craneT: p.craneT ?? 0,
            buildPeriods: h.periods(forMonths: p.buildMonthsOrZero),
            powerMW: p.power, waterM3Day: p.waterDemand, wastewaterM3Day: p.wastewater, codKgDay: p.cod,
            windowLow: low, windowHigh: high, earliestPeriod: earliest,
            pinnedSite: p.site.flatMap { siteIDs.firstIndex(of: $0) },
            pinnedStart: status == .existing ? low : pinnedStart,
            policyEligible: status == .existing || policyAllows(p, s.policy),
            fixedValue: counts ? w.investmentWeight * p.investmentOrZero + w.jobsWeight * p.jobsOrZero : 0,
            weightedAnnualTax: counts ? w.taxWeight * p.annualTaxOrZero : 0,
            years: objective.yearsOrDefault, stepMonths: h.step)
    }

    /// contract §3.10: with `enforce`, a land project below either indicator is ineligible.
    public static func policyAllows(_ p: Project, _ policy: Policy?) -> Bool {
        guard let policy, policy.isEnforced, let land = p.landM2, land > 0 else { return true }
        let mu = land / squareMetresPerMu
        // "Below" with a relative tolerance of 1e-9, so that a project exactly at the indicator
        // (up to rounding of the 亩 conversion) is eligible, as the verifier counts it.
        if let minimum = policy.minInvestmentIntensity, p.investmentOrZero / 10_000 / mu < minimum * (1 - 1e-9) {
            return false
        }
        if let minimum = policy.minTaxPerMu, p.annualTaxOrZero / 10_000 / mu < minimum * (1 - 1e-9) { return false }
        return true
    }
}
