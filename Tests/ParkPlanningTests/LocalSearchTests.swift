import Foundation
import Testing
import ParkModel
@testable import ParkPlanning

/// Hand-run measurement (not a test of timing): `H1_BENCH=greedy` prints greedy time and value
/// per generated size and seed. Build in release for meaningful figures.
@Suite("Heuristic measurements (hand-run)")
struct HeuristicMeasurements {
    static let mode = ProcessInfo.processInfo.environment["H1_BENCH"] ?? ""

    /// CPU seconds (user + system) of the process so far.
    static func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

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
                    let c0 = Self.cpu()
                    let s = Self.seconds { result = GreedyHeuristic(index: index).run() }
                    let cpu = Self.cpu() - c0
                    let value = result.map { PlanBuilder.value(PlanBuilder.valueParts($0, index.instance)) }
                    if Self.mode.contains("orders") {
                        let h = GreedyHeuristic(index: index)
                        for density in [false, true] {
                            let order = h.placementOrder(byDensity: density)
                            let t = Self.seconds { _ = h.run(order: order) }
                            print(String(format: "  order density=%d: %.3f s", density ? 1 : 0, t))
                            var state = HeuristicState(index: index)
                            var line = "   phases"
                            line += String(format: " greedy %.3f", Self.seconds {
                                for p in order {
                                    let option = state.bestOption(p, allowExpansions: true)
                                    if let option, index.instance.projects[p].mustPlace || option.net > 0 { state.apply(p, option) }
                                }
                            })
                            line += String(format: " reinsert %.3f", Self.seconds { h.reinsert(&state, order: order) })
                            line += String(format: " earlier %.3f", Self.seconds { h.moveEarlier(&state, order: order) })
                            line += String(format: " probes %.3f", Self.seconds { h.probeExpansions(&state, order: order) })
                            line += String(format: " drop %.3f", Self.seconds { h.dropUnneededExpansions(&state) })
                            line += String(format: " reinsert %.3f", Self.seconds { h.reinsert(&state, order: order) })
                            line += String(format: " earlier %.3f", Self.seconds { h.moveEarlier(&state, order: order) })
                            line += String(format: " swap %.3f", Self.seconds { h.swapCandidates(&state, order: order) })
                            line += String(format: " earlier %.3f", Self.seconds { h.moveEarlier(&state, order: order) })
                            print(line)
                        }
                    }
                    print(String(format: "GREEDY size %d seed %d step %d: %.3f s value %@ cpu %.3f", size, Int(seed), step, s,
                                 value.map { String(format: "%.12g", $0) } ?? "nil", cpu))
                }
            }
        }
    }

    @Test("local search value and time", .enabled(if: mode.contains("ls")))
    func localSearch() throws {
        let roundsList = Self.list("H1_ROUNDS", "200,1000,5000")
        for size in Self.list("H1_SIZES", "50,100,150") {
            for seed in Self.list("H1_SEEDS", "1,2,3").map(UInt64.init) {
                let scenario = ScenarioGenerator(.init(projects: size, seed: seed)).generate()
                let index = ModelIndex(instance: PlanningInstance(scenario))
                let greedy = try #require(GreedyHeuristic(index: index).run())
                let before = PlanBuilder.value(PlanBuilder.valueParts(greedy, index.instance))
                var line = String(format: "LS size %d seed %d greedy %.6e", size, Int(seed), before)
                for rounds in roundsList {
                    var result = greedy
                    let s = Self.seconds {
                        result = LocalSearch(index: index).improve(greedy, rounds: rounds, seed: 1, shouldStop: { false })
                    }
                    let after = PlanBuilder.value(PlanBuilder.valueParts(result, index.instance))
                    line += String(format: " | %d: %.6e (+%.2f%%) %.2f s %.2f ms/round", rounds, after,
                                   (after - before) / before * 100, s, s / Double(rounds) * 1000)
                }
                print(line)
            }
        }
    }
}
