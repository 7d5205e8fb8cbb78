import Foundation

/// One CSV cell: user text (guarded against formula injection) or a number the program wrote.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case integer(Int)
    case empty

    /// Text, or empty when nil.
    public static func optional(_ text: String?) -> CSVCell { text.map(CSVCell.text) ?? .empty }
    /// A number, or empty when nil.
    public static func optional(_ number: Double?) -> CSVCell { number.map(CSVCell.number) ?? .empty }
}

/// A CSV table for Excel/WPS: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting.
///
/// Text cells that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, tab or
/// CR) get a leading apostrophe. Numbers the program writes are never text, so a negative number
/// stays a number; no cell ever starts with `=`.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[CSVCell]]

    public init(header: [String], rows: [[CSVCell]]) { self.header = header; self.rows = rows }

    /// The UTF-8 byte-order mark.
    public static let byteOrderMark = Data([0xEF, 0xBB, 0xBF])

    /// The table's bytes: BOM, header line, one line per row, each ending in CRLF.
    public func data() -> Data {
        var out = Self.byteOrderMark
        out.append(Data(text().utf8))
        return out
    }

    /// The table's text without the BOM.
    public func text() -> String {
        var lines = [header.map { Self.field(Self.guarded($0)) }.joined(separator: ",")]
        for row in rows { lines.append(row.map(Self.render).joined(separator: ",")) }
        return lines.map { $0 + "\r\n" }.joined()
    }

    static func render(_ cell: CSVCell) -> String {
        switch cell {
        case .text(let s): field(guarded(s))
        case .number(let x): NumberFormat.plain(x)
        case .integer(let i): String(i)
        case .empty: ""
        }
    }

    /// Prefixes an apostrophe to text a spreadsheet would evaluate as a formula.
    public static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

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
}
