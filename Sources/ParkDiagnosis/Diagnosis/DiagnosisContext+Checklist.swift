import ParkInstance
import ParkModel

/// The time-free requirements of SPEC §3.1, 3.3, 3.6 and 3.10 for one project on one site.
extension DiagnosisContext {
    /// The first failed time-free requirement of project `p` on site `s`, or nil when all hold:
    /// kind/use, zone, building load/height/crane, pinned site, policy, connection (the rules
    /// and their order are `SiteRules`'; this phrases them).
    func staticFailure(_ p: Int, on s: Int) -> RequirementFailure? {
        let project = instance.projects[p], site = instance.sites[s]
        guard let failed = SiteRules.firstFailure(project, site, siteIndex: s, includingSpace: false) else { return nil }
        switch failed {
        case .kind:
            let sentence = project.needsLand
                ? "\(site.id) is a building; \(project.id) needs land"
                : "\(site.id) is a plot; \(project.id) needs floor space in \(project.use.withArticle) building"
            return RequirementFailure(requirement: .kind, sentence: sentence)
        case .use:
            let sentence = "\(site.id) is \(site.use.withArticle) building; \(project.id) needs \(project.use.withArticle) building"
            return RequirementFailure(requirement: .use, sentence: sentence)
        case .zone:
            let zones = project.zones ?? []
            let allowed = zones.isEmpty ? "no zone" : "zone " + zones.joined(separator: "/")
            let actual = site.zone.map { "is in zone \($0)" } ?? "has no zone"
            return RequirementFailure(requirement: .zone, sentence: "\(site.id) \(actual); \(project.id) allows \(allowed)")
        case .floorLoad, .clearHeight, .crane:
            let name = failed == .floorLoad ? "floor load" : failed == .clearHeight ? "clear height" : "crane"
            let rating = SiteRules.rating(failed, project, site) ?? (0, 0, "")
            let sentence = "\(site.id) \(name) is \(DiagnosisFormat.amount(rating.available, rating.unit)); \(project.id) needs "
                + DiagnosisFormat.amount(rating.required, rating.unit)
            return RequirementFailure(requirement: .building, sentence: sentence)
        case .pin:
            let pin = project.pinnedSite.map { instance.sites[$0].id.rawValue } ?? "-"
            return RequirementFailure(requirement: .pin, sentence: "\(project.id) is pinned to \(pin), not \(site.id)")
        case .policy:
            return RequirementFailure(requirement: .policy, sentence: policySentence(p))
        case .connection(let kind):
            let sentence = "\(site.id) has no \(kind.rawValue) connection; \(project.id) needs \(needText(project, kind))"
            return RequirementFailure(requirement: .connection, sentence: sentence)
        case .space:
            return nil
        }
    }

    // MARK: - Sentences

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
