import ParkModel

/// The two charts of a one-parameter sweep: the plan's value against the parameter (points
/// marked; points without a plan as red crosses on the axis) and the marginal value between
/// neighbouring points as bars spanning the step.
enum SVGSweepChart {
    static let width = 1300.0
    static let left = 118.0, right = 24.0, top = 30.0, bottom = 50.0

    /// The plot's frame and scales, shared by both charts.
    struct Frame {
        var height: Double
        var xMin: Double, xMax: Double
        var yMin: Double, yMax: Double, yStep: Double
        var plotW: Double { width - left - right }
        var plotH: Double { height - top - bottom }
        func x(_ v: Double) -> Double { left + (v - xMin) / (xMax - xMin) * plotW }
        func y(_ v: Double) -> Double { top + plotH - (min(max(v, yMin), yMax) - yMin) / (yMax - yMin) * plotH }
    }

    // MARK: - Value against the parameter

    static func valueChart(_ r: SweepReport, _ L: ReportLabels) -> String {
        guard let axis = r.axes.first else { return "" }
        let xs = axis.values.map { Double($0) ?? 0 }
        let values = r.points.filter(\.hasValue).compactMap(\.value)
        let (yMin, yMax, yStep) = range(values.min() ?? 0, values.max() ?? 0, includeZero: false)
        let frame = Frame(
            height: 380, xMin: xs.min() ?? 0, xMax: xMaxPadded(xs), yMin: yMin, yMax: yMax, yStep: yStep)
        let scale = MoneyScale(maxAbs: max(abs(yMin), abs(yMax)), currency: r.currency, language: L.language)
        var svg = open("value", frame)
        svg += yAxis(frame, scale, title: L.t("value", "综合价值") + " (" + scale.unit + ")")
        svg += xAxis(frame, axis, xs, r, L)
        // The line joins neighbouring points with a value; a point without one breaks it.
        var d = ""
        var previous = -1
        for p in r.points where xs.indices.contains(p.number - 1) {
            guard p.hasValue, let v = p.value else { continue }
            let at = "\(HTML.n(frame.x(xs[p.number - 1]))),\(HTML.n(frame.y(v)))"
            d += (p.number == previous + 1 ? " L" : (d.isEmpty ? "M" : " M")) + at
            previous = p.number
        }
        if !d.isEmpty { svg += "<path class=\"sweep-line\" d=\"\(d)\"/>\n" }
        for p in r.points where xs.indices.contains(p.number - 1) {
            let cx = frame.x(xs[p.number - 1])
            let tip = HTML.escape(SweepHTMLReport.tooltip(p, r, L))
            if p.hasValue, let v = p.value {
                let cls = p.status == "optimal" ? "pt" : "pt approx"
                svg +=
                    "<circle class=\"\(cls)\" cx=\"\(HTML.n(cx))\" cy=\"\(HTML.n(frame.y(v)))\" r=\"5\">"
                    + "<title>\(tip)</title></circle>\n"
            } else {
                svg += cross(cx, top + frame.plotH, tip)
            }
        }
        return svg + "</svg>\n"
    }

    // MARK: - Marginal value between neighbours

    static func marginalChart(_ r: SweepReport, _ L: ReportLabels) -> String {
        guard let axis = r.axes.first, axis.values.count > 1 else { return "" }
        let xs = axis.values.map { Double($0) ?? 0 }
        let known = r.points.compactMap { $0.marginals.first ?? nil }
        let (yMin, yMax, yStep) = range(known.min() ?? 0, known.max() ?? 0, includeZero: true)
        let frame = Frame(
            height: 300, xMin: xs.min() ?? 0, xMax: xMaxPadded(xs), yMin: yMin, yMax: yMax, yStep: yStep)
        let scale = MoneyScale(maxAbs: max(abs(yMin), abs(yMax)), currency: r.currency, language: L.language)
        let per = SweepReport.perUnit(axis.path, currency: r.currency, L)
        var svg = open("marginal", frame)
        svg += yAxis(frame, scale, title: SweepReport.moneyPer(scale.unit, axis.path, currency: r.currency, L))
        svg += xAxis(frame, axis, xs, r, L)
        let zero = frame.y(0)
        svg +=
            "<line class=\"zero\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(width - right))\" "
            + "y1=\"\(HTML.n(zero))\" y2=\"\(HTML.n(zero))\"/>\n"
        let missing =
            r.shard == nil
            ? L.t("no marginal: a point without a plan", "无边际值：其中一点无方案")
            : L.t("no marginal: a point without a plan or not in this shard", "无边际值：其中一点无方案或不在本分片")
        for p in r.points where p.number >= 2 && p.number <= xs.count {
            let i = p.number - 1
            let (x0, x1) = (frame.x(xs[i - 1]), frame.x(xs[i]))
            let inset = min(3, (x1 - x0) / 6)
            let step = "\(axis.path) \(axis.values[i - 1]) → \(axis.values[i])"
            guard let m = p.marginals.first ?? nil else {
                let tip = step + ": " + missing
                svg += cross((x0 + x1) / 2, zero, HTML.escape(tip))
                continue
            }
            let y = frame.y(m)
            let tip = step + ": " + SweepHTMLReport.precise(m, r.currency, L) + " " + per
            svg +=
                "<rect class=\"mbar\(m < 0 ? " neg" : "")\" x=\"\(HTML.n(x0 + inset))\" y=\"\(HTML.n(min(y, zero)))\" "
                + "width=\"\(HTML.n(max(x1 - x0 - 2 * inset, 1)))\" height=\"\(HTML.n(max(abs(zero - y), 1.5)))\">"
                + "<title>\(HTML.escape(tip))</title></rect>\n"
            let label = scale.text(m, decimals: 1)
            if m != 0, HTML.estimatedWidth(label, fontSize: 10.5) + 4 <= x1 - x0 {
                let ly = m > 0 ? y - 4 : y + 13
                svg +=
                    "<text class=\"bar-label\" x=\"\(HTML.n((x0 + x1) / 2))\" y=\"\(HTML.n(ly))\" "
                    + "text-anchor=\"middle\">\(HTML.escape(label))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }

    // MARK: - Parts

    static func open(_ kind: String, _ f: Frame) -> String {
        "<svg class=\"chart sweep \(kind)\" role=\"img\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(f.height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    }

    /// A value range with round ticks: (min, max, step), with a little room above and below the
    /// data; `includeZero` keeps 0 on the axis (and no room below it when nothing is negative).
    static func range(_ lo: Double, _ hi: Double, includeZero: Bool) -> (Double, Double, Double) {
        var (a, b) = includeZero ? (min(lo, 0), max(hi, 0)) : (lo, hi)
        if b - a < 1e-9 {
            let pad = max(abs(b) * 0.02, 1)
            (a, b) = includeZero ? (a, a + pad) : (a - pad, b + pad)
        }
        let room = (b - a) * 0.08
        if !includeZero || a < 0 { a -= room }
        if !includeZero || b > 0 { b += room }
        let step = SVGUtilityChart.niceScale(b - a).step
        let yMin = (a / step).rounded(.down) * step
        let yMax = max((b / step).rounded(.up) * step, yMin + step)
        return (yMin, yMax, step)
    }

    /// The largest x, or one more when there is a single value (so the scale has a width).
    static func xMaxPadded(_ xs: [Double]) -> Double {
        let lo = xs.min() ?? 0, hi = xs.max() ?? 0
        return hi > lo ? hi : lo + 1
    }

    static func yAxis(_ f: Frame, _ scale: MoneyScale, title: String) -> String {
        var svg = ""
        var tick = f.yMin
        while tick <= f.yMax + f.yStep * 1e-6 {
            let y = f.y(tick)
            svg +=
                "<line class=\"grid\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(width - right))\" y1=\"\(HTML.n(y))\" y2=\"\(HTML.n(y))\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(HTML.n(left - 6))\" y=\"\(HTML.n(y + 4))\" text-anchor=\"end\">"
                + HTML.escape(scale.tick(tick, step: f.yStep)) + "</text>\n"
            tick += f.yStep
        }
        svg += "<text class=\"axis-title\" x=\"4\" y=\"14\">\(HTML.escape(title))</text>\n"
        return svg
    }

    /// Ticks at the parameter's values (every k-th so that labels do not collide) and the path.
    static func xAxis(
        _ f: Frame, _ axis: SweepReport.Axis, _ xs: [Double], _ r: SweepReport, _ L: ReportLabels
    ) -> String {
        let base = top + f.plotH
        var svg =
            "<line class=\"frame\" x1=\"\(HTML.n(left))\" x2=\"\(HTML.n(width - right))\" y1=\"\(HTML.n(base))\" y2=\"\(HTML.n(base))\"/>\n"
        let widths: [Double] = axis.values.map { HTML.estimatedWidth($0, fontSize: 10.5) }
        let widest: Double = widths.max() ?? 10
        let spacing: Double = xs.count > 1 ? f.plotW / Double(xs.count - 1) : f.plotW
        let ratio: Double = (widest + 12) / max(spacing, 1)
        let every = max(1, Int(ratio.rounded(.up)))
        for i in stride(from: 0, to: xs.count, by: every) {
            let x = f.x(xs[i])
            svg +=
                "<line class=\"tick\" x1=\"\(HTML.n(x))\" x2=\"\(HTML.n(x))\" y1=\"\(HTML.n(base))\" y2=\"\(HTML.n(base + 4))\"/>"
                + "<text class=\"axis\" x=\"\(HTML.n(x))\" y=\"\(HTML.n(base + 16))\" text-anchor=\"middle\">"
                + HTML.escape(axis.values[i]) + "</text>\n"
        }
        let unit = SweepReport.unit(ofPath: axis.path, currency: r.currency)
        let title = axis.path + (unit.map { " (\($0))" } ?? "")
        svg +=
            "<text class=\"axis-title\" x=\"\(HTML.n(left + f.plotW / 2))\" y=\"\(HTML.n(f.height - 8))\" "
            + "text-anchor=\"middle\">\(HTML.escape(title))</text>\n"
        return svg
    }

    /// A red cross: a point (or a step) without a value, with its hover text (already escaped).
    static func cross(_ x: Double, _ y: Double, _ escapedTip: String) -> String {
        let a = 5.0
        return "<g class=\"nopt\"><title>\(escapedTip)</title>"
            + "<circle class=\"hit\" cx=\"\(HTML.n(x))\" cy=\"\(HTML.n(y))\" r=\"8\"/>"
            + "<path d=\"M\(HTML.n(x - a)),\(HTML.n(y - a)) L\(HTML.n(x + a)),\(HTML.n(y + a)) "
            + "M\(HTML.n(x - a)),\(HTML.n(y + a)) L\(HTML.n(x + a)),\(HTML.n(y - a))\"/></g>\n"
    }
}

/// Money on a chart axis or in a heat-map cell: one divisor and unit for the whole scale
/// (亿元 / 万元 in Chinese, million / thousand in English), named once in the axis title.
struct MoneyScale {
    var divisor: Double
    var unit: String

    init(maxAbs: Double, currency: String, language: ReportLanguage) {
        let yuan = currency == "CNY"
        if language == .zh {
            if maxAbs >= 1e8 {
                (divisor, unit) = (1e8, yuan ? "亿元" : "亿 \(currency)")
            } else if maxAbs >= 1e4 {
                (divisor, unit) = (1e4, yuan ? "万元" : "万 \(currency)")
            } else {
                (divisor, unit) = (1, yuan ? "元" : currency)
            }
        } else if maxAbs >= 1e6 {
            (divisor, unit) = (1e6, "million \(currency)")
        } else if maxAbs >= 1e4 {
            (divisor, unit) = (1e3, "thousand \(currency)")
        } else {
            (divisor, unit) = (1, currency)
        }
    }

    /// A tick label: as many decimals as the step needs (at most four).
    func tick(_ x: Double, step: Double) -> String {
        var decimals = 0
        let scaled = step / divisor
        while decimals < 4, abs(scaled * pow10(decimals) - (scaled * pow10(decimals)).rounded()) > 1e-6 {
            decimals += 1
        }
        return NumberFormat.grouped(x / divisor, decimals: decimals)
    }

    /// A value with up to `decimals` decimals, trailing zeros dropped.
    func text(_ x: Double, decimals: Int) -> String {
        var text = NumberFormat.grouped(x / divisor, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }
}
