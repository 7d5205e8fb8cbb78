/// A small, seeded, deterministic pseudo-random generator (SplitMix64, Steele et al. 2014).
///
/// The same seed gives the same sequence on every platform and Swift version, which
/// `SystemRandomNumberGenerator` and the standard library's `random(in:)` do not promise.
/// All helpers below use only integer arithmetic and one fixed float conversion.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    // MARK: - Derived draws

    /// A double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A double in [low, high).
    public mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// An integer in `range` (multiply-shift; the bias is below 2⁻³² for ranges used here).
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) &+ 1
        if width == 0 { return Int(truncatingIfNeeded: next()) }
        let scaled = next().multipliedFullWidth(by: width).high
        return range.lowerBound + Int(scaled)
    }

    /// true with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A generator for an independent stream, derived from this one (used per list so that
    /// changing one list's size does not reshuffle the others).
    public mutating func fork() -> SplitMix64 { SplitMix64(seed: next()) }
}
