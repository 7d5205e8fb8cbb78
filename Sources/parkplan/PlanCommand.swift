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
            Writes plan.json, placements.csv, expansions.csv, utilization.csv, readiness.csv and \
            report.md into --out (default: ./out). Exit codes: 0 a plan (optimal or, at the time \
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

    @OptionGroup var robustOptions: RobustOptions

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
            files = try PlanExports.files(for: result.plan, instance: result.instance, language: language.language)
        } catch {
            throw fail(.internalError, "internal error: cannot encode the plan: \(error)")
        }
        try writeOutputs(files, into: out)
        print(PlanSummaryText.text(result, scenario: scenario), terminator: "")
        print("Wrote " + files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", "))
        if robustOptions.robust, result.plan.status == .optimal || result.plan.status == .feasible {
            let robust = robustOptions.report(plan: result.plan, instance: result.instance)
            try writeOutputs([robust], into: out)
            print("Wrote " + (out as NSString).appendingPathComponent(robust.name))
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
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
        drawn = true
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
