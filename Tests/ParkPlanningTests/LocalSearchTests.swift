import Foundation
import Testing
import ParkModel
@testable import ParkPlanning

/// Hand-run measurement (not a test of timing): `H1_BENCH=greedy` prints greedy time and value
/// per generated size and seed. Build in release for meaningful figures.
@Suite("Heuristic measurements (hand-run)")
struct HeuristicMeasurements {
    static let mode = ProcessInfo.processInfo.environment["H1_BENCH"] ?? ""

    static func seconds(_ body: () -> Void) -> Double {
        let t0 = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    }

    static func list(_ name: String, _ fallback: String) -> [Int] {
        (ProcessInfo.processInfo.environment[name] ?? fallback).split(separator: ",").compactMap { Int($0) }
    }

    @Test("greedy time and value", .enabled(if: mode.contains("greedy")))
    func greedy() {
        let sizes = Self.list("H1_SIZES", "20,50,100,150,600")
        for size in sizes {
            for seed in Self.list("H1_SEEDS", "1,2,3").map(UInt64.init) {
                for step in Self.list("H1_STEPS", "1,3") {
                    let scenario = ScenarioGenerator(.init(projects: size, stepMonths: step, seed: seed)).generate()
                    let index = ModelIndex(instance: PlanningInstance(scenario))
                    var result: Assignment?
                    let s = Self.seconds { result = GreedyHeuristic(index: index).run() }
                    let value = result.map { PlanBuilder.value(PlanBuilder.valueParts($0, index.instance)) }
                    print(String(format: "GREEDY size %d seed %d step %d: %.3f s value %@", size, Int(seed), step, s,
                                 value.map { String(format: "%.12g", $0) } ?? "nil"))
                }
            }
        }
    }
}
