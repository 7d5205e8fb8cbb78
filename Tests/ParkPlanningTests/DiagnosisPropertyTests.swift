import GLPKSolver
import LinearProgramming
import ParkModel
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning

/// Generated scenarios made infeasible in many ways: the reported shortfalls, once applied,
/// always make the committed and existing projects fit (checked by the independent verifier).
@Suite("Diagnosis: generated scenarios")
struct DiagnosisPropertyTests {
    typealias F = DiagnosisFixtures

    /// A generated park with many must-place projects, then squeezed: capacities, areas, units
    /// and the budget each cut to a random share (seeded).
    static func squeezed(seed: UInt64) -> Scenario {
        var options = ScenarioGenerator.Options(
            projects: 8, months: 24, seed: seed, committedShare: 0.4,
            existingShare: 0.15, infeasible: seed % 3 == 0)
        options.stepMonths = seed % 4 == 1 ? 3 : 1
        var s = ScenarioGenerator(options).generate()
        var rng = ParkModel.SplitMix64(seed: seed &* 7919)
        func cut(_ value: Double) -> Double { rng.chance(0.5) ? value * rng.uniform(0.3, 1) : value }
        s.power = s.power?.map {
            var n = $0; n.capacityMW = cut(n.capacityMW); return n
        }
        s.sewage = s.sewage?.map {
            var n = $0; n.capacityM3Day = cut(n.capacityM3Day); n.codKgDay = n.codKgDay.map(cut); return n
        }
        s.water = s.water?.map {
            var n = $0; n.capacityM3Day = cut(n.capacityM3Day); return n
        }
        s.plots = s.plots?.map {
            var p = $0; p.areaM2 = cut(p.areaM2); return p
        }
        s.buildings = s.buildings?.map {
            var b = $0; b.units = max(1, Int(cut(Double(b.units)))); return b
        }
        s.budget = s.budget.map(cut)
        return s
    }

    @Test("applying the shortfalls makes the must-place projects fit", arguments: Array(UInt64(1)...UInt64(12)))
    func appliedFits(seed: UInt64) throws {
        let scenario = Self.squeezed(seed: seed)
        let found = try F.shortfalls(scenario)
        let fixable = found.allSatisfy {
            ["power", "water", "sewage", "cod", "land", "units", "budget"].contains($0.kind)
        }
        for s in found {
            #expect(s.amount >= 0 && s.amount.isFinite)
            #expect(s.message?.isEmpty == false)
        }
        if fixable {
            #expect(try F.fitsAfterApplying(found, to: scenario), "seed \(seed): \(found.map { $0.message ?? "" })")
        }
    }

    @Test(
        "a single reported shortfall is the least: a little less does not fit", arguments: Array(UInt64(1)...UInt64(12))
    )
    func leastAmount(seed: UInt64) throws {
        let scenario = Self.squeezed(seed: seed)
        let found = try F.shortfalls(scenario)
        guard found.count == 1, let only = found.first, only.amount > 0.01,
            ["power", "water", "sewage", "cod", "land", "units", "budget"].contains(only.kind)
        else { return }
        var less = only
        less.amount = only.kind == "units" ? only.amount - 1 : only.amount * 0.99 - 0.002
        let fixed = less.applied(to: scenario)
        let plan = try InfeasibilityDiagnosis.mustPlacePlan(
            instance: PlanningInstance(fixed), solver: GLPKSolver(), options: SolverOptions(timeLimitSeconds: 30))
        #expect(plan == nil, "seed \(seed): \(only.message ?? "")")
    }

    @Test("the same scenario gives the same shortfalls")
    func deterministic() throws {
        let scenario = Self.squeezed(seed: 3)
        #expect(try F.shortfalls(scenario) == F.shortfalls(scenario))
    }
}
