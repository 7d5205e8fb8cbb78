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
        // sweep.html too, in both languages; the shard's own page says it is one.
        for language in [ReportLanguage.en, .zh] {
            #expect(merged.html(language: language) == single.html(language: language))
            #expect(single.html(language: language) == serial.html(language: language))
        }
        #expect(String(decoding: parts[0].result.html(language: .en), as: UTF8.self).contains("shard 2/2"))
        #expect(merged.timeLimitSeconds == 30)
        #expect(merged.currency == "CNY")
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
        // sweep.html shows the invalid point as a cross with the loader's message and a table row.
        let html = String(decoding: result.html(language: .en), as: UTF8.self)
        let message = try #require(result.points[0].message)
        #expect(html.contains("<g class=\"nopt\"><title>power.P1.capacity_mw = -1: no plan · invalid — "))
        let escaped = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")].reduce(message) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
        #expect(html.contains(escaped))
        #expect(html.contains("<tr class=\"none\"><td class=\"num\">-1</td><td class=\"st\">invalid</td>"))
        let zh = String(decoding: result.html(language: .zh), as: UTF8.self)
        #expect(zh.contains("<td class=\"st\">无效</td>"))
    }

    /// Warm-started chains reach the values of cold solves: every point is solved to proven
    /// optimality, whose value does not depend on the start (the plan may).
    @Test func warmStartedSweepEqualsColdSolves() throws {
        let document = try tinyDocument()
        var sweep = try Sweep(document: document, variant: nil, options: ["power.P1.capacity_mw=6..17"])
        #expect(sweep.chains == [Array(1...6), Array(7...12)])
        let warm = sweep.run(shard: nil, jobs: 2, planning: coldOptions, makeSolver: makeGLPK).result
        sweep.warmStart = false
        #expect(sweep.chains.count == 12)
        let cold = sweep.run(shard: nil, jobs: 2, planning: coldOptions, makeSolver: makeGLPK).result
        #expect(warm.points.count == 12)
        for (w, c) in zip(warm.points, cold.points) {
            #expect(w.status == "optimal")
            #expect(w.status == c.status)
            let (a, b) = (try #require(w.value), try #require(c.value))
            #expect(abs(a - b) <= 1e-6 * max(1, abs(b)), "point \(w.point)")
        }
    }

    /// The chain layout depends only on the point count: an even number of chains of at most
    /// `chainLength` contiguous points; shards take whole chains.
    @Test func chainsDependOnlyOnThePointCount() throws {
        let document = try tinyDocument()
        let sweep = try Sweep(document: document, variant: nil, options: ["power.P1.capacity_mw=1..45"])
        #expect(sweep.chains.map(\.count) == [7, 8, 7, 8, 7, 8])
        #expect(sweep.chains.flatMap { $0 } == Array(1...45))
        let one = try Sweep(document: document, variant: nil, options: ["power.P1.capacity_mw=1..1"])
        #expect(one.chains == [[1]])
        let shards = (1...3).map { sweep.points(shard: Shard(index: $0, count: 3)) }
        #expect(shards[0] == Array(1...7) + Array(23...30))
        #expect(shards.flatMap { $0 }.sorted() == Array(1...45))
    }
}
