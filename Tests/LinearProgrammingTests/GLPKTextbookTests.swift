import GLPKSolver
import LinearProgramming
import TestSupport
import Testing

/// Textbook LPs and MIPs with known optima (and duals), checked against brute force.
@Suite struct GLPKTextbookTests {
    let solver = GLPKSolver()

    // MARK: - LP

    @Test(arguments: [true, false]) func dietOptimumAndDuals(presolve: Bool) throws {
        let s = try solver.solve(Models.diet(), options: SolverOptions(presolve: presolve, computeDuals: true))
        #expect(s.status == .optimal)
        #expect(isClose(s.objective, 0.9))
        #expect(isClose(s.bestBound, 0.9))
        #expect(isClose(s.gap, 0))
        let expected = [0.0, 3, 1, 0]
        #expect(zip(s.columnValues, expected).allSatisfy { isClose($0, $1) }, "\(s.columnValues)")
        let duals = try #require(s.rowDuals)
        #expect(zip(duals, [0, 0.025, 0.075, 0]).allSatisfy { isClose($0, $1) }, "\(duals)")
    }

    @Test func maximisationDualsArePositiveForBindingCapacity() throws {
        let s = try solver.solve(Models.wyndor(), options: SolverOptions(computeDuals: true))
        #expect(s.status == .optimal)
        #expect(isClose(s.objective, 36))
        #expect(isClose(s.columnValues[0], 2) && isClose(s.columnValues[1], 6))
        let duals = try #require(s.rowDuals)
        #expect(zip(duals, [0, 1.5, 1]).allSatisfy { isClose($0, $1) }, "\(duals)")
    }

    @Test func objectiveConstantIsIncluded() throws {
        var m = Models.wyndor()
        m.objectiveConstant = 100
        let s = try solver.solve(m, options: SolverOptions())
        #expect(isClose(s.objective, 136))
        #expect(isClose(s.bestBound, 136))
    }

    @Test func noColumnsAndNoRows() throws {
        var empty = LinearModel(name: "empty", sense: .minimize)
        empty.objectiveConstant = 7
        empty.addRow("zero_ok", LinearExpression([]), lower: -1, upper: 1)
        let s = try solver.solve(empty, options: SolverOptions(computeDuals: true))
        #expect(s.status == .optimal && isClose(s.objective, 7) && s.rowDuals == [0])
        empty.addRow("needs_one", LinearExpression([]), lower: 1)
        #expect(try solver.solve(empty, options: SolverOptions()).status == .infeasible)

        var noRows = LinearModel(name: "free", sense: .maximize)
        noRows.addColumn("x", kind: .integer, lower: -3, upper: 5, objective: 2)
        noRows.addColumn("y", lower: 0, upper: 1.5, objective: 1)
        let t = try solver.solve(noRows, options: SolverOptions())
        #expect(t.status == .optimal && isClose(t.objective, 11.5))
    }

    // MARK: - MIP

    @Test(arguments: [(UInt64(1), true), (2, false), (3, true), (4, false)])
    func knapsackMatchesDynamicProgramming(seed: UInt64, presolve: Bool) throws {
        let k = Models.knapsack(count: 18, seed: seed)
        let s = try solver.solve(k.model, options: SolverOptions(presolve: presolve))
        #expect(s.status == .optimal)
        // Integer weights: best value for every capacity.
        var best = [Double](repeating: 0, count: Int(k.capacity) + 1)
        for (value, weight) in zip(k.values, k.weights) {
            for c in stride(from: Int(k.capacity), through: Int(weight), by: -1) {
                best[c] = max(best[c], best[c - Int(weight)] + value)
            }
        }
        #expect(isClose(s.objective, best[Int(k.capacity)]))
        #expect(isClose(s.bestBound, best[Int(k.capacity)]))
        #expect(k.model.violation(of: s.columnValues) < 1e-9)
        #expect(s.columnValues.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test func assignmentMatchesAllPermutations() throws {
        let cost: [[Double]] = [
            [9, 2, 7, 8, 6], [6, 4, 3, 7, 5], [5, 8, 1, 8, 4], [7, 6, 9, 4, 3], [2, 7, 5, 6, 8],
        ]
        let n = cost.count
        var m = LinearModel(name: "assignment", sense: .minimize)
        var x: [[ColumnID]] = []
        for w in 0..<n {
            x.append((0..<n).map { t in m.addColumn("x[w\(w),t\(t)]", kind: .binary, objective: cost[w][t]) })
        }
        for w in 0..<n {
            m.addRow("worker[\(w)]", LinearExpression((0..<n).map { Term(x[w][$0], 1) }), lower: 1, upper: 1)
        }
        for t in 0..<n {
            m.addRow("task[\(t)]", LinearExpression((0..<n).map { Term(x[$0][t], 1) }), lower: 1, upper: 1)
        }
        let s = try solver.solve(m, options: SolverOptions())
        #expect(s.status == .optimal)
        #expect(isClose(s.objective, bestPermutationCost(cost)))
        #expect(m.violation(of: s.columnValues) < 1e-9)
    }

    private func bestPermutationCost(_ cost: [[Double]]) -> Double {
        func search(_ row: Int, _ used: Set<Int>) -> Double {
            if row == cost.count { return 0 }
            return (0..<cost.count).filter { !used.contains($0) }
                .map { cost[row][$0] + search(row + 1, used.union([$0])) }.min() ?? .infinity
        }
        return search(0, [])
    }

    @Test(arguments: [UInt64(7), 8, 9]) func facilityLocationMatchesBruteForce(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let sites = 5, customers = 9
        let fixed = (0..<sites).map { _ in Double(Int.random(in: 20...60, using: &rng)) }
        let serve = (0..<sites).map { _ in (0..<customers).map { _ in Double(Int.random(in: 1...30, using: &rng)) } }
        var m = LinearModel(name: "ufl", sense: .minimize)
        let open = (0..<sites).map { m.addColumn("open[\($0)]", kind: .binary, objective: fixed[$0]) }
        for c in 0..<customers {
            let flows = (0..<sites).map { f in m.addColumn("serve[\(f),\(c)]", upper: 1, objective: serve[f][c]) }
            m.addRow("demand[\(c)]", LinearExpression(flows.map { Term($0, 1) }), lower: 1, upper: 1)
            for f in 0..<sites { m.addRow("link[\(f),\(c)]", [(flows[f], 1), (open[f], -1)], upper: 0) }
        }
        let s = try solver.solve(m, options: SolverOptions())
        #expect(s.status == .optimal)
        var best = Double.infinity
        for mask in 1..<(1 << sites) {
            let chosen = (0..<sites).filter { mask & (1 << $0) != 0 }
            let total =
                chosen.reduce(0) { $0 + fixed[$1] }
                + (0..<customers).reduce(0) { sum, c in sum + chosen.map { serve[$0][c] }.min()! }
            best = min(best, total)
        }
        #expect(isClose(s.objective, best))
        #expect(m.violation(of: s.columnValues) < 1e-7)
    }

    /// Integers fixed, the LP left has a continuous purchase column in the capacity row,
    /// so that row's dual is the purchase price.
    @Test(arguments: [true, false]) func mipDualsFromFixedIntegers(presolve: Bool) throws {
        var m = LinearModel(name: "purchase", sense: .maximize)
        let a = m.addColumn("a", kind: .integer, upper: 2, objective: 5)
        let b = m.addColumn("b", kind: .integer, upper: 3, objective: 5)
        let buy = m.addColumn("buy", upper: 4, objective: -2)
        m.addRow("capacity", [(a, 3), (b, 2), (buy, -1)], upper: 10)
        let s = try solver.solve(m, options: SolverOptions(presolve: presolve, computeDuals: true))
        #expect(s.status == .optimal)
        #expect(isClose(s.objective, 21))
        #expect(isClose(s.columnValues[0], 2) && isClose(s.columnValues[1], 3) && isClose(s.columnValues[2], 2))
        #expect(s.rowDuals.map { isClose($0[0], 2) } == true, "\(String(describing: s.rowDuals))")
    }

    @Test func pureBinaryDualsAreZero() throws {
        let k = Models.knapsack(count: 10, seed: 5)
        let s = try solver.solve(k.model, options: SolverOptions(computeDuals: true))
        #expect(s.status == .optimal)
        #expect(s.rowDuals == [0])
    }
}
