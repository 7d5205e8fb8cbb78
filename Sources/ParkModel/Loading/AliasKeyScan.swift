/// A small YAML lexer run before Yams sees the text. It does two things:
///
/// * It counts values (scalars, flow lists and mappings): a lower bound of the
///   node count, so a huge file is rejected before Yams builds its tree (Yams
///   needs tens of microseconds per node). A continuation line of a multi-line
///   plain scalar counts once more, hence the margin in `maxEstimatedNodes`.
/// * With `checkKeys`, it rejects mapping keys which are aliases, lists or
///   mappings, and explicit `?` keys: Yams checks duplicate keys by hashing each
///   key node, and an alias to a "billion laughs" structure used as a key would
///   be hashed in exponential time. Scenario keys are always plain text. (Keys are
///   only checked when the text contains `&`: without anchors there are no aliases.)
enum AliasKeyScan {
    /// Beyond this many values counted by the scan the file is rejected without parsing.
    static let maxEstimatedNodes = InputLimits.maxNodes + 50_000

    private enum Token { case none, alias, close, scalar, quoted }
    private enum Quote { case none, single, double }

    static func check(_ bytes: [UInt8], checkKeys: Bool) throws(ReadProblem) {
        var state = State()
        state.checkKeys = checkKeys
        var lineStart = 0
        var lineNumber = 1
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            while lineEnd < n && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            try state.scanLine(bytes, from: lineStart, to: lineEnd, line: lineNumber)
            if state.values > maxEstimatedNodes {
                throw ReadProblem(
                    line: lineNumber, column: 1,
                    "the file has more than \(InputLimits.maxNodes) YAML values; it is rejected, not read")
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
    }

    private struct State {
        var flowDepth = 0
        var quote = Quote.none
        var checkKeys = false
        /// Scalars and flow collections seen so far.
        var values = 0
        /// Indentation of the line that opened a block scalar (`|`, `>`), while inside one.
        var blockScalarParent: Int?

        private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        private static func isFlowIndicator(_ b: UInt8) -> Bool {
            b == UInt8(ascii: ",") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")
                || b == UInt8(ascii: "{") || b == UInt8(ascii: "}")
        }

        mutating func scanLine(_ bytes: [UInt8], from start: Int, to end: Int, line: Int) throws(ReadProblem) {
            var indent = 0
            while start + indent < end && bytes[start + indent] == 0x20 { indent += 1 }
            if let parent = blockScalarParent {
                let blank = start + indent >= end || Self.isSpace(bytes[start + indent])
                if blank || indent > parent { return }
                blockScalarParent = nil
            }
            var i = start
            var atScalarStart = quote == .none
            var last = Token.none
            func column(_ at: Int) -> Int {
                var c = 1
                for k in start..<at where bytes[k] & 0xC0 != 0x80 { c += 1 }
                return c
            }
            func nextIsBreak(_ at: Int) -> Bool {
                at + 1 >= end || Self.isSpace(bytes[at + 1]) || (flowDepth > 0 && Self.isFlowIndicator(bytes[at + 1]))
            }
            while i < end {
                let b = bytes[i]
                if quote != .none {
                    i = closeQuote(bytes, from: i, to: end)
                    if quote == .none { last = .quoted; atScalarStart = false }
                    continue
                }
                if Self.isSpace(b) { i += 1; continue }
                if b == UInt8(ascii: "#") && (i == start || Self.isSpace(bytes[i - 1])) { return }
                if atScalarStart {
                    switch b {
                    case UInt8(ascii: "\""): quote = .double; values += 1; i += 1; continue
                    case UInt8(ascii: "'"): quote = .single; values += 1; i += 1; continue
                    case UInt8(ascii: "*"):
                        values += 1
                        i += 1
                        while i < end && !Self.isSpace(bytes[i]) && !Self.isFlowIndicator(bytes[i]) { i += 1 }
                        last = .alias; atScalarStart = false
                        continue
                    case UInt8(ascii: "&"), UInt8(ascii: "!"):
                        while i < end && !Self.isSpace(bytes[i]) && !Self.isFlowIndicator(bytes[i]) { i += 1 }
                        continue
                    case UInt8(ascii: "?") where checkKeys && nextIsBreak(i):
                        throw ReadProblem(
                            line: line, column: column(i),
                            "explicit keys ('? ') are not supported: write plain 'key: value' entries")
                    case UInt8(ascii: "-") where flowDepth == 0 && nextIsBreak(i):
                        i += 1; last = .none; continue
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        if flowDepth == 0 { values += 1; blockScalarParent = indent; return }
                    default: break
                    }
                }
                if flowDepth > 0 || atScalarStart {
                    if b == UInt8(ascii: "[") || b == UInt8(ascii: "{") {
                        values += 1
                        flowDepth += 1; atScalarStart = true; last = .none; i += 1; continue
                    }
                }
                if flowDepth > 0 {
                    if b == UInt8(ascii: "]") || b == UInt8(ascii: "}") {
                        flowDepth -= 1; atScalarStart = false; last = .close; i += 1; continue
                    }
                    if b == UInt8(ascii: ",") { atScalarStart = true; last = .none; i += 1; continue }
                }
                if b == UInt8(ascii: ":")
                    && (nextIsBreak(i) || (flowDepth > 0 && (last == .quoted || last == .close || last == .alias)))
                {
                    if checkKeys && (last == .alias || last == .close) {
                        throw ReadProblem(
                            line: line, column: column(i),
                            "a mapping key must be plain text, not an alias, a list or a mapping")
                    }
                    atScalarStart = true; last = .none; i += 1; continue
                }
                if atScalarStart { last = .scalar; atScalarStart = false; values += 1 }
                i += 1
            }
        }

        /// Advances past the closing quote (setting `quote` to none) or to the line end.
        mutating func closeQuote(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
            var i = from
            while i < end {
                let b = bytes[i]
                if quote == .double {
                    if b == UInt8(ascii: "\\") { i += 2; continue }
                    if b == UInt8(ascii: "\"") { quote = .none; return i + 1 }
                } else if b == UInt8(ascii: "'") {
                    if i + 1 < end && bytes[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                    quote = .none; return i + 1
                }
                i += 1
            }
            return end
        }
    }
}
