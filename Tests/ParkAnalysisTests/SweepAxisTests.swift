import Testing

@testable import ParkAnalysis

@Suite struct SweepAxisTests {
    @Test func parsesRangeWithStep() throws {
        let axis = try SweepAxis.parse("power.S1.capacity_mw=30..32/0.5")
        #expect(axis.path == "power.S1.capacity_mw")
        #expect(axis.values == ["30", "30.5", "31", "31.5", "32"])
    }

    @Test func defaultStepIsOneAndDecimalsStayShort() throws {
        #expect(try SweepAxis.parse("budget=1..3").values == ["1", "2", "3"])
        #expect(try SweepAxis.parse("x.y.z=0.1..0.3/0.1").values == ["0.1", "0.2", "0.3"])
    }

    @Test func rejectsMalformedRanges() {
        for bad in [
            "power.S1.capacity_mw=5..1", "a.b.c=1..x", "a.b.c=1..2/0", "a.b.c=1..2/-1", "=1..2", "a.b.c=1..2/1/2",
        ] {
            #expect(throws: SweepError.self) { try SweepAxis.parse(bad) }
        }
    }

    @Test func tellsRangesFromPlainSets() {
        #expect(SweepAxis.isRange("budget=1..2"))
        #expect(!SweepAxis.isRange("budget=1e8"))
    }

    @Test func shardsCoverEveryPointOnce() throws {
        #expect(throws: SweepError.self) { try Shard.parse("0/3") }
        #expect(throws: SweepError.self) { try Shard.parse("4/3") }
        let document = try tinyDocument()
        let sweep = try Sweep(
            document: document, variant: nil, options: ["power.P1.capacity_mw=1..7", "buildings.B1.units=1..2"])
        #expect(sweep.pointCount == 14)
        #expect(sweep.values(ofPoint: 1) == ["1", "1"])
        #expect(sweep.values(ofPoint: 2) == ["1", "2"])
        #expect(sweep.values(ofPoint: 14) == ["7", "2"])
        let slices = try (1...3).map { sweep.points(shard: try Shard.parse("\($0)/3")) }
        #expect(slices.flatMap { $0 }.sorted() == Array(1...14))
    }

    @Test func sweepNeedsOneOrTwoRanges() throws {
        let document = try tinyDocument()
        #expect(throws: SweepError.self) { try Sweep(document: document, variant: nil, options: ["budget=1"]) }
        #expect(throws: SweepError.self) {
            try Sweep(document: document, variant: nil, options: ["budget=1..2", "a.b=1..2", "c.d=1..2"])
        }
    }
}
