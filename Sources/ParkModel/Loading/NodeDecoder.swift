/// A `Decoder` over a `SourceNode` tree that never stops at the first problem:
/// each wrong or missing value is recorded in the session (with its location)
/// and replaced by a placeholder, so one pass reports every problem. Keys a
/// type does not ask for are reported as unknown, with a suggestion.
struct NodeDecoder: Decoder {
    /// nil when the value is missing (a placeholder is produced silently).
    let node: SourceNode?
    /// Where to point when the value is missing: the enclosing mapping.
    let fallback: SourceLocation
    let path: [PathStep]
    let session: DecodeSession
    /// Keys asked for by the keyed container made from this decoder.
    let asked = KeyLog()

    var codingPath: [any CodingKey] { path.map(AnyKey.init) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var location: SourceLocation { node?.location ?? fallback }

    func report(_ message: String) {
        guard node != nil else { return }
        session.report(location, path, message)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        var pairs: [SourcePair] = []
        var quiet = node == nil
        if let node {
            if let found = node.pairs {
                pairs = found
            } else if !node.isNull {
                report("expected a mapping of fields, found \(node.summary)")
                quiet = true
            }
        }
        return KeyedDecodingContainer(
            NodeKeyedContainer<Key>(
                decoder: self, pairs: pairs, quiet: quiet))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        var items: [SourceNode] = []
        if let node {
            if let found = node.items {
                items = found
            } else if !node.isNull {
                report("expected a list, found \(node.summary)")
            }
        }
        return NodeUnkeyedContainer(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    // MARK: - Values

    func child(_ node: SourceNode?, _ step: PathStep) -> NodeDecoder {
        let childPath = path + [step]
        session.record(childPath, at: node?.location ?? location)
        return NodeDecoder(node: node, fallback: location, path: childPath, session: session)
    }

    /// Reads a scalar with `read`, recording a problem and returning `placeholder` on failure.
    func scalar<T>(_ read: (SourceNode) -> ScalarReading.Outcome<T>, placeholder: T) -> T {
        guard let node else { return placeholder }
        if node.isNull {
            report("a value is required here")
            return placeholder
        }
        switch read(node) {
        case .value(let value): return value
        case .problem(let message): report(message); return placeholder
        }
    }

    /// Decodes any `Decodable`, with special cases for months and named enums,
    /// then reports keys of the mapping that the type did not ask for.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == YearMonth.self, let placeholder = YearMonth(year: 2000, month: 1) as? T {
            return scalar(
                { outcome in
                    switch ScalarReading.month(outcome) {
                    case .value(let month): return .value(month as? T ?? placeholder)
                    case .problem(let message): return .problem(message)
                    }
                }, placeholder: placeholder)
        }
        if let named = T.self as? any NamedCases.Type {
            guard let value = decodeNamed(named) as? T else { throw DecodeAbort() }
            return value
        }
        let value = try T(from: self)
        checkUnknownKeys(of: T.self)
        return value
    }

    private func decodeNamed<E: NamedCases>(_ type: E.Type) -> E {
        let text = scalar(ScalarReading.text, placeholder: "")
        if let value = E.named(text) { return value }
        if node != nil && !(node?.isNull ?? false) {
            report("expected one of \(E.caseNames.joined(separator: ", ")), found \"\(text)\"")
        }
        return E.placeholder
    }

    private func checkUnknownKeys<T>(of type: T.Type) {
        guard let pairs = node?.pairs, asked.used else { return }
        let known = asked.keys + (session.extraKeys[ObjectIdentifier(T.self)] ?? [])
        for pair in pairs where !known.contains(pair.key) {
            var message = "unknown key '\(pair.key)'"
            if let guess = Suggestion.nearest(to: pair.key, among: known) {
                message += " (did you mean '\(guess)'?)"
            } else {
                message += "; known keys: \(known.joined(separator: ", "))"
            }
            session.report(pair.keyLocation, path + [.key(pair.key)], message)
        }
    }
}

/// The keys a keyed container was asked for, in order.
final class KeyLog {
    private(set) var keys: [String] = []
    private(set) var used = false
    func open() { used = true }
    func note(_ key: String) { if !keys.contains(key) { keys.append(key) } }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
    init(_ step: PathStep) {
        switch step {
        case .key(let key): self.init(stringValue: key)
        case .index(let index): self.init(intValue: index)
        }
    }
}
