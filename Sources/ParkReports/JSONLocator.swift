/// Finds where values sit in JSON text, so messages about a plan file can say `FILE:LINE:COLUMN`.
///
/// A small, strict JSON scanner (RFC 8259) that records the 1-based line and column (in Unicode
/// scalars) of every value by its path, written like `placements[0].site`. It stops at the first
/// syntax error and reports its position. Nesting is capped so hostile input cannot exhaust the stack.
struct JSONLocator {
    struct Position: Equatable { var line: Int; var column: Int }
    struct SyntaxError: Error { var position: Position; var message: String }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var positions: [String: Position] = [:]
    /// Paths of keys that appear more than once in their object, in reading order.
    private(set) var duplicates: [String] = []
    static let maxDepth = 128

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// Scans the whole text; throws `SyntaxError` at the first problem.
    mutating func scan() throws {
        skipSpace()
        if index < scalars.count, scalars[index] == "\u{FEFF}" { advance(); skipSpace() }
        try value(path: "", depth: 0)
        skipSpace()
        if index < scalars.count { throw error("unexpected text after the JSON value") }
    }

    private var here: Position { Position(line: line, column: column) }
    private func error(_ message: String) -> SyntaxError { SyntaxError(position: here, message: message) }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipSpace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { advance() }
    }

    private mutating func expect(_ c: Unicode.Scalar) throws {
        guard index < scalars.count, scalars[index] == c else { throw error("expected '\(c)'") }
        advance()
    }

    private mutating func value(path: String, depth: Int) throws {
        guard depth < Self.maxDepth else { throw error("nested too deeply") }
        guard index < scalars.count else { throw error("unexpected end of file") }
        if positions[path] != nil { duplicates.append(path) }
        positions[path] = here
        switch scalars[index] {
        case "{": try object(path: path, depth: depth)
        case "[": try array(path: path, depth: depth)
        case "\"": _ = try string()
        default: try literal()
        }
    }

    private mutating func object(path: String, depth: Int) throws {
        advance()
        skipSpace()
        if index < scalars.count, scalars[index] == "}" { advance(); return }
        while true {
            skipSpace()
            guard index < scalars.count, scalars[index] == "\"" else { throw error("expected a key in quotes") }
            let key = try string()
            skipSpace()
            try expect(":")
            skipSpace()
            try value(path: path.isEmpty ? key : path + "." + key, depth: depth + 1)
            skipSpace()
            guard index < scalars.count else { throw error("unexpected end of file in an object") }
            if scalars[index] == "," { advance(); continue }
            try expect("}")
            return
        }
    }

    private mutating func array(path: String, depth: Int) throws {
        advance()
        skipSpace()
        if index < scalars.count, scalars[index] == "]" { advance(); return }
        var i = 0
        while true {
            skipSpace()
            try value(path: "\(path)[\(i)]", depth: depth + 1)
            i += 1
            skipSpace()
            guard index < scalars.count else { throw error("unexpected end of file in an array") }
            if scalars[index] == "," { advance(); continue }
            try expect("]")
            return
        }
    }

    private mutating func string() throws -> String {
        advance()
        var text = String.UnicodeScalarView()
        while index < scalars.count {
            let c = scalars[index]
            if c == "\"" { advance(); return String(text) }
            if c.value < 0x20 { throw error("control character in a string") }
            if c == "\\" {
                advance()
                guard index < scalars.count else { break }
                text.append(scalars[index])  // escapes are kept only roughly: keys with escapes are rare
            } else {
                text.append(c)
            }
            advance()
        }
        throw error("unterminated string")
    }

    private mutating func literal() throws {
        let start = index
        while index < scalars.count, !",]} \t\r\n".unicodeScalars.contains(scalars[index]) { advance() }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        if ["true", "false", "null"].contains(word) || Double(word) != nil, !word.isEmpty { return }
        throw SyntaxError(
            position: Position(line: line, column: column - (index - start)),
            message: word.isEmpty ? "expected a value" : "unexpected '\(word)'")
    }
}
