import ParkModel

// MARK: - Plan months (§5) and rules 1–2

extension VerifierContext {
    /// Every month in the plan begins a period of the horizon.
    func checkMonths() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for r in placements where r.start == nil {
            found.append(
                PlanViolation(
                    .report,
                    "\(r.placement.project) starts in \(r.placement.start), "
                        + "which begins no period of the horizon (\(clock.start), every \(clock.step) months, \(clock.count) periods)"
                ))
        }
        for entry in plan.expansions where clock.period(beginning: entry.start) == nil {
            found.append(
                PlanViolation(
                    .report,
                    "expansion \(entry.id) starts in \(entry.start), "
                        + "which begins no period of the horizon"))
        }
        return found
    }

    /// §3.1: known ids, at most once, committed/existing exactly once, pins honoured.
    func checkOnce() -> [PlanViolation] {
        var found: [PlanViolation] = []
        var counts: [ProjectID: Int] = [:]
        for r in placements {
            counts[r.placement.project, default: 0] += 1
            if r.project == nil {
                found.append(PlanViolation(.once, "unknown project \(r.placement.project) is placed"))
            }
        }
        for project in scenario.projectList {
            let count = counts[project.id] ?? 0
            if count > 1 {
                found.append(PlanViolation(.once, "\(project.id) is placed \(count) times"))
            }
            let status = project.statusOrDefault
            if count == 0, status != .candidate, claimsFeasible {
                found.append(PlanViolation(.once, "\(status.rawValue) project \(project.id) is not placed"))
            }
        }
        for r in placements {
            guard let project = r.project else { continue }
            found += pinViolations(r, project)
        }
        return found
    }

    private func pinViolations(_ r: ResolvedPlacement, _ project: Project) -> [PlanViolation] {
        var found: [PlanViolation] = []
        if let pin = project.site, pin != r.placement.site {
            found.append(
                PlanViolation(.once, "\(project.id) is pinned to site \(pin) but placed on \(r.placement.site)"))
        }
        let isExisting = project.statusOrDefault == .existing
        guard project.start != nil || isExisting, let start = r.start else { return found }
        let pinned = clock.availableFrom(project.start)
        if start != pinned {
            let what =
                project.start.map { "pinned to start \($0) (period \(clock.month(pinned)))" }
                ?? "existing without start (fixed at period \(clock.month(0)))"
            found.append(PlanViolation(.once, "\(project.id) is \(what) but starts in \(clock.month(start))"))
        }
        return found
    }

    /// §3.2: the start period lies in the window (not for existing projects).
    func checkWindows() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for (_, project, start) in validPlacements where project.statusOrDefault != .existing {
            guard let window = clock.window(earliest: project.earliest, latest: project.latest) else {
                found.append(
                    PlanViolation(
                        .window,
                        "\(project.id) has no period of its window within the horizon "
                            + "but starts in \(clock.month(start))"))
                continue
            }
            if !window.contains(start) {
                found.append(
                    PlanViolation(
                        .window,
                        "\(project.id) starts in \(clock.month(start)), outside its window "
                            + "\(clock.month(window.lowerBound))…\(clock.month(window.upperBound))"))
            }
        }
        return found
    }
}

// MARK: - Rules 3–4

extension VerifierContext {
    /// §3.3: land on a plot of an allowed zone; floor in a building of the same use meeting every requirement.
    func checkSiteKinds() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for r in placements {
            guard let project = r.project else { continue }
            guard let site = r.site else {
                found.append(PlanViolation(.kindOfSite, "\(project.id) is placed on unknown site \(r.placement.site)"))
                continue
            }
            found += kindViolations(project, site)
        }
        return found
    }

    private func kindViolations(_ project: Project, _ site: VerifierSite) -> [PlanViolation] {
        let id = project.id
        switch site {
        case .plot(let plot):
            if project.landM2 == nil {
                return [PlanViolation(.kindOfSite, "\(id) needs floor space but is placed on plot \(plot.id)")]
            }
            if let zones = project.zones, !zones.contains(where: { $0 == plot.zone }) {
                let zone = plot.zone ?? "(none)"
                return [
                    PlanViolation(
                        .kindOfSite,
                        "\(id) allows zones [\(zones.joined(separator: ", "))] "
                            + "but plot \(plot.id) is zone \(zone)")
                ]
            }
            return []
        case .building(let building):
            if project.landM2 != nil || project.floorM2 == nil {
                return [PlanViolation(.kindOfSite, "\(id) needs land but is placed in building \(building.id)")]
            }
            var found: [PlanViolation] = []
            if project.useOrDefault != building.useOrDefault {
                found.append(
                    PlanViolation(
                        .kindOfSite,
                        "\(id) needs a \(project.useOrDefault.rawValue) building "
                            + "but \(building.id) is \(building.useOrDefault.rawValue)"))
            }
            let needs: [(String, Double?, Double?, String)] = [
                ("floor load", project.floorLoadKNM2, building.floorLoadKNM2, "kN/m²"),
                ("clear height", project.clearHeightM, building.clearHeightM, "m"),
                ("crane", project.craneT, building.craneT, "t"),
            ]
            for (name, need, has, unit) in needs {
                guard let need, need > (has ?? 0) else { continue }
                found.append(
                    PlanViolation(
                        .kindOfSite,
                        "\(id) needs \(name) \(verifierNumber(need)) \(unit) "
                            + "but \(building.id) has \(verifierNumber(has ?? 0)) \(unit)"))
            }
            return found
        }
    }

    /// §3.4: land per plot ≤ area; units per building ≤ units.
    func checkSpace() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for plot in scenario.plotList {
            let land = placements.filter { r in
                if case .plot(let p)? = r.site { return p.id == plot.id } else { return false }
            }.reduce(0.0) { $0 + ($1.project?.landM2 ?? 0) }
            if !VerifierTolerance.within(land, plot.areaM2) {
                found.append(
                    PlanViolation(
                        .space,
                        "plot \(plot.id) holds \(verifierNumber(land)) m² "
                            + "> \(verifierNumber(plot.areaM2)) m²"))
            }
        }
        for building in scenario.buildingList {
            let units = placements.filter { r in
                if case .building(let b)? = r.site { return b.id == building.id } else { return false }
            }.reduce(0) {
                $0 + VerifierContext.units(floorM2: $1.project?.floorM2 ?? 0, unitAreaM2: building.unitAreaM2)
            }
            if units > building.units {
                found.append(
                    PlanViolation(.space, "building \(building.id) lets \(units) units > \(building.units) units"))
            }
        }
        return found
    }
}

// MARK: - Rules 5–6 and 10

extension VerifierContext {
    /// The period a site is ready from; nil when it is a planned site no built expansion builds.
    func readyPeriod(of site: VerifierSite) -> Int? {
        let own = clock.availableFrom(site.ready)
        guard site.isPlanned else { return own }
        let completions = built.compactMap { r -> Int? in
            let adds = r.expansion.adds
            let builds: Bool
            switch site {
            case .plot(let p): builds = adds.plot == p.id
            case .building(let b): builds = adds.building == b.id
            }
            return builds ? r.completion : nil
        }
        guard let first = completions.min() else { return nil }
        return site.ready == nil ? first : max(first, own)
    }

    /// §3.5: the start period is no earlier than the site's ready period.
    func checkSiteReady() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for (r, project, start) in validPlacements {
            guard let site = r.site else { continue }
            guard let ready = readyPeriod(of: site) else {
                found.append(
                    PlanViolation(
                        .siteReady,
                        "\(project.id) is placed on planned site \(site.id), "
                            + "which no built expansion builds"))
                continue
            }
            if start < ready {
                found.append(
                    PlanViolation(
                        .siteReady,
                        "\(project.id) starts in \(clock.month(start)) "
                            + "but site \(site.id) is ready only from \(clock.month(ready))"))
            }
        }
        return found
    }

    /// §3.6: a positive demand needs a connection of that kind.
    func checkConnections() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for r in placements {
            guard let project = r.project, let site = r.site else { continue }
            let needs: [(String, Bool, NodeID?)] = [
                ("power", project.power > 0, site.power),
                ("water", project.waterDemand > 0, site.water),
                ("sewage", project.wastewater > 0 || project.cod > 0, site.sewage),
            ]
            for (kind, demands, node) in needs where demands && node == nil {
                found.append(
                    PlanViolation(
                        .connected, "\(project.id) needs \(kind) but site \(site.id) has no \(kind) connection"))
            }
        }
        return found
    }

    /// §3.10: with `enforce`, land projects (not existing) meet both indicators.
    func checkPolicy() -> [PlanViolation] {
        guard let policy = scenario.policy, policy.isEnforced else { return [] }
        var found: [PlanViolation] = []
        for r in placements {
            guard let project = r.project, project.statusOrDefault != .existing,
                let land = project.landM2, land > 0
            else { continue }
            let mu = land / (2000.0 / 3.0)
            let intensity = project.investmentOrZero / 10_000 / mu
            let taxPerMu = project.annualTaxOrZero / 10_000 / mu
            if let minimum = policy.minInvestmentIntensity, intensity < minimum * (1 - 1e-9) {
                found.append(
                    PlanViolation(
                        .policy,
                        "\(project.id) invests \(verifierNumber(intensity)) 万元/亩 "
                            + "< \(verifierNumber(minimum)) 万元/亩"))
            }
            if let minimum = policy.minTaxPerMu, taxPerMu < minimum * (1 - 1e-9) {
                found.append(
                    PlanViolation(
                        .policy,
                        "\(project.id) pays \(verifierNumber(taxPerMu)) 万元/亩 tax "
                            + "< \(verifierNumber(minimum)) 万元/亩"))
            }
        }
        return found
    }
}
