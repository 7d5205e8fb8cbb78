import Foundation

/// contract §2 reading rules for scalars: numbers finite, whole numbers in 64 bits,
/// booleans `true`/`false`, dates `YYYY-MM` (or `YYYY-MM-DD`).
enum ScalarReading {
    enum Outcome<Value> {
        case value(Value)
        case problem(String)
    }

    private static let numberCharacters = Set("+-0123456789.eE_")
    /// The bytes of a number that needs no trimming (no `_`, no spaces).
    private static let plainNumberBytes = Set("+-0123456789.eE".utf8)

    /// A finite number. Quoted numbers are accepted (the intent is clear).
    static func number(_ node: SourceNode) -> Outcome<Double> {
        guard case .scalar(let raw, _) = node.content else {
            return .problem("expected a number, found \(node.summary)")
        }
        // Most numbers are plain digits: read them without trimming and case-folding.
        if !raw.isEmpty, raw.utf8.allSatisfy({ plainNumberBytes.contains($0) }), let value = Double(raw) {
            guard value.isFinite else { return .problem("the number \(raw) is too large: numbers must be finite") }
            return .value(value == 0 ? 0 : value)
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let lowered = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan", "inf", "-inf", "+inf", "nan", "infinity", "-infinity"].contains(lowered) {
            return .problem("expected a finite number, found \(text)")
        }
        guard !text.isEmpty, text.allSatisfy({ numberCharacters.contains($0) }),
            !text.contains("_"), let value = Double(text)
        else { return .problem("expected a number, found \(node.summary)") }
        guard value.isFinite else { return .problem("the number \(text) is too large: numbers must be finite") }
        return .value(value == 0 ? 0 : value)
    }

    /// A whole number that fits in 64 bits (`8`, `8.0` and `1e3` are whole).
    static func wholeNumber(_ node: SourceNode) -> Outcome<Int> {
        guard case .scalar(let raw, _) = node.content else {
            return .problem("expected a whole number, found \(node.summary)")
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let value = Int64(text.hasPrefix("+") ? String(digits) : text) else {
                return .problem("the whole number \(text) does not fit in 64 bits")
            }
            return .value(Int(value))
        }
        switch number(node) {
        case .problem(let message):
            return .problem(message.replacingOccurrences(of: "expected a number", with: "expected a whole number"))
        case .value(let value):
            guard value.rounded() == value else { return .problem("expected a whole number, found \(text)") }
            guard abs(value) < 9.2e18 else { return .problem("the whole number \(text) does not fit in 64 bits") }
            return .value(Int(value))
        }
    }

    /// `true` or `false` (also `True`/`TRUE`, `False`/`FALSE`), unquoted.
    static func boolean(_ node: SourceNode) -> Outcome<Bool> {
        if case .scalar(let text, let plain) = node.content, plain {
            switch text {
            case "true", "True", "TRUE": return .value(true)
            case "false", "False", "FALSE": return .value(false)
            default: break
            }
        }
        return .problem("expected true or false, found \(node.summary)")
    }

    /// Any scalar, as text (`id: 7` is the text "7").
    static func text(_ node: SourceNode) -> Outcome<String> {
        guard case .scalar(let text, _) = node.content else {
            return .problem("expected a text, found \(node.summary)")
        }
        return .value(text)
    }

    /// A month `YYYY-MM`; `YYYY-MM-DD` is read as its month.
    static func month(_ node: SourceNode) -> Outcome<YearMonth> {
        guard case .scalar(let raw, _) = node.content else {
            return .problem("expected a month YYYY-MM, found \(node.summary)")
        }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let value = YearMonth(parsing: text) { return .value(value) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0].count == 4, let month = Int(parts[1]), !(1...12).contains(month) {
            return .problem("\(text) is not a valid month: the month must be 01 to 12")
        }
        if parts.count == 3, YearMonth(parsing: parts[0] + "-" + parts[1]) != nil {
            return .problem("\(text) is not a valid date: that day does not exist")
        }
        return .problem("expected a month YYYY-MM, found \(node.summary)")
    }
}
