import ParkModel
import ParkReports

extension RiskReport {
    /// The terminal summary: the value distribution, each node's worst month, committed
    /// projects at risk of starting late.
    public func text(
        horizon: Horizon, maxRows: Int = 20, language L: ReportLanguage = .en,
        currency: String = "CNY"
    ) -> String {
        func money(_ x: Double) -> String { NumberFormat.money(x, currency: currency, language: L) }
        var lines: [String] = []
        let how =
            exact
            ? L.t("exact, every combination", "精确计算，遍历所有组合")
            : L.t("\(samples) samples, seed \(seed), 95 % intervals", "\(samples) 个样本，种子 \(seed)，95 % 置信区间")
        lines.append(L.t("Lead funnel risk (\(how))", "招商漏斗风险（\(how)）"))
        lines.append(
            L.t("  value       mean ", "  园区价值    均值 ") + money(value.mean)
                + (exact ? "" : " [\(money(value.low)) … \(money(value.high))]")
                + "   P10 \(money(value.p10))  P50 \(money(value.p50))  P90 \(money(value.p90))")
        lines.append(
            L.t("  turned away mean ", "  被拒项目    均值 ") + NumberFormat.compact(turnedAway.mean)
                + "   P10 \(NumberFormat.compact(turnedAway.p10))"
                + "  P50 \(NumberFormat.compact(turnedAway.p50))  P90 \(NumberFormat.compact(turnedAway.p90))"
                + L.t("   (candidates signed: mean ", "   （签约候选项目：均值 ") + NumberFormat.compact(signedCandidates.mean)
                + L.t(")", "）"))
        lines.append("")
        lines.append(contentsOf: nodeLines(horizon: horizon, maxRows: maxRows, language: L))
        let late = committed.filter { $0.onTime.p < 1 }
        if !late.isEmpty {
            lines.append("")
            let rows = late.sorted { $0.onTime.p < $1.onTime.p }.prefix(maxRows).map { item in
                [item.project.rawValue, item.wanted?.description ?? "-", Self.percentText(item.onTime)]
            }
            lines.append(
                contentsOf: Self.table(
                    header: L == .zh ? ["已签约项目", "期望入驻", "按期就绪概率"] : ["committed project", "wanted", "ready on time"],
                    rows: Array(rows)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func nodeLines(horizon: Horizon, maxRows: Int, language L: ReportLanguage) -> [String] {
        let worst = nodes.compactMap { node -> (NodeRisk, Int)? in
            guard let t = node.blocked.indices.max(by: { node.blocked[$0].p < node.blocked[$1].p }),
                node.blocked[t].p > 0
            else { return nil }
            return (node, t)
        }
        guard !worst.isEmpty else {
            return [L.t("No node turns signed demand away or delays it in any sample.", "在所有样本中，没有节点因容量不足拒绝或推迟已签约需求。")]
        }
        let rows = worst.sorted { a, b in
            a.0.blocked[a.1].p != b.0.blocked[b.1].p ? a.0.blocked[a.1].p > b.0.blocked[b.1].p : false
        }.prefix(maxRows).map { node, t in
            let first = node.blocked.firstIndex { $0.p > 0 } ?? t
            return [
                node.node.rawValue, L == .zh ? node.kind.chineseName : node.kind.rawValue,
                horizon.month(ofPeriod: first).description,
                horizon.month(ofPeriod: t).description, Self.percentText(node.blocked[t]),
                NumberFormat.compact(node.expectedMissing[t]) + " " + node.kind.unit,
            ]
        }
        return Self.table(
            header: L == .zh
                ? ["节点", "类别", "首次不足", "最不利月份", "不足概率", "期望缺口"]
                : ["node", "kind", "first short", "worst month", "P(short)", "expected missing"],
            rows: Array(rows))
    }

    static func percentText(_ e: Estimate) -> String {
        e.low == e.high
            ? NumberFormat.percent(e.p)
            : "\(NumberFormat.percent(e.p)) [\(NumberFormat.percent(e.low))–\(NumberFormat.percent(e.high))]"
    }

    public static func table(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { TextWidth.displayWidth($0[c]) }.max() ?? 0 }
        return all.map { row in
            let line =
                "  " + row.enumerated().map { c, cell in TextWidth.pad(cell, to: widths[c]) }.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
