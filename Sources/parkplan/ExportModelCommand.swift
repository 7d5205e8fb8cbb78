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
        let format = self.format
        let name = out.map { ($0 as NSString).lastPathComponent } ?? "model.\(format.rawValue)"
        let file = OutputFile(name: name) { path in
            do {
                try GLPKSolver().export(model, format: format, to: path)
            } catch {
                throw OutputError(.failure, "cannot export the model: \(error)")
            }
        }
        guard let out else {
            return try writeStandardOutput(file)
        }
        try writeFile(file, to: out)
    }
}

/// Writes `file` to standard output through a private temporary folder (TMPDIR, else /tmp),
/// removed afterwards; exit 1 when it cannot be written.
func writeStandardOutput(_ file: OutputFile) throws {
    do {
        try OutputWriter.withScratchFolder { folder in
            let path = folder + "/" + file.name
            try file.write(path)
            try StandardStreams.copy(path)
        }
    } catch let error as OutputError {
        throw fail(.internalError, error.description)
    }
}
