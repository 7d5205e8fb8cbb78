import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import ParkAnalysis
import ParkModel
import ParkPlanning

/// `parkplan sweep`: solve a scenario for every value of one or two `--set` parameters;
/// `parkplan sweep merge`: combine the output of the shards of one sweep.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Solve a scenario for a range of one --set parameter (or a grid of two); merge shards.",
        subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
        defaultSubcommand: SweepRunCommand.self)
}

struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Solve the scenario at every point of the --set ranges; write sweep.csv, sweep.json and sweep.html.",
        discussion: """
            A range is --set PATH=FROM..TO[/STEP] (STEP default 1); one range, or two for a grid. \
            Other --set options apply to every point. Each point is an independent solve of the \
            scenario edited by --set; points without a plan are reported, not dropped. The marginal \
            value is the change of value per unit of the parameter between neighbouring points. \
            Points run in chains of up to 10 neighbouring points (the layout depends only on the \
            number of points); each point after the first of its chain starts from the previous \
            point's plan (warm start; --cold solves every point from scratch). --shard K/N solves \
            every N-th chain from the K-th (every N-th point with --cold); `sweep merge` combines \
            the shards' folders into the same files a single run writes. Exit 0 when every point was solved \
            (whatever its status); 2 on bad input.
            """)

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var language: LanguageOption

    @Option(name: .long, help: "Folder for sweep.csv, sweep.json and sweep.html (created if missing).")
    var out: String = "out"

    @Option(name: .customLong("time-limit"), help: "Seconds allowed per point (default 60).")
    var timeLimit: Double = 60

    @Option(name: .long, help: "Points solved at once, each on its own thread (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .long, help: "Solve only slice K of N of the points (K/N, 1 ≤ K ≤ N), for batch schedulers.")
    var shard: String?

    @Option(
        name: .long,
        help: "Stop each point at this relative gap between value and bound, in [0, 1) (default: prove optimal).")
    var gap: Double?

    @Flag(name: .long, help: "Solve every point from scratch instead of from the previous point's plan.")
    var cold = false

    func validate() throws {
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw ValidationError("--time-limit: expected a finite number of seconds ≥ 0, found \(timeLimit)")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs: expected a whole number ≥ 1, found \(jobs)") }
        if let gap, !(gap.isFinite && gap >= 0 && gap < 1) {
            throw ValidationError("--gap: expected a number in [0, 1), found \(gap)")
        }
    }

    func run() throws {
        let document = try loadDocument(path: scenarioOptions.file)
        var sweep: Sweep
        let shardSlice: Shard?
        do {
            sweep = try Sweep(document: document, variant: scenarioOptions.variant, options: scenarioOptions.sets)
            shardSlice = try shard.map(Shard.parse)
            sweep.warmStart = !cold
        } catch let error as SweepError {
            throw fail(.badInput, error.description)
        }
        // A wrong path or variant is wrong at every point: report it once, located, before solving.
        do {
            _ = try document.resolve(variant: sweep.variant, sets: sweep.options(ofPoint: 1))
        } catch let error as ScenarioError {
            throw fail(.badInput, error.description)
        }
        let started = Date()
        let (result, _) = sweep.run(
            shard: shardSlice, jobs: jobs, planning: PlanningOptions(timeLimitSeconds: timeLimit, relativeGap: gap),
            makeSolver: { GLPKSolver() })
        let seconds = Date().timeIntervalSince(started)
        let files: [(name: String, data: Data)]
        do {
            files = [
                ("sweep.csv", result.csv()), ("sweep.json", try result.json()),
                ("sweep.html", result.html(language: language.language)),
            ]
        } catch {
            throw fail(.internalError, "internal error: cannot encode the sweep: \(error)")
        }
        try writeOutputs(files.map { OutputFile(name: $0.name, data: $0.data) }, into: out)
        let slice =
            result.shard.map {
                language.language.t(
                    " (shard \($0) of \(sweep.pointCount) points)", "（分片 \($0)，共 \(sweep.pointCount) 个点）")
            } ?? ""
        try StandardStreams.write(
            result.table(language: language.language)
                + String(
                    format: language.language.t(
                        "%d points%@ in %.1f s on %d threads.\n", "%d 个点%@，用时 %.1f 秒，%d 个线程。\n"),
                    result.points.count, slice, seconds, jobs)
                + language.language.t("Wrote ", "已写入 ")
                + files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", ")
                + "\n")
    }
}

struct SweepMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the sweep.json of each shard's folder into one sweep (the same files as a single run).")

    @Argument(help: "Folders written by `sweep --shard K/N` (each holds sweep.json).")
    var folders: [String]

    @Option(name: .long, help: "Folder for the merged sweep.csv, sweep.json and sweep.html.")
    var out: String = "out"

    @OptionGroup var language: LanguageOption

    func run() throws {
        var parts: [(name: String, result: SweepResult)] = []
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("sweep.json")
            guard let data = FileManager.default.contents(atPath: path) else {
                throw fail(.badInput, "\(path): cannot read the file")
            }
            do {
                parts.append((path, try SweepResult.decode(data)))
            } catch {
                throw fail(.badInput, "\(path): not a parkplan sweep file: \(error)")
            }
        }
        let merged: SweepResult
        let files: [(name: String, data: Data)]
        do {
            merged = try SweepResult.merge(parts)
            files = [
                ("sweep.csv", merged.csv()), ("sweep.json", try merged.json()),
                ("sweep.html", merged.html(language: language.language)),
            ]
        } catch let error as SweepError {
            throw fail(.badInput, error.description)
        } catch {
            throw fail(.internalError, "internal error: cannot encode the sweep: \(error)")
        }
        try writeOutputs(files.map { OutputFile(name: $0.name, data: $0.data) }, into: out)
        try StandardStreams.write(
            merged.table(language: language.language)
                + language.language.t("Wrote ", "已写入 ")
                + files.map { (out as NSString).appendingPathComponent($0.name) }.joined(separator: ", ")
                + "\n")
    }
}

/// `plan --marginals`: re-solves the plan's binding resources and expansions on the cores, each
/// probe within a share of the plan's time limit.
enum MarginalsRun {
    static func run(
        _ plan: Plan, scenario: Scenario, document: ScenarioDocument, options: ScenarioOptions,
        timeLimit: Double, gap: Double?, warmStart: Bool = true
    ) -> [Marginal] {
        guard plan.status == .optimal || plan.status == .feasible else { return [] }
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let probes = MarginalProbe.probes(for: plan, in: scenario).count
        let share = MarginalAnalysis.timeShare(limit: timeLimit, probes: probes, jobs: jobs)
        return MarginalAnalysis.marginals(
            of: plan, scenario: scenario, document: document, variant: options.variant, sets: options.sets,
            jobs: jobs, planning: PlanningOptions(timeLimitSeconds: share, relativeGap: gap),
            warmStart: warmStart, makeSolver: { GLPKSolver() })
    }
}
