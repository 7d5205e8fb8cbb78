import LinearProgramming
import TestSupport
import Testing

@testable import GLPKSolver

/// `SolverOptions.tuning`: every cut, branching, backtracking and heuristic switch reaches the
/// same proven optimum (they change the search, never the answer), bounds stay valid, and bad
/// values are rejected before GLPK sees them.
@Suite("GLPK MIP tuning")
struct GLPKTuningTests {
    /// Knapsacks with two capacity rows and a few set-packing rows: fractional at the root, with
    /// cover, clique and MIR cut opportunities.
    static func model(items: Int, seed: UInt64) -> LinearModel {
        var rng = SeededGenerator(seed: seed)
        var m = LinearModel(name: "tuning", sense: .maximize)
        var weight: [Term] = [], volume: [Term] = []
        var columns: [ColumnID] = []
        for i in 0..<items {
            let w = Double(20 + rng.next() % 60), v = Double(10 + rng.next() % 40)
            let x = m.addColumn("x\(i)", kind: .binary, lower: 0, upper: 1, objective: w + Double(rng.next() % 25))
            columns.append(x)
            weight.append(Term(x, w)); volume.append(Term(x, v))
        }
        m.addRow("weight", LinearExpression(weight), upper: 13.5 * Double(items))
        m.addRow("volume", LinearExpression(volume), upper: 9.5 * Double(items))
        for i in stride(from: 0, to: items - 2, by: 3) {
            m.addRow(
                "pack\(i)", LinearExpression([Term(columns[i], 1), Term(columns[i + 1], 1), Term(columns[i + 2], 1)]),
                upper: 1)
        }
        return m
    }

    static let tunings: [MIPTuning] = [
        MIPTuning(),
        .cuts(true),
        MIPTuning(gomoryCuts: true),
        MIPTuning(mirCuts: true),
        MIPTuning(coverCuts: true),
        MIPTuning(cliqueCuts: true),
        MIPTuning(branching: .pseudoCost, backtracking: .bestBound),
        MIPTuning(branching: .firstFractional, backtracking: .depthFirst),
        MIPTuning(branching: .lastFractional, backtracking: .breadthFirst),
        MIPTuning(branching: .mostFractional, backtracking: .bestProjection),
        MIPTuning(branching: .driebeckTomlin, feasibilityPump: true),
        MIPTuning(feasibilityPump: true, proximitySearchSeconds: 0.5),
        MIPTuning(
            gomoryCuts: true, mirCuts: true, coverCuts: true, cliqueCuts: true, branching: .pseudoCost,
            feasibilityPump: true, proximitySearchSeconds: 0),
    ]

    @Test(arguments: [UInt64(1), 2, 3])
    func everyTuningProvesTheSameOptimum(seed: UInt64) throws {
        let model = Self.model(items: 24, seed: seed)
        let reference = try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: 60))
        #expect(reference.status == .optimal)
        let optimum = try #require(reference.objective)
        for tuning in Self.tunings {
            var options = SolverOptions(timeLimitSeconds: 60)
            options.tuning = tuning
            let solution = try GLPKSolver().solve(model, options: options)
            #expect(solution.status == .optimal, "\(tuning)")
            #expect(isClose(solution.objective, optimum), "\(tuning): \(solution.objective ?? .nan) vs \(optimum)")
            #expect((solution.bestBound ?? -.infinity) >= optimum - 1e-6, "\(tuning)")
        }
    }

    /// A node-limited search with cuts still returns a bound no lower than the optimum.
    @Test func nodeLimitedBoundsWithCutsStayValid() throws {
        let model = Self.model(items: 45, seed: 7)
        let optimum = try #require(
            try GLPKSolver().solve(model, options: SolverOptions(timeLimitSeconds: 60)).objective)
        var options = SolverOptions(timeLimitSeconds: 60)
        options.tuning = MIPTuning(
            gomoryCuts: true, mirCuts: true, coverCuts: true, cliqueCuts: true,
            branching: .pseudoCost)
        options.nodeLimit = 2
        options.initialSolution = Array(repeating: 0, count: model.columns.count)
        let limited = try GLPKSolver().solve(model, options: options)
        #expect(limited.hasPoint)
        #expect((limited.bestBound ?? -.infinity) >= optimum - 1e-6)
        #expect((limited.objective ?? .infinity) <= optimum + 1e-6)
    }

    @Test(arguments: [-1.0, .nan, .infinity])
    func rejectsABadProximityTime(seconds: Double) {
        var options = SolverOptions()
        options.tuning.proximitySearchSeconds = seconds
        #expect(throws: LinearProgrammingError.self) {
            try GLPKSolver().solve(Self.model(items: 6, seed: 1), options: options)
        }
    }

    @Test func problemsListTheProximityTime() {
        #expect(MIPTuning(proximitySearchSeconds: -2).problems.count == 1)
        #expect(MIPTuning(proximitySearchSeconds: 3).problems.isEmpty)
        #expect(MIPTuning.cuts(true) == MIPTuning(gomoryCuts: true, mirCuts: true, coverCuts: true, cliqueCuts: true))
    }
}
