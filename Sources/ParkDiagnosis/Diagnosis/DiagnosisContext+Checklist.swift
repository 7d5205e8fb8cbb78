import ParkInstance
import ParkModel

/// The time-free requirements of contract §3.1, 3.3, 3.6 and 3.10 for one project on one site.
extension DiagnosisContext {
    /// The first failed time-free requirement of project `p` on site `s`, or nil when all hold:
    /// kind/use, zone, building load/height/crane, pinned site, policy, connection (the rules
    /// and their order are `SiteRules`'; this phrases them).
    func staticFailure(_ p: Int, on s: Int) -> RequirementFailure? {
        let project = instance.projects[p], site = instance.sites[s]
        guard let failed = SiteRules.firstFailure(project, site, siteIndex: s, includingSpace: false),
            let requirement = Self.rank(of: failed)
        else { return nil }
        let sentence: String
        switch failed {
        case .kind:
            sentence =
                project.needsLand
                ? say("\(site.id) is a building; \(project.id) needs land", "\(site.id) 是厂房；\(project.id) 需要用地")
                : say(
                    "\(site.id) is a plot; \(project.id) needs floor space in \(project.use.withArticle) building",
                    "\(site.id) 是地块；\(project.id) 需要\(project.use.chinese)的楼面")
        case .use:
            sentence = say(
                "\(site.id) is \(site.use.withArticle) building; \(project.id) needs \(project.use.withArticle) building",
                "\(site.id) 是\(site.use.chinese)；\(project.id) 需要\(project.use.chinese)")
        case .zone:
            let zones = project.zones ?? []
            let allowed = zones.isEmpty ? say("no zone", "无功能区") : say("zone ", "功能区 ") + zones.joined(separator: "/")
            let actual = site.zone.map { say("is in zone \($0)", "位于功能区 \($0)") } ?? say("has no zone", "没有功能区")
            sentence = say(
                "\(site.id) \(actual); \(project.id) allows \(allowed)",
                "\(site.id) \(actual)；\(project.id) 只接受\(allowed)")
        case .floorLoad, .clearHeight, .crane:
            let name =
                failed == .floorLoad
                ? say("floor load", "楼面荷载")
                : failed == .clearHeight ? say("clear height", "净高") : say("crane", "吊车")
            let rating = SiteRules.rating(failed, project, site) ?? (0, 0, "")
            let has = DiagnosisFormat.amount(rating.available, rating.unit)
            let needs = DiagnosisFormat.amount(rating.required, rating.unit)
            sentence = say(
                "\(site.id) \(name) is \(has); \(project.id) needs \(needs)",
                "\(site.id) \(name)为 \(has)；\(project.id) 需要 \(needs)")
        case .pin:
            let pin = project.pinnedSite.map { instance.sites[$0].id.rawValue } ?? "-"
            sentence = say(
                "\(project.id) is pinned to \(pin), not \(site.id)",
                "\(project.id) 已指定落位于 \(pin)，而非 \(site.id)")
        case .policy:
            sentence = policySentence(p)
        case .connection(let kind):
            sentence = say(
                "\(site.id) has no \(kind.rawValue) connection; \(project.id) needs \(needText(project, kind))",
                "\(site.id) 没有\(kind.chineseName)接入；\(project.id) 需要 \(needText(project, kind))")
        case .space:
            return nil  // ranked nil above: checked with the plan's load
        }
        return RequirementFailure(requirement: requirement, sentence: sentence)
    }

    /// Where a failed site rule stands on the checklist (the requirement `staticFailure` tells,
    /// and what `UnplacedReasons` skips sites by; nil for space, checked with the plan's load).
    static func rank(of failed: SiteRequirement) -> ReasonRank? {
        switch failed {
        case .kind: .kind
        case .use: .use
        case .zone: .zone
        case .floorLoad, .clearHeight, .crane: .building
        case .pin: .pin
        case .policy: .policy
        case .connection: .connection
        case .space: nil
        }
    }

    // MARK: - Sentences

    private func needText(_ project: ProjectInfo, _ kind: UtilityKind) -> String {
        switch kind {
        case .power: amount(project.powerMW, "MW")
        case .water: amount(project.waterM3Day, "m³/day") + say(" of water", "供水")
        case .sewage:
            project.wastewaterM3Day > 0
                ? amount(project.wastewaterM3Day, "m³/day") + say(" of sewage treatment", "污水处理")
                : amount(project.codKgDay, "kg/day") + say(" of COD treatment", " COD 处理")
        }
    }

    /// "p is below the land-use policy: investment intensity 250 万元/亩 < 300 (policy.enforce is true)".
    func policySentence(_ p: Int) -> String {
        let id = instance.projects[p].id
        let scenario = instance.scenario
        guard p < scenario.projectList.count, let policy = scenario.policy,
            let land = scenario.projectList[p].landM2, land > 0
        else {
            return say(
                "\(id) is ineligible under the land-use policy (policy.enforce is true)",
                "\(id) 不符合工业用地控制指标（policy.enforce 为 true）")
        }
        let source = scenario.projectList[p]
        let mu = land / squareMetresPerMu
        var parts: [String] = []
        let intensity = source.investmentOrZero / 10_000 / mu
        if let minimum = policy.minInvestmentIntensity, intensity < minimum {
            parts.append(
                say("investment intensity", "投资强度")
                    + " \(DiagnosisFormat.number(intensity)) 万元/亩 < \(DiagnosisFormat.number(minimum))")
        }
        let tax = source.annualTaxOrZero / 10_000 / mu
        if let minimum = policy.minTaxPerMu, tax < minimum {
            parts.append(
                say("tax \(DiagnosisFormat.number(tax)) 万元/亩/year", "亩均税收 \(DiagnosisFormat.number(tax)) 万元/亩/年")
                    + " < \(DiagnosisFormat.number(minimum))")
        }
        let detail = parts.isEmpty ? "" : say(": ", "：") + parts.joined(separator: say(", ", "，"))
        return say(
            "\(id) is below the land-use policy\(detail) (policy.enforce is true)",
            "\(id) 低于工业用地控制指标\(detail)（policy.enforce 为 true）")
    }
}

extension BuildingUse {
    /// "a factory", "an office".
    var withArticle: String { self == .office ? "an office" : "a factory" }
    /// 厂房 / 办公楼.
    var chinese: String { self == .office ? "办公楼" : "厂房" }
}
