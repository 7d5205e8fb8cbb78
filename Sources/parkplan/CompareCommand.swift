import ArgumentParser
import Foundation
import GLPKSolver
import ParkModel
import ParkPlanning
import ParkReports

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Base and variants side by side, and what changed.",
        discussion: """
            Solves the base scenario and each variant (all variants when no --variant is given), \
            prints status, value and its parts, placed and left-out counts, expansions and their \
            months, and peak utilisation per node side by side, then per variant what changed \
            against the base: moved projects, changed starts, newly placed or left out projects, \
            new, dropped or shifted expansions, and the value difference by part. Each variant \
            starts from the base plan, repaired to the variant (--cold: from scratch). Writes \
            compare.md, compare.csv, compare.html and compare.xlsx into --out (default: ./out).
            """)

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @Option(name: .long, help: "A variant to compare with the base (repeatable; default: every variant).")
    var variant: [String] = []

    @Option(name: .customLong("set"), help: "Change one value in the base and every variant: PATH=VALUE (repeatable).")
    var sets: [String] = []

    @Option(name: .long, help: "Folder for compare.md, compare.csv, compare.html and compare.xlsx.")
    var out: String = "out"

    @Option(name: .customLong("time-limit"), help: "Seconds allowed for each solve (default 60).")
    var timeLimit: Double = 60

    @Flag(name: .long, help: "Solve each variant from scratch instead of from the base plan.")
    var cold = false

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard timeLimit.isFinite, timeLimit > 0 else {
            throw ValidationError("--time-limit: expected a positive number of seconds")
        }
    }

    func run() throws {
        Interrupts.install()
        let document = try loadDocument(path: file)
        for name in variant where !document.variantNames.contains(name) {
            let hint = Suggestion.didYouMean(name, among: document.variantNames)
            throw fail(.badInput, "--variant: \(file) has no variant \"\(name)\"\(hint)")
        }
        let names = variant.isEmpty ? document.variantNames : variant
        var scenarios: [(String?, Scenario)] = []
        do {
            scenarios.append((nil, try document.resolve(variant: nil, sets: sets)))
            for name in names { scenarios.append((name, try document.resolve(variant: name, sets: sets))) }
        } catch let error as ScenarioError {
            throw fail(.badInput, error.description)
        }
        var options = PlanningOptions(timeLimitSeconds: effectiveTimeLimit(timeLimit))
        options.language = language.language
        let plans: [Plan]
        do {
            plans = try ComparisonSolve.plans(
                scenarios.map { (variant: $0.0, scenario: $0.1) }, options: options, warmStart: !cold,
                makeSolver: { GLPKSolver() })
        } catch {
            throw fail(.internalError, "\(error)")
        }
        let report = ComparisonReport(
            base: plans[0], variants: Array(plans.dropFirst()),
            scenarioName: document.base.park.name, language: language.language,
            currency: document.base.park.currencyOrDefault)
        let resolved = scenarios.map(\.1)
        try writeOutputs(
            [
                OutputFile(name: "compare.md", data: Data(MarkdownReport.safeText(report.markdown()).utf8)),
                OutputFile(name: "compare.csv", data: report.csv().data()),
                OutputFile(
                    name: "compare.html",
                    data: Data(
                        CompareHTMLReport.render(plans: plans, scenarios: resolved, language: language.language).utf8)),
                OutputFile(
                    name: "compare.xlsx",
                    data: try CompareWorkbook.data(plans: plans, scenarios: resolved, language: language.language)),
            ], into: out)
        let L = ReportLabels(language.language)
        let text =
            report.terminal() + "\n"
            + L.t(
                "Wrote \(out)/compare.md, \(out)/compare.csv, \(out)/compare.html and \(out)/compare.xlsx\n",
                "已写入 \(out)/compare.md、\(out)/compare.csv、\(out)/compare.html 和 \(out)/compare.xlsx\n")
        try StandardStreams.write(text)
    }
}
