import GLPKSolver
import LinearProgramming
import TestSupport
import Testing

/// Progress events from the branch-and-cut callback, and warm starts.
@Suite struct GLPKProgressTests {
    let solver = GLPKSolver()

    /// A feasible point of `Models.jeroslow(n:withSlack: true)`: half the x's and z at 1.
    private func jeroslowPoint(n: Int) -> [Double] {
        (0..<n).map { $0 < n / 2 ? 1.0 : 0.0 } + [1]
    }

    @Test(arguments: [true, false]) func eventsAreSaneAndThrottled(presolve: Bool) throws {
        let log = EventLog()
        let interval = 0.05
        let m = Models.jeroslow(n: 41, withSlack: true)
        let options = SolverOptions(
            timeLimitSeconds: 0.6, presolve: presolve, progress: { log.record($0) },
            progressIntervalSeconds: interval)
        let s = try solver.solve(m, options: options)
        let events = log.events
        #expect(events.count >= 2, "first and final events at least")
        for (a, b) in zip(events, events.dropFirst()) {
            #expect(b.nodes >= a.nodes)
            #expect(b.elapsedSeconds >= a.elapsedSeconds)
        }
        for (a, b) in zip(events.dropLast(), events.dropLast().dropFirst()) {
            #expect(b.elapsedSeconds - a.elapsedSeconds >= interval - 1e-9, "throttled to the interval")
        }
        for e in events {
            if let gap = e.gap { #expect(gap >= 0) }
            if let i = e.incumbent, let b = e.bestBound { #expect(b <= i + 1e-9, "minimisation: bound ≤ incumbent") }
            #expect(e.nodes >= 0 && e.elapsedSeconds >= 0)
        }
        let last = try #require(events.last)
        #expect(last.incumbent == s.objective && last.bestBound == s.bestBound && last.gap == s.gap)
        #expect(last.nodes == s.nodes && s.nodes > 1)
        #expect(events.contains { $0.incumbent != nil })
    }

    @Test func lpSendsAFinalEvent() throws {
        let log = EventLog()
        let s = try solver.solve(Models.diet(), options: SolverOptions(progress: { log.record($0) }))
        #expect(log.events.count == 1)
        #expect(log.events.first?.incumbent == s.objective)
    }

    @Test func warmStartBecomesTheFirstIncumbent() throws {
        let log = EventLog()
        let m = Models.jeroslow(n: 41, withSlack: true)
        let start = jeroslowPoint(n: 41)
        let s = try solver.solve(
            m,
            options: SolverOptions(
                timeLimitSeconds: 0.3, progress: { log.record($0) },
                initialSolution: start))
        #expect(s.warmStartUsed)
        #expect(s.status == .feasible || s.status == .optimal)
        #expect(isClose(s.objective, 1))
        let first = try #require(log.events.first)
        #expect(first.incumbent == 1, "the first event already shows the warm start")
    }

    @Test func warmStartIsReturnedWhenTheLimitHitsBeforeTheSearch() throws {
        let m = Models.jeroslow(n: 41, withSlack: true)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0, initialSolution: jeroslowPoint(n: 41)))
        #expect(s.status == .feasible, "\(s.message)")
        #expect(s.warmStartUsed)
        #expect(s.columnValues == jeroslowPoint(n: 41))
    }

    @Test func nearlyIntegralWarmStartIsRounded() throws {
        let m = Models.jeroslow(n: 41, withSlack: true)
        let start = jeroslowPoint(n: 41).map { $0 == 1 ? 1 - 1e-9 : 1e-9 }
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0.2, initialSolution: start))
        #expect(s.warmStartUsed, "\(s.message)")
    }

    @Test(arguments: [
        ("fractional", (0..<41).map { _ in 0.5 } + [1.0], "not integral"),
        ("row violated", [Double](repeating: 1, count: 42), "row \"parity\""),
        ("out of bounds", [Double](repeating: 0, count: 41) + [2.0], "upper bound"),
    ])
    func unusableWarmStartIsIgnored(label: String, start: [Double], reason: String) throws {
        let m = Models.jeroslow(n: 41, withSlack: true)
        let s = try solver.solve(m, options: SolverOptions(timeLimitSeconds: 0.2, initialSolution: start))
        #expect(!s.warmStartUsed, "\(label)")
        #expect(s.message.contains("initial solution was not used"), "\(s.message)")
        #expect(s.message.contains(reason), "\(s.message)")
        #expect(s.status == .feasible || s.status == .noSolution)
    }

    @Test func warmStartOnAnLPIsIgnoredQuietly() throws {
        let s = try solver.solve(Models.diet(), options: SolverOptions(initialSolution: [0, 3, 1, 0]))
        #expect(s.status == .optimal && !s.warmStartUsed)
    }

    @Test(arguments: SolverEmphasis.allCases) func everyEmphasisSolvesTheKnapsack(emphasis: SolverEmphasis) throws {
        let k = Models.knapsack(count: 25, seed: 11)
        let reference = try solver.solve(k.model, options: SolverOptions())
        let s = try solver.solve(k.model, options: SolverOptions(timeLimitSeconds: 30, emphasis: emphasis))
        #expect(s.status == .optimal)
        #expect(isClose(s.objective, reference.objective ?? .nan))
    }
}
