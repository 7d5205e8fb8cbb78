/// An ordered tree of scenario values, rendered as YAML or JSON with full number precision.
///
/// Keys keep the order they were added in (contract order), so output is deterministic and reads
/// like the specification.
indirect enum OutputValue: Sendable {
    /// A mapping; `flow` renders it on one line as `{a: 1, b: 2}` in YAML.
    case map([(key: String, value: OutputValue)], flow: Bool)
    case list([OutputValue])
    case string(String)
    /// A `YYYY-MM` month, written plain.
    case month(YearMonth)
    case number(Double)
    case integer(Int)
    case bool(Bool)

    /// A block mapping from entries, dropping the nil ones.
    static func entries(_ items: [(String, OutputValue?)], flow: Bool = false) -> OutputValue {
        .map(items.compactMap { key, value in value.map { (key: key, value: $0) } }, flow: flow)
    }

    var isScalar: Bool {
        switch self {
        case .map, .list: false
        default: true
        }
    }

    /// Lists of scalars (or of such lists) and flow mappings render on one line.
    var rendersInline: Bool {
        switch self {
        case .map(_, let flow): flow
        case .list(let items): items.allSatisfy { $0.isScalar || ($0.rendersInline && !$0.isMapping) }
        default: true
        }
    }

    private var isMapping: Bool { if case .map = self { true } else { false } }
}

// MARK: - Numbers

enum OutputNumber {
    /// Whole numbers without a fraction (`200000`), others in Swift's shortest form that reads
    /// back to the same `Double` (`0.1`, `2.5e-07`, `1e+20`).
    static func text(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? ".nan" : (x < 0 ? "-.inf" : ".inf") }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return x.description
    }
}
