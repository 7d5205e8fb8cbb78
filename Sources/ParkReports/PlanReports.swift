import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning

/// The files for people and other tools written next to the plan: `report.html`, `sites.geojson`,
/// `plan.xlsx` (only the workbook can throw), as (file name, bytes); written with the rest by
/// `PlanExports.files`, which checks readiness once for all of them.
public enum PlanReports {
    public static func files(
        for plan: Plan, scenario: Scenario, readiness: [ReadinessReport],
        language: ReportLanguage
    ) throws -> [(name: String, data: Data)] {
        [
            (
                "report.html",
                Data(HTMLReport.render(plan, scenario: scenario, readiness: readiness, language: language).utf8)
            ),
            ("sites.geojson", Data(GeoJSONExport.render(plan, scenario: scenario, language: language).utf8)),
            (
                "plan.xlsx",
                try PlanWorkbook.data(for: plan, scenario: scenario, readiness: readiness, language: language)
            ),
        ]
    }
}
