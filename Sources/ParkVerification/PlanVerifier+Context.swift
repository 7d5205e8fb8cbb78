import ParkModel

/// A site as a placement names it: a plot or a building.
enum VerifierSite {
    case plot(Plot)
    case building(Building)

    var id: SiteID {
        switch self {
        case .plot(let p): p.id
        case .building(let b): b.id
        }
    }
    var isPlanned: Bool {
        switch self {
        case .plot(let p): p.isPlanned
        case .building(let b): b.isPlanned
        }
    }
    var ready: YearMonth? {
        switch self {
        case .plot(let p): p.ready
        case .building(let b): b.ready
        }
    }
    var power: NodeID? {
        switch self {
        case .plot(let p): p.power
        case .building(let b): b.power
        }
    }
    var water: NodeID? {
        switch self {
        case .plot(let p): p.water
        case .building(let b): b.water
        }
    }
    var sewage: NodeID? {
        switch self {
        case .plot(let p): p.sewage
        case .building(let b): b.sewage
        }
    }
}

/// One plan placement resolved against the scenario.
struct ResolvedPlacement {
    let placement: Placement
    /// Nil when the plan names an unknown project.
    let project: Project?
    /// Nil when the site is unknown in either list.
    let site: VerifierSite?
    /// Nil when `start` begins no period of the horizon.
    let start: Int?
}

/// One built expansion resolved against the scenario (first occurrence of each id).
struct ResolvedExpansion {
    let built: BuiltExpansion
    let expansion: Expansion
    /// Start period; nil when `start` begins no period of the horizon.
    let start: Int?
    /// `start + lead periods`; may be past the last period.
    var completion: Int? { start.map { $0 + lead } }
    let lead: Int
}

/// The plan and scenario with ids resolved, shared by every rule check.
struct VerifierContext {
    let plan: Plan
    let scenario: Scenario
    let clock: VerifierClock
    let placements: [ResolvedPlacement]
    /// Resolved placements of known projects at a valid period (every rule reads them; the
    /// capacity check once per node and resource).
    let validPlacements: [(ResolvedPlacement, Project, Int)]
    /// Built expansions with a known id, first occurrence each, in plan order.
    let built: [ResolvedExpansion]
    let projectsByID: [ProjectID: Project]
    let plotsByID: [SiteID: Plot]
    let buildingsByID: [SiteID: Building]
    let expansionsByID: [ExpansionID: Expansion]

    init(plan: Plan, scenario: Scenario) {
        self.plan = plan
        self.scenario = scenario
        let clock = VerifierClock(scenario.horizon)
        self.clock = clock
        projectsByID = Dictionary(scenario.projectList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        plotsByID = Dictionary(scenario.plotList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        buildingsByID = Dictionary(scenario.buildingList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        expansionsByID = Dictionary(scenario.expansionList.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var resolved: [ResolvedPlacement] = []
        for placement in plan.placements {
            let project = projectsByID[placement.project]
            let site = VerifierContext.site(placement.site, for: project, plots: plotsByID, buildings: buildingsByID)
            resolved.append(
                ResolvedPlacement(
                    placement: placement, project: project, site: site,
                    start: clock.period(beginning: placement.start)))
        }
        placements = resolved
        validPlacements = resolved.compactMap { r in
            guard let project = r.project, let start = r.start else { return nil }
            return (r, project, start)
        }

        var seen: Set<ExpansionID> = []
        var expansions: [ResolvedExpansion] = []
        for entry in plan.expansions {
            guard let expansion = expansionsByID[entry.id], seen.insert(entry.id).inserted else { continue }
            expansions.append(
                ResolvedExpansion(
                    built: entry, expansion: expansion,
                    start: clock.period(beginning: entry.start),
                    lead: clock.periods(months: expansion.leadMonthsOrZero)))
        }
        built = expansions
    }

    /// A land project looks in the plots first, a floor project in the buildings
    /// first (a plot and a building may share an id).
    static func site(
        _ id: SiteID, for project: Project?, plots: [SiteID: Plot],
        buildings: [SiteID: Building]
    ) -> VerifierSite? {
        let plot = plots[id].map(VerifierSite.plot)
        let building = buildings[id].map(VerifierSite.building)
        if project?.floorM2 != nil && project?.landM2 == nil { return building ?? plot }
        return plot ?? building
    }

    /// Built expansion `id` with a valid start, if any.
    func builtExpansion(_ id: ExpansionID) -> ResolvedExpansion? {
        built.first { $0.expansion.id == id && $0.start != nil }
    }

    /// Units a floor project takes in a building: `ceil(floor_m2 / unit_area_m2)`.
    static func units(floorM2: Double, unitAreaM2: Double) -> Int {
        guard unitAreaM2 > 0, floorM2 > 0 else { return 0 }
        let ratio = (floorM2 / unitAreaM2).rounded(.up)
        return ratio < Double(Int.max / 2) ? Int(ratio) : Int.max / 2
    }

    /// Whether the plan's status promises every committed and existing project is placed.
    var claimsFeasible: Bool { plan.status == .optimal || plan.status == .feasible }
}

// MARK: - Tolerances and numbers in messages

enum VerifierTolerance {
    /// `used ≤ limit` within relative 1e-9 plus absolute 1e-6.
    static func within(_ used: Double, _ limit: Double) -> Bool {
        used <= limit + 1e-6 + 1e-9 * abs(limit)
    }
    /// `a ≈ b` within relative `relative` plus absolute 1e-6.
    static func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
        abs(a - b) <= 1e-6 + relative * max(abs(a), abs(b))
    }
}

/// A number for a message: whole numbers without a fraction, others to 6 decimals.
func verifierNumber(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let rounded = (value * 1e6).rounded() / 1e6
    return "\(rounded)"
}
