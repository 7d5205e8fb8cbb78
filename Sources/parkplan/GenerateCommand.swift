import ArgumentParser
import Foundation
import ParkModel

/// `parkplan generate`: a valid random scenario of any size, the same for the same seed.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a random, valid scenario (deterministic for a seed), for tests and benchmarks.",
        discussion: """
            By default every committed and existing project fits, so a plan exists. \
            --infeasible makes the committed power demand exceed all the power that can be built. \
            --utility-headroom below 1 and --chain-length make harder parks for benchmarks.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Option(help: "Number of projects.")
    var projects: Int

    @Option(help: "Number of sites, plots plus buildings (default: 1.75 × projects).")
    var sites: Int?

    @Option(help: "Horizon length in months.")
    var months: Int = 36

    @Option(name: .customLong("step"), help: "Months per period (1 = monthly, 3 = quarterly).")
    var stepMonths: Int = 1

    @Option(help: "Random seed (a whole number ≥ 0).")
    var seed: UInt64

    @Option(help: "Start month of the horizon (YYYY-MM).")
    var start: String = "2024-01"

    @Option(help: "Share of committed projects, 0–1.")
    var committed: Double = 0.1

    @Option(help: "Share of existing tenants, 0–1.")
    var existing: Double = 0.1

    @Flag(inversion: .prefixedNo, help: "Cap the expansion budget.")
    var budget = true

    @Flag(inversion: .prefixedNo, help: "Include a land-use policy block.")
    var policy = true

    @Flag(help: "Committed and existing projects cannot all be served (for infeasibility tests).")
    var infeasible = false

    @Option(
        help: ArgumentHelp(
            "Scale of each utility node's base capacity beyond its committed and existing demand, 0–10 "
                + "(0 = just that demand; below 1 = tighter utilities).", valueName: "x"))
    var utilityHeadroom: Double = 1

    @Option(
        help: ArgumentHelp(
            "Power expansions in each substation's requires chain, 1–8 (default: 1–3, at random).",
            valueName: "n"))
    var chainLength: Int?

    @Option(help: "Output format: yaml or json.")
    var format: Format = .yaml

    @Option(help: "Write to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard (1...Self.maxProjects).contains(projects) else {
            throw ValidationError(
                "--projects must be 1…\(Self.maxProjects) (a larger scenario exceeds the reading limits)")
        }
        if let sites, !(1...Self.maxSites).contains(sites) {
            throw ValidationError("--sites must be 1…\(Self.maxSites) (a larger scenario exceeds the reading limits)")
        }
        guard (1...1200).contains(months) else { throw ValidationError("--months must be 1…1200") }
        guard (1...months).contains(stepMonths) else { throw ValidationError("--step must be 1…months") }
        guard YearMonth(parsing: start) != nil else { throw ValidationError("--start must be a month YYYY-MM") }
        for (name, share) in [("--committed", committed), ("--existing", existing)] where !(0...1).contains(share) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        guard committed + existing <= 1 else { throw ValidationError("--committed plus --existing must be at most 1") }
        guard (0...10).contains(utilityHeadroom) else { throw ValidationError("--utility-headroom must be 0…10") }
        if let chainLength, !(1...8).contains(chainLength) { throw ValidationError("--chain-length must be 1…8") }
    }

    /// Beyond these, every generated scenario passes the reading limits (250,000 YAML values);
    /// below them the generated text is checked by the loader before it is written.
    static let maxProjects = 5_000
    static let maxSites = 10_000

    func run() throws {
        guard let startMonth = YearMonth(parsing: start) else {
            throw ValidationError("--start must be a month YYYY-MM")
        }
        let options = ScenarioGenerator.Options(
            projects: projects, sites: sites, months: months, stepMonths: stepMonths, seed: seed,
            start: startMonth, committedShare: committed, existingShare: existing, budget: budget,
            policy: policy, infeasible: infeasible, utilityHeadroom: utilityHeadroom, chainLength: chainLength)
        let scenario = ScenarioGenerator(options).generate()
        let text = format == .yaml ? ScenarioWriter.yaml(scenario) : ScenarioWriter.json(scenario)
        try checkReadable(text)
        guard let out else {
            return try StandardStreams.write(text)
        }
        try writeFile(OutputFile(name: (out as NSString).lastPathComponent, data: Data(text.utf8)), to: out)
    }

    /// `generate` never writes what `check` rejects: the text is read back by the loader first.
    private func checkReadable(_ text: String) throws {
        let name = out ?? "generated.\(format.rawValue)"
        do {
            _ = try ScenarioLoader.load(data: Data(text.utf8), fileName: name)
        } catch let error as ScenarioError {
            let first = error.diagnostics.first.map { $0.message } ?? error.description
            throw fail(
                .badInput,
                "generate: the scenario asked for would be rejected by `parkplan check` (\(first)); "
                    + "nothing was written. Ask for fewer projects or sites (with the default sites, about "
                    + "2,900 projects fit the limit of 250,000 YAML values), or an earlier --start "
                    + "(the horizon and expansion leads must end by 9999-12).")
        }
    }
}
