/// Re-lays JSON text with object keys in a fixed order, pretty-printed with two spaces.
///
/// Foundation's `JSONEncoder` on Linux does not keep the order in which keys are encoded, so the
/// plan file is encoded with sorted keys and then re-laid here in contract §5 order: keys listed in
/// `order` first (in that order), any other key after them, sorted. Strings and numbers are kept
/// exactly as the encoder wrote them. Deterministic for the same input.
enum OrderedJSON {
    indirect enum Value {
        case object([(key: String, value: Value)])
        case array([Value])
        /// A string (with its quotes and escapes), number, `true`, `false` or `null`, verbatim.
        case atom(String)
    }

    struct Malformed: Error {}

    /// `text` re-laid with keys in `order`; throws `Malformed` when `text` is not JSON.
    static func relayout(_ text: String, order: [String]) throws -> String {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value(depth: 0)
        var out = ""
        write(value, order: order, indent: "", into: &out)
        return out + "\n"
    }

    static func write(_ value: Value, order: [String], indent: String, into out: inout String) {
        let inner = indent + "  "
        switch value {
        case .atom(let text):
            out += text
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                write(item, order: order, indent: inner, into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            let sorted = members.sorted { a, b in
                let ia = order.firstIndex(of: a.key) ?? Int.max, ib = order.firstIndex(of: b.key) ?? Int.max
                return ia != ib ? ia < ib : a.key.unicodeScalars.lexicographicallyPrecedes(b.key.unicodeScalars)
            }
            out += "{\n"
            for (i, member) in sorted.enumerated() {
                out += inner + "\"" + member.key + "\": "
                write(member.value, order: order, indent: inner, into: &out)
                out += i + 1 < sorted.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        }

        mutating func value(depth: Int) throws -> Value {
            guard depth < 256 else { throw Malformed() }
            skipSpace()
            guard index < scalars.count else { throw Malformed() }
            switch scalars[index] {
            case "{":
                index += 1
                var members: [(key: String, value: Value)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    let key = try stringBody()
                    skipSpace()
                    guard index < scalars.count, scalars[index] == ":" else { throw Malformed() }
                    index += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard index < scalars.count else { throw Malformed() }
                    index += 1
                    if scalars[index - 1] == "}" { return .object(members) }
                    guard scalars[index - 1] == "," else { throw Malformed() }
                }
            case "[":
                index += 1
                var items: [Value] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < scalars.count else { throw Malformed() }
                    index += 1
                    if scalars[index - 1] == "]" { return .array(items) }
                    guard scalars[index - 1] == "," else { throw Malformed() }
                }
            case "\"":
                return .atom("\"" + (try stringBody()) + "\"")
            default:
                let start = index
                while index < scalars.count, !",]} \t\r\n".unicodeScalars.contains(scalars[index]) { index += 1 }
                guard index > start else { throw Malformed() }
                return .atom(String(String.UnicodeScalarView(scalars[start..<index])))
            }
        }

        /// The raw text between the quotes of a string (escapes kept as written).
        mutating func stringBody() throws -> String {
            guard index < scalars.count, scalars[index] == "\"" else { throw Malformed() }
            index += 1
            var body = String.UnicodeScalarView()
            while index < scalars.count {
                let c = scalars[index]
                if c == "\"" { index += 1; return String(body) }
                body.append(c)
                if c == "\\", index + 1 < scalars.count { index += 1; body.append(scalars[index]) }
                index += 1
            }
            throw Malformed()
        }
    }
}
