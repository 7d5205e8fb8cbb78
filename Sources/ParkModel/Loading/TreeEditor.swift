/// Applies contract §2 changes to a scenario tree: `remove LIST.ID`, `add` items to
/// a list, `set PATH` to a value. Each returns a sentence when the path is wrong.
///
/// Each change costs time in the size of its path, not of the scenario: items are found by
/// id through an index kept per list (rebuilt only after `remove`, `add` or a changed `id`),
/// and lists are changed in place, so a variant with tens of thousands of `set`s is linear.
struct TreeEditor {
    var root: SourceNode

    init(root: SourceNode) { self.root = root }

    /// Per list: id → index of its first item with that id.
    private var idIndex: [String: [String: Int]] = [:]
    /// Per list: its ids prepared for "did you mean" (dropped with `idIndex`).
    private var idCandidates: [String: Suggestion.Candidates] = [:]
    /// Edit-distance work left for suggestions over all of this editor's changes.
    private var suggestionBudget = 20 * Suggestion.workBudget

    /// Where a `LIST.ID…` path points: the list, the item's index and the rest of the path.
    private struct ItemTarget {
        var list: String
        var index: Int
        var rest: [String]
    }

    private static let topFields = ["parkplan", "park", "horizon", "objective", "budget", "policy", "funnel"]

    // MARK: - Operations

    mutating func remove(_ path: String) -> String? {
        switch item(path) {
        case .failure(let failure): return failure.message
        case .success(let target):
            guard target.rest.isEmpty else { return "'remove' takes a whole item LIST.ID, not a field" }
            editList(target.list) { $0.remove(at: target.index) }
            forget(target.list)
            return nil
        }
    }

    mutating func add(list: String, items: SourceNode) -> String? {
        guard ScenarioBuilder.lists.contains(list) else {
            return
                "'add' takes lists of items for \(ScenarioBuilder.lists.joined(separator: ", ")); '\(list)' is not one of them"
        }
        guard let newItems = items.items else {
            return "'add: {\(list): …}' needs a list of items, found \(items.summary)"
        }
        editList(list) { $0.append(contentsOf: newItems) }
        forget(list)
        return nil
    }

    mutating func set(_ path: String, to value: SourceNode, keyLocation: SourceLocation) -> String? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !parts.contains("") else {
            return "'\(path)' is not a path; write LIST.ID.FIELD or a top-level field such as budget or horizon.months"
        }
        if ScenarioBuilder.lists.contains(first) {
            switch item(path) {
            case .failure(let failure): return failure.message
            case .success(let target):
                guard !target.rest.isEmpty else {
                    return
                        "'\(path)' names a whole item; 'set' changes one field (LIST.ID.FIELD), use remove and add to replace items"
                }
                var failure: String?
                editList(target.list) { items in
                    failure = Self.setting(
                        &items[target.index], keys: target.rest[...], value: value, keyLocation: keyLocation)
                }
                if target.rest.first == "id" { forget(target.list) }
                return failure
            }
        }
        guard Self.topFields.contains(first) else {
            var message = "'\(first)' is not a list or a top-level field"
            if let guess = Suggestion.nearest(to: first, among: ScenarioBuilder.lists + Self.topFields) {
                message += " (did you mean '\(guess)'?)"
            }
            return message
        }
        return Self.setting(&root, keys: parts[...], value: value, keyLocation: keyLocation)
    }

    // MARK: - Helpers

    /// Resolves `LIST.ID[.FIELD…]`; ids may contain dots, the longest matching id wins.
    private mutating func item(_ path: String) -> Result<ItemTarget, TextFailure> {
        guard let dot = path.firstIndex(of: ".") else {
            return .failure(TextFailure("'\(path)' is not a path to an item; write LIST.ID, e.g. projects.pv-modules"))
        }
        let list = String(path[..<dot])
        let rest = String(path[path.index(after: dot)...])
        guard ScenarioBuilder.lists.contains(list) else {
            var message = "'\(list)' is not a list"
            if let guess = Suggestion.nearest(to: list, among: ScenarioBuilder.lists) {
                message += " (did you mean '\(guess)'?)"
            }
            return .failure(TextFailure(message + "; lists are \(ScenarioBuilder.lists.joined(separator: ", "))"))
        }
        let index = ids(of: list)
        // The longest id that is `rest` or a prefix of it ending before a dot.
        var best: (index: Int, length: Int)?
        var candidate = Substring(rest)
        while true {
            if let found = index[String(candidate)] {
                best = (found, candidate.count)
                break
            }
            guard let dot = candidate.lastIndex(of: ".") else { break }
            candidate = candidate[..<dot]
        }
        guard let best else {
            let wanted = rest.split(separator: ".", maxSplits: 1).first.map(String.init) ?? rest
            var message = "'\(list)' has no item with id '\(wanted)'"
            if let guess = Suggestion.nearest(
                to: wanted, among: candidates(of: list, count: index.count),
                budget: &suggestionBudget)
            {
                message += " (did you mean '\(guess)'?)"
            }
            return .failure(TextFailure(message))
        }
        let fieldText = String(rest.dropFirst(best.length))
        let fields =
            fieldText.isEmpty
            ? [] : fieldText.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return .success(ItemTarget(list: list, index: best.index, rest: fields))
    }

    private mutating func forget(_ list: String) {
        idIndex[list] = nil
        idCandidates[list] = nil
    }

    /// The id index of `list`, built when missing.
    private mutating func ids(of list: String) -> [String: Int] {
        if let known = idIndex[list] { return known }
        var index: [String: Int] = [:]
        for (i, item) in (root[list]?.items ?? []).enumerated() {
            guard let id = item["id"]?.scalarText, index[id] == nil else { continue }
            index[id] = i
        }
        idIndex[list] = index
        return index
    }

    /// The ids of `list` prepared for suggestions, built when missing.
    private mutating func candidates(of list: String, count: Int) -> Suggestion.Candidates {
        if let known = idCandidates[list] { return known }
        let ids = count <= Suggestion.maxCandidates ? (root[list]?.items ?? []).compactMap { $0["id"]?.scalarText } : []
        let prepared = Suggestion.Candidates(ids)
        idCandidates[list] = prepared
        return prepared
    }

    /// Changes the items of `list` in place (the arrays are detached first so no copy is made).
    private mutating func editList(_ list: String, _ change: (inout [SourceNode]) -> Void) {
        guard case .mapping(var pairs) = root.content else { return }
        root.content = .sequence([])
        defer { root.content = .mapping(pairs) }
        if let k = pairs.firstIndex(where: { $0.key == list }) {
            var items = pairs[k].value.items ?? []
            pairs[k].value.content = .sequence([])
            change(&items)
            pairs[k].value.content = .sequence(items)
        } else {
            var items: [SourceNode] = []
            change(&items)
            pairs.append(
                SourcePair(
                    key: list, keyLocation: root.location,
                    value: SourceNode(.sequence(items), at: root.location)))
        }
    }

    /// Sets `keys` inside `node`, creating mappings on the way when they are missing.
    private static func setting(
        _ node: inout SourceNode, keys: ArraySlice<String>, value: SourceNode,
        keyLocation: SourceLocation
    ) -> String? {
        guard let key = keys.first else { node = value; return nil }
        if node.isNull { node.content = .mapping([]) }
        guard var pairs = node.pairs else {
            return "cannot set '\(key)' inside \(node.summary): it is not a mapping of fields"
        }
        let index: Int
        if let found = pairs.firstIndex(where: { $0.key == key }) {
            index = found
        } else {
            pairs.append(
                SourcePair(
                    key: key, keyLocation: keyLocation,
                    value: SourceNode(.scalar("", plain: true), at: keyLocation)))
            index = pairs.count - 1
        }
        let failure = setting(&pairs[index].value, keys: keys.dropFirst(), value: value, keyLocation: keyLocation)
        node.content = .mapping(pairs)
        return failure
    }
}

struct TextFailure: Error { var message: String; init(_ message: String) { self.message = message } }
