/// contract §1: mapping months to periods.
extension Horizon {
    /// Number of periods, `ceil(months / step)`.
    public var periodCount: Int { (months + step - 1) / step }

    /// The month that begins period `t`.
    public func month(ofPeriod t: Int) -> YearMonth { start.adding(months: t * step) }

    /// "Available from" a date (readiness, pinned starts, expansion earliest):
    /// `ceil(months(d - start) / S)`, and 0 for dates before the start or nil.
    /// May be ≥ `periodCount` (never available within the horizon).
    public func availablePeriod(_ date: YearMonth?) -> Int {
        guard let date else { return 0 }
        let m = date.months(since: start)
        return m <= 0 ? 0 : Self.ceilDiv(m, step)
    }

    /// The last period whose start is at or before `date`: `floor(months(d - start) / S)`.
    /// Negative for dates before the start.
    public func floorPeriod(_ date: YearMonth) -> Int {
        Self.floorDiv(date.months(since: start), step)
    }

    /// A duration in months as whole periods, `ceil(months / S)`.
    public func periods(forMonths months: Int) -> Int { months <= 0 ? 0 : Self.ceilDiv(months, step) }

    static func ceilDiv(_ a: Int, _ b: Int) -> Int { -floorDiv(-a, b) }
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
