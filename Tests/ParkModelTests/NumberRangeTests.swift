import Foundation
import Testing

@testable import ParkModel

/// Issue 15: numbers the planner's tolerances cannot hold apart are rejected by the loader,
/// and plans always end by 9999-12 so their months read back.
@Suite struct NumberRangeTests {
    static func scenario(
        capacity: String, demand: String, horizon: String = "{start: 2024-01, months: 12}",
        lead: String = "3"
    ) -> String {
        """
        parkplan: 1
        park: {name: P}
        horizon: \(horizon)
        power:
          - {id: S1, capacity_mw: \(capacity)}
        plots:
          - {id: P1, area_m2: 1000000, zone: industrial, power: S1}
        expansions:
          - {id: E1, adds: {power: S1, capacity_mw: 5}, cost: 1000, lead_months: \(lead)}
        projects:
          - {id: a, land_m2: 5000, power_mw: \(demand), annual_tax: 1.0e8}
          - {id: b, land_m2: 5000, power_mw: \(demand), annual_tax: 1.0e8}
        """
    }

    @Test func tinyCapacitiesAndAmountsAreRejectedWithLocations() {
        let problems = Fixtures.problems(Self.scenario(capacity: "3.0e-9", demand: "1.0e-9"))
        #expect(problems.map(\.path) == ["power[0].capacity_mw", "projects[0].power_mw", "projects[1].power_mw"])
        #expect(problems.allSatisfy { $0.message.contains("a nonzero amount must be at least 0.001") })
        #expect(problems.first?.line == 5)
    }

    @Test(arguments: ["0", "0.001", "40"]) func zeroAndNormalAmountsAreAccepted(value: String) {
        #expect(Fixtures.problems(Self.scenario(capacity: "40", demand: value)).isEmpty)
        #expect(Fixtures.problems(Self.scenario(capacity: value, demand: "1")).isEmpty)
    }

    @Test func tinyAreasCostsAndBudgetsAreRejected() {
        var text = Self.scenario(capacity: "40", demand: "1").replacingOccurrences(
            of: "cost: 1000", with: "cost: 1.0e-7")
        text = text.replacingOccurrences(
            of: "land_m2: 5000, power_mw: 1, annual_tax: 1.0e8}\n  - {id: b",
            with: "land_m2: 1.0e-5, power_mw: 1, annual_tax: 1.0e8}\n  - {id: b")
        text += "\nbudget: 1.0e-6\n"
        let paths = Fixtures.problems(text).map(\.path)
        #expect(
            paths == ["budget", "projects[0].land_m2", "expansions[0].cost"]
                || Set(paths) == ["budget", "projects[0].land_m2", "expansions[0].cost"],
            "\(paths)")
    }

    @Test func horizonsThatPassYear9999AreRejected() {
        let late = Fixtures.problems(
            Self.scenario(capacity: "40", demand: "1", horizon: "{start: 9999-01, months: 24}"))
        #expect(late.map(\.path) == ["horizon.start"])
        #expect(late.first?.message.contains("9999-12") == true)
        let lead = Fixtures.problems(
            Self.scenario(capacity: "40", demand: "1", horizon: "{start: 9999-01, months: 12}"))
        #expect(lead.map(\.path) == ["horizon.start"])
        let fits = Fixtures.problems(
            Self.scenario(capacity: "40", demand: "1", horizon: "{start: 9999-01, months: 12}", lead: "0"))
        #expect(fits.isEmpty)
        let huge = Fixtures.problems(Self.scenario(capacity: "40", demand: "1", lead: "9000000000000000000"))
        #expect(huge.map(\.path) == ["expansions[0].lead_months"])
    }
}
