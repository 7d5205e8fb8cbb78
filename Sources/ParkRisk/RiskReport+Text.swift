import ParkModel
import ParkReports

extension RiskReport {
    /// The terminal summary: the value distribution, each node's worst month, committed
    /// projects at risk of starting late.
    public func text(horizon: Horizon, maxRows: Int = 20) -> String {
        var lines: [String] = []
        let how = exact ? "exact, every combination" : "\(samples) samples, seed \(seed), 95 % intervals"
        lines.append("Lead funnel risk (\(how))")
        lines.append(
            "  value       mean \(NumberFormat.amount(value.mean))"
                + (exact ? "" : " [\(NumberFormat.amount(value.low)) … \(NumberFormat.amount(value.high))]")
                + "   P10 \(NumberFormat.amount(value.p10))  P50 \(NumberFormat.amount(value.p50))"
                + "  P90 \(NumberFormat.amount(value.p90))")
        lines.append(
            "  turned away mean \(NumberFormat.compact(turnedAway.mean))   P10 \(NumberFormat.compact(turnedAway.p10))"
                + "  P50 \(NumberFormat.compact(turnedAway.p50))  P90 \(NumberFormat.compact(turnedAway.p90))"
                + "   (candidates signed: mean \(NumberFormat.compact(signedCandidates.mean)))")
        lines.append("")
        lines.append(contentsOf: nodeLines(horizon: horizon, maxRows: maxRows))
        let late = committed.filter { $0.onTime.p < 1 }
        if !late.isEmpty {
            lines.append("")
            let rows = late.sorted { $0.onTime.p < $1.onTime.p }.prefix(maxRows).map { item in
                [item.project.rawValue, item.wanted?.description ?? "-", Self.percentText(item.onTime)]
            }
            lines.append(
                contentsOf: Self.table(header: ["committed project", "wanted", "ready on time"], rows: Array(rows)))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func nodeLines(horizon: Horizon, maxRows: Int) -> [String] {
        let worst = nodes.compactMap { node -> (NodeRisk, Int)? in
            guard let t = node.blocked.indices.max(by: { node.blocked[$0].p < node.blocked[$1].p }),
                node.blocked[t].p > 0
            else { return nil }
            return (node, t)
        }
        guard !worst.isEmpty else { return ["No node turns signed demand away or delays it in any sample."] }
        let rows = worst.sorted { a, b in
            a.0.blocked[a.1].p != b.0.blocked[b.1].p ? a.0.blocked[a.1].p > b.0.blocked[b.1].p : false
        }.prefix(maxRows).map { node, t in
            let first = node.blocked.firstIndex { $0.p > 0 } ?? t
            return [
                node.node.rawValue, node.kind.rawValue, horizon.month(ofPeriod: first).description,
                horizon.month(ofPeriod: t).description, Self.percentText(node.blocked[t]),
                NumberFormat.compact(node.expectedMissing[t]) + " " + node.kind.unit,
            ]
        }
        return Self.table(
            header: ["node", "kind", "first short", "worst month", "P(short)", "expected missing"],
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
