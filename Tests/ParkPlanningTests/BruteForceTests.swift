import Foundation
import ParkModel
import Testing

@testable import ParkPlanning
@testable import ParkVerification

/// The brute-force solver and the tiny-scenario generator checked on their own.
@Suite("Brute force and tiny scenarios")
struct BruteForceTests {
    typealias F = VerifierFixtures

    /// The verifier base cut down to brute-force size: 6 months, plots A and Z, S1-bay and S1-T2.
    func small() -> Scenario {
        var s = F.base(months: 6)
        s.plots = Array(s.plotList.prefix(2))
        s.buildings = []
        s.expansions = Array(s.expansionList.prefix(2))
        return s
    }

    /// Two candidates compete for power; the expansions pay off only for the bigger one.
    @Test func handMadeOptimum() throws {
        var s = small()
        s.projects = [
            F.land("small", 600, power: 8, tax: 10),
            F.land("big", 600, power: 12, build: 5, tax: 100, earliest: "2023-01"),
        ]
        let result = BruteForce.solve(s)
        let plan = try #require(result.plan)
        // big needs S1-bay (10) + S1-T2 (100) complete by its draw in 2023-06: 100 × 10 − 110 = 890.
        #expect(result.value == 890)
        #expect(plan.placements.map(\.project) == ["big"])
        #expect(plan.placements.map(\.start) == [F.month("2023-01")])
        #expect(Set(plan.expansions.map(\.id)) == ["S1-bay", "S1-T2"])
        #expect(PlanVerifier.violations(of: plan, in: s).isEmpty)
    }

    @Test func noFeasiblePlanWhenCommittedCannotFit() {
        var s = small()
        s.projects = [F.land("c", 2000, status: .committed)]
        let result = BruteForce.solve(s)
        #expect(result.plan == nil)
        #expect(result.value == nil)
    }

    @Test func emptyPlanIsFeasibleWithoutCommitments() {
        var s = small()
        s.projects = [F.land("p", 100, tax: 0)]
        s.objective = Objective(weights: Weights(tax: 1, cost: 1))
        let result = BruteForce.solve(s)
        #expect(result.value == 0)
        #expect(result.plan?.expansions == [])
    }

    // MARK: - Generator

    @Test func generatorIsDeterministicAndVaried() {
        #expect(TinyScenarios.make(seed: 7) == TinyScenarios.make(seed: 7))
        let scenarios = (0..<200).map { TinyScenarios.make(seed: UInt64($0)) }
        #expect(Set(scenarios.map { "\($0)" }).count == 200)
        #expect(scenarios.allSatisfy { $0.projectList.count <= 4 && $0.expansionList.count <= 2 })
        #expect(scenarios.allSatisfy { $0.plotList.count + $0.buildingList.count <= 3 })
    }

    /// Across 200 seeds every feature of contract §1–§3 shows up.
    @Test func generatorCoversEveryRule() {
        let scenarios = (0..<200).map { TinyScenarios.make(seed: UInt64($0)) }
        let projects = scenarios.flatMap(\.projectList)
        let features: [(String, Bool)] = [
            ("step 1", scenarios.contains { $0.horizon.step == 1 }),
            ("step 2", scenarios.contains { $0.horizon.step == 2 }),
            ("step 3", scenarios.contains { $0.horizon.step == 3 }),
            ("windows", projects.contains { $0.earliest != nil && $0.latest != nil }),
            ("pinned start", projects.contains { $0.start != nil && $0.status == nil }),
            ("pinned site", projects.contains { $0.site != nil && $0.status == nil }),
            ("zones", projects.contains { $0.zones != nil }),
            ("building requirements", projects.contains { $0.craneT != nil || $0.floorLoadKNM2 != nil }),
            ("reserve", scenarios.contains { $0.powerNodes.contains { ($0.reserve ?? 0) > 0 } }),
            ("COD", scenarios.contains { $0.sewagePlants.contains { $0.codKgDay != nil } }),
            ("water", scenarios.contains { !$0.waterNodes.isEmpty }),
            ("planned plot", scenarios.contains { $0.plotList.contains(where: \.isPlanned) }),
            ("planned building", scenarios.contains { $0.buildingList.contains(where: \.isPlanned) }),
            ("requires", scenarios.contains { $0.expansionList.contains { !$0.requirements.isEmpty } }),
            ("budget", scenarios.contains { $0.budget != nil }),
            ("policy", scenarios.contains { $0.policy?.enforce == true }),
            ("existing", projects.contains { $0.status == .existing }),
            ("committed", projects.contains { $0.status == .committed }),
            ("office", projects.contains { $0.use == .office }),
        ]
        for (name, present) in features { #expect(present, "no generated scenario has \(name)") }
    }

    /// The generated scenarios pass the loader's own validation (contract §2) when written as JSON.
    @Test(arguments: 0..<200)
    func generatedScenariosAreValid(seed: Int) throws {
        let scenario = TinyScenarios.make(seed: UInt64(seed))
        let data = try JSONEncoder().encode(scenario)
        let loaded = try ScenarioLoader.load(data: data, fileName: "tiny-\(seed).json")
        #expect(loaded.base == scenario)
    }
}
