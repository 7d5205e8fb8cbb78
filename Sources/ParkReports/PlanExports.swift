import Foundation
import ParkModel
import ParkPlanning

/// Language of report labels. Ids and names always appear as written.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case zh, en
}

/// All files written for one plan into the output folder.
public enum PlanExports {
    /// `plan.json` plus the CSV tables and the Markdown report, as (file name, bytes).
    public static func files(for plan: Plan, scenario: Scenario, language: ReportLanguage) throws -> [(name: String, data: Data)] {
        [("plan.json", try PlanJSON.encode(plan))]
    }
}

/// SPEC §5 plan file: deterministic, pretty-printed JSON.
public enum PlanJSON {
    public static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(plan)
        data.append(0x0A)
        return data
    }

    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: data)
    }
}
