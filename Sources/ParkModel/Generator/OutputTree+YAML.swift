// YAML rendering of an `OutputValue` tree: block style, two-space indent, safe quoting.
extension OutputValue {
    /// The tree as a YAML document (a mapping at the top), ending with a newline.
    func yamlDocument() -> String {
        var out = ""
        if case .map(let items, _) = self { YAMLText.block(items, indent: 0, into: &out) }
        return out
    }
}

enum YAMLText {
    static func block(_ items: [(key: String, value: OutputValue)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in items {
            switch value {
            case .map(let inner, _) where !value.rendersInline && !inner.isEmpty:
                out += pad + key + ":\n"
                block(inner, indent: indent + 2, into: &out)
            case .list(let elements) where !value.rendersInline && !elements.isEmpty:
                out += pad + key + ":\n"
                for element in elements { listItem(element, indent: indent + 2, into: &out) }
            default:
                out += pad + key + ": " + inline(value) + "\n"
            }
        }
    }

    /// `- ` followed by the item; a mapping item continues on the following lines, indented.
    private static func listItem(_ value: OutputValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        guard case .map(let items, _) = value, !value.rendersInline, !items.isEmpty else {
            out += pad + "- " + inline(value) + "\n"
            return
        }
        var inner = ""
        block(items, indent: indent + 2, into: &inner)
        out += pad + "- " + inner.dropFirst(indent + 2)
    }

    /// One-line (flow) form of a value.
    static func inline(_ value: OutputValue) -> String {
        switch value {
        case .map(let items, _):
            "{" + items.map { $0.key + ": " + inline($0.value) }.joined(separator: ", ") + "}"
        case .list(let items): "[" + items.map(inline).joined(separator: ", ") + "]"
        case .string(let text): scalar(text)
        case .month(let month): month.description
        case .number(let x): OutputNumber.text(x)
        case .integer(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        }
    }

    // MARK: - Strings

    /// Words YAML 1.1 reads as null or booleans, and other indicators that must not be plain.
    private static let reserved: Set<String> = [
        "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", "<<", "=",
    ]
    private static let leadIndicators = Set("-?:,[]{}#&*!|>'\"%@`. +")

    /// The text plain when YAML reads it back as the same string, else double-quoted with escapes.
    static func scalar(_ text: String) -> String { isPlainSafe(text) ? text : quoted(text) }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if leadIndicators.contains(first) || first.isNumber && first.isASCII || last == " " || last == ":" {
            return false
        }
        if reserved.contains(text.lowercased()) || Double(text) != nil { return false }
        if text.contains(": ") || text.contains(" #") || text.contains(where: { ",[]{}\t".contains($0) }) {
            return false
        }
        return text.unicodeScalars.allSatisfy(isPrintablePlain)
    }

    /// ASCII printable, or a non-ASCII letter, mark, number, punctuation or symbol (CJK included).
    private static func isPrintablePlain(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 0x20 && s.value < 0x7F }
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate,
            .privateUse, .unassigned:
            return false
        default:
            return true
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if needsEscape(s) { out += escape(s) } else { out.unicodeScalars.append(s) }
            }
        }
        return out + "\""
    }

    /// Characters YAML does not allow raw (C0/C1 controls, DEL) and line/format characters
    /// that would be changed or invisible.
    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x20 || (0x7F...0x9F).contains(s.value) { return true }
        if s.isASCII { return false }
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
            return true
        default:
            return s.value == 0xFEFF || s.value >= 0xFFFE && s.value <= 0xFFFF
        }
    }

    private static func escape(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return s.value <= 0xFFFF
            ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
