import ArgumentParser
import Foundation
import GLPKSolver
import LinearProgramming
import ParkInstance
import ParkModel
import ParkPlanning

#if canImport(Glibc)
    import Glibc
#endif

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
        let (_, scenario) = try loadScenario(
            file: self.scenario.file, variant: self.scenario.variant, sets: self.scenario.sets)
        let model = Planner.model(for: PlanningInstance(scenario))
        let format = self.format
        try announceSize(of: model)
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

extension ExportModelCommand {
    /// Models whose file is estimated above this size are announced on standard error first.
    static let announceBytes = 100 * 1024 * 1024

    /// A close estimate of the file's size: one line per coefficient naming its column and row
    /// (MPS) or its column (LP), plus a line per column and row.
    static func estimatedBytes(of model: LinearModel, format: ModelFormat) -> Int {
        let columnNames = model.columns.map { $0.name.utf8.count }
        var total = 0
        for row in model.rows {
            let rowName = format == .mps ? row.name.utf8.count : 0
            for term in row.terms where term.column.index < columnNames.count {
                total += columnNames[term.column.index] + rowName + 20
            }
            total += row.name.utf8.count + 24
        }
        return total + columnNames.reduce(0) { $0 + $1 + 40 }
    }

    /// States the size of a large model before writing it; exit 2 when `--out`'s file system
    /// has clearly too little room (nothing is written).
    func announceSize(of model: LinearModel) throws {
        let bytes = Self.estimatedBytes(of: model, format: format)
        guard bytes > Self.announceBytes else { return }
        let coefficients = model.rows.reduce(0) { $0 + $1.terms.count }
        let megabytes = (bytes + 999_999) / 1_000_000
        StandardStreams.writeError(
            "export-model: the model has \(model.rows.count) rows, \(model.columns.count) columns "
                + "and \(coefficients) coefficients; the \(format.rawValue) file will be about \(megabytes) MB\n")
        guard let out else { return }
        let folder = (FileSystem.absolute(out) as NSString).deletingLastPathComponent
        var info = statvfs()
        if statvfs(folder, &info) == 0 {
            let free = Int(info.f_bavail) * Int(info.f_frsize)
            if free < bytes {
                throw fail(
                    .badInput,
                    "\(out): about \(megabytes) MB are needed but only \(free / 1_000_000) MB are free "
                        + "there; nothing was written")
            }
        }
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
