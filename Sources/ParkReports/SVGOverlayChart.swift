import ParkModel
import ParkPlanning

/// Several plans' demand (solid) and usable capacity (dashed) of one node and kind, one colour
/// per plan (compare.html). Months are those of the first plan that has the node.
enum SVGOverlayChart {
    static func render(_ lines: [ReportSeries?], node: NodeID, kind: CapacityKind) -> String {
        let W = SVGUtilityChart.width, H = SVGUtilityChart.height
        let left = SVGUtilityChart.left, right = SVGUtilityChart.right, top = SVGUtilityChart.top,
            bottom = SVGUtilityChart.bottom
        guard let months = lines.compactMap({ $0 }).first?.months, !months.isEmpty else { return "" }
        let n = months.count
        let plotW = W - left - right, plotH = H - top - bottom
        let peak = lines.compactMap { $0 }.map { max($0.used.max() ?? 0, $0.capacity.max() ?? 0) }.max() ?? 0
        let (tickStep, yMax) = SVGUtilityChart.niceScale(max(peak, 1e-9) * 1.08)
        let slot = plotW / Double(n)
        func x(_ i: Int) -> Double { left + Double(i) * slot }
        func y(_ v: Double) -> Double { top + plotH - min(max(v, 0), yMax) / yMax * plotH }
        let index = Dictionary(months.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var svg =
            "<svg class=\"chart utility overlay\" role=\"img\" viewBox=\"0 0 \(HTML.n(W)) \(HTML.n(H))\" width=\"100%\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" data-node=\"\(HTML.escape(node.rawValue))\" data-kind=\"\(kind.rawValue)\">\n"
        svg += SVGUtilityChart.yGrid(tickStep: tickStep, yMax: yMax, right: W - right, unit: kind.unit, y)
        for (p, series) in lines.enumerated() {
            guard let s = series else { continue }
            var used = "", cap = ""
            for (k, m) in s.months.enumerated() {
                guard let i = index[m] else { continue }
                let cmd = used.isEmpty ? "M" : " L"
                used += "\(cmd)\(HTML.n(x(i))),\(HTML.n(y(s.used[k]))) L\(HTML.n(x(i + 1))),\(HTML.n(y(s.used[k])))"
                cap +=
                    "\(cmd)\(HTML.n(x(i))),\(HTML.n(y(s.capacity[k]))) L\(HTML.n(x(i + 1))),\(HTML.n(y(s.capacity[k])))"
            }
            svg +=
                "<path class=\"cap-line plan-\(p % 6)\" d=\"\(cap)\"/>\n<path class=\"used-line demand-line plan-\(p % 6)\" d=\"\(used)\"/>\n"
        }
        let every = max(1, Int((Double(n) / 8).rounded(.up)))
        for i in stride(from: 0, to: n, by: every) {
            svg +=
                "<text class=\"axis\" x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(top + plotH + 16))\" text-anchor=\"middle\">\(months[i])</text>"
        }
        svg +=
            "<line class=\"frame\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(W - right))\" y1=\"\(HTML.n(top + plotH))\" y2=\"\(HTML.n(top + plotH))\"/>\n"
        return svg + "</svg>\n"
    }
}
