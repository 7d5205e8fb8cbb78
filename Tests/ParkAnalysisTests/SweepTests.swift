import Foundation
import ParkModel
import Testing

@testable import ParkAnalysis

@Suite(.serialized) struct SweepTests {
    /// More power never lowers the optimum; each marginal is the difference of the two optima.
    @Test func addingCapacityIsMonotoneAndMarginalsAreDifferences() throws {
        let document = try tinyDocument()
        let sweep = try Sweep(document: document, variant: nil, options: ["power.P1.capacity_mw=8..16/2"])
        let (result, seconds) = sweep.run(shard: nil, jobs: 2, planning: coldOptions, makeSolver: makeGLPK)
        #expect(seconds.count == 5)
        let values = result.points.compactMap(\.value)
        #expect(values.count == 5)
        for (a, b) in zip(values, values.dropFirst()) { #expect(b >= a - 1e-6) }
        for point in result.points.dropFirst() {
            let here = try optimum(document, sets: ["power.P1.capacity_mw=\(point.values[0])"])
            let previous = String(Int(point.values[0]).map { $0 - 2 } ?? 0)
            let there = try optimum(document, sets: ["power.P1.capacity_mw=\(previous)"])
            let expected = ((here.value ?? .nan) - (there.value ?? .nan)) / 2
            let marginal = try #require(result.marginal(of: point, along: 0))
            #expect(abs(marginal - expected) <= 1e-6 * max(1, abs(expected)))
        }
        #expect(result.marginal(of: result.points[0], along: 0) == nil)
    }

    /// Shards merged give byte for byte the files of a single run; jobs do not change the output.
    @Test func shardsMergeToTheSingleRun() throws {
        let document = try tinyDocument()
        let sweep = try Sweep(
            document: document, variant: nil,
            options: ["power.P1.capacity_mw=9..13/2", "buildings.B1.units=1..2"])
        let single = sweep.run(shard: nil, jobs: 2, planning: coldOptions, makeSolver: makeGLPK).result
        let serial = sweep.run(shard: nil, jobs: 1, planning: coldOptions, makeSolver: makeGLPK).result
        #expect(try single.json() == serial.json())
        #expect(single.csv() == serial.csv())
        var parts: [(name: String, result: SweepResult)] = []
        for k in [2, 1] {
            let part = sweep.run(shard: Shard(index: k, count: 2), jobs: 1, planning: coldOptions, makeSolver: makeGLPK)
                .result
            #expect(part.shard == "\(k)/2")
            // Through the file format, as `sweep merge` reads it.
            parts.append(("shard\(k)", try SweepResult.decode(try part.json())))
        }
        let merged = try SweepResult.merge(parts)
        #expect(try merged.json() == single.json())
        #expect(merged.csv() == single.csv())
        #expect(throws: SweepError.self) { try SweepResult.merge([parts[0]]) }
        #expect(throws: SweepError.self) { try SweepResult.merge(parts + [parts[0]]) }
    }

    /// A point whose edit breaks the scenario is reported as invalid, not dropped.
    @Test func invalidPointsAreReported() throws {
        let document = try tinyDocument()
        let sweep = try Sweep(document: document, variant: nil, options: ["power.P1.capacity_mw=-1..1"])
        let result = sweep.run(shard: nil, jobs: 2, planning: coldOptions, makeSolver: makeGLPK).result
        #expect(result.points.count == 3)
        #expect(result.points[0].status == "invalid")
        #expect(result.points[0].message != nil)
        #expect(result.points[2].hasValue)
        let csv = String(decoding: result.csv(), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}point,power.P1.capacity_mw,status"))
        #expect(csv.contains("invalid"))
    }
}
