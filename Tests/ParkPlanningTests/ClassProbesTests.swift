import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning

/// `ClassProbes` (the flat layout `HeuristicState.bestOption` reads) holds, for every project and
/// class, exactly what `ModelIndex.classes` and the nested tables say, in the probe's site order.
@Suite("Start classes laid out flat")
struct ClassProbesTests {
    @Test("every class's sites, needs, resources and starts, in order", arguments: [UInt64(3), 11])
    func sameAsNested(seed: UInt64) {
        let scenario = ScenarioGenerator(
            .init(projects: 60, months: 24, seed: seed, utilityHeadroom: 0.5, chainLength: 2)
        ).generate()
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let tables = HeuristicTables(index: index)
        let probes = tables.probes
        #expect(probes.classRange.count == index.classes.count)
        var classesSeen = 0, withSeveralSites = 0
        for (p, classes) in index.classes.enumerated() {
            let range = probes.classRange[p]
            #expect(range.count == classes.count, "project \(p)")
            for (k, c) in classes.enumerated() where k < range.count {
                let flat = probes.classes[range.lowerBound + k]
                classesSeen += 1
                #expect(flat.firstStart == c.starts.lowerBound)
                #expect(flat.hasBuilders == !c.builders.isEmpty)
                #expect(Array(probes.resource[flat.resources]) == c.resources)
                #expect(Array(probes.start[flat.starts]) == index.candidateStarts(p, k))
                // The sites: a permutation of the class's, by first start, then position.
                let positions = Array(probes.position[flat.sites])
                #expect(positions.sorted() == Array(c.sites.indices), "project \(p) class \(k)")
                if positions.count > 1 { withSeveralSites += 1 }
                for (slot, i) in zip(flat.sites, positions) {
                    #expect(probes.site[slot] == c.sites[i])
                    #expect(probes.siteFirstStart[slot] == c.siteFirstStarts[i])
                    #expect(probes.need[slot] == tables.need[p][k][i])
                }
                for (a, b) in zip(positions, positions.dropFirst()) {
                    let order = (c.siteFirstStarts[a], a) < (c.siteFirstStarts[b], b)
                    #expect(order, "project \(p) class \(k): sites out of order")
                }
            }
        }
        #expect(classesSeen > 100)
        #expect(withSeveralSites > 0, "no class with several sites: the order is not tested")
    }
}
