// MARK: - Keyed

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let pairs: [SourcePair]
    /// true when the mapping itself is missing or wrong: missing fields are not reported again.
    let quiet: Bool

    init(decoder: NodeDecoder, pairs: [SourcePair], quiet: Bool) {
        self.decoder = decoder; self.pairs = pairs; self.quiet = quiet
        decoder.asked.open()
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    private func value(_ key: Key) -> SourceNode? {
        decoder.asked.note(key.stringValue)
        return pairs.first { $0.key == key.stringValue }?.value
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { value(key)?.isNull ?? true }

    /// The decoder for a required field; a missing one is reported at the mapping.
    private func required(_ key: Key) -> NodeDecoder {
        let node = value(key)
        if node == nil && !quiet {
            decoder.session.report(
                decoder.location, decoder.path + [.key(key.stringValue)],
                "missing required field '\(key.stringValue)'")
        }
        return decoder.child(node, .key(key.stringValue))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        required(key).scalar(ScalarReading.boolean, placeholder: false)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        required(key).scalar(ScalarReading.text, placeholder: "")
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        required(key).scalar(ScalarReading.number, placeholder: 0)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(required(key).scalar(ScalarReading.number, placeholder: 0))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        required(key).scalar(ScalarReading.wholeNumber, placeholder: 0)
    }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 {
        Int64(required(key).scalar(ScalarReading.wholeNumber, placeholder: 0))
    }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try required(key).decode(T.self)
    }

    /// Optional nested values: a value that cannot be decoded at all becomes nil.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let node = value(key), !node.isNull else { return nil }
        do { return try decoder.child(node, .key(key.stringValue)).decode(T.self) } catch { return nil }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try required(key).container(keyedBy: type)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try required(key).unkeyedContainer()
    }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { required(key) }
}

// MARK: - Unkeyed

struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [SourceNode]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [SourceNode]) { self.decoder = decoder; self.items = items }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() -> NodeDecoder {
        let index = currentIndex
        currentIndex += 1
        return decoder.child(index < items.count ? items[index] : nil, .index(index))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { next().scalar(ScalarReading.boolean, placeholder: false) }
    mutating func decode(_ type: String.Type) throws -> String { next().scalar(ScalarReading.text, placeholder: "") }
    mutating func decode(_ type: Double.Type) throws -> Double { next().scalar(ScalarReading.number, placeholder: 0) }
    mutating func decode(_ type: Float.Type) throws -> Float {
        Float(next().scalar(ScalarReading.number, placeholder: 0))
    }
    mutating func decode(_ type: Int.Type) throws -> Int { next().scalar(ScalarReading.wholeNumber, placeholder: 0) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(T.self) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { next() }
}

// MARK: - Single value

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node?.isNull ?? true }
    func decode(_ type: Bool.Type) throws -> Bool { decoder.scalar(ScalarReading.boolean, placeholder: false) }
    func decode(_ type: String.Type) throws -> String { decoder.scalar(ScalarReading.text, placeholder: "") }
    func decode(_ type: Double.Type) throws -> Double { decoder.scalar(ScalarReading.number, placeholder: 0) }
    func decode(_ type: Float.Type) throws -> Float { Float(decoder.scalar(ScalarReading.number, placeholder: 0)) }
    func decode(_ type: Int.Type) throws -> Int { decoder.scalar(ScalarReading.wholeNumber, placeholder: 0) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self) }
}
