import Foundation
import GLPKSolver
import LinearProgramming
import TestSupport
import Testing

/// Concurrent solves on separate threads, and a planner-shaped MIP with thousands of binaries.
@Suite struct GLPKScaleTests {
    let solver = GLPKSolver()

    @Test func concurrentSolvesGiveTheSequentialAnswers() throws {
        let models: [LinearModel] = [
            Models.diet(), Models.knapsack(count: 30, seed: 21).model, Models.wyndor(),
            Models.knapsack(count: 30, seed: 22).model,
        ]
        let sequential = try models.map { try solver.solve($0, options: SolverOptions(computeDuals: true)) }
        let results = ResultSlots(count: models.count * 3)
        let shared = solver
        DispatchQueue.concurrentPerform(iterations: models.count * 3) { index in
            let log = EventLog()
            let options = SolverOptions(progress: { log.record($0) }, computeDuals: true)
            results.set(index, Result { try shared.solve(models[index % models.count], options: options) })
        }
        for index in 0..<(models.count * 3) {
            let expected = sequential[index % models.count]
            let s = try results.get(index).get()
            #expect(s.status == expected.status)
            #expect(isClose(s.objective, expected.objective ?? .nan))
            #expect(s.columnValues.count == expected.columnValues.count)
            #expect(zip(s.rowDuals ?? [], expected.rowDuals ?? []).allSatisfy { isClose($0, $1) })
        }
    }

    @Test func plannerShapedMIPWithWarmStart() throws {
        let shaped = PlannerShapedModel(items: 60, bins: 50, periods: 6, seed: 42)
        #expect(shaped.model.columns.count == 3000)
        let greedy = shaped.greedyAssignment()
        let greedyValue = shaped.model.objectiveValue(greedy)
        #expect(shaped.model.violation(of: greedy) == 0)
        let log = EventLog()
        let options = SolverOptions(
            timeLimitSeconds: 5, relativeGap: 1e-4, progress: { log.record($0) },
            progressIntervalSeconds: 0.2, initialSolution: greedy)
        let s = try solver.solve(shaped.model, options: options)
        #expect(s.status == .optimal || s.status == .feasible, "\(s.message)")
        #expect(s.warmStartUsed, "\(s.message)")
        let objective = try #require(s.objective)
        #expect(objective >= greedyValue - 1e-6)
        #expect(shaped.model.violation(of: s.columnValues) <= 1e-6)
        #expect(isClose(shaped.model.objectiveValue(s.columnValues), objective))
        let bound = try #require(s.bestBound)
        #expect(bound >= objective - 1e-6)
        let events = log.events
        #expect(events.count >= 2)
        #expect(
            (events.first?.incumbent ?? -1) >= greedyValue - 1e-6,
            "the warm start is the incumbent from the first event")
        #expect(events.last?.incumbent == s.objective)
    }
}

/// Items placed into bins over periods: x[i,b] = 1 puts item i into bin b for the periods it
/// is active; each item at most once; per bin and period the active sizes fit the capacity.
struct PlannerShapedModel {
    var model = LinearModel(name: "planner_shaped", sense: .maximize)
    var x: [[ColumnID]] = []
    var sizes: [Double] = []
    var activePeriods: [[Int]] = []
    var capacities: [Double] = []

    init(items: Int, bins: Int, periods: Int, seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        sizes = (0..<items).map { _ in Double(Int.random(in: 1...10, using: &rng)) }
        activePeriods = (0..<items).map { _ in
            let start = Int.random(in: 0..<periods, using: &rng)
            return Array(start..<min(periods, start + Int.random(in: 1...periods, using: &rng)))
        }
        capacities = (0..<bins).map { _ in Double(Int.random(in: 6...16, using: &rng)) }
        for i in 0..<items {
            let base = Double(Int.random(in: 10...100, using: &rng))
            x.append(
                (0..<bins).map { b in
                    model.addColumn(
                        "x[i\(i),b\(b)]", kind: .binary,
                        objective: (base * Double.random(in: 0.5...1.5, using: &rng)).rounded())
                })
        }
        for i in 0..<items {
            model.addRow("once[i\(i)]", LinearExpression(x[i].map { Term($0, 1) }), upper: 1)
        }
        for b in 0..<bins {
            for t in 0..<periods {
                let active = (0..<items).filter { activePeriods[$0].contains(t) }
                guard !active.isEmpty else { continue }
                model.addRow(
                    "capacity[b\(b),t\(t)]", LinearExpression(active.map { Term(x[$0][b], sizes[$0]) }),
                    upper: capacities[b])
            }
        }
    }

    /// First fit by objective per unit of size: a feasible, usually decent plan.
    func greedyAssignment() -> [Double] {
        var values = [Double](repeating: 0, count: model.columns.count)
        var used = [[Double]](repeating: [Double](repeating: 0, count: 8), count: capacities.count)
        func density(_ pair: (Int, Int)) -> Double {
            model.columns[x[pair.0][pair.1].index].objective / sizes[pair.0]
        }
        let pairs: [(Int, Int)] = x.indices.flatMap { i in x[i].indices.map { (i, $0) } }
            .sorted { density($0) > density($1) }
        var placed = Set<Int>()
        for (i, b) in pairs where !placed.contains(i) {
            guard activePeriods[i].allSatisfy({ used[b][$0] + sizes[i] <= capacities[b] }) else { continue }
            for t in activePeriods[i] { used[b][t] += sizes[i] }
            values[x[i][b].index] = 1
            placed.insert(i)
        }
        return values
    }
}

/// Results written by concurrent workers, one slot each.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Solution, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: Result<Solution, any Error>) { lock.withLock { slots[index] = result } }
    func get(_ index: Int) -> Result<Solution, any Error> {
        lock.withLock { slots[index] } ?? .failure(LinearProgrammingError.solverFailure("slot \(index) empty"))
    }
}
