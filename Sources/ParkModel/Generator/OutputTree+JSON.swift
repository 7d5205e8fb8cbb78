// JSON rendering of an `OutputValue` tree: two-space indent, keys in tree order.
extension OutputValue {
    /// The tree as a JSON text, ending with a newline.
    func jsonDocument() -> String {
        var out = ""
        JSONText.write(self, indent: 0, into: &out)
        return out + "\n"
    }
}

/// JSON text written by hand (generated scenarios, GeoJSON layers): deterministic, no encoder.
public enum JSONText {
    static func write(_ value: OutputValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2), close = String(repeating: " ", count: indent)
        switch value {
        case .map(let items, _):
            guard !items.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, item) in items.enumerated() {
                out += pad + string(item.key) + ": "
                write(item.value, indent: indent + 2, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .list(let items):
            guard !items.isEmpty else { out += "[]"; return }
            if value.rendersInline {
                out += "[" + items.map { inlineJSON($0) }.joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 2, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        default:
            out += inlineJSON(value)
        }
    }

    private static func inlineJSON(_ value: OutputValue) -> String {
        switch value {
        case .string(let text): string(text)
        case .month(let month): "\"\(month)\""
        case .number(let x): x.isFinite ? OutputNumber.text(x) : "null"
        case .integer(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(inlineJSON).joined(separator: ", ") + "]"
        case .map:
            {
                var out = ""
                write(value, indent: 0, into: &out)
                return out
            }()
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, the rest as is.
    public static func string(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 {
                    let hex = String(s.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out + "\""
    }
}
