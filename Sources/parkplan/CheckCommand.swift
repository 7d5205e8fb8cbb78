import ArgumentParser
import Foundation
import ParkDiagnosis
import ParkModel
import ParkReports

/// `parkplan check FILE`: validates the base scenario and every variant; prints a short summary.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and every variant; report capacities and readiness of pinned projects.",
        discussion: "Exit code 2 and every located problem on standard error when anything is wrong.")

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @Option(
        name: .customLong("set"),
        help: "Change one value: PATH=VALUE (repeatable), applied to the base and each variant.")
    var sets: [String] = []

    @OptionGroup var language: LanguageOption

    func run() throws {
        let document = try loadDocument(path: file)
        let checks = document.checkAll(sets: sets)
        let problems = checks.flatMap(\.problems)
        if !problems.isEmpty {
            var seen: Set<String> = []
            let lines = problems.map(\.description).filter { seen.insert($0).inserted }
            throw fail(.badInput, lines.joined(separator: "\n"))
        }
        let base = checks.first?.scenario ?? document.base
        try StandardStreams.write(
            CheckReport.text(
                file: file, summary: ScenarioSummary.make(base),
                variants: document.variantNames, language: language.language,
                warnings: ScenarioRanges.scaleWarnings(base)) + "\n")
    }
}
