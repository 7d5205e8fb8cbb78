import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import ParkInstance
import ParkModel
import ParkPlanning

extension ModelFormat: ExpressibleByArgument {}

struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write the optimisation model, for audit in any solver (CPLEX LP or free MPS).",
        discussion: """
            The model is the one `parkplan plan` solves, with readable names built from block codes \
            and ids (see docs/formulation.md). LP keeps `Maximize`; GLPK's MPS has no objective sense, \
            so MPS is written as the minimisation of the negated objective (a comment line says so). \
            Without --out the model goes to standard output.
            """)

    @OptionGroup var scenario: ScenarioOptions

    @Option(name: .long, help: "lp (CPLEX LP) or mps (free MPS).")
    var format: ModelFormat

    @Option(name: .long, help: "Write the model to this file instead of standard output.")
    var out: String?

    func run() throws {
        let (_, scenario) = try loadScenario(file: self.scenario.file, variant: self.scenario.variant, sets: self.scenario.sets)
        let model = Planner.model(for: PlanningInstance(scenario))
        let text: String
        do {
            text = try GLPKSolver().export(model, format: format)
        } catch {
            throw fail(.internalError, "internal error: cannot export the model: \(error)")
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try writeFile(Data(text.utf8), to: out)
    }
}

/// Writes one file atomically (temporary file + rename); exits 2 when it cannot be written.
func writeFile(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    try writeOutputs([(url.lastPathComponent, data)], into: directory.isEmpty ? "." : directory)
}
