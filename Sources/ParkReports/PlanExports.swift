import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning

/// All files written for one plan into the output folder.
public enum PlanExports {
    /// Every file of a plan, as (file name, bytes), in this order: plan.json, placements.csv,
    /// expansions.csv, utilization.csv, readiness.csv, report.md, then `PlanReports`' report.html,
    /// sites.geojson and plan.xlsx.
    ///
    /// `instance` is the one the plan was made on (`PlanningResult.instance`); readiness is
    /// checked once, with the plan, for every project (see `Readiness.check`), and shared by all
    /// files. Only the JSON encoding and the workbook can throw. The files are rendered on two
    /// threads (600 projects: 0.48 s → 0.28 s with the readiness, which uses two as well); each
    /// renderer reads only its inputs, so the bytes are those of one thread.
    public static func files(
        for plan: Plan, instance: PlanningInstance,
        language: ReportLanguage
    ) throws -> [(name: String, data: Data)] {
        let scenario = instance.scenario
        let readiness = Readiness.check(instance: instance, plan: plan)
        // The reports of PlanReports on a second thread while the rest are written here.
        let (own, reports) = bothAtOnce(
            {
                Result { () throws -> [(name: String, data: Data)] in
                    [
                        ("plan.json", try PlanJSON.encode(plan)),
                        ("placements.csv", PlanCSV.placements(plan, scenario: scenario).data()),
                        ("expansions.csv", PlanCSV.expansions(plan, scenario: scenario).data()),
                        ("utilization.csv", PlanCSV.utilization(plan).data()),
                        ("readiness.csv", ReadinessText.csv(readiness, scenario: scenario).data()),
                        (
                            "report.md",
                            Data(
                                MarkdownReport.render(
                                    plan, scenario: scenario, readiness: readiness, language: language
                                ).utf8)
                        ),
                    ]
                }
            },
            {
                Result {
                    try PlanReports.files(for: plan, scenario: scenario, readiness: readiness, language: language)
                }
            })
        return try own.get() + reports.get()
    }
}

/// contract §5 plan file: deterministic, pretty-printed JSON with keys in the contract's order.
public enum PlanJSON {
    /// Key order of the plan file (contract §5 first; keys not listed follow, sorted).
    static let keyOrder = [
        "format", "scenario", "variant", "status", "interrupted", "value", "bound", "gap", "solver", "placements",
        "expansions", "unplaced", "utilization", "shortfalls", "value_parts", "marginals",
        "name", "version", "seconds", "project", "id", "site", "node", "kind", "where", "period", "start",
        "complete", "from", "units", "used", "capacity", "amount", "unit", "reason", "message",
        "tax", "investment", "jobs", "cost", "change", "edits", "gain",
    ]

    /// The plan as UTF-8 JSON ending in a newline; non-finite numbers are written as strings.
    public static func encode(_ plan: Plan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let compact = String(decoding: try encoder.encode(plan), as: UTF8.self)
        return Data(try OrderedJSON.relayout(compact, order: keyOrder).utf8)
    }

    public static func decode(_ data: Data) throws -> Plan {
        try JSONDecoder().decode(Plan.self, from: data)
    }
}
