import ParkModel

extension SweepHTMLReport {
    // MARK: - Heat map (two parameters)

    /// Rows are the first axis's values, columns the second's; each cell is shaded by its value
    /// (light = low, dark = high) and holds the number. Cells without a plan are hatched and name
    /// their status; each cell's title is the point's hover text.
    static func heatMap(_ r: SweepReport, _ L: ReportLabels) -> String {
        let (rows, columns) = (r.axes[0], r.axes[1])
        let byNumber = Dictionary(r.points.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let values = r.points.filter(\.hasValue).compactMap(\.value)
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        let scale = MoneyScale(maxAbs: max(abs(lo), abs(hi)), currency: r.currency, language: L.language)
        let decimals = cellDecimals(spread: (hi - lo) / scale.divisor)
        var html =
            "<p class=\"note\">" + HTML.escape(L.t("Value of each point in ", "各点综合价值，单位：") + scale.unit)
            + HTML.escape(L.t("; darker is higher. ", "；颜色越深数值越高。")) + "<span class=\"ramp\"><span>"
            + HTML.escape(cell(lo, scale, decimals)) + "</span><i></i><span>"
            + HTML.escape(cell(hi, scale, decimals)) + "</span></span></p>\n"
        html += "<div class=\"heat-wrap\"><table class=\"heat\"><thead><tr><th class=\"corner\">"
        html += HTML.escape(rows.path) + " ↓ &#160; " + HTML.escape(columns.path) + " →</th>"
        html += columns.values.map { "<th class=\"num\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for (i, rowValue) in rows.values.enumerated() {
            html += "<tr><th class=\"num\">\(HTML.escape(rowValue))</th>"
            for j in columns.values.indices {
                guard let p = byNumber[i * columns.values.count + j + 1] else {
                    html += "<td class=\"cell absent\">·</td>"
                    continue
                }
                let tip = HTML.escape(tooltip(p, r, L))
                guard p.hasValue, let v = p.value else {
                    html +=
                        "<td class=\"cell none\" title=\"\(tip)\">\(HTML.escape(SweepReport.status(p.status, L)))</td>"
                    continue
                }
                let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
                html +=
                    "<td class=\"cell\(t > 0.55 ? " dark" : "")\" style=\"background:\(shade(t))\" title=\"\(tip)\">"
                    + HTML.escape(cell(v, scale, decimals)) + "</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// Decimals that tell the cells apart: about three significant digits of the spread.
    static func cellDecimals(spread: Double) -> Int {
        guard spread > 0, spread.isFinite else { return 0 }
        var decimals = 0
        var s = spread
        while s < 100, decimals < 3 {
            s *= 10
            decimals += 1
        }
        return decimals
    }

    /// A cell's number in the scale's unit, every cell with the same decimals.
    static func cell(_ x: Double, _ scale: MoneyScale, _ decimals: Int) -> String {
        NumberFormat.grouped(x / scale.divisor, decimals: decimals)
    }

    /// A colour between #eef3f9 (t = 0) and #1d3557 (t = 1), as `#rrggbb`.
    static func shade(_ t: Double) -> String {
        let from = [0xEE, 0xF3, 0xF9], to = [0x1D, 0x35, 0x57]
        let u = min(max(t, 0), 1)
        let digits = Array("0123456789abcdef")
        return "#"
            + zip(from, to).map { a, b in
                let c = Int((Double(a) + (Double(b) - Double(a)) * u).rounded())
                return String([digits[c / 16], digits[c % 16]])
            }.joined()
    }

    // MARK: - Points table

    /// Every point: parameter values, status, value, gap, placements, expansions (or why there
    /// is no plan) and the marginal value per unit along each axis; rows without a plan marked.
    static func pointsTable(_ r: SweepReport, _ L: ReportLabels) -> String {
        let cur = r.currency
        var header = r.axes.map(\.path)
        header += [
            L.t("status", "状态"), L.t("value (\(cur))", "综合价值（\(cur == "CNY" ? "元" : cur)）"),
            L.t("gap", "差距"), L.t("placed", "落位"), L.t("left out", "未落位"),
            L.t("expansions / note", "扩容 / 说明"),
        ]
        header += r.axes.map { a in
            let per = SweepReport.perUnit(a.path, currency: cur, L)
            return L.t("Δ value \(per)", "边际价值（\(per)）") + (r.axes.count > 1 ? " · " + a.path : "")
        }
        // Axis values, value, gap, placed, left out and the marginals are numbers.
        let k = r.axes.count
        let numeric = Set(0..<k).union((k + 1)...(k + 4)).union((k + 6)..<(2 * k + 6))
        var html =
            "<table class=\"points\"><thead><tr>"
            + header.enumerated().map { i, h in
                "<th\(numeric.contains(i) ? " class=\"num\"" : "")>\(HTML.escape(h))</th>"
            }.joined() + "</tr></thead><tbody>\n"
        for p in r.points {
            var cells = p.values
            cells.append(SweepReport.status(p.status, L))
            cells.append(p.value.map { NumberFormat.grouped($0) } ?? "—")
            cells.append(p.hasValue ? gapText(p) : "")
            cells.append(p.hasValue ? String(p.placements) : "")
            cells.append(p.hasValue ? String(p.unplaced) : "")
            cells.append(p.hasValue ? p.expansions.joined(separator: " ") : (p.message ?? ""))
            cells += r.axes.indices.map { i in
                (i < p.marginals.count ? p.marginals[i] : nil).map(NumberFormat.amount) ?? ""
            }
            html +=
                "<tr\(p.hasValue ? "" : " class=\"none\"")>"
                + cells.enumerated().map { i, c in
                    if i == k + 5, p.hasValue {
                        // One expansion never breaks inside (ids and months hold hyphens).
                        return "<td class=\"note\">"
                            + p.expansions.map { "<span>\(HTML.escape($0))</span>" }.joined(separator: " ") + "</td>"
                    }
                    let cls = numeric.contains(i) ? "num" : (i == k ? "st" : (i == k + 5 ? "note" : ""))
                    return "<td\(cls.isEmpty ? "" : " class=\"\(cls)\"")>\(HTML.escape(c))</td>"
                }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    // MARK: - Style

    /// What sweep.html adds to the shared report style.
    static let css = """
        path.sweep-line { fill: none; stroke: #1d3557; stroke-width: 2; }
        circle.pt { fill: #1d3557; stroke: #fff; stroke-width: 1.5; }
        circle.pt.approx { fill: #fff; stroke: #e07b24; stroke-width: 2.5; }
        circle.pt:hover { stroke: #e07b24; stroke-width: 3; }
        .nopt path { fill: none; stroke: #d64545; stroke-width: 2.6; } .nopt .hit { fill: transparent; }
        .nopt:hover path { stroke-width: 4; }
        rect.mbar { fill: #2f6db5; } rect.mbar.neg { fill: #d64545; } rect.mbar:hover { fill-opacity: .75; }
        line.zero { stroke: #3e4c59; stroke-width: 1.2; }
        text.axis-title { font-size: 12px; font-weight: 600; fill: #3e4c59; }
        text.bar-label { font-size: 10.5px; fill: #3e4c59; }
        i.sw.pt { width: 11px; height: 11px; border-radius: 50%; border: 0; background: #1d3557; }
        i.sw.approx { width: 11px; height: 11px; border-radius: 50%; border: 2.5px solid #e07b24; background: #fff; }
        i.sw.nopt { width: 12px; height: 12px; border: 0;
          background: linear-gradient(45deg, transparent 40%, #d64545 40% 60%, transparent 60%),
                      linear-gradient(-45deg, transparent 40%, #d64545 40% 60%, transparent 60%); }
        i.sw.mbar { background: #2f6db5; } i.sw.mbar.neg { background: #d64545; }
        .heat-wrap { overflow-x: auto; }
        table.heat { width: auto; border-collapse: separate; border-spacing: 2px; }
        table.heat th { background: #f0f4f8; white-space: nowrap; } table.heat th.corner { font-weight: 600; }
        table.heat th.num { text-align: right; }
        table.heat td.cell { min-width: 78px; padding: 6px 8px; text-align: right; white-space: nowrap;
          border: 0; font-variant-numeric: tabular-nums; }
        table.heat td.cell.dark { color: #fff; }
        table.heat td.cell.none { color: #a61b1b; font-weight: 600; text-align: center;
          background: repeating-linear-gradient(45deg, #fff 0 4px, #f8d7d4 4px 7px); }
        table.heat td.cell.absent { color: #9aa5b1; text-align: center; }
        .ramp { display: inline-flex; align-items: center; gap: 6px; margin-left: 8px; font-size: 12.5px; }
        .ramp i { display: inline-block; width: 120px; height: 12px; background: linear-gradient(90deg, #eef3f9, #1d3557); }
        table.points tr.none td { background: #fff4f3; }
        table.points th { overflow-wrap: normal; word-break: keep-all; } table.points td.st { white-space: nowrap; }
        table.points td.note { min-width: 300px; } table.points td.note span { white-space: nowrap; }
        th.num { text-align: right; }

        """
}
