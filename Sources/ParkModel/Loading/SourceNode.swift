/// Where a value came from: the scenario file, or one `--set` option.
enum SourceOrigin: Sendable, Equatable {
    /// The scenario file (the name as the user gave it).
    case file
    /// The `index`-th `--set` option; `option` is its whole text `PATH=VALUE`,
    /// `valueOffset` the number of characters before VALUE.
    case setOption(index: Int, option: String, valueOffset: Int)
}

/// A position in a source: 1-based line and column (Unicode scalars, as libyaml counts them).
struct SourceLocation: Sendable, Equatable {
    var origin: SourceOrigin
    var line: Int
    var column: Int

    static let unknown = SourceLocation(origin: .file, line: 0, column: 0)
}

/// The parsed YAML tree the loader works on: aliases expanded, every node located.
///
/// Kept separate from Yams' `Node` so variants and `--set` values (parsed from other
/// text) can be spliced in while remembering where each piece came from.
struct SourceNode: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        /// `plain` is false for quoted, literal and folded scalars and explicitly tagged `!!str`.
        case scalar(String, plain: Bool)
        case sequence([SourceNode])
        case mapping([SourcePair])
    }

    var content: Content
    var location: SourceLocation

    init(_ content: Content, at location: SourceLocation) {
        self.content = content; self.location = location
    }

    /// A plain `null`, `~` or empty scalar.
    var isNull: Bool {
        if case .scalar(let text, let plain) = content, plain {
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
        }
        return false
    }

    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    var pairs: [SourcePair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    var items: [SourceNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value of `key` in a mapping.
    subscript(key: String) -> SourceNode? {
        pairs?.first { $0.key == key }?.value
    }

    /// What the node is, for messages: `a list`, `a mapping`, `"abc"`.
    var summary: String {
        switch content {
        case .scalar(let text, let plain):
            if plain && isNull { return "nothing" }
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "\"\(shown)\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}

/// One `key: value` entry of a mapping; keys are plain text (the loader rejects others).
struct SourcePair: Sendable, Equatable {
    var key: String
    var keyLocation: SourceLocation
    var value: SourceNode
}
