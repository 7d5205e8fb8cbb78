/// Applies SPEC §2 changes to a scenario tree: `remove LIST.ID`, `add` items to
/// a list, `set PATH` to a value. Each returns a sentence when the path is wrong.
struct TreeEditor {
    var root: SourceNode

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
            return nil
        }
    }

    mutating func add(list: String, items: SourceNode) -> String? {
        guard ScenarioBuilder.lists.contains(list) else {
            return "'add' takes lists of items for \(ScenarioBuilder.lists.joined(separator: ", ")); '\(list)' is not one of them"
        }
        guard let newItems = items.items else { return "'add: {\(list): …}' needs a list of items, found \(items.summary)" }
        editList(list) { $0.append(contentsOf: newItems) }
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
                    return "'\(path)' names a whole item; 'set' changes one field (LIST.ID.FIELD), use remove and add to replace items"
                }
                var failure: String?
                editList(target.list) { items in
                    failure = Self.setting(&items[target.index], keys: target.rest[...], value: value, keyLocation: keyLocation)
                }
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
    private func item(_ path: String) -> Result<ItemTarget, TextFailure> {
        guard let dot = path.firstIndex(of: ".") else {
            return .failure(TextFailure("'\(path)' is not a path to an item; write LIST.ID, e.g. projects.pv-modules"))
        }
        let list = String(path[..<dot])
        let rest = String(path[path.index(after: dot)...])
        guard ScenarioBuilder.lists.contains(list) else {
            var message = "'\(list)' is not a list"
            if let guess = Suggestion.nearest(to: list, among: ScenarioBuilder.lists) { message += " (did you mean '\(guess)'?)" }
            return .failure(TextFailure(message + "; lists are \(ScenarioBuilder.lists.joined(separator: ", "))"))
        }
        let items = root[list]?.items ?? []
        var best: (index: Int, length: Int)?
        for (index, item) in items.enumerated() {
            guard let id = item["id"]?.scalarText else { continue }
            if rest == id || rest.hasPrefix(id + "."), id.count > best?.length ?? -1 { best = (index, id.count) }
        }
        guard let best else {
            let ids = items.compactMap { $0["id"]?.scalarText }
            let wanted = rest.split(separator: ".", maxSplits: 1).first.map(String.init) ?? rest
            var message = "'\(list)' has no item with id '\(wanted)'"
            if let guess = Suggestion.nearest(to: wanted, among: ids) { message += " (did you mean '\(guess)'?)" }
            return .failure(TextFailure(message))
        }
        let fieldText = String(rest.dropFirst(best.length))
        let fields = fieldText.isEmpty ? [] : fieldText.dropFirst().split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return .success(ItemTarget(list: list, index: best.index, rest: fields))
    }

    private mutating func editList(_ list: String, _ change: (inout [SourceNode]) -> Void) {
        guard var pairs = root.pairs else { return }
        if let k = pairs.firstIndex(where: { $0.key == list }) {
            var items = pairs[k].value.items ?? []
            change(&items)
            pairs[k].value.content = .sequence(items)
        } else {
            var items: [SourceNode] = []
            change(&items)
            pairs.append(SourcePair(key: list, keyLocation: root.location,
                                    value: SourceNode(.sequence(items), at: root.location)))
        }
        root.content = .mapping(pairs)
    }

    /// Sets `keys` inside `node`, creating mappings on the way when they are missing.
    private static func setting(_ node: inout SourceNode, keys: ArraySlice<String>, value: SourceNode,
                                keyLocation: SourceLocation) -> String? {
        guard let key = keys.first else { node = value; return nil }
        if node.isNull { node.content = .mapping([]) }
        guard var pairs = node.pairs else {
            return "cannot set '\(key)' inside \(node.summary): it is not a mapping of fields"
        }
        let index: Int
        if let found = pairs.firstIndex(where: { $0.key == key }) {
            index = found
        } else {
            pairs.append(SourcePair(key: key, keyLocation: keyLocation,
                                    value: SourceNode(.scalar("", plain: true), at: keyLocation)))
            index = pairs.count - 1
        }
        let failure = setting(&pairs[index].value, keys: keys.dropFirst(), value: value, keyLocation: keyLocation)
        node.content = .mapping(pairs)
        return failure
    }
}

struct TextFailure: Error { var message: String; init(_ message: String) { self.message = message } }
