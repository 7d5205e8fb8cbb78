import Foundation
import LinearProgramming

/// SplitMix64: a small seeded generator so random models are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Collects progress events from the solving thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ProgressEvent] = []
    var events: [ProgressEvent] { lock.withLock { storage } }
    func record(_ event: ProgressEvent) { lock.withLock { storage.append(event) } }
}

extension LinearModel {
    /// Largest violation of any bound, integrality or row by `values` (0 when feasible).
    func violation(of values: [Double]) -> Double {
        var worst = 0.0
        for (column, value) in zip(columns, values) {
            if let lower = column.lower { worst = max(worst, lower - value) }
            if let upper = column.upper { worst = max(worst, value - upper) }
            if column.kind != .continuous { worst = max(worst, abs(value - value.rounded())) }
        }
        for row in rows {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.column.index] }
            if let lower = row.lower { worst = max(worst, lower - activity) }
            if let upper = row.upper { worst = max(worst, activity - upper) }
        }
        return worst
    }
}

extension LinearModel {
    /// Largest violation of a bound, integrality or row by `values`, each relative to
    /// `max(1, |bound|, Σ|a·x|)` (the magnitudes a solver's tolerances scale with).
    func relativeViolation(of values: [Double]) -> Double {
        var worst = 0.0
        for (column, value) in zip(columns, values) {
            if let lower = column.lower { worst = max(worst, (lower - value) / max(1, abs(lower))) }
            if let upper = column.upper { worst = max(worst, (value - upper) / max(1, abs(upper))) }
            if column.kind != .continuous { worst = max(worst, abs(value - value.rounded())) }
        }
        for row in rows {
            let activity = row.terms.reduce(0) { $0 + $1.coefficient * values[$1.column.index] }
            let size = row.terms.reduce(1) { $0 + abs($1.coefficient * values[$1.column.index]) }
            if let lower = row.lower { worst = max(worst, (lower - activity) / max(size, abs(lower))) }
            if let upper = row.upper { worst = max(worst, (activity - upper) / max(size, abs(upper))) }
        }
        return worst
    }
}

// MARK: - Model builders shared by several suites

enum Models {
    /// Winston's diet problem: minimise cost of brownies, ice cream, cola and cheesecake
    /// subject to calories ≥ 500, chocolate ≥ 6 oz, sugar ≥ 10 oz, fat ≥ 8 oz.
    /// Optimum 0.9 (3 ice cream, 1 cola); duals 0, 0.025, 0.075, 0.
    static func diet() -> LinearModel {
        var m = LinearModel(name: "diet", sense: .minimize)
        let brownie = m.addColumn("brownie", objective: 0.5)
        let iceCream = m.addColumn("ice_cream", objective: 0.2)
        let cola = m.addColumn("cola", objective: 0.3)
        let cheesecake = m.addColumn("cheesecake", objective: 0.8)
        m.addRow("calories", [(brownie, 400), (iceCream, 200), (cola, 150), (cheesecake, 500)], lower: 500)
        m.addRow("chocolate", [(brownie, 3), (iceCream, 2)], lower: 6)
        m.addRow("sugar", [(brownie, 2), (iceCream, 2), (cola, 4), (cheesecake, 4)], lower: 10)
        m.addRow("fat", [(brownie, 2), (iceCream, 4), (cola, 1), (cheesecake, 5)], lower: 8)
        return m
    }

    /// Hillier & Lieberman's Wyndor Glass: maximise 3x + 5y; x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18.
    /// Optimum 36 at (2, 6); duals 0, 1.5, 1.
    static func wyndor() -> LinearModel {
        var m = LinearModel(name: "wyndor", sense: .maximize)
        let x = m.addColumn("doors", objective: 3)
        let y = m.addColumn("windows", objective: 5)
        m.addRow("plant1", [(x, 1)], upper: 4)
        m.addRow("plant2", [(y, 2)], upper: 12)
        m.addRow("plant3", [(x, 3), (y, 2)], upper: 18)
        return m
    }

    /// A 0/1 knapsack with `count` random items (seeded); capacity half the total weight.
    static func knapsack(
        count: Int, seed: UInt64
    ) -> (model: LinearModel, values: [Double], weights: [Double], capacity: Double) {
        var rng = SeededGenerator(seed: seed)
        let values = (0..<count).map { _ in Double(Int.random(in: 10...99, using: &rng)) }
        let weights = (0..<count).map { _ in Double(Int.random(in: 5...60, using: &rng)) }
        let capacity = (weights.reduce(0, +) / 2).rounded(.down)
        var m = LinearModel(name: "knapsack", sense: .maximize)
        let columns = (0..<count).map { m.addColumn("take[\($0)]", kind: .binary, objective: values[$0]) }
        m.addRow("capacity", LinearExpression(columns.indices.map { Term(columns[$0], weights[$0]) }), upper: capacity)
        return (m, values, weights, capacity)
    }

    /// Jeroslow's problem: 2·Σx + z = n (n odd), all binary, minimise z. The optimum is 1,
    /// but plain branch-and-bound needs about 2^(n/2) nodes to prove it.
    /// With `withSlack == false` z is dropped and the problem is infeasible (just as hard).
    static func jeroslow(n: Int, withSlack: Bool) -> LinearModel {
        var m = LinearModel(name: "jeroslow", sense: .minimize)
        var row = LinearExpression([])
        for i in 0..<n { row.add(m.addColumn("x\(i)", kind: .binary), 2) }
        if withSlack { row.add(m.addColumn("z", kind: .binary, objective: 1)) }
        m.addRow("parity", row, lower: Double(n), upper: Double(n))
        return m
    }
}
