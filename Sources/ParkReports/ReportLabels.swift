import ParkDiagnosis
import ParkModel
import ParkPlanning

/// Labels of reports in one language. Ids and names always appear as written.
public struct ReportLabels: Sendable {
    public let language: ReportLanguage
    public init(_ language: ReportLanguage) { self.language = language }

    /// The English or the Chinese text.
    public func t(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    public func status(_ s: PlanStatus) -> String {
        switch s {
        case .optimal: t("optimal", "最优")
        case .feasible: t("feasible", "可行")
        case .infeasible: t("infeasible", "不可行")
        case .noSolution: t("no solution", "无解")
        }
    }

    public func projectStatus(_ s: ProjectStatus) -> String {
        switch s {
        case .existing: t("existing", "已入驻")
        case .committed: t("committed", "已签约")
        case .candidate: t("candidate", "储备")
        }
    }

    public func kind(_ k: CapacityKind) -> String {
        switch k {
        case .power: t("power", "电力")
        case .water: t("water", "供水")
        case .sewage: t("sewage", "污水")
        case .cod: t("COD", "COD")
        }
    }

    public func utility(_ k: UtilityKind) -> String {
        switch k {
        case .power: t("power", "电力")
        case .water: t("water", "供水")
        case .sewage: t("sewage", "污水")
        }
    }

    /// Name of a checklist item.
    public func item(_ k: ReadinessItemKind) -> String {
        switch k {
        case .siteKind: t("site type", "场地类型")
        case .siteReady: t("site ready", "场地就绪")
        case .siteBuilt: t("site built", "场地建成")
        case .zone: t("zone", "用地分区")
        case .use: t("building use", "厂房用途")
        case .floorLoad: t("floor load", "楼面荷载")
        case .clearHeight: t("clear height", "净高")
        case .crane: t("crane", "行车")
        case .area: t("free land", "可用土地")
        case .units: t("free units", "可用单元")
        case .powerConnection: t("power connection", "电力接入")
        case .waterConnection: t("water connection", "供水接入")
        case .sewageConnection: t("sewage connection", "污水接入")
        case .powerHeadroom: t("power headroom", "电力余量")
        case .waterHeadroom: t("water headroom", "供水余量")
        case .sewageHeadroom: t("sewage headroom", "污水余量")
        case .codHeadroom: t("COD headroom", "COD余量")
        case .budget: t("budget", "预算")
        }
    }

    /// What an expansion adds, e.g. `sewage W1 +10,000 m³/day` or `builds B-07`.
    public func adds(_ e: Expansion) -> String {
        let a = e.adds
        if let n = a.power { return "\(kind(.power)) \(n) +\(NumberFormat.amount(a.capacityMW ?? 0)) MW" }
        if let n = a.sewage {
            var text = "\(kind(.sewage)) \(n) +\(NumberFormat.amount(a.capacityM3Day ?? 0)) m³/day"
            if let cod = a.codKgDay, cod > 0 { text += ", COD +\(NumberFormat.amount(cod)) kg/day" }
            return text
        }
        if let n = a.water { return "\(kind(.water)) \(n) +\(NumberFormat.amount(a.capacityM3Day ?? 0)) m³/day" }
        if let s = a.building ?? a.plot { return t("builds \(s)", "建成 \(s)") }
        return ""
    }

    /// A month, or "never" within the horizon.
    public func month(_ m: YearMonth?) -> String { m.map(\.description) ?? t("never", "期内无法满足") }

    public func yesNo(_ b: Bool) -> String { b ? t("yes", "是") : t("no", "否") }
    public func met(_ b: Bool) -> String { b ? t("met", "满足") : t("not met", "不满足") }
}
