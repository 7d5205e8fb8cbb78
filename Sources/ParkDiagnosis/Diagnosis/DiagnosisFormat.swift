import ParkInstance

/// Number formatting for diagnosis sentences: fixed, locale-free, deterministic.
enum DiagnosisFormat {
    /// At most three decimals, trailing zeros dropped: `12.5`, `3`, `0.125`, `120000000`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : "-∞" }
        let scaled = (abs(value) * 1000).rounded()
        guard scaled < 9e15 else { return "\(value)" }
        let thousandths = Int(scaled)
        let whole = thousandths / 1000, fraction = thousandths % 1000
        let sign = value < 0 && thousandths != 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return sign + String(whole) + "." + digits
    }

    /// `value` as an Int, clamped to ±2⁶² (never traps on huge or non-finite input).
    static func wholeNumber(_ value: Double) -> Int {
        guard value.isFinite else { return value > 0 ? 1 << 62 : 0 }
        return Int(min(max(value, -4.6e18), 4.6e18))
    }

    /// A number with its unit: `12.5 MW`, `3 units`, `20000 m²`.
    static func amount(_ value: Double, _ unit: String) -> String {
        unit.isEmpty ? number(value) : number(value) + " " + unit
    }

    /// A list of ids in the order given: `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `value` rounded up to `decimals` decimals; values within 1e-9 of a step stay on it,
    /// so that 12.5000000001 reads 12.5 while 12.5004 reads 12.501.
    static func roundUp(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return ((value * scale) - 1e-6).rounded(.up) / scale
    }
}
