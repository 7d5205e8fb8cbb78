import ParkModel
import ParkPlanning

/// One utility chart: demand (area) against usable capacity (step line) by month, the installed
/// capacity before the reserve (dashed, power), expansion completions (vertical lines) and the
/// first months at 80 % and 100 % (marked and named).
enum SVGUtilityChart {
    static let width = 640.0, height = 250.0
    static let left = 58.0, right = 12.0, top = 24.0, bottom = 30.0

    static func render(_ s: ReportSeries, labels L: ReportLabels) -> String {
        let n = s.months.count
        guard n > 0 else { return "" }
        let plotW = width - left - right, plotH = height - top - bottom
        let maxValue = max(s.used.max() ?? 0, s.capacity.max() ?? 0, s.installed?.max() ?? 0, 1e-9)
        let (tickStep, yMax) = niceScale(maxValue * 1.08)
        let slot = plotW / Double(n)
        func x(_ i: Int) -> Double { left + Double(i) * slot }
        func y(_ v: Double) -> Double { top + plotH - min(max(v, 0), yMax) / yMax * plotH }

        var svg =
            "<svg class=\"chart utility\" role=\"img\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\" data-node=\"\(HTML.escape(s.node.rawValue))\" "
            + "data-kind=\"\(s.kind.rawValue)\">\n"
        // Grid and y axis.
        svg += yGrid(tickStep: tickStep, yMax: yMax, right: width - right, unit: s.kind.unit, y)
        // Threshold bands: months at or above 80 % / 100 %.
        for (i, share) in s.shares.enumerated() where share >= 0.8 - 1e-9 {
            svg +=
                "<rect class=\"\(share >= 1 - 1e-9 ? "band-over" : "band-high")\" x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(top))\" "
                + "width=\"\(HTML.n(slot))\" height=\"\(HTML.n(plotH))\"/>"
        }
        // Demand as an area of monthly steps.
        var area = "M\(HTML.n(x(0))),\(HTML.n(y(0)))"
        for i in 0..<n {
            area += " L\(HTML.n(x(i))),\(HTML.n(y(s.used[i]))) L\(HTML.n(x(i + 1))),\(HTML.n(y(s.used[i])))"
        }
        area += " L\(HTML.n(x(n))),\(HTML.n(y(0))) Z"
        svg += "<path class=\"demand\" d=\"\(area)\"><title>\(HTML.escape(L.t("demand", "需求")))</title></path>\n"
        if let installed = s.installed { svg += "<path class=\"installed\" d=\"\(steps(installed, x, y))\"/>\n" }
        svg += "<path class=\"capacity\" d=\"\(steps(s.capacity, x, y))\"/>\n"
        // Expansion completions.
        for (k, c) in s.completions.enumerated() {
            let i = c.month.months(since: s.months[0]) / max(1, stepMonths(s))
            guard i >= 0, i <= n else { continue }
            let cx = x(min(i, n))
            svg +=
                "<line class=\"completion\" x1=\"\(HTML.n(cx))\" x2=\"\(HTML.n(cx))\" y1=\"\(HTML.n(top))\" y2=\"\(HTML.n(top + plotH))\"/>"
            svg +=
                "<text class=\"completion-label\" x=\"\(HTML.n(cx + 3))\" y=\"\(HTML.n(top + 11 + Double(k % 3) * 12))\">"
                + HTML.escape(HTML.fit("▲ " + c.id.rawValue, width: 150, fontSize: 10)) + "</text>\n"
        }
        // Hover titles per month.
        for i in 0..<n {
            let share = s.shares[i]
            let tip =
                "\(s.months[i]): \(NumberFormat.amount(s.used[i])) / \(NumberFormat.amount(s.capacity[i])) \(s.kind.unit)"
                + (share.isFinite ? " (\(NumberFormat.percent(share)))" : "")
            svg +=
                "<rect class=\"hover\" x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(top))\" width=\"\(HTML.n(slot))\" height=\"\(HTML.n(plotH))\"><title>\(HTML.escape(tip))</title></rect>"
        }
        svg += "\n"
        // Threshold markers.
        for (threshold, cls) in [(0.8, "mark-high"), (1.0, "mark-over")] {
            guard let i = s.firstIndex(reaching: threshold) else { continue }
            svg +=
                "<circle class=\"\(cls)\" cx=\"\(HTML.n(x(i) + slot / 2))\" cy=\"\(HTML.n(y(s.used[i])))\" r=\"4.5\"/>"
        }
        // X axis labels: at most about eight.
        svg += monthAxis(s.months, axisY: top + plotH, labelY: top + plotH + 16, right: width - right, x)
        return svg + "</svg>\n"
    }

    /// Horizontal grid lines with their numbers on the left, from 0 to `yMax`, and the unit.
    static func yGrid(tickStep: Double, yMax: Double, right: Double, unit: String, _ y: (Double) -> Double) -> String {
        var svg = ""
        var tick = 0.0
        while tick <= yMax + tickStep * 1e-6 {
            svg +=
                "<line class=\"grid\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(right))\" y1=\"\(HTML.n(y(tick)))\" y2=\"\(HTML.n(y(tick)))\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(HTML.n(left - 5))\" y=\"\(HTML.n(y(tick) + 4))\" text-anchor=\"end\">\(HTML.escape(axisNumber(tick)))</text>\n"
            tick += tickStep
        }
        return svg + "<text class=\"axis\" x=\"4\" y=\"11\">\(HTML.escape(unit))</text>\n"
    }

    /// The month axis: at most about eight labelled ticks at `axisY`, labels at `labelY`, and the
    /// axis line from `left` to `right`.
    static func monthAxis(
        _ months: [YearMonth], axisY: Double, labelY: Double, right: Double, _ x: (Int) -> Double
    ) -> String {
        var svg = ""
        let every = max(1, Int((Double(months.count) / 8).rounded(.up)))
        for i in stride(from: 0, to: months.count, by: every) {
            svg +=
                "<line class=\"tick\" x1=\"\(HTML.n(x(i)))\" x2=\"\(HTML.n(x(i)))\" y1=\"\(HTML.n(axisY))\" y2=\"\(HTML.n(axisY + 4))\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(HTML.n(x(i)))\" y=\"\(HTML.n(labelY))\" text-anchor=\"middle\">\(months[i])</text>"
        }
        return svg
            + "<line class=\"frame\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(right))\" y1=\"\(HTML.n(axisY))\" y2=\"\(HTML.n(axisY))\"/>\n"
    }

    /// A step path through monthly values.
    static func steps(_ values: [Double], _ x: (Int) -> Double, _ y: (Double) -> Double) -> String {
        var d = ""
        for (i, v) in values.enumerated() {
            d += (i == 0 ? "M" : " L") + "\(HTML.n(x(i))),\(HTML.n(y(v))) L\(HTML.n(x(i + 1))),\(HTML.n(y(v)))"
        }
        return d
    }

    /// Months between consecutive entries (1 when monthly or a single entry).
    static func stepMonths(_ s: ReportSeries) -> Int {
        s.months.count > 1 ? max(1, s.months[1].months(since: s.months[0])) : 1
    }

    /// A round tick step and the axis maximum (a multiple of it) for values up to `maxValue`.
    static func niceScale(_ maxValue: Double) -> (step: Double, max: Double) {
        let raw = maxValue / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw, magnitude > 1e-6 { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        return (step, (maxValue / step).rounded(.up) * step)
    }

    static func axisNumber(_ v: Double) -> String {
        v >= 10_000 ? NumberFormat.grouped(v) : NumberFormat.amount((v * 100).rounded() / 100)
    }

    /// The chart's caption in words: peak, and when it first reaches 80 % and 100 %.
    static func caption(_ s: ReportSeries, labels L: ReportLabels) -> String {
        var parts: [String] = []
        let peak = s.peakShare
        if let i = s.shares.firstIndex(of: peak) {
            parts.append(
                L.t("peak ", "峰值 ") + (peak.isFinite ? NumberFormat.percent(peak) : "∞") + L.t(" in ", "，")
                    + s.months[i].description)
        }
        if let i = s.firstIndex(reaching: 0.8) {
            parts.append(L.t("80 % first reached ", "首次达到 80%：") + s.months[i].description)
        } else {
            parts.append(L.t("stays below 80 %", "始终低于 80%"))
        }
        if let i = s.firstIndex(reaching: 1.0) {
            parts.append(L.t("full (100 %) from ", "满负荷 (100%)：") + s.months[i].description)
        }
        if !s.completions.isEmpty {
            parts.append(
                L.t("expansions complete: ", "扩容建成：")
                    + s.completions.map { "\($0.id.rawValue) \($0.month)" }.joined(separator: ", "))
        }
        return parts.joined(separator: L.t("; ", "；"))
    }
}
