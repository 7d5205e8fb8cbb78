import ParkModel

/// The one float comparison of the test suites: `a ≈ b` within `tolerance` relative to
/// `max(1, |a|, |b|)` (so absolute near zero); nil never agrees.
public func isClose(_ a: Double?, _ b: Double, tolerance: Double = 1e-6) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Shared fixture pieces of the test suites.
public enum Fixture {
    /// The month `YYYY-MM`; a typo in a test is a test bug, so it stops the run.
    public static func month(_ text: String) -> YearMonth {
        guard let m = YearMonth(parsing: text) else { fatalError("bad month \(text) in a test fixture") }
        return m
    }
}
