import Foundation
import ParkInstance
import ParkModel

@testable import ParkRisk

/// Small scenarios whose risk figures are known in closed form.
enum RiskFixtures {
    static func scenario(_ text: String) throws -> Scenario {
        try ScenarioLoader.load(data: Data(text.utf8), fileName: "risk.yaml").resolve(variant: nil, sets: [])
    }

    /// Node S1 of 10 MW, five plots on it, five candidates of 3 MW each with chance `chance`
    /// (or the listed chances): S1 is short exactly when four or more sign.
    static func fiveCandidates(chances: [Double] = Array(repeating: 0.5, count: 5)) -> String {
        var text = """
            parkplan: 1
            park: {name: Risk Park}
            horizon: {start: 2024-01, months: 12}
            power:
              - {id: S1, capacity_mw: 10}
            plots:

            """
        for i in 1...5 { text += "  - {id: L\(i), area_m2: 1000, power: S1}\n" }
        text += "projects:\n"
        for (i, chance) in chances.enumerated() {
            text +=
                "  - {id: c\(i + 1), land_m2: 800, power_mw: 3, annual_tax: \(100 + i), stage: intent, probability: \(chance)}\n"
        }
        return text
    }

    /// A candidate `a` (6 MW, chance 0.5, from the start) and a committed `c` (6 MW, from March) on a
    /// 10 MW node that the plan's expansion E1 raises by 10 MW from July: `c` is on time exactly
    /// when `a` does not sign.
    static let crowdedCommitted = """
        parkplan: 1
        park: {name: Risk Park}
        horizon: {start: 2024-01, months: 12}
        power:
          - {id: S1, capacity_mw: 10}
        plots:
          - {id: L1, area_m2: 1000, power: S1}
          - {id: L2, area_m2: 1000, power: S1}
        expansions:
          - {id: E1, adds: {power: S1, capacity_mw: 10}, lead_months: 6}
        projects:
          - {id: a, land_m2: 500, power_mw: 6, annual_tax: 50, stage: intent}
          - {id: c, status: committed, land_m2: 500, power_mw: 6, annual_tax: 80, earliest: 2024-03}

        """

    static func setup(_ text: String, expansionStarts: [Int?]? = nil) throws -> RiskSetup {
        let instance = PlanningInstance(try scenario(text))
        let starts = expansionStarts ?? Array(repeating: nil, count: instance.expansions.count)
        return RiskSetup(instance: instance, expansionStarts: starts)
    }

    /// P(X ≥ k) for X ~ Binomial(n, p).
    static func binomialTail(n: Int, p: Double, atLeast k: Int) -> Double {
        (k...n).reduce(0) { sum, i in
            var choose = 1.0
            for j in 0..<i { choose = choose * Double(n - j) / Double(j + 1) }
            return sum + choose * pow(p, Double(i)) * pow(1 - p, Double(n - i))
        }
    }
}

extension RiskFixtures {
    /// The tutorial's trap: candidate `foundry` may start at once, but only plot A-01 is ready
    /// then, and committed `motors` (from March) needs A-01 because A-02 is too small for it.
    static let landTrap = """
        parkplan: 1
        park: {name: Risk Park}
        horizon: {start: 2024-01, months: 24}
        power:
          - {id: S1, capacity_mw: 50}
        plots:
          - {id: A-01, area_m2: 60000, power: S1}
          - {id: A-02, area_m2: 40000, power: S1, ready: 2024-07}
        projects:
          - {id: motors, status: committed, land_m2: 50000, power_mw: 12, annual_tax: 1.2e7, earliest: 2024-03, latest: 2024-09}
          - {id: foundry, land_m2: 35000, power_mw: 8, annual_tax: 8.0e6, probability: 1}

        """
}
