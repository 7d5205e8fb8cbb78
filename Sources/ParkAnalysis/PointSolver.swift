import Foundation
import LinearProgramming
import ParkModel
import ParkPlanning
import ParkVerification

/// What solving one edited scenario gave: the plan (verified) or why there is none.
public struct PointOutcome: Sendable {
    /// The plan; nil when the edited scenario did not resolve (see `problem`) or planning failed.
    public var plan: Plan?
    /// The edited scenario (nil when it did not resolve).
    public var scenario: Scenario?
    /// Why there is no plan: a scenario problem at this point or an internal error.
    public var problem: String?
    /// Seconds the point took (not written to any file: it varies between runs).
    public var seconds: Double
}

/// Solves one point of a sweep or one marginal probe: the scenario document with `variant` and the
/// `sets` (`PATH=VALUE`) applied by the loader's own `--set` machinery, planned cold or, with
/// `startPlan`, from a neighbouring point's plan (`PlanningOptions.startPlan`).
///
/// Every sweep point and marginal goes through `solve`, on the calling thread (one GLPK solve per
/// thread).
public enum PointSolver {
    public static func solve(
        document: ScenarioDocument, variant: String?, sets: [String], solver: any LinearSolver,
        options: PlanningOptions, startPlan: Plan? = nil
    ) -> PointOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let scenario: Scenario
        do {
            scenario = try document.resolve(variant: variant, sets: sets)
        } catch {
            return PointOutcome(plan: nil, scenario: nil, problem: "\(error)", seconds: elapsed())
        }
        do {
            var options = options
            if let startPlan { options.startPlan = startPlan }
            let result = try Planner.plan(scenario, variant: variant, solver: solver, options: options)
            // The planner verifies already; checked again here because every reported point's
            // plan must pass the independent verifier.
            if !result.plan.placements.isEmpty || !result.plan.expansions.isEmpty {
                let violations = PlanVerifier.violations(of: result.plan, in: scenario)
                if !violations.isEmpty {
                    return PointOutcome(
                        plan: nil, scenario: scenario,
                        problem: "internal error: the plan fails the verifier: "
                            + violations.joined(separator: "; "), seconds: elapsed())
                }
            }
            return PointOutcome(plan: result.plan, scenario: scenario, problem: nil, seconds: elapsed())
        } catch {
            return PointOutcome(plan: nil, scenario: scenario, problem: "\(error)", seconds: elapsed())
        }
    }
}

/// Runs `count` independent jobs on up to `jobs` threads, each job wholly on one thread; results
/// in index order whatever order they finish in.
enum ParallelRunner {
    static func run<T: Sendable>(count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let box = ResultBox<T>(count: count)
        let threads = max(1, min(jobs, count))
        let done = DispatchSemaphoreBox(threads)
        for _ in 0..<threads {
            let thread = Thread {
                while let index = box.next() { box.store(body(index), at: index) }
                done.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        done.waitAll()
        return box.results()
    }
}
