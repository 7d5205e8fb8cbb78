/// One `variants:` entry as written in the file: its changes, with locations.
struct VariantSpec {
    struct Change {
        var path: String
        var location: SourceLocation
        var value: SourceNode
    }

    var index: Int
    var name: String
    var location: SourceLocation
    /// First and last line of the entry in the file (its own text).
    var lines: ClosedRange<Int>
    var removes: [Change] = []
    /// `path` is the list name, `value` the list of items.
    var adds: [Change] = []
    var sets: [Change] = []

    var pathPrefix: String { "variants[\(index)]" }

    // MARK: - Reading

    /// The variants of a tree; entries that are not mappings are skipped (the decoder reports them).
    static func all(in tree: ScenarioTree) -> [VariantSpec] {
        guard let entries = tree.root["variants"]?.items else { return [] }
        return entries.enumerated().compactMap { index, entry in
            guard entry.pairs != nil else { return nil }
            return VariantSpec(index: index, entry: entry)
        }
    }

    init(index: Int, entry: SourceNode) {
        self.index = index
        name = entry["name"]?.scalarText ?? ""
        location = entry.location
        lines = Self.lineSpan(entry)
        if let remove = entry["remove"] {
            let items = remove.items ?? (remove.isNull ? [] : [remove])
            removes = items.map { Change(path: $0.scalarText ?? "", location: $0.location, value: $0) }
        }
        for pair in entry["add"]?.pairs ?? [] {
            adds.append(Change(path: pair.key, location: pair.keyLocation, value: pair.value))
        }
        for pair in entry["set"]?.pairs ?? [] {
            sets.append(Change(path: pair.key, location: pair.keyLocation, value: pair.value))
        }
    }

    private static func lineSpan(_ node: SourceNode) -> ClosedRange<Int> {
        var low = node.location.line, high = node.location.line
        func walk(_ n: SourceNode) {
            low = min(low, n.location.line); high = max(high, n.location.line)
            if let items = n.items { items.forEach(walk) }
            if let pairs = n.pairs {
                for pair in pairs { high = max(high, pair.keyLocation.line); walk(pair.value) }
            }
        }
        walk(node)
        return low...high
    }

    /// true when `location` lies in this entry's own text.
    func contains(_ location: SourceLocation) -> Bool {
        location.origin == .file && lines.contains(location.line)
    }

    // MARK: - Checks that need no validation of the result

    /// Shape of each entry and of its changes: names unique, `remove` texts, `add`
    /// lists, `set` paths that resolve. Run when the file is loaded.
    static func structuralFindings(in tree: ScenarioTree) -> [Finding] {
        var findings: [Finding] = []
        var seen: [String: Int] = [:]
        for spec in all(in: tree) {
            let entry = tree.root["variants"]?.items?[spec.index]
            if spec.name.trimmingCharacters(in: .whitespaces).isEmpty {
                findings.append(
                    Finding(location: spec.location, path: "\(spec.pathPrefix).name", message: "a variant needs a name")
                )
            } else if let first = seen[spec.name] {
                findings.append(
                    Finding(
                        location: entry?["name"]?.location ?? spec.location, path: "\(spec.pathPrefix).name",
                        message: "duplicate variant name '\(spec.name)': variants[\(first)] has it already"))
            } else {
                seen[spec.name] = spec.index
            }
            for (key, expected) in [("set", "a mapping of PATH: VALUE"), ("add", "a mapping of LIST: [items]")] {
                if let node = entry?[key], node.pairs == nil, !node.isNull {
                    findings.append(
                        Finding(
                            location: node.location, path: "\(spec.pathPrefix).\(key)",
                            message: "'\(key)' must be \(expected), found \(node.summary)"))
                }
            }
            findings += spec.apply(to: TreeEditor(root: tree.root)).findings
        }
        return findings
    }

    /// Applies remove, then add, then set; problems with paths are findings at the change.
    func apply(to start: TreeEditor) -> (editor: TreeEditor, findings: [Finding]) {
        var editor = start
        var findings: [Finding] = []
        for (k, change) in removes.enumerated() {
            if let failure = change.value.scalarText.map({ editor.remove($0) })
                ?? "expected a path LIST.ID, found \(change.value.summary)"
            {
                findings.append(
                    Finding(location: change.location, path: "\(pathPrefix).remove[\(k)]", message: failure))
            }
        }
        for change in adds {
            if let failure = editor.add(list: change.path, items: change.value) {
                findings.append(
                    Finding(location: change.location, path: "\(pathPrefix).add.\(change.path)", message: failure))
            }
        }
        for change in sets {
            if let failure = editor.set(change.path, to: change.value, keyLocation: change.location) {
                findings.append(
                    Finding(location: change.location, path: "\(pathPrefix).set.\(change.path)", message: failure))
            }
        }
        return (editor, findings)
    }
}
