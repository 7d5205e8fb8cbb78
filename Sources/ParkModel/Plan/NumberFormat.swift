import Foundation

/// Fixed, locale-free number formatting.
public enum NumberFormat {
    /// A machine-readable number: integers without a decimal point (below 1e15), otherwise the
    /// shortest text that reads back as the same Double. Non-finite values are written as empty.
    public static func plain(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A human-readable number with thousands separators and `decimals` decimals (ASCII, locale-free).
    public static func grouped(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
        let scale = pow(10.0, Double(decimals))
        let rounded = (abs(x) * scale).rounded() / scale
        let negative = x < 0 && rounded > 0
        let whole = rounded.rounded(.down)
        var digits = whole < 1e18 ? String(Int64(whole)) : String(format: "%.0f", whole)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        var text = groups.joined(separator: ",")
        if decimals > 0 {
            let fraction = Int64(((rounded - whole) * scale).rounded())
            let f = String(fraction)
            text += "." + String(repeating: "0", count: max(0, decimals - f.count)) + f
        }
        return negative ? "-" + text : text
    }

    /// A readable amount: grouped, with up to two decimals when it is not whole.
    public static func amount(_ x: Double) -> String {
        if x.isFinite, abs(x) >= 1000 || x == x.rounded() { return grouped(x) }
        return grouped(x, decimals: 2)
    }

    /// A share as a percentage with one decimal, e.g. `87.5%`.
    public static func percent(_ share: Double) -> String { grouped(share * 100, decimals: 1) + "%" }

    /// A capacity or amount for terminal output: up to `decimals` decimals, trailing zeros dropped.
    public static func compact(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(format: "%.4g", value) }
        var text = String(format: "%.\(decimals)f", value)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A money amount as a planner reads it: in Chinese, yuan (CNY) in 亿元 from 1 亿 on
    /// (`15.14 亿元`), else in 万元 from 1 万 on (`151,375 万元`, up to two decimals), else 元; in
    /// English, whole units with thousands separators and the currency (`1,513,750,000 CNY`).
    /// Other currencies keep their code in both languages. The exact amount stays in plan.json
    /// and the CSVs; this is for sentences and summaries only.
    public static func money(_ x: Double, currency: String, language: ReportLanguage) -> String {
        guard x.isFinite else { return grouped(x) }
        guard language == .zh, currency == "CNY" else { return grouped(x) + " " + currency }
        let magnitude = abs(x)
        if magnitude >= 1e8 { return trimmed(x / 1e8, decimals: 2) + " 亿元" }
        if magnitude >= 1e4 { return trimmed(x / 1e4, decimals: 2) + " 万元" }
        return trimmed(x, decimals: 2) + " 元"
    }

    /// Grouped with up to `decimals` decimals, trailing zeros dropped.
    static func trimmed(_ x: Double, decimals: Int) -> String {
        var text = grouped(x, decimals: decimals)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
