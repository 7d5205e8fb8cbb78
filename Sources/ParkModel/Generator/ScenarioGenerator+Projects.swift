// Projects of a generated scenario: statuses, sizes, demands, windows and pins.
extension GeneratorRun {
    mutating func makeProjects(using rng: inout SplitMix64) {
        let n = options.projects
        let existing = Int((Double(n) * options.existingShare).rounded())
        var committed = Int((Double(n) * options.committedShare).rounded())
        if options.infeasible, existing + committed == 0 { committed = 1 }
        var statuses =
            [ProjectStatus](repeating: .existing, count: existing)
            + [ProjectStatus](repeating: .committed, count: min(committed, n - existing))
        statuses += [ProjectStatus](repeating: .candidate, count: n - statuses.count)
        for i in stride(from: statuses.count - 1, to: 0, by: -1) { statuses.swapAt(i, rng.int(0...i)) }
        for (i, status) in statuses.enumerated() {
            let id = ProjectID(Generated.id("p-", i + 1, of: n))
            let (project, site) =
                status == .candidate
                ? (candidate(id: id, using: &rng), nil)
                : placedFirst(id: id, status: status, using: &rng)
            projects.append(project)
            reservedSites.append(site)
        }
    }

    // MARK: - Candidates

    private mutating func candidate(id: ProjectID, using rng: inout SplitMix64) -> Project {
        let wantsLand = !plots.isEmpty && (buildings.isEmpty || rng.chance(0.55))
        var project: Project
        if wantsLand {
            let zone = rng.pick(plots).zone ?? "industrial"
            project = landProject(id: id, areaM2: drawLandArea(using: &rng), zone: zone, using: &rng)
        } else {
            let building = rng.pick(buildings)
            let units = rng.int(1...max(1, min(4, building.units)))
            project = floorProject(id: id, in: building, units: units, using: &rng)
            if rng.chance(0.15) { project.clearHeightM = (project.clearHeightM ?? 0) + 2 }  // some fit nowhere easily
        }
        let p = periodCount
        let earliest = rng.chance(0.2) ? nil : rng.int(0...max(0, p * 2 / 3))
        let first = earliest ?? 0
        project.earliest = earliest.map(month)
        if rng.chance(0.75) { project.latest = month(min(p - 1, first + rng.int(0...max(1, p / 2)))) }
        project.status = rng.chance(0.5) ? .candidate : nil
        return project
    }

    private func drawLandArea(using rng: inout SplitMix64) -> Double {
        Generated.round(rng.uniform(20, 300) * squareMetresPerMu, to: 100)
    }

    // MARK: - Committed and existing projects, placed against reserved space

    /// A committed or existing project, shaped to fit a site that is free for it; demoted to a
    /// candidate only if no site has room left (never happens at the default sizes).
    private mutating func placedFirst(
        id: ProjectID, status: ProjectStatus,
        using rng: inout SplitMix64
    ) -> (Project, SiteID?) {
        let existing = status == .existing
        var project: Project
        var siteReady = 0
        if !plots.isEmpty, rng.chance(0.6) || buildings.isEmpty,
            let plot = freePlot(readyAtStart: existing, using: &rng)
        {
            let area = min(
                drawLandArea(using: &rng), Generated.roundDown(freeArea[plot] * rng.uniform(0.5, 1), to: 100))
            freeArea[plot] -= area
            project = landProject(id: id, areaM2: area, zone: plots[plot].zone ?? "industrial", using: &rng)
            project.site = plots[plot].id
            siteReady = horizon.availablePeriod(plots[plot].ready)
            dropUnconnectedDemand(
                &project, power: plots[plot].power, sewage: plots[plot].sewage, water: plots[plot].water)
        } else if let b = freeBuilding(readyAtStart: existing, using: &rng) {
            let units = rng.int(1...min(3, freeUnits[b]))
            freeUnits[b] -= units
            project = floorProject(id: id, in: buildings[b], units: units, using: &rng)
            project.site = buildings[b].id
            siteReady = horizon.availablePeriod(buildings[b].ready)
            let site = buildings[b]
            dropUnconnectedDemand(&project, power: site.power, sewage: site.sewage, water: site.water)
        } else {
            return (candidate(id: id, using: &rng), nil)
        }
        let site = project.site
        project.status = status
        if existing {
            project.buildMonths = nil
            project.start = rng.chance(0.5) ? nil : options.start.adding(months: -rng.int(0...48))
            if rng.chance(0.3) { project.annualTax = nil }
        } else {
            scheduleCommitted(&project, siteReady: siteReady, using: &rng)
            if options.enforcePolicy, let policy { meet(policy, &project, using: &rng) }
        }
        return (project, site)
    }

    /// Window and pins in whole periods, so month and period checks agree for any step.
    private func scheduleCommitted(_ project: inout Project, siteReady: Int, using rng: inout SplitMix64) {
        let p = periodCount
        let earliest = rng.int(min(siteReady, p - 1)...max(siteReady, min(p - 1, p / 3)))
        let latest = min(p - 1, earliest + rng.int(0...6))
        project.earliest = month(earliest)
        project.latest = rng.chance(0.8) ? month(latest) : nil
        let lastAllowed = project.latest == nil ? p - 1 : latest
        project.start = rng.chance(0.3) ? month(rng.int(earliest...lastAllowed)) : nil
        if rng.chance(0.6) { project.site = nil }
    }

    private func dropUnconnectedDemand(_ project: inout Project, power: NodeID?, sewage: NodeID?, water: NodeID?) {
        if power == nil { project.powerMW = nil }
        if sewage == nil { project.wastewaterM3Day = nil; project.codKgDay = nil }
        if water == nil { project.waterM3Day = nil }
    }

    /// A non-planned plot with at least 10 亩 free, ready in the first third of the horizon.
    private func freePlot(readyAtStart: Bool, using rng: inout SplitMix64) -> Int? {
        let limit = readyAtStart ? 0 : periodCount / 3
        let fits = { (i: Int) in
            freeArea[i] >= 10 * squareMetresPerMu && horizon.availablePeriod(plots[i].ready) <= limit
        }
        for _ in 0..<20 { let i = rng.int(0...(plots.count - 1)); if fits(i) { return i } }
        return plots.indices.first(where: fits)
    }

    private func freeBuilding(readyAtStart: Bool, using rng: inout SplitMix64) -> Int? {
        guard !buildings.isEmpty else { return nil }
        let limit = readyAtStart ? 0 : periodCount / 3
        let fits = { (i: Int) in freeUnits[i] >= 1 && horizon.availablePeriod(buildings[i].ready) <= limit }
        for _ in 0..<20 { let i = rng.int(0...(buildings.count - 1)); if fits(i) { return i } }
        return buildings.indices.first(where: fits)
    }
}
