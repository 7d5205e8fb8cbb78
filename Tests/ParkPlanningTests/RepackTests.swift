import GLPKSolver
import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning
@testable import ParkVerification

/// Re-packing rounds (`NeighbourhoodSearch.Neighbourhood.repack`): what they free and fix, that
/// they always end within the target size, and that their sub-MIP finds the rotation that lets
/// one more tenant in.
@Suite("Re-packing neighbourhood")
struct RepackTests {
    /// Two buildings: B-01 with two units, B-02 with one; a one-unit tenant sits in B-01 and a
    /// two-unit tenant, who fits only B-01, is left out.
    static func rotation() -> (index: ModelIndex, current: Assignment, small: Int, large: Int) {
        var scenario = DiagnosisFixtures.base(units: 2)
        var buildings = scenario.buildings ?? []
        var second = buildings[0]
        second.id = SiteID("B-02")
        second.units = 1
        buildings.append(second)
        scenario.buildings = buildings
        let small = DiagnosisFixtures.project("small", status: .candidate, floor: 1_000, tax: 1e6)
        let large = DiagnosisFixtures.project("large", status: .candidate, floor: 2_000, tax: 5e6)
        scenario = DiagnosisFixtures.with(scenario, projects: [small, large])
        let index = ModelIndex(instance: PlanningInstance(scenario))
        let first = index.instance.sites.firstIndex { $0.id == SiteID("B-01") }!
        var current = Assignment(projectCount: 2, expansionCount: 0)
        current.placements[0] = (first, 0)
        return (index, current, 0, 1)
    }

    @Test func theSubMIPRotatesTheSmallTenantToLetTheLargeOneIn() throws {
        let (index, current, small, large) = Self.rotation()
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let movable = [small, large]
        #expect(search.repackOrder(current, movable: movable) == [large])
        var rng = ParkModel.SplitMix64(seed: 1)
        let move = search.repack(large, around: current, movable: movable, target: 1_000, rng: &rng)
        #expect(move.free == [false, true])
        #expect(move.shifting == [true, false])
        let result = search.solve(move, current: current, timeLimit: 10, nodeLimit: 100)
        let plan = try #require(result.assignment)
        let sites = index.instance.sites.map(\.id.description)
        #expect(plan.placements[large].map { sites[$0.site] } == "B-01")
        #expect(plan.placements[small].map { sites[$0.site] } == "B-02")
        #expect(PlanBuilder.value(plan, index.instance) > PlanBuilder.value(current, index.instance))
        // A plain round that frees only the large tenant keeps the small one on B-01 or drops it:
        // never both tenants, so less than the rotation.
        let plain = try #require(
            search.solve(
                NeighbourhoodSearch.Move(free: [false, true]), current: current, timeLimit: 10, nodeLimit: 100
            ).assignment)
        #expect(plain.placements[small] == nil || plain.placements[large] == nil)
        #expect(PlanBuilder.value(plain, index.instance) < PlanBuilder.value(plan, index.instance))
    }

    /// On a generated park every re-packing move frees its project (and only left-out projects
    /// sharing a site with it), moves only placed projects that share a site with it (within two
    /// periods of their starts, on their own sites), fixes every other placed project, and ends
    /// within the target size — also with a target no move can meet (the re-packed and the other
    /// left-out projects are then dropped down to none).
    @Test(arguments: [1_000, 1])
    func movesStayWithinTheirRules(target: Int) throws {
        let index = NeighbourhoodSearchTests.generated(40, seed: 4)
        let current = try #require(GreedyHeuristic(index: index).run())
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let movable = index.instance.projects.indices.filter {
            !index.classes[$0].isEmpty && index.instance.projects[$0].status != .existing
        }
        let order = search.repackOrder(current, movable: movable)
        #expect(!order.isEmpty)
        #expect(order.allSatisfy { current.placements[$0] == nil })
        var rng = ParkModel.SplitMix64(seed: 7)
        for q in order {
            let move = search.repack(q, around: current, movable: movable, target: target, rng: &rng)
            let sites = Set(index.classes[q].flatMap(\.sites))
            let shifting = try #require(move.shifting)
            #expect(move.free[q])
            let sub = search.subIndex(move, current: current)
            for (p, placement) in current.placements.enumerated() {
                guard let (site, start) = placement, !move.free[p] else { continue }
                if shifting[p] {
                    #expect(index.classes[p].contains { $0.sites.contains(where: sites.contains) })
                    #expect(
                        sub.classes[p].allSatisfy {
                            abs($0.starts.lowerBound - start) <= 2 && abs($0.starts.upperBound - start) <= 2
                        })
                } else {
                    #expect(sub.classes[p].count == 1 && sub.classes[p][0].sites == [site])
                    #expect(sub.classes[p][0].starts == start...start)
                }
            }
            if target == 1 {
                #expect(!shifting.contains(true))
                #expect(move.free.indices.filter { move.free[$0] } == [q], "only the project itself is left")
            }
            // Within the target, unless nothing is left to drop but the project itself.
            let alone = !shifting.contains(true) && move.free.indices.filter { move.free[$0] } == [q]
            #expect(alone || PlanningPipeline.estimatedColumns(sub) <= target)
            // The other freed projects are left out and share a site with it.
            for p in move.free.indices where move.free[p] && p != q {
                #expect(current.placements[p] == nil)
                #expect(index.classes[p].contains { $0.sites.contains(where: sites.contains) })
            }
        }
    }
}
