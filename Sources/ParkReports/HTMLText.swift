import Foundation
import ParkModel

/// Escaping and fixed number formatting for HTML and SVG written as plain strings.
enum HTML {
    /// Text safe inside an element or a quoted attribute.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in XML/HTML text.
                if c.value < 0x20, c != "\t", c != "\n" { out += " " } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A coordinate with at most one decimal, locale-free and the same on every machine.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = (x * 10).rounded()
        if tenths == 0 { return "0" }
        let whole = Int64(tenths / 10)
        let frac = Int64(abs(tenths)) % 10
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return frac == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(frac)"
    }

    /// Shortens `text` with an ellipsis so that it fits `width` pixels at `fontSize`
    /// (a wide CJK character counts as one em, others as 0.6 em).
    static func fit(_ text: String, width: Double, fontSize: Double) -> String {
        if estimatedWidth(text, fontSize: fontSize) <= width { return text }
        var out = ""
        var used = fontSize  // room for the ellipsis
        for ch in text {
            let w = estimatedWidth(String(ch), fontSize: fontSize)
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out.isEmpty ? "" : out + "…"
    }

    /// Estimated rendered width in pixels.
    static func estimatedWidth(_ text: String, fontSize: Double) -> Double {
        var cells = 0.0
        for s in text.unicodeScalars {
            cells += TextWidth.cells(s) == 2 ? 1.0 : (TextWidth.cells(s) == 0 ? 0 : 0.6)
        }
        return cells * fontSize
    }
}

/// Money for people: 亿元 / 万元 in Chinese, grouped currency units in English.
enum Money {
    static func text(_ x: Double?, currency: String, language: ReportLanguage) -> String {
        guard let x, x.isFinite else { return "—" }
        if language == .en { return "\(currency) \(NumberFormat.grouped(x))" }
        let yuan = currency == "CNY"
        if abs(x) >= 1e8 {
            return NumberFormat.grouped(x / 1e8, decimals: 2) + (yuan ? " 亿元" : " 亿 \(currency)")
        }
        if abs(x) >= 1e4 || x == 0 {
            var wan = NumberFormat.grouped(x / 1e4, decimals: 1)
            if wan.hasSuffix(".0") { wan.removeLast(2) }
            return wan + (yuan ? " 万元" : " 万 \(currency)")
        }
        return NumberFormat.grouped(x) + (yuan ? " 元" : " \(currency)")
    }
}
