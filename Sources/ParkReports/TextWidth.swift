/// Terminal display width: CJK, fullwidth and emoji characters take two cells, combining marks none.
///
/// Used by every table so that columns line up with Chinese text (中文). A small, fixed subset of
/// Unicode's East Asian Width: deterministic and independent of the platform's `wcwidth`.
public enum TextWidth {
    /// Number of terminal cells `text` occupies.
    public static func displayWidth(_ text: String) -> Int {
        // ASCII (most cells: ids, numbers, months): one cell per printable byte.
        var ascii = 0
        var allASCII = true
        for byte in text.utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte >= 0x20 && byte != 0x7F { ascii += 1 }
        }
        if allASCII { return ascii }
        var width = 0
        for character in text {
            guard let first = character.unicodeScalars.first else { continue }
            width += cells(first)
        }
        return width
    }

    /// Cells of one scalar: 0 for combining marks and controls, 2 for wide ones, else 1.
    public static func cells(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
            || v == 0x2060 || v == 0xFEFF
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` padded with spaces to `width` cells (never truncated); `right` aligns it to the right.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? fill + text : text + fill
    }
}

/// A plain-text table for the terminal: columns separated by two spaces, widths in display cells.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]]
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int>

    public init(header: [String], rows: [[String]], rightAligned: Set<Int> = []) {
        self.header = header; self.rows = rows; self.rightAligned = rightAligned
    }

    /// Width of each column in cells.
    public var widths: [Int] {
        header.indices.map { c in
            ([header] + rows).map { c < $0.count ? TextWidth.displayWidth($0[c]) : 0 }.max() ?? 0
        }
    }

    /// The table as lines (header, a rule, rows), trailing spaces trimmed, each ending in a newline.
    public func render(indent: String = "") -> String {
        let w = widths
        func line(_ cells: [String]) -> String {
            let padded = header.indices.map { c in
                TextWidth.pad(c < cells.count ? cells[c] : "", to: w[c], right: rightAligned.contains(c))
            }
            return indent + trimTrailing(padded.joined(separator: "  ")) + "\n"
        }
        let rule = indent + w.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  ") + "\n"
        return line(header) + rule + rows.map(line).joined()
    }

    /// The table as Markdown, padded so the source lines up too; `|` in cells is escaped.
    public func markdown() -> String {
        let escaped = ([header] + rows).map { $0.map(Markdown.cell) }
        let w = header.indices.map { c in
            max(3, escaped.map { c < $0.count ? TextWidth.displayWidth($0[c]) : 0 }.max() ?? 0)
        }
        func line(_ cells: [String]) -> String {
            "| "
                + header.indices.map { c in
                    TextWidth.pad(c < cells.count ? cells[c] : "", to: w[c], right: rightAligned.contains(c))
                }.joined(separator: " | ") + " |\n"
        }
        let rule =
            "|"
            + header.indices.map { c in
                rightAligned.contains(c)
                    ? " " + String(repeating: "-", count: w[c] - 1) + ":" + " "
                    : " " + String(repeating: "-", count: w[c]) + " "
            }.joined(separator: "|") + "|\n"
        return line(escaped[0]) + rule + escaped.dropFirst().map(line).joined()
    }

    func trimTrailing(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Markdown escaping.
public enum Markdown {
    /// A table cell: `\\` and `|` escaped, line breaks and tabs turned into spaces.
    public static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}
