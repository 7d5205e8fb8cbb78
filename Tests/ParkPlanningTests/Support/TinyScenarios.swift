import ParkModel

/// SplitMix64: a small, fast, seedable PRNG (Steele, Lea & Flood 2014), so
/// every generated scenario is reproducible from its seed alone.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Tiny random scenarios for brute force and property tests: ≤ 4 projects, ≤ 3 sites,
/// ≤ 2 expansions, ≤ 5 periods. Every rule of contract §3 gets exercised across seeds:
/// windows, pins, zones, building requirements, capacity with reserve, COD, water,
/// planned sites, requires, budget, policy, existing/committed tenants, step 1/2/3.
/// Amounts are small whole numbers so that ties and rounding are exact.
/// The scenarios obey the validation rules of contract §2.
enum TinyScenarios {
    static func make(seed: UInt64) -> Scenario {
        var builder = TinyBuilder(rng: SplitMix64(seed: seed))
        return builder.build(seed: seed)
    }
}

/// The state of one generation: the PRNG and the parts built so far.
struct TinyBuilder {
    var rng: SplitMix64
    var step = 1
    var periods = 1
    var start = YearMonth(ordinal: 2024 * 12)
    var plots: [Plot] = []
    var buildings: [Building] = []
    var expansions: [Expansion] = []

    init(rng: SplitMix64) { self.rng = rng }

    /// The month that begins period `t`, shifted by up to `S - 1` months to exercise ceil/floor.
    mutating func month(period t: Int, jitter: Bool = true) -> YearMonth {
        let shift = jitter && rng.chance(0.5) ? rng.int(-(step - 1)...(step - 1)) : 0
        return start.adding(months: t * step + shift)
    }

    mutating func build(seed: UInt64) -> Scenario {
        step = rng.pick([1, 1, 2, 3])
        periods = rng.int(2...5)
        let months = periods * step - rng.int(0...(step - 1))
        start = YearMonth(ordinal: (2023 + rng.int(0...3)) * 12 + rng.int(0...11))
        let horizon = Horizon(start: start, months: months, stepMonths: rng.chance(0.3) && step == 1 ? nil : step)
        let nodes = makeNodes()
        makeSites(nodes)
        makeExpansions(nodes)
        let projects = makeProjects(nodes)
        return Scenario(
            park: Park(name: "tiny-\(seed)"), horizon: horizon, objective: makeObjective(),
            budget: rng.chance(0.3) ? Double(rng.int(0...12)) * 1e4 : nil,
            policy: rng.chance(0.25)
                ? Policy(
                    minInvestmentIntensity: Double(rng.int(0...40)),
                    minTaxPerMu: Double(rng.int(0...3)), enforce: rng.chance(0.7)) : nil,
            power: nodes.power, sewage: nodes.sewage, water: nodes.water,
            plots: plots, buildings: buildings, expansions: expansions, projects: projects)
    }

    mutating func makeObjective() -> Objective? {
        guard rng.chance(0.6) else { return nil }
        return Objective(
            years: Double(rng.pick([1, 2, 10])),
            weights: Weights(
                tax: Double(rng.int(1...2)), investment: rng.chance(0.3) ? 0.01 : nil,
                jobs: rng.chance(0.3) ? Double(rng.int(0...2)) : nil,
                cost: rng.chance(0.8) ? 1 : Double(rng.int(0...3))))
    }

    // MARK: - Nodes

    struct Nodes {
        var power: [PowerNode] = []
        var sewage: [SewagePlant] = []
        var water: [WaterNode] = []
    }

    mutating func makeNodes() -> Nodes {
        var nodes = Nodes()
        nodes.power.append(
            PowerNode(
                id: "S1", capacityMW: Double(rng.int(2...10)),
                reserve: rng.pick([nil, 0, 0.1, 0.2]),
                ready: rng.chance(0.2) ? month(period: rng.int(0...periods)) : nil))
        if rng.chance(0.5) {
            nodes.sewage.append(
                SewagePlant(
                    id: "污水厂", capacityM3Day: Double(rng.int(2...8)),
                    codKgDay: rng.chance(0.6) ? Double(rng.int(1...6)) : nil,
                    ready: rng.chance(0.2) ? month(period: rng.int(0...periods)) : nil))
        }
        if rng.chance(0.5) {
            nodes.water.append(
                WaterNode(
                    id: "WS1", capacityM3Day: Double(rng.int(2...8)),
                    ready: rng.chance(0.2) ? month(period: rng.int(0...periods)) : nil))
        }
        return nodes
    }

    // MARK: - Sites

    mutating func makeSites(_ nodes: Nodes) {
        let count = rng.int(1...3)
        for i in 0..<count {
            let planned = rng.chance(0.2)
            let ready: YearMonth? = rng.chance(0.2) ? month(period: rng.int(0...periods)) : nil
            let power: NodeID? = rng.chance(0.9) ? "S1" : nil
            let sewage: NodeID? = nodes.sewage.isEmpty || rng.chance(0.15) ? nil : nodes.sewage[0].id
            let water: NodeID? = nodes.water.isEmpty || rng.chance(0.15) ? nil : nodes.water[0].id
            if rng.chance(0.6) {
                plots.append(
                    Plot(
                        id: SiteID("P\(i)"), areaM2: Double(rng.int(2...6) * 100),
                        zone: rng.chance(0.8) ? rng.pick(["industrial", "工业", "logistics"]) : nil,
                        ready: ready, power: power, sewage: sewage, water: water,
                        planned: planned ? true : (rng.chance(0.2) ? false : nil)))
            } else {
                buildings.append(
                    Building(
                        id: SiteID("B\(i)"), use: rng.chance(0.8) ? nil : rng.pick([.factory, .office]),
                        units: rng.int(1...4), unitAreaM2: Double(rng.pick([100, 150])),
                        floorLoadKNM2: rng.chance(0.7) ? Double(rng.int(5...10)) : nil,
                        clearHeightM: rng.chance(0.7) ? Double(rng.int(4...9)) : nil,
                        craneT: rng.chance(0.6) ? Double(rng.int(0...5)) : nil,
                        ready: ready, power: power, sewage: sewage, water: water,
                        planned: planned ? true : nil))
            }
        }
    }
}

// MARK: - Expansions

extension TinyBuilder {
    /// One expansion per planned site (at most two planned sites stay planned), then
    /// capacity additions up to two expansions in all; the second may require the first.
    mutating func makeExpansions(_ nodes: Nodes) {
        for i in plots.indices where plots[i].isPlanned {
            if expansions.count < 2 {
                expansions.append(expansion(adds: ExpansionAdds(plot: plots[i].id)))
            } else {
                plots[i].planned = nil
            }
        }
        for i in buildings.indices where buildings[i].isPlanned {
            if expansions.count < 2 {
                expansions.append(expansion(adds: ExpansionAdds(building: buildings[i].id)))
            } else {
                buildings[i].planned = nil
            }
        }
        let wanted = rng.int(0...2)
        while expansions.count < wanted {
            var choices: [ExpansionAdds] = [ExpansionAdds(power: "S1", capacityMW: Double(rng.int(1...8)))]
            if let plant = nodes.sewage.first {
                choices.append(
                    ExpansionAdds(
                        sewage: plant.id, capacityM3Day: Double(rng.int(0...5)),
                        codKgDay: plant.codKgDay == nil ? nil : Double(rng.int(0...4))))
            }
            if let node = nodes.water.first {
                choices.append(ExpansionAdds(water: node.id, capacityM3Day: Double(rng.int(1...5))))
            }
            expansions.append(expansion(adds: rng.pick(choices)))
        }
        if expansions.count == 2, rng.chance(0.35) { expansions[1].requires = [expansions[0].id] }
    }

    mutating func expansion(adds: ExpansionAdds) -> Expansion {
        Expansion(
            id: ExpansionID("X\(expansions.count)"), adds: adds, cost: Double(rng.int(0...8)) * 1e4,
            leadMonths: rng.chance(0.2) ? nil : rng.int(0...(2 * step)),
            earliest: rng.chance(0.3) ? month(period: rng.int(0...(periods - 1))) : nil)
    }
}

// MARK: - Projects

extension TinyBuilder {
    mutating func makeProjects(_ nodes: Nodes) -> [Project] {
        let count = rng.int(1...4)
        var projects: [Project] = []
        for i in 0..<count {
            let onLand = buildings.isEmpty || (!plots.isEmpty && rng.chance(0.6))
            var project = onLand ? landProject(i) : floorProject(i)
            demands(&project, nodes)
            timing(&project)
            status(&project, onLand: onLand, committedSoFar: projects.filter { $0.status != nil }.count)
            projects.append(project)
        }
        return projects
    }

    /// Land 100–400 m²; investment and tax per 亩 at half-integers of 万元, never on a policy threshold.
    mutating func landProject(_ i: Int) -> Project {
        let land = Double(rng.int(1...4) * 100)
        let mu = land / (2000.0 / 3.0)
        return Project(
            id: ProjectID(rng.chance(0.3) ? "项目\(i)" : "L\(i)"), landM2: land,
            zones: rng.chance(0.3) ? rng.pick([["industrial"], ["industrial", "工业"], ["logistics"]]) : nil,
            investment: (Double(rng.int(0...60)) + 0.5) * 1e4 * mu,
            annualTax: (Double(rng.int(0...5)) + 0.5) * 1e4 * mu, jobs: Double(rng.int(0...50)))
    }

    mutating func floorProject(_ i: Int) -> Project {
        Project(
            id: ProjectID("F\(i)"), floorM2: Double(rng.int(1...6) * 50),
            use: rng.chance(0.85) ? nil : rng.pick([.factory, .office]),
            floorLoadKNM2: rng.chance(0.3) ? Double(rng.int(4...8)) : nil,
            clearHeightM: rng.chance(0.2) ? Double(rng.int(4...7)) : nil,
            craneT: rng.chance(0.2) ? Double(rng.int(0...3)) : nil,
            investment: Double(rng.int(0...50)) * 1e4, annualTax: Double(rng.int(0...20)) * 1e3,
            jobs: Double(rng.int(0...50)))
    }

    /// Demands mostly of the kinds the park has (a demand of a missing kind makes the project unplaceable).
    mutating func demands(_ p: inout Project, _ nodes: Nodes) {
        p.buildMonths = rng.chance(0.4) ? rng.int(0...(2 * step + 1)) : nil
        p.powerMW = rng.chance(0.7) ? Double(rng.int(0...4)) : nil
        let water = !nodes.water.isEmpty || rng.chance(0.05)
        let sewage = !nodes.sewage.isEmpty || rng.chance(0.05)
        p.waterM3Day = water && rng.chance(0.4) ? Double(rng.int(0...3)) : nil
        p.wastewaterM3Day = sewage && rng.chance(0.4) ? Double(rng.int(0...3)) : nil
        p.codKgDay = sewage && rng.chance(0.3) ? Double(rng.int(0...3)) : nil
    }

    /// Window, pinned start (inside the window as dates) and pinned site.
    mutating func timing(_ p: inout Project) {
        if rng.chance(0.35) { p.earliest = month(period: rng.int(0...(periods - 1))) }
        if rng.chance(0.3) {
            let latest = month(period: rng.int(1...max(1, periods - 1)))
            p.latest = max(latest, p.earliest ?? latest)
        }
        if rng.chance(0.2) {
            // Inside the window as dates and no later than the last period's first month (contract §2).
            var pin = month(period: rng.int(0...(periods - 1)))
            if let earliest = p.earliest { pin = max(pin, earliest) }
            if let latest = p.latest { pin = min(pin, latest) }
            pin = min(pin, start.adding(months: (periods - 1) * step))
            if pin >= (p.earliest ?? pin) { p.start = pin }
        }
        let ownKind = p.landM2 != nil ? plots.map(\.id) : buildings.map(\.id)
        if rng.chance(0.15), !ownKind.isEmpty { p.site = rng.pick(ownKind) }
    }

    /// Mostly candidates; at most two committed or existing, usually placeable: existing ones
    /// sit on an unplanned site of their kind that is ready at the start, with demands only of
    /// the kinds it connects; committed ones often have no zones or window.
    mutating func status(_ p: inout Project, onLand: Bool, committedSoFar: Int) {
        guard committedSoFar < 2, rng.chance(0.3) else { return }
        let own: [(SiteID, Bool, Bool, Bool)] =
            onLand
            ? plots.filter { !$0.isPlanned && $0.ready == nil }.map {
                ($0.id, $0.power != nil, $0.water != nil, $0.sewage != nil)
            }
            : buildings.filter { !$0.isPlanned && $0.ready == nil && $0.useOrDefault == p.useOrDefault }
                .map { ($0.id, $0.power != nil, $0.water != nil, $0.sewage != nil) }
        if rng.chance(0.4), !own.isEmpty {
            let (site, power, water, sewage) = rng.pick(own)
            p.status = .existing
            p.site = site
            p.earliest = nil; p.latest = nil; p.zones = nil
            p.floorLoadKNM2 = nil; p.clearHeightM = nil; p.craneT = nil
            if !power { p.powerMW = nil }
            if !water { p.waterM3Day = nil }
            if !sewage { p.wastewaterM3Day = nil; p.codKgDay = nil }
            // Not past the last period: see BruteForceEngineTests.existingPinnedPastTheHorizon.
            p.start = rng.chance(0.5) ? start.adding(months: rng.int(-6...((periods - 1) * step))) : nil
        } else {
            p.status = .committed
            if rng.chance(0.6) { p.zones = nil; p.earliest = nil; p.latest = nil; p.start = nil }
        }
    }
}
