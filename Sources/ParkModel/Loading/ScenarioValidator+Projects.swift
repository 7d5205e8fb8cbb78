extension ScenarioValidator {
    // MARK: - Projects

    /// The horizon when its months and step are usable for period arithmetic.
    /// A horizon with a problem already reported (e.g. an impossible start month) gives none, so
    /// its placeholder values never cause follow-on errors.
    var validHorizon: Horizon? {
        let h = scenario.horizon
        guard !session.findings.contains(where: { $0.path.hasPrefix("horizon") }) else { return nil }
        return h.months > 0 && h.step > 0 && h.months <= Self.maxHorizonMonths ? h : nil
    }

    mutating func checkProjects() {
        uniqueIDs(scenario.projectList.map(\.id.rawValue), list: "projects")
        for (i, project) in scenario.projectList.enumerated() {
            let path = "projects[\(i)]"
            checkNeed(project, path: path)
            let amounts: [(String, Double?)] = [
                ("floor_load_kn_m2", project.floorLoadKNM2), ("clear_height_m", project.clearHeightM),
                ("crane_t", project.craneT), ("power_mw", project.powerMW), ("water_m3_day", project.waterM3Day),
                ("wastewater_m3_day", project.wastewaterM3Day), ("cod_kg_day", project.codKgDay),
                ("investment", project.investment), ("annual_tax", project.annualTax), ("jobs", project.jobs),
            ]
            for (key, value) in amounts {
                if ["power_mw", "water_m3_day", "wastewater_m3_day", "cod_kg_day"].contains(key) {
                    amount(value, "\(path).\(key)")
                } else {
                    nonNegative(value, "\(path).\(key)")
                }
            }
            nonNegative(project.buildMonths, "\(path).build_months")
            checkWindow(project, path: path)
            checkPin(project, path: path)
        }
    }

    /// Exactly one of `land_m2` / `floor_m2`, not negative.
    private mutating func checkNeed(_ project: Project, path: String) {
        switch (project.landM2, project.floorM2) {
        case (nil, nil):
            fail(path, "project '\(project.id)' needs 'land_m2' (a plot) or 'floor_m2' (space in a standard building)")
        case (.some, .some):
            fail("\(path).floor_m2", "project '\(project.id)' gives both 'land_m2' and 'floor_m2'; give exactly one")
        case (.some(let land), nil):
            amount(land, "\(path).land_m2")
        case (nil, .some(let floor)):
            amount(floor, "\(path).floor_m2")
        }
    }

    /// `latest` not before `earliest`; a pinned `start` inside the window (not checked for existing projects).
    private mutating func checkWindow(_ project: Project, path: String) {
        if let earliest = project.earliest, let latest = project.latest, latest < earliest {
            fail("\(path).latest", "latest \(latest) is before earliest \(earliest)")
        }
        guard project.statusOrDefault != .existing, let start = project.start else { return }
        if let earliest = project.earliest, start < earliest {
            fail("\(path).start", "the pinned start \(start) is before the project's earliest month \(earliest)")
        }
        if let latest = project.latest, start > latest {
            fail("\(path).start", "the pinned start \(start) is after the project's latest month \(latest)")
        } else if let horizon = validHorizon, horizon.availablePeriod(start) >= horizon.periodCount {
            let last = horizon.month(ofPeriod: horizon.periodCount - 1)
            fail("\(path).start", "the pinned start \(start) is after the horizon (its last period begins \(last))")
        }
    }

    /// A pinned site exists and is of the right kind; an existing project has a site that exists already.
    private mutating func checkPin(_ project: Project, path: String) {
        let existing = project.statusOrDefault == .existing
        guard let site = project.site?.rawValue else {
            if existing {
                fail(path, "existing project '\(project.id)' needs 'site': the plot or building it occupies")
            }
            return
        }
        let sitePath = "\(path).site"
        let plot = plots[site]
        let building = buildings[site]
        if plot == nil && building == nil {
            reference(site, in: siteIDs, list: "plots or buildings", path: sitePath)
            return
        }
        if project.landM2 != nil && project.floorM2 == nil && plot == nil {
            fail(sitePath, "project '\(project.id)' needs land (land_m2) but '\(site)' is a building; pin it to a plot")
        } else if project.floorM2 != nil && project.landM2 == nil && building == nil {
            fail(
                sitePath,
                "project '\(project.id)' needs floor space (floor_m2) but '\(site)' is a plot; pin it to a building")
        }
        if existing && (plot?.isPlanned ?? building?.isPlanned ?? false) {
            fail(sitePath, "existing project '\(project.id)' cannot occupy '\(site)', which is planned (not built yet)")
        }
    }
}
