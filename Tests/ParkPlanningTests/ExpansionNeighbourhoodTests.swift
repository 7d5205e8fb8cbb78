import GLPKSolver
import ParkModel
import Testing

@testable import ParkInstance
@testable import ParkPlanning

/// Expansion rounds (`NeighbourhoodSearch.Neighbourhood.expansion`): which projects they free,
/// that the drawn expansion's start is free in the sub-problem, and that such a round swaps a
/// costly expansion for a cheaper one.
@Suite("Expansion neighbourhood")
struct ExpansionNeighbourhoodTests {
    typealias F = DiagnosisFixtures

    /// B-01 (one unit) stands; B-02 (cost 9e6) and B-03 (cost 1e6) are planned buildings. Tenant
    /// a is in B-01, tenant b in B-02, which the current plan builds.
    static func costlyBuilding() throws -> (index: ModelIndex, current: Assignment) {
        var base = F.base(units: 1)
        base.buildings =
            (base.buildings ?? [])
            + ["B-02", "B-03"].map {
                Building(
                    id: SiteID($0), units: 1, unitAreaM2: 1_000, floorLoadKNM2: 10, clearHeightM: 9, craneT: 0,
                    power: "S1", sewage: "W1", water: "WS1", planned: true)
            }
        let expansions = [("B-02", 9e6), ("B-03", 1e6)].map { site, cost in
            Expansion(
                id: ExpansionID("\(site)-build"), adds: ExpansionAdds(building: SiteID(site)), cost: cost, leadMonths: 3
            )
        }
        let projects = ["a", "b"].map { F.project($0, status: .candidate, floor: 1_000, tax: 5e6) }
        let index = ModelIndex(instance: PlanningInstance(F.with(base, projects: projects, expansions: expansions)))
        let sites = index.instance.sites.map { $0.id.description }
        let b01 = try #require(sites.firstIndex(of: "B-01")), b02 = try #require(sites.firstIndex(of: "B-02"))
        var current = Assignment(projectCount: 2, expansionCount: 2)
        current.expansionStarts[0] = 0
        let ready = try #require(index.classes[1].first { $0.sites.contains(b02) }).starts.lowerBound
        current.placements[0] = (b01, 0)
        current.placements[1] = (b02, ready)
        return (index, current)
    }

    @Test func aRoundOnTheCheaperBuildingSwapsTheExpansion() throws {
        let (index, current) = try Self.costlyBuilding()
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let movable = [0, 1]
        // Either expansion may house either tenant: a round on either frees both.
        var rng = ParkModel.SplitMix64(seed: 3)
        for _ in 0..<8 {
            #expect(Set(search.related(.expansion, around: current, movable: movable, rng: &rng)) == [0, 1])
        }
        let move = NeighbourhoodSearch.Move(free: [true, true])
        let sub = search.subIndex(move, current: current)
        #expect(sub.expansionRanges[1] == index.expansionRanges[1], "the unbuilt B-03-build may be built")
        let result = search.solve(move, current: current, timeLimit: 10, nodeLimit: 100)
        let plan = try #require(result.assignment)
        #expect(plan.expansionStarts[0] == nil && plan.expansionStarts[1] != nil)
        #expect(PlanBuilder.value(plan, index.instance) > PlanBuilder.value(current, index.instance))
    }

    /// On a generated park every expansion round's group is exactly the movable projects with a
    /// class that an expansion builds or adds capacity to, and it is drawn among the kinds.
    @Test func groupsAreTheUsersOfOneExpansion() throws {
        let index = NeighbourhoodSearchTests.generated(40, seed: 4)
        let current = try #require(GreedyHeuristic(index: index).run())
        let search = NeighbourhoodSearch(index: index, solver: GLPKSolver())
        let movable = index.instance.projects.indices.filter {
            !index.classes[$0].isEmpty && index.instance.projects[$0].status != .existing
        }
        #expect(!index.instance.expansions.isEmpty)
        let groups = index.instance.expansions.indices.map { e -> Set<Int> in
            let added = Set(
                index.resources.indices.filter { r in index.resources[r].additions.contains { $0.expansion == e } })
            return Set(
                movable.filter { p in
                    index.classes[p].contains {
                        $0.builders.contains(e) || $0.resources.contains(where: added.contains)
                    }
                })
        }
        var rng = ParkModel.SplitMix64(seed: 11)
        var seen = Set<Set<Int>>()
        for _ in 0..<(4 * groups.count) {
            let group = Set(search.related(.expansion, around: current, movable: movable, rng: &rng))
            #expect(groups.contains(group))
            seen.insert(group)
        }
        #expect(seen.count > 1, "rounds draw different expansions")
        #expect(NeighbourhoodSearch.KindScores.drawn.contains(.expansion))
    }
}
