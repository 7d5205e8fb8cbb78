import ParkModel
import Testing

@testable import ParkDiagnosis
@testable import ParkPlanning

/// Capacity, space and budget shortfalls of hand-made infeasible scenarios (contract §5).
@Suite("Diagnosis: shortfalls")
struct DiagnosisShortfallTests {
    typealias F = DiagnosisFixtures

    @Test("power short from a month, reported before reserve")
    func powerFromAMonth() throws {
        // 10 MW with a 20% reserve = 8 MW usable; 6 MW from 2023-01 and 7 MW more from 2023-06.
        let scenario = F.with(
            F.base(powerMW: 10, reserve: 0.2),
            projects: [
                F.project("a", power: 6, start: "2023-01"),
                F.project("b", power: 7, earliest: "2023-06", latest: "2023-06"),
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "power" && s.where == "S1" && s.unit == "MW")
        #expect(s.from == F.month("2023-06"))
        #expect(abs(s.amount - 6.25) < 1e-9)  // 5 MW usable / (1 - 0.2)
        #expect(s.message == "S1 lacks 6.25 MW from 2023-06 for a and b (capacity_mw before the 20% reserve)")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("power needed only after construction: from is the draw month")
    func powerAfterBuild() throws {
        let scenario = F.with(
            F.base(powerMW: 5),
            projects: [
                F.project("厂房项目", power: 12.5, build: 11, start: "2023-01")
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.map(\.kind) == ["power"])
        #expect(found.first?.from == F.month("2023-12"))
        #expect(found.first?.amount == 7.5)
        #expect(found.first?.message == "S1 lacks 7.5 MW from 2023-12 for 厂房项目")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("sewage short")
    func sewageShort() throws {
        let scenario = F.with(F.base(sewage: 1_000), projects: [F.project("a", wastewater: 1_200, cod: 100)])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "sewage" && s.where == "W1" && s.unit == "m³/day" && s.amount == 200)
        #expect(s.from == F.month("2023-01"))
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("COD short")
    func codShort() throws {
        let scenario = F.with(
            F.base(cod: 500),
            projects: [
                F.project("a", wastewater: 100, cod: 300, start: "2023-01"),
                F.project("b", wastewater: 100, cod: 300, earliest: "2023-04", latest: "2023-05"),
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "cod" && s.where == "W1" && s.unit == "kg/day" && s.amount == 100)
        #expect(s.from == F.month("2023-04"))  // b starts as early as its window allows
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("plot too small")
    func plotTooSmall() throws {
        let scenario = F.with(
            F.base(areaM2: 10_000),
            projects: [
                F.project("a", land: 6_000, start: "2023-01"),
                F.project("b", land: 6_000, start: "2023-03"),
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "land" && s.where == "A-01" && s.unit == "m²" && s.amount == 2_000)
        #expect(s.from == F.month("2023-03"))
        #expect(s.message == "A-01 lacks 2000 m² of land from 2023-03 for a and b")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("building units short")
    func unitsShort() throws {
        let scenario = F.with(
            F.base(units: 4),
            projects: [
                F.project("a", floor: 2_500, start: "2023-02"),  // 3 units
                F.project("b", floor: 1_500, start: "2023-07"),  // 2 units
            ])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "units" && s.where == "B-01" && s.unit == "units" && s.amount == 1)
        #expect(s.from == F.month("2023-07"))
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("budget too small for the expansion that is needed")
    func budgetTooSmall() throws {
        let expansion = Expansion(
            id: "S1-T2", adds: ExpansionAdds(power: "S1", capacityMW: 20), cost: 1e8, leadMonths: 2)
        let scenario = F.with(
            F.base(powerMW: 0, budget: 6e7),
            projects: [
                F.project("a", power: 10, earliest: "2023-06", latest: "2023-06")
            ], expansions: [expansion])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "budget" && s.where == "budget" && s.unit == "CNY" && s.amount == 4e7)
        #expect(s.from == F.month("2023-04"))  // the latest start that completes by 2023-06
        #expect(s.message == "the budget lacks 40,000,000 CNY from 2023-04 for expansion S1-T2, needed by a")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("budget too small to build the planned building a committed tenant needs")
    func budgetForPlannedBuilding() throws {
        var base = F.base(budget: 5e7)
        base.buildings = [Building(id: "B-07", units: 4, unitAreaM2: 1_000, power: "S1", planned: true)]
        let build = Expansion(id: "B-07-build", adds: ExpansionAdds(building: "B-07"), cost: 9e7, leadMonths: 3)
        let scenario = F.with(base, projects: [F.project("f", floor: 2_000, latest: "2023-12")], expansions: [build])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "budget" && s.amount == 4e7 && s.from == F.month("2023-01"))
        #expect(s.message == "the budget lacks 40,000,000 CNY from 2023-01 for expansion B-07-build, needed by f")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("node needed before it is ready")
    func nodeNotReady() throws {
        var base = F.base(powerMW: 10)
        base.power = [PowerNode(id: "S1", capacityMW: 10, ready: F.month("2023-09"))]
        let scenario = F.with(base, projects: [F.project("a", power: 4, start: "2023-03")])
        let found = try F.shortfalls(scenario)
        #expect(found.count == 1)
        let s = try #require(found.first)
        #expect(s.kind == "power" && s.from == F.month("2023-03") && s.amount == 0)
        #expect(s.message == "S1 is needed from 2023-03 but is ready only from 2023-09, for a")
        #expect(try F.fitsAfterApplying(found, to: scenario))
    }

    @Test("a feasible scenario has no shortfalls; candidates are ignored")
    func feasible() throws {
        let scenario = F.with(
            F.base(powerMW: 10),
            projects: [
                F.project("a", power: 6),
                F.project("c", status: .candidate, power: 60),
            ])
        #expect(try F.shortfalls(scenario).isEmpty)
    }

    @Test("applied(to:) adds to the scenario's fields")
    func applied() {
        let scenario = F.base(powerMW: 10, units: 4, budget: 1e7)
        let fixed = [
            Shortfall(kind: "power", where: "S1", from: F.month("2023-05"), amount: 2.5, unit: "MW"),
            Shortfall(kind: "cod", where: "W1", from: F.month("2023-05"), amount: 100, unit: "kg/day"),
            Shortfall(kind: "land", where: "A-01", from: F.month("2023-05"), amount: 50, unit: "m²"),
            Shortfall(kind: "units", where: "B-01", from: F.month("2023-05"), amount: 2, unit: "units"),
            Shortfall(kind: "budget", where: "budget", from: F.month("2023-05"), amount: 5e6, unit: "CNY"),
            Shortfall(kind: "window", where: "a", from: nil, amount: 0, unit: ""),
        ].applied(to: scenario)
        #expect(fixed.powerNodes.first?.capacityMW == 12.5)
        #expect(fixed.sewagePlants.first?.codKgDay == 5_100)
        #expect(fixed.plotList.first?.areaM2 == 100_050)
        #expect(fixed.buildingList.first?.units == 6)
        #expect(fixed.budget == 1.5e7)
        #expect(fixed.powerNodes.first?.ready == nil)
    }
}
