import ArgumentParser
import Foundation
import GLPKSolver
import ParkInstance
import ParkModel
import ParkPlanning
import ParkReports
import ParkRisk

/// `parkplan risk FILE`: Monte Carlo over which candidates sign, with the plan's expansions fixed.
struct RiskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract: "Lead-funnel risk: how likely each utility turns signed demand away, month by month.",
        discussion: """
            Each candidate signs independently with its chance (contract §7: probability, else \
            funnel[stage], else 0.1 lead / 0.5 intent); committed and existing projects always \
            sign. The plan's expansions (--plan, or a fresh plan) stay fixed; the signed projects \
            are placed by a fast greedy. Writes risk_nodes.csv, risk_projects.csv and \
            risk_summary.csv and risk.html (fan charts) into --out; with --capacity-questions also risk_capacity.csv: per \
            node, how many more typical letters of intent it can take before P(short) passes \
            --threshold, and which expansion started by which month keeps it below. See \
            docs/risk.md. Exit codes: 0 done; 2 bad input.
            """)

    @OptionGroup var scenarioOptions: ScenarioOptions

    @Option(name: .long, help: "Plan file whose expansions stay fixed (default: plan the scenario first).")
    var plan: String?

    @Option(name: .long, help: "Number of sampled futures (default 1000).")
    var samples: Int = 1000

    @Option(name: .long, help: "Seed of the sampling; the same seed gives the same figures (default 1).")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Folder for the CSV files (created if missing).")
    var out: String = "out"

    @Option(name: .long, help: "Worker threads (default: the number of cores); results do not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("time-limit"), help: "Seconds for the fresh plan when --plan is not given (default 60).")
    var timeLimit: Double = 60

    @Flag(
        name: .customLong("capacity-questions"),
        help:
            "Also answer per node: how many more typical intents before P(short) passes --threshold, and which expansion keeps it below."
    )
    var capacityQuestions = false

    @Option(
        name: .long,
        help:
            "With --capacity-questions: the chance of turning demand away that is too much, as a fraction (default 0.1)."
    )
    var threshold: Double = 0.1

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard threshold.isFinite, threshold > 0, threshold < 1 else {
            throw ValidationError(
                "--threshold: expected a fraction between 0 and 1 (e.g. 0.1 for 10 %), found \(threshold)")
        }
        guard samples >= 1, samples <= 10_000_000 else {
            throw ValidationError("--samples: expected a whole number from 1 to 10000000, found \(samples)")
        }
        guard jobs >= 1, jobs <= 256 else { throw ValidationError("--jobs: expected 1 to 256, found \(jobs)") }
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit: expected a finite number of seconds ≥ 0, found \(timeLimit)")
        }
    }

    func run() throws {
        let (_, scenario) = try loadScenario(
            file: scenarioOptions.file, variant: scenarioOptions.variant,
            sets: scenarioOptions.sets)
        let setup = try makeSetup(scenario)
        let bar = ProgressBar.makeIfInteractive()
        let progress = bar.map { bar in { @Sendable (done: Int, total: Int) in bar.show(done, total) } }
        let report: RiskReport
        var questions: CapacityQuestions?
        if capacityQuestions {
            (report, questions) = RiskAnalysis.runWithCapacityQuestions(
                setup, samples: samples, seed: seed, jobs: jobs, threshold: threshold, progress: progress)
        } else {
            report = RiskAnalysis.run(setup, samples: samples, seed: seed, jobs: jobs, progress: progress)
        }
        bar?.clear()
        let L = language.language
        var files = report.csvFiles(horizon: scenario.horizon)
        if let questions { files.append(("risk_capacity.csv", questions.csvTable(horizon: scenario.horizon).data())) }
        files.append(("risk.html", Data(report.html(scenario: scenario, questions: questions, language: L).utf8)))
        try writeOutputs(files.map { OutputFile(name: $0.name, data: $0.data) }, into: out)
        try StandardStreams.write(
            report.text(horizon: scenario.horizon, language: L, currency: scenario.park.currencyOrDefault)
                + (questions.map { "\n" + $0.text(horizon: scenario.horizon, language: L) } ?? "")
                + L.t("Wrote ", "已写入 ")
                + files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", ") + "\n")
    }

    private func makeSetup(_ scenario: Scenario) throws -> RiskSetup {
        if let plan {
            let instance = PlanningInstance(scenario)
            return RiskSetup(instance: instance, plan: try readPlan(plan, instance: instance))
        }
        let options = PlanningOptions(timeLimitSeconds: timeLimit, relativeGap: nil)
        do {
            let result = try Planner.plan(
                scenario, variant: scenarioOptions.variant, solver: GLPKSolver(),
                options: options)
            return RiskSetup(instance: result.instance, plan: result.plan)
        } catch {
            throw fail(.internalError, "\(error)")
        }
    }
}

// MARK: - Progress bar

/// A bar on stderr, only on an interactive terminal, redrawn at most about 10 times a second.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    static func makeIfInteractive() -> ProgressBar? {
        let env = ProcessInfo.processInfo.environment
        guard isatty(STDERR_FILENO) == 1, env["TERM"] != "dumb", env["CI"] == nil else { return nil }
        return ProgressBar()
    }

    func show(_ done: Int, _ total: Int) {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2K  sampling \(bar) \(done)/\(total)".utf8))
        drawn = true
    }

    func clear() {
        lock.lock(); defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}

// MARK: - plan --robust

/// Options of `plan --robust` (sample average approximation over the lead funnel).
struct RobustOptions: ParsableArguments {
    @Flag(name: .long, help: "Also choose expansions for the expected value over sampled funnels (see docs/risk.md).")
    var robust = false

    @Option(
        name: .customLong("samples"), help: "With --robust: signing samples the expansions are chosen on (default 50).")
    var robustSamples: Int = 50

    @Option(name: .customLong("seed"), help: "With --robust: seed of the samples (default 1).")
    var robustSeed: UInt64 = 1

    func validate() throws {
        guard robustSamples >= 1, robustSamples <= 100_000 else {
            throw ValidationError("--samples: expected a whole number from 1 to 100000, found \(robustSamples)")
        }
    }

    /// Runs the search from `plan`'s expansions, prints the comparison and returns the CSV to write.
    func report(plan: Plan, instance: PlanningInstance) -> (name: String, data: Data) {
        let deterministic = RiskSetup(instance: instance, plan: plan).expansionStarts
        let training = RobustSearch.draws(instance, count: robustSamples, seed: robustSeed)
        let found = RobustSearch.search(instance: instance, start: deterministic, samples: training)
        let freshSeed = RobustSearch.evaluationSeed(robustSeed)
        let freshCount = max(4 * robustSamples, 200)
        let fresh = RobustSearch.draws(instance, count: freshCount, seed: freshSeed)
        let evaluate = { (starts: [Int?]) in
            RiskAnalysis.run(
                RiskSetup(instance: instance, expansionStarts: starts), samples: freshCount,
                seed: freshSeed, jobs: ProcessInfo.processInfo.activeProcessorCount
            ).value
        }
        let (detValue, robValue) = (evaluate(deterministic), evaluate(found.expansionStarts))
        let waitAndSee = Array(fresh.prefix(20))
        let informed = waitAndSee.map { sample in
            RobustSearch.search(
                instance: instance, start: found.expansionStarts, samples: [sample],
                maxEvaluations: 200
            ).mean
        }
        let evpi =
            informed.reduce(0, +) / Double(max(1, informed.count))
            - RobustSearch.meanValue(instance, found.expansionStarts, waitAndSee)
        var rows: [[String]] = []
        var cells: [[CSVCell]] = []
        for (e, info) in instance.expansions.enumerated() {
            let d = deterministic[e].map { instance.month($0).description } ?? "-"
            let r = found.expansionStarts[e].map { instance.month($0).description } ?? "-"
            rows.append([info.id.rawValue, d, r])
            cells.append([.text(info.id.rawValue), .text(d == "-" ? "" : d), .text(r == "-" ? "" : r)])
        }
        print(
            "\nRobust expansions: chosen on \(robustSamples) signing samples (seed \(robustSeed)), "
                + "compared on \(freshCount) fresh samples (seed \(freshSeed)), greedy placement per sample")
        for line in RiskReport.table(header: ["expansion", "deterministic start", "robust start"], rows: rows) {
            print(line)
        }
        func line(_ name: String, _ d: RiskReport.Distribution) -> String {
            "  \(name) expected value \(NumberFormat.amount(d.mean)) [\(NumberFormat.amount(d.low)) … \(NumberFormat.amount(d.high))]"
        }
        print(line("deterministic", detValue))
        print(line("robust       ", robValue))
        print(
            "  value of perfect information ≈ \(NumberFormat.amount(max(0, evpi))) "
                + "(the search rerun on each of \(waitAndSee.count) fresh samples alone; a lower estimate)")
        return (
            "robust_expansions.csv",
            CSVTable(header: ["expansion", "deterministic_start", "robust_start"], rows: cells).data()
        )
    }
}
