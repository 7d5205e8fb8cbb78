import Foundation
import GLPKSolver
import LinearProgramming
import Testing

/// Nothing a caller passes may abort the process: random small models built from a pool
/// of hostile values either solve (with a feasible point when they say so) or throw.
@Suite struct GLPKRobustnessTests {
    let solver = GLPKSolver()

    /// Values drawn from `clean` 59 times in 60, otherwise from `hostile`.
    private struct Pool<T: Sendable>: Sendable {
        var clean: [T], hostile: [T]
        func draw(_ rng: inout SeededGenerator) -> T {
            Int.random(in: 0..<60, using: &rng) == 0
                ? hostile.randomElement(using: &rng)! : clean.randomElement(using: &rng)!
        }
    }
    private static let numbers = Pool<Double>(
        clean: [0, 1, -2.5, 3, 7, 1e6, -1e-6, 1e-13, 1e12],
        hostile: [1e-300, -1e-300, 1e16, -1e29, 1e31, .nan, .infinity, -.infinity])
    private static let bounds = Pool<Double?>(
        clean: [nil, nil, 0, 1, -1, 5, 10, 1e15, -1e15],
        hostile: [0.5, 1e16, -1e29, .nan, .infinity, -.infinity, -1e-300])
    private static let names = Pool(
        clean: ["a", "b", "r[1]", "C07_power[S1,2023-01]", "x.1", "a"],
        hostile: ["", "x y", "电站", String(repeating: "z", count: 256), "t\tab"])

    private func randomModel(_ rng: inout SeededGenerator) -> LinearModel {
        var m = LinearModel(name: Self.names.draw(&rng), sense: Bool.random(using: &rng) ? .maximize : .minimize)
        let columnCount = Int.random(in: 0...4, using: &rng)
        for _ in 0..<columnCount {
            let kind = ColumnKind.allCasesForTests.randomElement(using: &rng)!
            let (lower, upper) = orderedBounds(&rng)
            let c = m.addColumn(
                Self.names.draw(&rng), kind: kind, lower: lower, upper: upper,
                objective: Self.numbers.draw(&rng))
            if kind == .binary, Int.random(in: 0..<20, using: &rng) != 0 { m.setBounds(c, lower: 0, upper: 1) }
        }
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            var indices = Array((0..<columnCount).shuffled(using: &rng).prefix(Int.random(in: 0...4, using: &rng)))
            switch Int.random(in: 0..<60, using: &rng) {
            case 0: indices.append(columnCount)  // out of range
            case 1: if let first = indices.first { indices.append(first) }  // duplicate entry
            default: break
            }
            let terms = indices.map { Term(ColumnID($0), Self.numbers.draw(&rng)) }
            let (lower, upper) = orderedBounds(&rng)
            m.addRow(Self.names.draw(&rng), LinearExpression(terms), lower: lower, upper: upper)
        }
        if Bool.random(using: &rng) { m.objectiveConstant = Self.numbers.draw(&rng) }
        return m
    }

    /// Two bounds, put in order except once in 20 draws.
    private func orderedBounds(_ rng: inout SeededGenerator) -> (Double?, Double?) {
        let a = Self.bounds.draw(&rng), b = Self.bounds.draw(&rng)
        if let x = a, let y = b, x > y, Int.random(in: 0..<20, using: &rng) != 0 { return (y, x) }
        return (a, b)
    }

    private func randomOptions(_ rng: inout SeededGenerator, columns: Int) -> SolverOptions {
        // Always limited: branch-and-bound on unbounded integer columns need not terminate.
        let limits = Pool<Double?>(clean: [0, 0.05, 0.5], hostile: [-1, .nan])
        let gaps = Pool<Double?>(clean: [nil, 0, 0.1], hostile: [-1, .nan])
        let starts = Pool<[Double]?>(
            clean: [nil, [Double](repeating: 0, count: columns), [Double](repeating: 1, count: columns)],
            hostile: [[Double](repeating: .nan, count: columns), [1]])
        return SolverOptions(
            timeLimitSeconds: limits.draw(&rng), relativeGap: gaps.draw(&rng),
            presolve: Bool.random(using: &rng), initialSolution: starts.draw(&rng),
            computeDuals: Bool.random(using: &rng),
            emphasis: SolverEmphasis.allCases.randomElement(using: &rng)!)
    }

    @Test func hostileModelsNeverAbort() throws {
        var rng = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["GLPK_FUZZ_SEED"] ?? "") ?? 2024)
        var solved = 0, rejected = 0, numericalFailures = 0
        let count = Int(ProcessInfo.processInfo.environment["GLPK_FUZZ_COUNT"] ?? "") ?? 1500
        for _ in 0..<count {
            let m = randomModel(&rng)
            let options = randomOptions(&rng, columns: m.columns.count)
            do {
                if ProcessInfo.processInfo.environment["GLPK_FUZZ_TRACE"] != nil {
                    FileHandle.standardError.write(
                        "MODEL \(m)\nOPTIONS \(options.timeLimitSeconds as Any) \(options.presolve) \(options.initialSolution as Any) duals=\(options.computeDuals) \(options.emphasis)\n"
                            .data(using: .utf8)!)
                }
                let s = try solver.solve(m, options: options)
                solved += 1
                if s.status == .numericalFailure { numericalFailures += 1 }
                if s.hasPoint {
                    #expect(s.columnValues.count == m.columns.count)
                    #expect(m.relativeViolation(of: s.columnValues) <= 1e-5, "\(m) \(s)")
                }
                for format in ModelFormat.allCases { _ = try? solver.export(m, format: format) }
            } catch is LinearProgrammingError {
                rejected += 1
            }
        }
        #expect(numericalFailures * 50 <= solved, "numerical failures stay rare: \(numericalFailures) of \(solved)")
        #expect(solved > 300 && rejected > 300, "both outcomes exercised: \(solved) solved, \(rejected) rejected")
    }
}

extension ColumnKind {
    static let allCasesForTests: [ColumnKind] = [.continuous, .integer, .binary]
}
