import Foundation
import ParkModel

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
