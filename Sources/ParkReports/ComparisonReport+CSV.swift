import ParkModel
import ParkPlanning

extension ComparisonReport {
    /// `compare.csv`: one row per figure of each plan (`figure` rows), then one row per change of
    /// each variant against the base (`change` rows). Codes in English; numbers are numbers.
    public func csv() -> CSVTable {
        let header = ["plan", "row", "item", "subject", "base", "value", "delta", "unit"]
        var rows: [[CSVCell]] = []
        let base = plans[0]
        for plan in plans {
            let name = CSVCell.text(plan.variant ?? "base")
            let s = PlanSummary(plan)
            rows.append([
                name, .text("figure"), .text("status"), .empty, .text(base.status.rawValue),
                .text(s.status.rawValue), .empty, .empty,
            ])
            let b = PlanSummary(base)
            let numbers: [(String, Double?, Double?)] = [
                ("value", b.value, s.value), ("tax", b.parts?.tax, s.parts?.tax),
                ("investment", b.parts?.investment, s.parts?.investment), ("jobs", b.parts?.jobs, s.parts?.jobs),
                ("cost", b.parts?.cost, s.parts?.cost), ("placed", Double(b.placed), Double(s.placed)),
                ("left_out", Double(b.unplaced), Double(s.unplaced)),
            ]
            for (item, x, y) in numbers {
                let delta: CSVCell = x.flatMap { x in y.map { CSVCell.number($0 - x) } } ?? .empty
                rows.append([
                    name, .text("figure"), .text(item), .empty, .optional(x), .optional(y), delta,
                    .text(item == "placed" || item == "left_out" ? "projects" : "currency"),
                ])
            }
            for e in plan.expansions {
                rows.append([
                    name, .text("figure"), .text("expansion"), .text(e.id.rawValue),
                    .optional(base.expansions.first { $0.id == e.id }?.start.description),
                    .text(e.start.description), .empty, .text("start"),
                ])
            }
            for p in s.peaks {
                let bp = b.peaks.first { $0.node == p.node && $0.kind == p.kind }
                rows.append([
                    name, .text("figure"), .text("peak_" + p.kind.rawValue), .text(p.node.rawValue),
                    .optional(bp?.share.map(rounded)), .optional(p.share.map(rounded)), .empty, .text("share"),
                ])
            }
        }
        for c in comparisons { rows += changeRows(c) }
        return CSVTable(header: header, rows: rows)
    }

    func changeRows(_ c: Comparison) -> [[CSVCell]] {
        let name = CSVCell.text(c.variant.variant ?? "variant")
        func row(
            _ item: String, _ subject: String, _ from: CSVCell, _ to: CSVCell, _ delta: CSVCell = .empty,
            _ unit: String = ""
        ) -> [CSVCell] {
            [name, .text("change"), .text(item), .text(subject), from, to, delta, .text(unit)]
        }
        var rows: [[CSVCell]] = []
        for m in c.moved { rows.append(row("moved", m.project.rawValue, .text(m.from.rawValue), .text(m.to.rawValue))) }
        for s in c.shifted {
            rows.append(
                row(
                    "start", s.project.rawValue, .text(s.from.description), .text(s.to.description),
                    .integer(s.months), "months"))
        }
        for p in c.newlyPlaced {
            rows.append(row("newly_placed", p.project.rawValue, .empty, .text("\(p.site.rawValue) \(p.start)")))
        }
        for o in c.leftOut { rows.append(row("left_out", o.project.rawValue, .empty, .optional(o.reason))) }
        for e in c.newExpansions {
            rows.append(row("new_expansion", e.id.rawValue, .empty, .text(e.start.description)))
        }
        for e in c.droppedExpansions {
            rows.append(row("dropped_expansion", e.id.rawValue, .text(e.start.description), .empty))
        }
        for e in c.shiftedExpansions {
            if e.from != e.to {
                rows.append(
                    row(
                        "expansion_start", e.id.rawValue, .text(e.from.description), .text(e.to.description),
                        .integer(e.months), "months"))
            }
            if e.completeFrom != e.completeTo {
                rows.append(
                    row(
                        "expansion_complete", e.id.rawValue, .text(e.completeFrom.description),
                        .text(e.completeTo.description), .integer(e.completeMonths), "months"))
            }
        }
        return rows
    }

    func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
