import Foundation
import GLPKSolver
import ParkInstance
import ParkModel
import ParkPlanning
import ParkReports

/// `ParkBench`: times the planning pipeline on generated scenarios (or one scenario file).
///
///     ParkBench [--sizes 20,50,100,150,600] [--time-limit 60] [--seed 1] [--file F.yaml] [--cold] [--progress]
///               [--mip-columns N] [--direct-columns N] [--rounds N] [--ls-rounds N] [--ls-seed N]   (override PlanningOptions)
///               [--plan-out plan.json] [--start-plan plan.json]   (the plan file of contract §5; a start plan, repaired)
///               [--reference reference.json]
///               [--bounds]   (each bound on its own, each given --time-limit seconds; no plan)
///               [--static-model F.mps]   (the static bound model with binary columns, as free MPS; no plan)
///               [--sites-per-project X] [--utility-headroom X] [--chain-length N]   (harder generated parks)
///
/// With `--reference` (a JSON object keyed by file name with `best_value` and `best_bound`, as in
/// ../shared/bench/reference.json) each line also gives the shortfall to the best known value
/// `(best - value) / best` and the gap to the best known bound `(bound - value) / bound`, in %.
///
/// Each generated scenario is written to YAML and loaded back, so "load" includes parsing and
/// validation. Prints one line per size; peak memory is the process's `ru_maxrss` so far.
struct BenchArguments {
    var sizes = [20, 50, 100, 150, 600]
    var timeLimit = 60.0
    var seed: UInt64 = 1
    var file: String?
    var gap: Double?
    var warmStart = true
    var showProgress = false
    var families = false
    /// Write the static bound model with binary columns as free MPS to this file (no plan).
    var staticModel: String?
    /// Print each bound (sum of best values, static LP, Lagrangian, cut bound) on its own.
    var bounds = false
    /// Harder generated parks (`parkplan generate`'s options): sites per project (default 1.75),
    /// the utilities' headroom (1) and the power expansion chains' length (nil: the usual).
    var sitesPerProject: Double?
    var utilityHeadroom = 1.0
    var chainLength: Int?
    var mipColumns: Int?
    var directColumns: Int?
    var rounds: Int?
    var localRounds: Int?
    var localSeed: UInt64?
    var planOut: String?
    var startPlan: String?
    var reference: [String: Reference] = [:]

    init(_ args: [String]) {
        var i = 0
        func next() -> String? { i += 1; return i < args.count ? args[i] : nil }
        while i < args.count {
            switch args[i] {
            case "--sizes": sizes = (next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--time-limit": timeLimit = Double(next() ?? "") ?? timeLimit
            case "--seed": seed = UInt64(next() ?? "") ?? seed
            case "--file": file = next()
            case "--gap": gap = Double(next() ?? "")
            case "--cold": warmStart = false
            case "--progress": showProgress = true
            case "--families": families = true
            case "--static-model": staticModel = next()
            case "--bounds": bounds = true
            case "--sites-per-project": sitesPerProject = Double(next() ?? "")
            case "--utility-headroom": utilityHeadroom = Double(next() ?? "") ?? utilityHeadroom
            case "--chain-length": chainLength = Int(next() ?? "")
            case "--mip-columns": mipColumns = Int(next() ?? "")
            case "--direct-columns": directColumns = Int(next() ?? "")
            case "--rounds": rounds = Int(next() ?? "")
            case "--ls-rounds": localRounds = Int(next() ?? "")
            case "--ls-seed": localSeed = UInt64(next() ?? "")
            case "--plan-out": planOut = next()
            case "--start-plan": startPlan = next()
            case "--reference":
                let data = (try? Data(contentsOf: URL(fileURLWithPath: next() ?? ""))) ?? Data()
                reference = (try? JSONDecoder().decode([String: Reference].self, from: data)) ?? [:]
            default: FileHandle.standardError.write(Data("unknown argument \(args[i])\n".utf8)); exit(2)
            }
            i += 1
        }
    }
}

/// Best known value and bound of an outside scenario (nil when unknown).
struct Reference: Decodable {
    var best_value: Double?
    var best_bound: Double?
}

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux: kilobytes
}

func format(_ v: Double?, _ spec: String = "%.4g") -> String { v.map { String(format: spec, $0) } ?? "-" }

func run(label: String, text: String, arguments: BenchArguments) {
    let t0 = now()
    let scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(data: Data(text.utf8), fileName: label).base
    } catch {
        print("\(label): cannot load: \(error)"); return
    }
    let loadSeconds = now() - t0
    if arguments.families {
        let model = Planner.model(for: PlanningInstance(scenario))
        func family(_ name: String) -> String { String(name.prefix { $0 != "(" }) }
        var counts: [String: (rows: Int, nonzeros: Int)] = [:]
        for row in model.rows {
            counts[family(row.name), default: (0, 0)].rows += 1; counts[family(row.name)]?.nonzeros += row.terms.count
        }
        for column in model.columns { counts[family(column.name), default: (0, 0)].rows += 1 }
        for key in counts.keys.sorted() {
            print("  \(label) \(key): \(counts[key]?.rows ?? 0) (nonzeros \(counts[key]?.nonzeros ?? 0))")
        }
        return
    }
    if let path = arguments.staticModel {
        let model = Planner.staticBoundModel(for: PlanningInstance(scenario), integer: true)
        do { try GLPKSolver().export(model, format: .mps, to: path) } catch { print("\(label): \(error)"); exit(2) }
        return
    }
    if arguments.bounds {
        let t = now()
        let b = Planner.boundComponents(scenario, solver: GLPKSolver(), seconds: arguments.timeLimit)
        let seconds = format(now() - t, "%.1f")
        print(
            "  \(label) bounds: best values \(format(b.trivial, "%.6g")), static LP \(format(b.lp, "%.6g")), "
                + "Lagrangian \(format(b.lagrangian, "%.6g")), cut \(format(b.cut, "%.6g")) (\(seconds) s)")
        return
    }
    let t1 = now()
    let result: PlanningResult
    do {
        var options = PlanningOptions(
            timeLimitSeconds: arguments.timeLimit, relativeGap: arguments.gap,
            warmStart: arguments.warmStart)
        if let m = arguments.mipColumns { options.mipColumns = m }
        if let d = arguments.directColumns { options.directColumns = d }
        options.searchRounds = arguments.rounds
        options.localSearchRounds = arguments.localRounds
        options.localSearchSeed = arguments.localSeed
        if let path = arguments.startPlan {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            options.startPlan = try PlanJSON.decode(data)
        }
        if arguments.showProgress {
            options.progress = { @Sendable e in
                let line = String(
                    format: "  %.1fs nodes %d incumbent %@ bound %@\n", e.elapsedSeconds, e.nodes,
                    format(e.incumbent), format(e.bestBound))
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        result = try Planner.plan(scenario, variant: nil, solver: GLPKSolver(), options: options)
    } catch {
        print("\(label): planning failed: \(error)"); return
    }
    let planSeconds = now() - t1
    let s = result.statistics, plan = result.plan
    if let path = arguments.planOut {
        do {
            try PlanJSON.encode(plan).write(to: URL(fileURLWithPath: path))
        } catch {
            FileHandle.standardError.write(Data("  \(label): --plan-out \(path): \(error.localizedDescription)\n".utf8))
        }
    }
    let wall = loadSeconds + planSeconds
    FileHandle.standardError.write(Data(String(format: "  %@: wall %.2f s\n", label, wall).utf8))
    FileHandle.standardError.write(Data("  \(label): local search passes \(s.localSearchPasses)\n".utf8))
    let overhead = loadSeconds + s.buildSeconds + s.verifySeconds
    let cells: [String] = [
        label, String(scenario.projectList.count), String(s.columns), String(s.rows), String(s.nonzeros),
        format(loadSeconds, "%.2f"), format(s.buildSeconds, "%.2f"), format(s.heuristicSeconds, "%.2f"),
        format(s.heuristicValue), format(s.localSearchSeconds, "%.2f"), format(s.localSearchValue),
        format(s.firstPlanSeconds.map { loadSeconds + $0 }, "%.2f"),
        format(s.searchSeconds, "%.1f"), "\(s.searchRounds)/\(s.searchImprovements)", format(s.searchValue),
        format(s.solveSeconds, "%.1f"), format(s.verifySeconds, "%.2f"),
        format(plan.value), format(plan.bound), format(plan.gap.map { $0 * 100 }, "%.2f%%"),
        plan.status.rawValue, s.warmStartUsed ? "yes" : "no", String(s.nodes),
        format(overhead / max(wall, 1e-9) * 100, "%.1f%%"), format(peakMemoryMB(), "%.0f"), format(wall, "%.1f"),
    ]
    let known = arguments.reference[(label as NSString).lastPathComponent]
    let shortfall = known?.best_value.flatMap { best in plan.value.map { (best - $0) / best * 100 } }
    let toBound = known?.best_bound.flatMap { best in plan.value.map { (best - $0) / best * 100 } }
    print((cells + [format(shortfall, "%.2f%%"), format(toBound, "%.2f%%")]).joined(separator: "\t"))
    FileHandle.standardError.write(Data("  \(label): solver \(s.solverStatus): \(s.solverMessage)\n".utf8))
    if !s.greedyPlacedAll { FileHandle.standardError.write(Data("  \(label): greedy failed\n".utf8)) }
    if !s.searchDetail.isEmpty { FileHandle.standardError.write(Data("  \(label): search \(s.searchDetail)\n".utf8)) }
    if let side = s.sideSearchValue {
        FileHandle.standardError.write(
            Data("  \(label): side search \(format(side)) (\(s.sideSearchUsed ? "used" : "not used"))\n".utf8))
    }
}

let arguments = BenchArguments(Array(CommandLine.arguments.dropFirst()))
print(
    [
        "scenario", "projects", "columns", "rows", "nonzeros", "load s", "build s", "heur s", "heur value",
        "ls s", "ls value", "first plan s", "search s", "rounds/impr", "search value", "solve s", "verify s", "value",
        "bound", "gap", "status", "warm", "nodes", "overhead", "peak MB", "wall s",
        "short of best", "gap to best bound",
    ]
    .joined(separator: "\t"))
if let file = arguments.file {
    let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    run(label: file, text: text, arguments: arguments)
} else {
    for size in arguments.sizes {
        let scenario = ScenarioGenerator(
            .init(
                projects: size, sites: arguments.sitesPerProject.map { Int(($0 * Double(size)).rounded()) },
                seed: arguments.seed, utilityHeadroom: arguments.utilityHeadroom, chainLength: arguments.chainLength)
        ).generate()
        run(label: "gen-\(size)", text: ScenarioWriter.yaml(scenario), arguments: arguments)
    }
}
