import ParkInstance
import ParkModel

/// The time-free requirements of SPEC §3.1, 3.3, 3.6 and 3.10 for one project on one site.
extension DiagnosisContext {
    /// The first failed time-free requirement of project `p` on site `s`, or nil when all hold:
    /// kind/use, zone, building load/height/crane, pinned site, policy, connection.
    func staticFailure(_ p: Int, on s: Int) -> RequirementFailure? {
        let project = instance.projects[p], site = instance.sites[s]
        if let sentence = kindMismatch(project, site) {
            let sameKind = project.needsLand == (site.kind == .plot)
            return RequirementFailure(requirement: sameKind ? .use : .kind, sentence: sentence)
        }
        if let sentence = zoneMismatch(project, site) { return RequirementFailure(requirement: .zone, sentence: sentence) }
        if let sentence = buildingMismatch(project, site) {
            return RequirementFailure(requirement: .building, sentence: sentence)
        }
        if let pin = project.pinnedSite, pin != s {
            let sentence = "\(project.id) is pinned to \(instance.sites[pin].id), not \(site.id)"
            return RequirementFailure(requirement: .pin, sentence: sentence)
        }
        if !project.policyEligible {
            return RequirementFailure(requirement: .policy, sentence: policySentence(p))
        }
        for kind in UtilityKind.allCases where project.needs(kind) && site.node(kind) == nil {
            let sentence = "\(site.id) has no \(kind.rawValue) connection; \(project.id) needs \(needText(project, kind))"
            return RequirementFailure(requirement: .connection, sentence: sentence)
        }
        return nil
    }

    // MARK: - Sentences

    private func kindMismatch(_ project: ProjectInfo, _ site: SiteInfo) -> String? {
        switch (project.needsLand, site.kind) {
        case (true, .plot): return nil
        case (true, .building): return "\(site.id) is a building; \(project.id) needs land"
        case (false, .plot): return "\(site.id) is a plot; \(project.id) needs floor space in \(project.use.withArticle) building"
        case (false, .building):
            guard site.use != project.use else { return nil }
            return "\(site.id) is \(site.use.withArticle) building; \(project.id) needs \(project.use.withArticle) building"
        }
    }

    private func zoneMismatch(_ project: ProjectInfo, _ site: SiteInfo) -> String? {
        guard site.kind == .plot, let zones = project.zones else { return nil }
        if let zone = site.zone, zones.contains(zone) { return nil }
        let allowed = zones.isEmpty ? "no zone" : "zone " + zones.joined(separator: "/")
        let actual = site.zone.map { "is in zone \($0)" } ?? "has no zone"
        return "\(site.id) \(actual); \(project.id) allows \(allowed)"
    }

    private func buildingMismatch(_ project: ProjectInfo, _ site: SiteInfo) -> String? {
        guard site.kind == .building else { return nil }
        let checks: [(String, Double, Double, String)] = [
            ("floor load", site.floorLoadKNM2, project.floorLoadKNM2, "kN/m²"),
            ("clear height", site.clearHeightM, project.clearHeightM, "m"),
            ("crane", site.craneT, project.craneT, "t"),
        ]
        for (name, has, needs, unit) in checks where has < needs {
            return "\(site.id) \(name) is \(DiagnosisFormat.amount(has, unit)); \(project.id) needs "
                + DiagnosisFormat.amount(needs, unit)
        }
        return nil
    }

    private func needText(_ project: ProjectInfo, _ kind: UtilityKind) -> String {
        switch kind {
        case .power: DiagnosisFormat.amount(project.powerMW, "MW")
        case .water: DiagnosisFormat.amount(project.waterM3Day, "m³/day") + " of water"
        case .sewage:
            project.wastewaterM3Day > 0
                ? DiagnosisFormat.amount(project.wastewaterM3Day, "m³/day") + " of sewage treatment"
                : DiagnosisFormat.amount(project.codKgDay, "kg/day") + " of COD treatment"
        }
    }

    /// "p is below the land-use policy: investment intensity 250 万元/亩 < 300 (policy.enforce is true)".
    func policySentence(_ p: Int) -> String {
        let id = instance.projects[p].id
        let scenario = instance.scenario
        guard p < scenario.projectList.count, let policy = scenario.policy,
              let land = scenario.projectList[p].landM2, land > 0
        else { return "\(id) is ineligible under the land-use policy (policy.enforce is true)" }
        let source = scenario.projectList[p]
        let mu = land / squareMetresPerMu
        var parts: [String] = []
        let intensity = source.investmentOrZero / 10_000 / mu
        if let minimum = policy.minInvestmentIntensity, intensity < minimum {
            parts.append("investment intensity \(DiagnosisFormat.number(intensity)) 万元/亩 < \(DiagnosisFormat.number(minimum))")
        }
        let tax = source.annualTaxOrZero / 10_000 / mu
        if let minimum = policy.minTaxPerMu, tax < minimum {
            parts.append("tax \(DiagnosisFormat.number(tax)) 万元/亩/year < \(DiagnosisFormat.number(minimum))")
        }
        let detail = parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
        return "\(id) is below the land-use policy\(detail) (policy.enforce is true)"
    }
}

extension BuildingUse {
    /// "a factory", "an office".
    var withArticle: String { self == .office ? "an office" : "a factory" }
}
