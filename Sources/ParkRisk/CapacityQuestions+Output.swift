import Foundation
import ParkModel
import ParkReports

extension CapacityQuestions {
    /// The terminal answer: one row per node and kind, the nodes with the fewest places first.
    public func text(horizon: Horizon, maxRows: Int = 30, language L: ReportLanguage = .en) -> String {
        var lines: [String] = []
        let limit = NumberFormat.percent(threshold)
        lines.append(
            L.t(
                "How many more letters of intent can each node take before P(short) passes \(limit)?",
                "各节点还能承接多少个意向项目，不足概率才超过 \(limit)？"))
        lines.append(
            L.t(
                "  (a typical intent: the median demand and start of the node's intent-stage candidates, "
                    + "signing with the funnel's intent chance \(NumberFormat.percent(answers.first?.chance ?? 0.5)), "
                    + "queued behind the scenario's projects)",
                "  （典型意向项目：该节点意向阶段候选项目的需求与入驻月份中位数，按漏斗意向签约概率 "
                    + "\(NumberFormat.percent(answers.first?.chance ?? 0.5)) 签约，排在情景中已有项目之后）"))
        guard !answers.isEmpty else {
            lines.append(L.t("  No candidate draws on any node.", "  没有候选项目使用任何节点。"))
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            contentsOf: RiskReport.table(header: Self.header(L), rows: Array(rows(horizon, L).prefix(maxRows))))
        if answers.contains(where: { !$0.fromIntents }) {
            lines.append(
                L.t(
                    "  * no intent-stage candidate on this node: the median of all its candidates",
                    "  * 该节点没有意向阶段候选项目：取其全部候选项目的中位数"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func header(_ L: ReportLanguage) -> [String] {
        L == .zh
            ? ["节点", "类别", "典型需求", "起用月份", "当前不足概率", "还可承接", "保持在阈值内的扩建"]
            : ["node", "kind", "typical intent", "from", "P(short) now", "can take", "keeps it below"]
    }

    func rows(_ horizon: Horizon, _ L: ReportLanguage) -> [[String]] {
        ordered.map { a in
            [
                a.node.rawValue, L == .zh ? a.kind.chineseName : a.kind.rawValue,
                NumberFormat.compact(a.typicalDemand) + " " + a.kind.unit + (a.fromIntents ? "" : " *"),
                horizon.month(ofPeriod: a.drawPeriod).description,
                RiskReport.percentText(a.now),
                Self.countText(a.absorbable, beyond: a.beyond, language: L),
                remedyText(a, horizon: horizon, language: L),
            ]
        }
    }

    /// The same table for risk.html.
    public func htmlTable(horizon: Horizon, language L: ReportLanguage) -> RiskTable {
        RiskTable(
            heading: L.t(
                "How many more letters of intent each node can take before P(short) passes ",
                "各节点还能承接的意向项目数（不足概率不超过 ") + NumberFormat.percent(threshold) + L.t("", "）"),
            header: Self.header(L), rows: rows(horizon, L), numeric: [4],
            note: (answers.first.map { a in
                L.t(
                    "A typical letter of intent: the median demand and start of the node's intent-stage candidates, "
                        + "signing with the funnel's intent chance \(NumberFormat.percent(a.chance)), queued behind "
                        + "the scenario's projects.",
                    "典型意向项目：该节点意向阶段候选项目的需求与入驻月份中位数，按漏斗意向签约概率 "
                        + "\(NumberFormat.percent(a.chance)) 签约，排在情景中已有项目之后。")
            } ?? "")
                + (answers.contains { !$0.fromIntents }
                    ? L.t(
                        " * no intent-stage candidate on this node: the median of all its candidates.",
                        " * 该节点没有意向阶段候选项目：取其全部候选项目的中位数。") : ""))
    }

    /// Nodes with the fewest places first, then in node order.
    var ordered: [Answer] {
        answers.enumerated().sorted { a, b in
            let (ka, kb) = (Self.sortKey(a.element.absorbable), Self.sortKey(b.element.absorbable))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    private static func sortKey(_ count: Count) -> Int {
        switch count {
        case .none: -1
        case .exactly(let k): k
        case .atLeast(let k): k + 1
        }
    }

    static func countText(_ count: Count, beyond: RiskReport.Estimate?, language L: ReportLanguage) -> String {
        switch count {
        case .none: L.t("none (already above)", "无（已超过阈值）")
        case .exactly(let k):
            "\(k)"
                + (beyond.map { L.t(" (\(k + 1): ", "（第 \(k + 1) 个：") + RiskReport.percentText($0) + L.t(")", "）") }
                    ?? "")
        case .atLeast(let k): L.t("\(k) or more", "\(k) 个以上")
        }
    }

    private func remedyText(_ a: Answer, horizon: Horizon, language L: ReportLanguage) -> String {
        if let remedy = a.remedy {
            let after = Self.countText(remedy.absorbable, beyond: nil, language: L)
            return L.t(
                "\(remedy.expansion.rawValue) started by \(horizon.month(ofPeriod: remedy.startBy)): takes \(after)",
                "\(remedy.expansion.rawValue) 不晚于 \(horizon.month(ofPeriod: remedy.startBy)) 开工：可承接 \(after)")
        }
        guard a.absorbable.next != nil else { return "-" }
        if a.tried > 0 { return L.t("no single expansion is enough", "单项扩建不足以解决") }
        if !a.tooLate.isEmpty {
            let names = a.tooLate.map(\.rawValue).joined(separator: ", ")
            return L.t("none in time (\(names) cannot be ready)", "无法及时（\(names) 来不及建成）")
        }
        return L.t("none left (all planned in time)", "无可用扩建（均已按时纳入规划）")
    }

    /// `risk_capacity.csv`: one row per node and kind that some candidate draws on.
    public func csvTable(horizon: Horizon) -> CSVTable {
        func count(_ c: Count?) -> (CSVCell, CSVCell) {
            switch c {
            case .none?: (.integer(0), .text("already_above"))
            case .exactly(let k)?: (.integer(k), .text("exact"))
            case .atLeast(let k)?: (.integer(k), .text("at_least"))
            case nil: (.text(""), .text(""))
            }
        }
        let rows: [[CSVCell]] = answers.map { a in
            let (more, moreKind) = count(a.absorbable)
            let (after, afterKind) = count(a.remedy?.absorbable)
            return [
                .text(a.node.rawValue), .text(a.kind.rawValue), .text(a.kind.unit),
                .number(RiskReport.rounded(a.typicalDemand)), .text(horizon.month(ofPeriod: a.drawPeriod).description),
                .text(a.fromIntents ? "intent" : "candidate"), .integer(a.peers),
                .number(RiskReport.rounded(a.chance)), .number(threshold),
                .number(RiskReport.rounded(a.now.p)), .number(RiskReport.rounded(a.now.low)),
                .number(RiskReport.rounded(a.now.high)), more, moreKind,
                a.beyond.map { .number(RiskReport.rounded($0.p)) } ?? .text(""),
                .text(a.remedy?.expansion.rawValue ?? ""),
                .text(a.remedy.map { horizon.month(ofPeriod: $0.startBy).description } ?? ""),
                after, afterKind,
                a.remedy.map { .number(RiskReport.rounded($0.probability.p)) } ?? .text(""),
                .text(a.tooLate.map(\.rawValue).joined(separator: " ")),
            ]
        }
        return CSVTable(
            header: [
                "node", "kind", "unit", "typical_demand", "typical_month", "typical_from", "peers",
                "chance", "threshold", "probability_now", "ci95_low", "ci95_high",
                "more_candidates", "more_candidates_kind", "probability_one_more",
                "expansion", "start_by", "more_with_expansion", "more_with_expansion_kind",
                "probability_one_more_with_expansion", "expansions_too_late",
            ], rows: rows)
    }
}
