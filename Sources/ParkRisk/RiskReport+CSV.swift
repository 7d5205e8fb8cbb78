import Foundation
import ParkModel
import ParkReports

extension RiskReport {
    /// The CSV files of a risk run (UTF-8 with BOM, CRLF), in a fixed order.
    public func csvFiles(horizon: Horizon) -> [(name: String, data: Data)] {
        [
            ("risk_nodes.csv", nodeTable(horizon: horizon).data()),
            ("risk_projects.csv", projectTable().data()),
            ("risk_summary.csv", summaryTable().data()),
        ]
    }

    /// One row per node, kind and month.
    public func nodeTable(horizon: Horizon) -> CSVTable {
        var rows: [[CSVCell]] = []
        for node in nodes {
            for (t, chance) in node.blocked.enumerated() {
                rows.append([
                    .text(node.node.rawValue), .text(node.kind.rawValue), .text(node.kind.unit),
                    .text(horizon.month(ofPeriod: t).description), .number(node.capacity[t]),
                    .number(Self.rounded(chance.p)), .number(Self.rounded(chance.low)),
                    .number(Self.rounded(chance.high)), .number(Self.rounded(node.expectedMissing[t])),
                ])
            }
        }
        return CSVTable(
            header: [
                "node", "kind", "unit", "month", "capacity", "probability_short",
                "ci95_low", "ci95_high", "expected_missing",
            ], rows: rows)
    }

    /// One row per committed project.
    public func projectTable() -> CSVTable {
        CSVTable(
            header: ["project", "wanted_month", "probability_on_time", "ci95_low", "ci95_high"],
            rows: committed.map { item in
                [
                    .text(item.project.rawValue), .optional(item.wanted?.description),
                    .number(Self.rounded(item.onTime.p)), .number(Self.rounded(item.onTime.low)),
                    .number(Self.rounded(item.onTime.high)),
                ]
            })
    }

    /// Value, projects turned away and candidates signed: mean with its interval and percentiles.
    public func summaryTable() -> CSVTable {
        let measures: [(String, Distribution)] = [
            ("value", value), ("signed_projects_turned_away", turnedAway), ("candidates_signed", signedCandidates),
        ]
        return CSVTable(
            header: ["measure", "mean", "ci95_low", "ci95_high", "p10", "p50", "p90", "samples", "seed", "exact"],
            rows: measures.map { name, d in
                [
                    .text(name), .number(Self.rounded(d.mean)), .number(Self.rounded(d.low)),
                    .number(Self.rounded(d.high)), .number(d.p10), .number(d.p50), .number(d.p90),
                    .integer(samples), .text(String(seed)), .text(exact ? "yes" : "no"),
                ]
            })
    }

    /// Figures rounded to 9 significant decimals so that summation noise never reaches a file.
    static func rounded(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        return (x * 1e9).rounded() / 1e9
    }
}
