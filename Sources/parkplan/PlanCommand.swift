import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import ParkModel
import ParkPlanning
import ParkReports

/// `parkplan plan FILE`: solves, prints a summary, writes the plan and its exports.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Solve a scenario: place projects, schedule expansions; write plan.json and reports.",
        discussion: """
            Writes plan.json, placements.csv, expansions.csv, utilization.csv, readiness.csv, \
            report.md, report.html, sites.geojson and plan.xlsx into --out (default: ./out). Exit codes: 0 a plan (optimal or, at the time \
            limit, feasible with its gap); 3 infeasible (the plan lists the shortfalls); 4 no \
            feasible plan within the time limit; 2 bad input; 1 internal error.
            """)

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(name: .long, help: "Folder for the plan and its exports (created if missing).")
    var out: String = "out"

    @Option(name: .customLong("time-limit"), help: "Seconds allowed for the optimisation (default 60).")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Stop at this relative gap between value and bound, in [0, 1) (default: prove optimal).")
    var gap: Double?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit: expected a finite number of seconds ≥ 0, found \(timeLimit)")
        }
        if let gap, !(gap.isFinite && gap >= 0 && gap < 1) {
            throw ValidationError("--gap: expected a number in [0, 1), found \(gap)")
        }
    }

    func run() throws {
        let (_, scenario) = try loadScenario(file: scenarioOptions.file, variant: scenarioOptions.variant,
                                             sets: scenarioOptions.sets)
        let progress = ProgressLine.makeIfInteractive()
        var options = PlanningOptions(timeLimitSeconds: timeLimit, relativeGap: gap)
        if let progress {
            options.progress = { @Sendable event in progress.show(event) }
        }
        let result: PlanningResult
        do {
            result = try Planner.plan(scenario, variant: scenarioOptions.variant, solver: GLPKSolver(), options: options)
        } catch {
            progress?.clear()
            throw fail(.internalError, "\(error)")
        }
        progress?.clear()
        let files: [(name: String, data: Data)]
        do {
            files = try PlanExports.files(for: result.plan, scenario: scenario, language: language.language)
                + PlanReports.files(for: result.plan, scenario: scenario, language: language.language)
        } catch {
            throw fail(.internalError, "internal error: cannot encode the plan: \(error)")
        }
        try writeOutputs(files, into: out)
        print(PlanSummary.text(result, scenario: scenario), terminator: "")
        print("Wrote " + files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", "))
        switch result.plan.status {
        case .optimal, .feasible: return
        case .infeasible: throw ExitCode(ExitStatus.infeasible.rawValue)
        case .noSolution: throw ExitCode(ExitStatus.noSolution.rawValue)
        }
    }
}

// MARK: - Live progress

/// One redrawn status line on stderr, only for an interactive terminal (stderr a TTY,
/// `TERM` not `dumb`, `CI` unset). The solver already throttles events to about 10 Hz.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private var drawn = false

    static func makeIfInteractive() -> ProgressLine? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, env["TERM"] != "dumb", env["CI"] == nil else { return nil }
        return ProgressLine()
    }

    func show(_ event: ProgressEvent) {
        var text = String(format: "  solving… %5.1f s  nodes %d", event.elapsedSeconds, event.nodes)
        if let v = event.incumbent { text += "  best " + PlanSummary.amount(v) }
        if let b = event.bestBound { text += "  bound " + PlanSummary.amount(b) }
        if let g = event.gap { text += String(format: "  gap %.2f %%", g * 100) }
        lock.lock(); defer { lock.unlock() }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        drawn = true
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}

// MARK: - Summary

/// The readable summary printed after planning (stdout).
enum PlanSummary {
    static func text(_ result: PlanningResult, scenario: Scenario) -> String {
        let plan = result.plan
        var out = "\(plan.scenario)" + (plan.variant.map { " [\($0)]" } ?? "") + ": \(headline(plan))\n"
        if let parts = plan.valueParts, plan.value != nil {
            out += "Value parts: tax \(amount(parts.tax)), investment \(amount(parts.investment)), "
                + "jobs \(amount(parts.jobs)), expansion cost -\(amount(parts.cost))\n"
        }
        let names = Dictionary(scenario.projectList.map { ($0.id, $0.name ?? "") }, uniquingKeysWith: { a, _ in a })
        if !plan.placements.isEmpty {
            out += "\nPlacements (\(plan.placements.count)):\n"
            let rows = plan.placements.map { p in
                [p.project.rawValue, names[p.project] ?? "", p.site.rawValue, p.start.description,
                 p.units.map(String.init) ?? ""]
            }
            out += TextTable(header: ["project", "name", "site", "start", "units"], rows: rows, rightAligned: [4])
                .render(indent: "  ")
        }
        if !plan.expansions.isEmpty {
            out += "\nExpansions (\(plan.expansions.count)):\n"
            let rows = plan.expansions.map { [$0.id.rawValue, $0.start.description, $0.complete.description] }
            out += TextTable(header: ["expansion", "start", "complete"], rows: rows).render(indent: "  ")
        }
        let peaks = peakUtilization(plan)
        if !peaks.isEmpty {
            out += "\nPeak utilisation:\n"
            out += TextTable(header: ["node", "kind", "month", "used", "usable", "share"], rows: peaks,
                             rightAligned: [3, 4, 5]).render(indent: "  ")
        }
        if !plan.unplaced.isEmpty {
            out += "\nLeft out (\(plan.unplaced.count)):\n"
            out += TextTable(header: ["project", "reason"], rows: plan.unplaced.map { [$0.project.rawValue, $0.reason] })
                .render(indent: "  ")
        }
        if !plan.shortfalls.isEmpty {
            out += "\nShortfalls (what must be added for committed and existing projects to fit):\n"
            let rows = plan.shortfalls.map { s in
                [s.kind, s.where, s.from?.description ?? "", number(s.amount, decimals: 3) + " " + s.unit, s.message ?? ""]
            }
            out += TextTable(header: ["kind", "where", "from", "amount", "note"], rows: rows, rightAligned: [3])
                .render(indent: "  ")
        }
        return out
    }

    static func headline(_ plan: Plan) -> String {
        switch plan.status {
        case .optimal:
            return "optimal, value \(amount(plan.value ?? 0))" + gapText(plan)
        case .feasible:
            return "feasible (not proven optimal: time limit or --gap), value \(amount(plan.value ?? 0)), bound \(amount(plan.bound ?? 0))" + gapText(plan)
        case .infeasible:
            return "INFEASIBLE: committed and existing projects cannot all be placed"
        case .noSolution:
            return "no feasible plan found within the time limit"
        }
    }

    static func gapText(_ plan: Plan) -> String {
        guard let gap = plan.gap else { return "" }
        return String(format: ", gap %.2f %%", gap * 100)
    }

    /// The highest-share period of each node and kind.
    static func peakUtilization(_ plan: Plan) -> [[String]] {
        var rows: [[String]] = []
        var index = 0
        let entries = plan.utilization
        while index < entries.count {
            var end = index
            while end < entries.count, entries[end].node == entries[index].node, entries[end].kind == entries[index].kind {
                end += 1
            }
            let group = entries[index..<end]
            func share(_ u: Utilization) -> Double { u.capacity > 0 ? u.used / u.capacity : (u.used > 0 ? .infinity : 0) }
            if let peak = group.max(by: { share($0) < share($1) }), peak.used > 0 {
                let s = share(peak)
                rows.append([peak.node.rawValue, peak.kind.rawValue, peak.period.description, number(peak.used),
                             number(peak.capacity), s.isFinite ? String(format: "%.0f %%", s * 100) : "—"])
            }
            index = end
        }
        return rows
    }

    /// A money amount with thousands separators, no decimals.
    static func amount(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(format: "%.4g", value) }
        return NumberFormat.grouped(value)
    }

    /// A capacity figure: up to `decimals` decimals, trailing zeros dropped.
    static func number(_ value: Double, decimals: Int = 2) -> String { compactNumber(value, decimals: decimals) }
}
