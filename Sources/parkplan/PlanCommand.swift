import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import ParkAnalysis
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

    @Flag(
        name: .long,
        help:
            "Also re-solve with one step more/less of each binding resource and each expansion moved (docs/marginals.md)."
    )
    var marginals = false

    @Flag(name: .long, help: "With --marginals: solve each probe from scratch instead of from the plan.")
    var cold = false

    @OptionGroup var robustOptions: RobustOptions

    func validate() throws {
        guard !cold || marginals else {
            throw ValidationError("--cold: applies to the --marginals probes only; add --marginals or drop --cold")
        }
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit: expected a finite number of seconds ≥ 0, found \(timeLimit)")
        }
        if let gap, !(gap.isFinite && gap >= 0 && gap < 1) {
            throw ValidationError("--gap: expected a number in [0, 1), found \(gap)")
        }
    }

    func run() throws {
        Interrupts.install()
        let (document, scenario) = try loadScenario(
            file: scenarioOptions.file, variant: scenarioOptions.variant,
            sets: scenarioOptions.sets)
        let progress = ProgressLine.makeIfInteractive()
        var options = PlanningOptions(timeLimitSeconds: effectiveTimeLimit(timeLimit), relativeGap: gap)
        options.language = language.language
        if let progress {
            options.progress = { @Sendable event in progress.show(event) }
        }
        var result: PlanningResult
        do {
            result = try Planner.plan(
                scenario, variant: scenarioOptions.variant, solver: GLPKSolver(), options: options)
        } catch {
            progress?.clear()
            throw fail(.internalError, "\(error)")
        }
        progress?.clear()
        if marginals {
            result.plan.marginals = MarginalsRun.run(
                result.plan, scenario: scenario, document: document,
                options: scenarioOptions, timeLimit: timeLimit, gap: gap, warmStart: !cold)
        }
        let files: [(name: String, data: Data)]
        do {
            files = try PlanExports.files(for: result.plan, instance: result.instance, language: language.language)
        } catch {
            throw fail(.internalError, "internal error: cannot encode the plan: \(error)")
        }
        try writeOutputs(files.map { OutputFile(name: $0.name, data: $0.data) }, into: out)
        let written = files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", ")
        var text = PlanSummaryText.text(result, scenario: scenario, language: language.language)
        if let marginals = result.plan.marginals {
            text += MarginalAnalysis.table(marginals, language: language.language)
        }
        try StandardStreams.write(text + language.language.t("Wrote ", "已写入 ") + written + "\n")
        if robustOptions.robust, result.plan.status == .optimal || result.plan.status == .feasible {
            let robust = robustOptions.report(plan: result.plan, instance: result.instance)
            try writeOutputs([OutputFile(name: robust.name, data: robust.data)], into: out)
            try StandardStreams.write(
                language.language.t("Wrote ", "已写入 ") + (out as NSString).appendingPathComponent(robust.name) + "\n")
        }
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
        if let v = event.incumbent { text += "  best " + PlanSummaryText.amount(v) }
        if let b = event.bestBound { text += "  bound " + PlanSummaryText.amount(b) }
        if let g = event.gap { text += String(format: "  gap %.2f %%", g * 100) }
        lock.lock(); defer { lock.unlock() }
        StandardStreams.writeError("\r\u{1B}[2K" + text, raw: true)
        drawn = true
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { StandardStreams.writeError("\r\u{1B}[2K", raw: true) }
        drawn = false
    }
}
