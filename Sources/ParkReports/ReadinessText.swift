import ParkDiagnosis
import ParkModel
import ParkPlanning

/// Readiness checklists (拎包入驻) as terminal text, Markdown and CSV.
public enum ReadinessText {
    /// Items that do not depend on the month: shown without a "from" month when met.
    static let timeless: Set<ReadinessItemKind> = [
        .siteKind, .zone, .use, .floorLoad, .clearHeight, .crane, .area, .units,
        .powerConnection, .waterConnection, .sewageConnection, .budget,
    ]

    /// One line: ready or not in the wanted month, from when, and what is waited on.
    ///
    /// E.g. `NOT READY on 2022-12: ready from 2023-03 — waiting on sewage headroom at W1 until
    /// 2023-03 (W1-phase2: sewage W1 +10,000 m³/day)`.
    public static func verdict(_ r: ReadinessReport, scenario: Scenario, labels L: ReportLabels) -> String {
        let wanted = r.wantedMonth.description
        if r.readyOnWanted {
            var text = L.t(
                "READY on \(wanted) (all \(r.items.count) items met)", "\(wanted) 可入驻（\(r.items.count) 项全部满足）")
            var relied: [ExpansionID] = []
            for item in r.items { for e in item.waitingOn where !relied.contains(e) { relied.append(e) } }
            if !relied.isEmpty {
                text +=
                    L.t(", provided these are built: ", "，前提是建成：")
                    + relied.map { describe($0, scenario, L) }.joined(separator: ", ")
            }
            return text
        }
        let from =
            r.readyMonth.map { L.t("ready from \($0)", "\($0) 起可入驻") }
            ?? L.t("not ready within the horizon", "规划期内无法入驻")
        let blockers = r.blocking.map { blocker($0, scenario: scenario, labels: L) }.joined(separator: "; ")
        if r.readyMonth == nil {
            return L.t(
                "NOT READY on \(wanted): \(from) — blocked by \(blockers)", "\(wanted) 不能入驻：\(from)——受阻于 \(blockers)")
        }
        return L.t(
            "NOT READY on \(wanted): \(from) — waiting on \(blockers)",
            "\(wanted) 不能入驻：\(from)——等待 \(blockers)")
    }

    /// A blocking item: its name, subject, the month it clears and the expansions it waits on.
    static func blocker(_ item: ReadinessItem, scenario: Scenario, labels L: ReportLabels) -> String {
        var text = L.item(item.kind)
        guard let clears = item.clearsMonth else {
            let why = detail(item, labels: L)
            return text
                + (why.isEmpty
                    ? L.t(" (never within the horizon)", "（期内无法满足）")
                    : L.t(" (never within the horizon: \(why))", "（期内无法满足：\(why)）"))
        }
        if let subject = item.subject, !subject.isEmpty, item.kind != .budget { text += " \(subject)" }
        text += L.t(" until \(clears)", " 至 \(clears)")
        let waits = item.waitingOn.map { describe($0, scenario, L) }
        if !waits.isEmpty { text += " (" + waits.joined(separator: ", ") + ")" }
        return text
    }

    /// `W1-phase2: sewage W1 +10,000 m³/day`.
    static func describe(_ id: ExpansionID, _ scenario: Scenario, _ L: ReportLabels) -> String {
        guard let e = scenario.expansionList.first(where: { $0.id == id }) else { return id.rawValue }
        return "\(id.rawValue): \(L.adds(e))"
    }

    /// What the item compares, e.g. `need 1,200 m³/day, free 800 (W1)`.
    public static func detail(_ item: ReadinessItem, labels L: ReportLabels) -> String {
        var parts: [String] = []
        if let subject = item.subject, !subject.isEmpty {
            parts.append(item.kind == .budget ? L.t("for \(subject)", "用于 \(subject)") : subject)
        }
        let unit = item.unit.isEmpty ? "" : " " + item.unit
        if let required = item.required {
            parts.append(L.t("need", "需要") + " " + NumberFormat.amount(required) + unit)
        }
        if let available = item.available {
            let word = item.kind == .budget ? L.t("budget", "预算") : L.t("have", "可用")
            parts.append(word + " " + NumberFormat.amount(available) + unit)
        }
        if !item.waitingOn.isEmpty, item.kind != .siteBuilt {
            parts.append(L.t("with ", "依赖 ") + item.waitingOn.map(\.rawValue).joined(separator: ", "))
        }
        if let demand = item.demandMonth {
            parts.append(L.t("demand from \(demand)", "用量自 \(demand) 起"))
        }
        return parts.joined(separator: ", ")
    }

    /// The "from" column: the month the item holds from, `-` for met timeless items, or "never".
    static func from(_ item: ReadinessItem, labels L: ReportLabels) -> String {
        if item.met && timeless.contains(item.kind) { return "-" }
        return L.month(item.clearsMonth)
    }

    /// Heading of one report: project, name, status, site and wanted month.
    public static func heading(_ r: ReadinessReport, scenario: Scenario, labels L: ReportLabels) -> String {
        let name = scenario.projectList.first { $0.id == r.project }?.name.map { " " + $0 } ?? ""
        let site = r.site.map { "\($0.rawValue) (\(siteSource(r.siteSource, L)))" } ?? L.t("no site", "无场地")
        return "\(r.project.rawValue)\(name) [\(L.projectStatus(r.status))] "
            + L.t(
                "on \(site), wanted \(r.wantedMonth) (\(wantedSource(r.wantedSource, L)))",
                "场地 \(site)，期望 \(r.wantedMonth)（\(wantedSource(r.wantedSource, L))）")
    }

    static func siteSource(_ s: ReadinessSiteSource, _ L: ReportLabels) -> String {
        switch s {
        case .asked: L.t("asked", "指定")
        case .plan: L.t("plan", "方案")
        case .pinned: L.t("pinned", "约定")
        case .best: L.t("best site", "最早就绪")
        case .none: L.t("none", "无")
        }
    }

    static func wantedSource(_ s: ReadinessWantedSource, _ L: ReportLabels) -> String {
        switch s {
        case .asked: L.t("asked", "指定")
        case .plan: L.t("plan start", "方案开工")
        case .pinned: L.t("pinned start", "约定开工")
        case .earliest: L.t("earliest", "最早")
        }
    }

    /// The checklist of one report as a table.
    public static func table(_ r: ReadinessReport, labels L: ReportLabels) -> TextTable {
        TextTable(
            header: [L.t("item", "检查项"), L.t("met", "满足"), L.t("from", "满足时间"), L.t("detail", "说明")],
            rows: r.items.map { [L.item($0.kind), L.yesNo($0.met), from($0, labels: L), detail($0, labels: L)] })
    }

    /// Every report for the terminal: heading, verdict, checklist; a blank line between reports.
    public static func render(_ reports: [ReadinessReport], scenario: Scenario, language: ReportLanguage) -> String {
        let L = ReportLabels(language)
        return reports.map { r in
            heading(r, scenario: scenario, labels: L) + "\n  " + verdict(r, scenario: scenario, labels: L) + "\n"
                + table(r, labels: L).render(indent: "  ")
        }.joined(separator: "\n")
    }

    /// Every report as Markdown sections.
    public static func markdown(
        _ reports: [ReadinessReport], scenario: Scenario, labels L: ReportLabels,
        headingLevel: Int = 3
    ) -> String {
        let hashes = String(repeating: "#", count: headingLevel)
        return reports.map { r in
            "\(hashes) \(heading(r, scenario: scenario, labels: L))\n\n"
                + "\(verdict(r, scenario: scenario, labels: L))\n\n" + table(r, labels: L).markdown()
        }.joined(separator: "\n")
    }

    /// `readiness.csv`: one row per checklist item (machine-readable codes; numbers as numbers).
    public static func csv(_ reports: [ReadinessReport], scenario: Scenario) -> CSVTable {
        let header = [
            "project", "name", "status", "site", "site_source", "wanted", "ready_on_wanted", "ready_from",
            "item", "met", "from", "required", "available", "unit", "subject", "waiting_on",
        ]
        var rows: [[CSVCell]] = []
        let names = Dictionary(scenario.projectList.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for r in reports {
            let name = names[r.project] ?? nil
            for item in r.items {
                rows.append([
                    .text(r.project.rawValue), .optional(name), .text(r.status.rawValue),
                    .optional(r.site?.rawValue), .text(r.siteSource.rawValue), .text(r.wantedMonth.description),
                    .text(r.readyOnWanted ? "yes" : "no"), .text(r.readyMonth?.description ?? "never"),
                    .text(item.kind.rawValue), .text(item.met ? "yes" : "no"),
                    .text(item.clearsMonth?.description ?? "never"), .optional(item.required),
                    .optional(item.available), .text(item.unit), .optional(item.subject),
                    .text(item.waitingOn.map(\.rawValue).joined(separator: " ")),
                ])
            }
        }
        return CSVTable(header: header, rows: rows)
    }
}
