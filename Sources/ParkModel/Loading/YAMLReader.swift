import Foundation
import Yams

/// Parses screened text with Yams into a `SourceNode` tree, enforcing the
/// nesting and node-count limits without materialising aliases first.
enum YAMLReader {
    /// Parses one document. `origin` tags every node's location.
    static func parse(_ text: String, origin: SourceOrigin) throws(ReadProblem) -> SourceNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw problem(from: error)
        } catch {
            throw ReadProblem(line: 1, column: 1, "cannot read the file as YAML: \(error)")
        }
        guard let root else { return nil }
        var budget = InputLimits.maxNodes
        try measure(root, depth: 1, budget: &budget)
        return try convert(root, origin: origin)
    }

    // MARK: - Limits

    /// Counts nodes (an alias counts as everything it names) and checks depth,
    /// stopping as soon as a limit is passed: at most `maxNodes` visits.
    private static func measure(_ node: Node, depth: Int, budget: inout Int) throws(ReadProblem) {
        budget -= 1
        if budget < 0 {
            let mark = node.mark
            throw ReadProblem(
                line: mark?.line ?? 1, column: mark?.column ?? 1,
                "the file has more than \(InputLimits.maxNodes) YAML values (aliases counted in full); it is rejected, not read"
            )
        }
        if depth > InputLimits.maxDepth, node.scalar == nil {
            let mark = node.mark
            throw ReadProblem(
                line: mark?.line ?? 1, column: mark?.column ?? 1,
                "lists and mappings are nested more than \(InputLimits.maxDepth) levels deep; the file is rejected")
        }
        switch node {
        case .scalar, .alias: return
        case .sequence(let sequence):
            for child in sequence { try measure(child, depth: depth + 1, budget: &budget) }
        case .mapping(let mapping):
            for (key, value) in mapping {
                try measure(key, depth: depth + 1, budget: &budget)
                try measure(value, depth: depth + 1, budget: &budget)
            }
        }
    }

    // MARK: - Conversion

    private static func location(_ mark: Mark?, _ origin: SourceOrigin) -> SourceLocation {
        SourceLocation(origin: origin, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private static func convert(_ node: Node, origin: SourceOrigin) throws(ReadProblem) -> SourceNode {
        let at = location(node.mark, origin)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain && !scalar.tag.description.hasSuffix(":str")
            return SourceNode(.scalar(scalar.string, plain: plain), at: at)
        case .alias:
            return SourceNode(.scalar("", plain: true), at: at)
        case .sequence(let sequence):
            var items: [SourceNode] = []
            items.reserveCapacity(sequence.count)
            for child in sequence { items.append(try convert(child, origin: origin)) }
            return SourceNode(.sequence(items), at: at)
        case .mapping(let mapping):
            var pairs: [SourcePair] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                let text = keyText(key)
                let keyAt = location(key.mark, origin)
                // Yams tells `1` from `"1"`; as field names they are the same key.
                guard seen.insert(text).inserted else {
                    throw ReadProblem(
                        line: keyAt.line, column: keyAt.column,
                        "duplicate key '\(text)' in one mapping; each key may appear once")
                }
                pairs.append(SourcePair(key: text, keyLocation: keyAt, value: try convert(value, origin: origin)))
            }
            return SourceNode(.mapping(pairs), at: at)
        }
    }

    /// Keys are plain text; a list or mapping key becomes a text that no field matches.
    private static func keyText(_ key: Node) -> String {
        switch key {
        case .scalar(let scalar): return scalar.string
        case .sequence: return "[…]"
        case .mapping: return "{…}"
        case .alias: return "*…"
        }
    }

    // MARK: - Yams errors

    static func problem(from error: YamlError) -> ReadProblem {
        switch error {
        case let .scanner(_, problem, mark, yaml), let .parser(_, problem, mark, yaml):
            var message = "YAML syntax error: \(tidy(problem))"
            if startsWithTab(line: mark.line, column: mark.column, in: yaml) {
                message += " (a tab: YAML is indented with spaces only)"
            }
            return ReadProblem(line: mark.line, column: mark.column, message)
        case let .composer(_, problem, mark, _):
            if problem.contains("another document") {
                return ReadProblem(
                    line: mark.line, column: mark.column,
                    "the file holds several YAML documents ('---'); a scenario is one document")
            }
            return ReadProblem(line: mark.line, column: mark.column, "YAML error: \(tidy(problem))")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first copy; the error belongs on the second, naming the first.
            let first = context.mark
            let key = duplicates.first ?? ""
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            if let (line, column) = secondCopy(of: key, after: first.line, column: first.column, in: context.text) {
                return ReadProblem(
                    line: line, column: column,
                    "duplicate key \(names) in one mapping (first at line \(first.line)); each key may appear once")
            }
            return ReadProblem(
                line: first.line, column: first.column,
                "duplicate key \(names) in one mapping; each key may appear once")
        case let .reader(problem, offset, _, yaml):
            let (line, column) = lineColumn(ofUTF8Offset: offset ?? 0, in: yaml)
            return ReadProblem(line: line, column: column, "cannot read the text: \(tidy(problem))")
        default:
            return ReadProblem(line: 1, column: 1, "cannot read the file as YAML")
        }
    }

    /// Where the second copy of mapping key `key` stands, given the first at `line`:`column`
    /// (1-based): later on the same line in a flow mapping (`{a: 1, a: 2}`), else on a later line at
    /// the same column while the mapping's indentation lasts. nil when it cannot be told.
    static func secondCopy(of key: String, after line: Int, column: Int, in text: String) -> (Int, Int)? {
        guard !key.isEmpty, line >= 1, column >= 1 else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard line <= lines.count else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        func isKey(at index: Int, in row: [Unicode.Scalar]) -> Bool {
            // `key:`, `"key":` or `'key':`.
            let quote: Unicode.Scalar? =
                index < row.count && (row[index] == "\"" || row[index] == "'") ? row[index] : nil
            let start = index + (quote == nil ? 0 : 1)
            guard start + keyScalars.count <= row.count, Array(row[start..<start + keyScalars.count]) == keyScalars
            else { return false }
            var next = start + keyScalars.count
            if let quote {
                guard next < row.count, row[next] == quote else { return false }
                next += 1
            }
            while next < row.count, row[next] == " " { next += 1 }
            return next < row.count && row[next] == ":"
        }
        // Flow mapping: another `key:` after a `,` or `{` later on the same line.
        let row = lines[line - 1]
        var i = column - 1 + keyScalars.count
        while i < row.count {
            if row[i] == "," || row[i] == "{" {
                var j = i + 1
                while j < row.count, row[j] == " " { j += 1 }
                if isKey(at: j, in: row) { return (line, j + 1) }
            }
            i += 1
        }
        // Block mapping: the same column on a later line, while nothing is indented less.
        for n in line..<lines.count {
            let candidate = lines[n]
            let indent = candidate.prefix { $0 == " " || $0 == "-" }.count
            let blank = candidate.allSatisfy { $0 == " " } || candidate.dropFirst(indent).first == "#"
            if blank { continue }
            if indent < column - 1 { return nil }
            if indent == column - 1, isKey(at: column - 1, in: candidate) { return (n + 1, column) }
        }
        return nil
    }

    /// true when the character at `line`:`column` is a tab.
    private static func startsWithTab(line: Int, column: Int, in text: String) -> Bool {
        var current = 1
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == line {
                let scalars = Array(piece.unicodeScalars.prefix(column))
                return scalars.count == column && scalars[column - 1] == "\t"
            }
            current += 1
            if current > line { break }
        }
        return false
    }

    private static func tidy(_ problem: String) -> String {
        problem.replacingOccurrences(of: ", set with yaml_set_max_nest_level())", with: "")
            .replacingOccurrences(
                of: "Maximum nesting level reached",
                with: "lists and mappings are nested far more than \(InputLimits.maxDepth) levels deep")
    }

    static func lineColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1, seen = 0
        for scalar in text.unicodeScalars {
            if seen >= offset { break }
            seen += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}
