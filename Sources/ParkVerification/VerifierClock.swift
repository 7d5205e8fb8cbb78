import ParkModel

/// contract §1 time mapping, written again from the contract text for the verifier alone.
///
/// The verifier deliberately does not use `Horizon+Periods.swift` or the
/// planning instance: a misreading of §1 in the shared code then shows up as a
/// disagreement instead of being repeated here.
struct VerifierClock: Sendable {
    /// The month that begins period 0.
    let start: YearMonth
    /// Months per period, S (> 0).
    let step: Int
    /// Number of periods, `ceil(N / S)`.
    let count: Int

    init(_ horizon: Horizon) {
        start = horizon.start
        step = max(1, horizon.stepMonths ?? 1)
        count = VerifierClock.up(max(0, horizon.months), step)
    }

    /// The last period, `count - 1`.
    var last: Int { count - 1 }

    // MARK: - Integer division, rounding towards ±infinity (b > 0)

    /// `ceil(a / b)` for any sign of `a`.
    static func up(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }

    /// `floor(a / b)` for any sign of `a`.
    static func down(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    // MARK: - contract §1 mappings

    /// Months from the horizon start to `date` (negative before it).
    func offset(_ date: YearMonth) -> Int { date.months(since: start) }

    /// "Available from date d": `ceil(months(d - start) / S)`, 0 for a date
    /// before the start or no date. May be past the last period.
    func availableFrom(_ date: YearMonth?) -> Int {
        guard let date else { return 0 }
        let months = offset(date)
        return months <= 0 ? 0 : VerifierClock.up(months, step)
    }

    /// A duration in months as periods, `ceil(months / S)`.
    func periods(months: Int) -> Int { months <= 0 ? 0 : VerifierClock.up(months, step) }

    /// A project window as periods: `[ceil(earliest), floor(latest)]` intersected
    /// with `[0, last]`. Nil when the intersection is empty.
    func window(earliest: YearMonth?, latest: YearMonth?) -> ClosedRange<Int>? {
        let low = earliest.map { VerifierClock.up(offset($0), step) } ?? 0
        let high = latest.map { VerifierClock.down(offset($0), step) } ?? last
        let clippedLow = max(0, low)
        let clippedHigh = min(last, high)
        return clippedLow <= clippedHigh ? clippedLow...clippedHigh : nil
    }

    /// The earliest period of a project's window, clipped to the horizon (the
    /// reference point of the §4 delay). A window starting after the horizon
    /// gives a period past the last one.
    func earliestPeriod(_ earliest: YearMonth?) -> Int {
        max(0, earliest.map { VerifierClock.up(offset($0), step) } ?? 0)
    }

    /// The month that begins period `t` (also for `t` past the horizon).
    func month(_ t: Int) -> YearMonth { start.adding(months: t * step) }

    /// The period that `month` begins, or nil when `month` begins no period
    /// within the horizon (not aligned to the step, or outside `[0, last]`).
    func period(beginning month: YearMonth) -> Int? {
        let months = offset(month)
        guard months >= 0, months % step == 0 else { return nil }
        let t = months / step
        return t <= last ? t : nil
    }
}
