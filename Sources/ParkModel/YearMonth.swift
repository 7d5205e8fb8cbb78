/// A calendar month, written `YYYY-MM` (a `YYYY-MM-DD` is read as its month).
public struct YearMonth: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    /// 1...12
    public let month: Int

    /// Creates a month; returns nil when `month` is not in 1...12 or the year is not in 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` or `YYYY-MM-DD` (the day must exist in that month).
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
            parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let y = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(year: y, month: m)
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), d >= 1, d <= Self.daysIn(year: y, month: m)
            else { return nil }
        }
    }

    /// Months since year 0, month 1: a linear index for arithmetic.
    public var ordinal: Int { year * 12 + (month - 1) }

    public init(ordinal: Int) {
        year = ordinal / 12
        month = ordinal % 12 + 1
    }

    /// This month plus `months` (may be negative).
    public func adding(months: Int) -> YearMonth { YearMonth(ordinal: ordinal + months) }

    /// Whole months from `other` to `self` (`self - other`).
    public func months(since other: YearMonth) -> Int { ordinal - other.ordinal }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a month YYYY-MM, found \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
