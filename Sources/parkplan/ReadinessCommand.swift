import ArgumentParser
import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import ParkReports

struct ReadinessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readiness",
        abstract: "The ready-to-move-in checklist (拎包入驻): each requirement, met or not, and from when.",
        discussion: """
            For each project (or --project), on the site asked (--site), else its site in the plan, \
            else its pinned site, else the site ready earliest, checks: site ready (and built, when \
            planned), zone or use, floor load, clear height and crane, free land or units, each needed \
            connection, utility headroom in the month its demand starts (start + build_months), and \
            the budget for any expansion it waits on. The wanted month is --at, else the plan's \
            start, else the pinned start, else `earliest`. Without --plan the rest of the park is the \
            existing and committed projects pinned to a site, and expansions are assumed built as \
            early as allowed (named as what the project waits on). Committed and existing projects \
            not ready in their wanted month are listed first.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .customLong("plan"), help: "A plan file (plan.json, parkplan-plan/1) of this scenario.")
    var planFile: String?

    @Option(name: .long, help: "Check only this project (id).")
    var project: String?

    @Option(name: .long, help: "Check on this site (plot or building id).")
    var site: String?

    @Option(name: .long, help: "The wanted move-in month, YYYY-MM.")
    var at: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let wanted = try parseMonth(at, option: "--at")
        let (_, scenario) = try loadScenario(
            file: self.scenario.file, variant: self.scenario.variant, sets: self.scenario.sets)
        let instance = PlanningInstance(scenario)
        let projectID = try project.map {
            try knownID(
                ProjectID($0), option: "--project", kind: "project",
                among: instance.projects.map(\.id))
        }
        let siteID = try site.map {
            try knownID(SiteID($0), option: "--site", kind: "site", among: instance.sites.map(\.id))
        }
        if let wanted { try checkInHorizon(wanted, option: "--at", horizon: scenario.horizon) }
        let plan = try planFile.map { try readPlan($0, instance: instance) }
        let reports = Readiness.check(instance: instance, plan: plan, project: projectID, site: siteID, at: wanted)
        let L = ReportLabels(language.language)
        var out = L.t("Readiness", "拎包入驻检查") + " — " + scenario.park.name
        if let v = self.scenario.variant { out += " (\(v))" }
        out +=
            "\n"
            + (planFile.map { L.t("with plan \($0)", "依据方案 \($0)") }
                ?? L.t(
                    "without a plan: existing and committed pinned projects; expansions as early as allowed",
                    "未给方案：仅计已入驻及已约定场地的签约项目；扩容按最早可建成计")) + "\n\n"
        out +=
            reports.isEmpty
            ? L.t("No project to check.\n", "没有需要检查的项目。\n")
            : ReadinessText.render(reports, scenario: scenario, language: language.language)
        try StandardStreams.write(out)
    }
}

// MARK: - Option checks shared by the report commands

/// Parses a `YYYY-MM` option (a `YYYY-MM-DD` is read as its month); exits 2 when malformed.
func parseMonth(_ text: String?, option: String) throws -> YearMonth? {
    guard let text else { return nil }
    guard let month = YearMonth(parsing: text) else {
        throw fail(.badInput, "\(option): expected a month YYYY-MM, found \"\(text)\"")
    }
    return month
}

/// Exits 2 when `month` lies outside the scenario's horizon.
func checkInHorizon(_ month: YearMonth, option: String, horizon: Horizon) throws {
    let last = horizon.start.adding(months: horizon.months - 1)
    guard month >= horizon.start, month <= last else {
        throw fail(.badInput, "\(option): \(month) is outside the horizon \(horizon.start)…\(last)")
    }
}

/// Returns `id` when it is one of `known`; else exits 2 naming the nearest id.
func knownID<Tag>(
    _ id: Identifier<Tag>, option: String, kind: String, among known: [Identifier<Tag>]
) throws -> Identifier<Tag> {
    guard known.contains(id) else {
        let hint = Suggestion.didYouMean(id.rawValue, among: known.map(\.rawValue))
        throw fail(.badInput, "\(option): unknown \(kind) \"\(id.rawValue)\"\(hint)")
    }
    return id
}

/// Reads and validates a plan file against the instance; exits 2 with located messages.
func readPlan(_ path: String, instance: PlanningInstance) throws -> Plan {
    let data: Data
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    guard size <= PlanFile.maxFileBytes else {
        throw fail(
            .badInput,
            "\(path):1:1: the plan file is \(size) bytes; a plan file is at most "
                + "\(PlanFile.maxFileBytes) bytes (64 MiB) and this one is rejected, not read")
    }
    do {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoPermission) }
        defer { try? handle.close() }
        data = try handle.read(upToCount: PlanFile.maxFileBytes + 1) ?? Data()
    } catch {
        throw fail(.badInput, "\(path): cannot read the plan file")
    }
    guard data.count <= PlanFile.maxFileBytes else {
        throw fail(
            .badInput, "\(path):1:1: the plan file is larger than \(PlanFile.maxFileBytes) bytes (64 MiB); rejected")
    }
    do {
        return try PlanFile.read(data: data, fileName: path, instance: instance)
    } catch let error as PlanFileError {
        throw fail(.badInput, error.description)
    }
}
