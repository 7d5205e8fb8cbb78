import ParkModel
import ParkPlanning

/// `compare`: base and variants side by side, then what changed per variant — for the terminal,
/// as Markdown (`compare.md`) and as CSV (`compare.csv`).
public struct ComparisonReport: Sendable {
    /// The base plan first, then one plan per variant.
    public var plans: [Plan]
    public var scenarioName: String
    public var labels: ReportLabels
    /// The park's currency: money reads in 万元/亿元 in Chinese when it is CNY.
    public var currency: String

    public init(base: Plan, variants: [Plan], scenarioName: String, language: ReportLanguage, currency: String = "CNY")
    {
        plans = [base] + variants
        self.scenarioName = scenarioName
        labels = ReportLabels(language)
        self.currency = currency
    }

    /// A money amount as the planner reads it (`NumberFormat.money`).
    func money(_ x: Double) -> String { NumberFormat.money(x, currency: currency, language: labels.language) }

    var comparisons: [Comparison] { plans.dropFirst().map { Comparison(base: plans[0], variant: $0) } }

    func column(_ plan: Plan) -> String { plan.variant ?? labels.t("base", "基准") }

    // MARK: - Side by side

    /// Rows of the side-by-side table: a label and one cell per plan.
    public func sideBySide() -> TextTable {
        let L = labels
        let summaries = plans.map(PlanSummary.init)
        func money(_ x: Double?) -> String { x.map { self.money($0) } ?? "-" }
        var rows: [[String]] = [
            [L.t("status", "状态")] + summaries.map { L.status($0.status) },
            [L.t("value", "综合价值")] + summaries.map { money($0.value) },
            [L.t("  tax", "  税收")] + summaries.map { money($0.parts?.tax) },
            [L.t("  investment", "  投资")] + summaries.map { money($0.parts?.investment) },
            [L.t("  jobs", "  就业")] + summaries.map { money($0.parts?.jobs) },
            [L.t("  expansion cost", "  扩容成本")] + summaries.map { money($0.parts.map { -$0.cost }) },
            [L.t("placed", "落地项目")] + summaries.map { String($0.placed) },
            [L.t("left out", "未落地")] + summaries.map { String($0.unplaced) },
        ]
        var expansionIDs: [ExpansionID] = []
        for s in summaries { for e in s.expansions where !expansionIDs.contains(e.id) { expansionIDs.append(e.id) } }
        for id in expansionIDs {
            rows.append(
                [L.t("build ", "建设 ") + id.rawValue]
                    + summaries.map { s in
                        s.expansions.first { $0.id == id }.map { "\($0.start)→\($0.complete)" } ?? "-"
                    })
        }
        var peakKeys: [(NodeID, CapacityKind)] = []
        for s in summaries {
            for p in s.peaks where !peakKeys.contains(where: { $0 == (p.node, p.kind) }) {
                peakKeys.append((p.node, p.kind))
            }
        }
        for (node, kind) in peakKeys {
            rows.append(
                [L.t("peak ", "峰值 ") + "\(node.rawValue) \(L.kind(kind))"]
                    + summaries.map { s in
                        guard let p = s.peaks.first(where: { $0.node == node && $0.kind == kind }) else { return "-" }
                        return (p.share.map(NumberFormat.percent) ?? "-") + " " + p.period.description
                    })
        }
        let header = [""] + plans.map(column)
        return TextTable(header: header, rows: rows, rightAligned: Set(1..<header.count))
    }

    // MARK: - Changes

    /// One line per change of `c`'s variant against the base.
    public func changes(_ c: Comparison) -> [String] {
        let L = labels
        var lines: [String] = []
        if c.base.status != c.variant.status {
            lines.append(L.t("status: ", "状态：") + "\(L.status(c.base.status)) → \(L.status(c.variant.status))")
        }
        if let d = c.valueDelta {
            var text = L.t("value: ", "综合价值：") + (d == 0 ? L.t("unchanged", "不变") : signed(d))
            let parts =
                c.partsDelta.map { p in
                    [
                        (L.t("tax", "税收"), p.tax), (L.t("investment", "投资"), p.investment),
                        (L.t("jobs", "就业"), p.jobs), (L.t("expansion cost", "扩容成本"), -p.cost),
                    ]
                    .filter { $0.1 != 0 }.map { "\($0.0) \(signed($0.1))" }
                } ?? []
            if !parts.isEmpty { text += " (" + parts.joined(separator: ", ") + ")" }
            lines.append(text)
        }
        for m in c.moved { lines.append(L.t("moved: ", "换场地：") + "\(m.project): \(m.from) → \(m.to)") }
        for s in c.shifted {
            lines.append(L.t("start: ", "开工变化：") + "\(s.project): \(s.from) → \(s.to) (\(months(s.months)))")
        }
        for p in c.newlyPlaced {
            lines.append(L.t("newly placed: ", "新落地：") + "\(p.project) " + L.t("on", "于") + " \(p.site) \(p.start)")
        }
        for o in c.leftOut {
            lines.append(L.t("left out: ", "未落地：") + o.project.rawValue + (o.reason.map { " (\($0))" } ?? ""))
        }
        for e in c.newExpansions { lines.append(L.t("new expansion: ", "新增扩容：") + "\(e.id) \(e.start)→\(e.complete)") }
        for e in c.droppedExpansions {
            lines.append(L.t("dropped expansion: ", "取消扩容：") + "\(e.id) (\(e.start)→\(e.complete))")
        }
        for e in c.shiftedExpansions {
            lines.append(
                L.t("expansion moved: ", "扩容调整：") + "\(e.id): \(e.from)→\(e.completeFrom) ⇒ \(e.to)→\(e.completeTo) ("
                    + L.t("start", "开工") + " \(months(e.months)), " + L.t("complete", "建成")
                    + " \(months(e.completeMonths)))")
        }
        if c.isUnchanged { lines.append(L.t("placements and expansions unchanged", "项目落位与扩容均无变化")) }
        return lines
    }

    func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + money(x) }
    func months(_ m: Int) -> String { labels.t("\(m > 0 ? "+" : "")\(m) months", "\(m > 0 ? "+" : "")\(m) 个月") }

    // MARK: - Outputs

    /// The terminal text.
    public func terminal() -> String {
        var out = labels.t("Comparison", "方案比较") + " — " + scenarioName + "\n\n" + sideBySide().render()
        for c in comparisons {
            out +=
                "\n"
                + labels.t(
                    "What changed in \(c.variant.variant ?? "?") against the base:",
                    "\(c.variant.variant ?? "?") 相对基准的变化：") + "\n"
            out += changes(c).map { "  - " + $0 + "\n" }.joined()
        }
        return out
    }

    /// `compare.md`.
    public func markdown() -> String {
        var out = "# " + Markdown.cell(labels.t("Comparison", "方案比较") + " — " + scenarioName) + "\n\n"
        out += sideBySide().markdown()
        for c in comparisons {
            out +=
                "\n## "
                + Markdown.cell(
                    labels.t("\(c.variant.variant ?? "?") against the base", "\(c.variant.variant ?? "?") 相对基准"))
                + "\n\n"
            out += changes(c).map { "- " + $0 + "\n" }.joined()
        }
        return out
    }
}
