internal import CGLPK
import Foundation
import LinearProgramming

/// Writes a model as CPLEX LP or free MPS text with GLPK's writers.
enum GLPKExport {
    /// Runs on a `GLPKThread`. The model must have passed validation with unique names.
    static func write(_ model: LinearModel, format: ModelFormat) throws -> String {
        var model = model
        if format == .mps, model.rows.isEmpty, model.columns.contains(where: { $0.objective == 0 }) {
            // GLPK's MPS writer declares a column without coefficients against row 1 and
            // asserts that row exists; give it a free row without entries.
            model.addRow("NO_ROWS", LinearExpression([]))
        }
        let negate = format == .mps && model.sense == .maximize
        let names = format == .lp ? lpNames(model) : plainNames(model)
        let problem = try GLPKProblem(model, names: names, negateObjective: negate)
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("parkplan-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        let code = url.path.withCString { path in
            switch format {
            case .lp: glp_write_lp(problem.pointer, nil, path)
            case .mps: glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, path)
            }
        }
        guard code == 0 else {
            throw LinearProgrammingError.solverFailure(
                "GLPK could not write the \(format.rawValue) file \(url.path) (code \(code))")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LinearProgrammingError.solverFailure("could not read back the \(format.rawValue) file: \(error)")
        }
        return format == .mps ? mpsHeader(model) + text : text
    }

    /// Writes the model straight to `path` with GLPK's writers: no copy of the text in memory
    /// and no file outside `path` (MPS goes to `path.body` first and is copied behind its header
    /// in 1 MiB pieces). Runs on a `GLPKThread`.
    static func write(_ model: LinearModel, format: ModelFormat, to path: String) throws {
        var model = model
        if format == .mps, model.rows.isEmpty, model.columns.contains(where: { $0.objective == 0 }) {
            model.addRow("NO_ROWS", LinearExpression([]))
        }
        let negate = format == .mps && model.sense == .maximize
        let names = format == .lp ? lpNames(model) : plainNames(model)
        let problem = try GLPKProblem(model, names: names, negateObjective: negate)
        let glpkPath = format == .mps ? path + ".body" : path
        errno = 0
        defer { if format == .mps { unlink(glpkPath) } }
        let code = glpkPath.withCString { file in
            switch format {
            case .lp: glp_write_lp(problem.pointer, nil, file)
            case .mps: glp_write_mps(problem.pointer, GLP_MPS_FILE, nil, file)
            }
        }
        guard code == 0 else {
            let reason = errno != 0 ? ": " + String(cString: strerror(errno)) : ""
            throw LinearProgrammingError.solverFailure(
                "GLPK could not write the \(format.rawValue) file \(glpkPath) (code \(code))\(reason)")
        }
        guard format == .mps else { return }
        guard let output = fopen(path, "wx"), let input = fopen(glpkPath, "r") else {
            throw LinearProgrammingError.solverFailure(
                "could not write the mps file \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(input) }
        var failed = fputs(mpsHeader(model), output) < 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while !failed {
            let count = fread(&buffer, 1, buffer.count, input)
            if count == 0 { failed = ferror(input) != 0; break }
            failed = fwrite(buffer, 1, count, output) != count
        }
        failed = fclose(output) != 0 || failed
        if failed {
            throw LinearProgrammingError.solverFailure(
                "could not write the mps file \(path): \(String(cString: strerror(errno)))")
        }
    }

    private static func mpsHeader(_ model: LinearModel) -> String {
        switch model.sense {
        case .maximize:
            "* NOTE: the model MAXIMISES its objective. GLPK's MPS drops the objective sense, so this file\n"
                + "* states the equivalent MINIMISATION of the negated objective (every objective\n"
                + "* coefficient and the constant are negated); negate the optimum to recover the model's value.\n"
        case .minimize:
            "* NOTE: the model minimises its objective, as written below.\n"
        }
    }

    // MARK: - Names

    /// GLPK's MPS writer always names the objective row `R0000000`; a row of that name is renamed.
    private static func plainNames(_ model: LinearModel) -> GLPKNames {
        let rows = unique(["R0000000"] + model.rows.map(\.name)).dropFirst()
        return GLPKNames(
            problem: model.name, objective: "R0000000",
            columns: model.columns.map(\.name), rows: Array(rows))
    }

    private static func lpNames(_ model: LinearModel) -> GLPKNames {
        let rows = unique(model.rows.map { lpName($0.name) })
        return GLPKNames(
            problem: model.name, objective: objectiveName(avoiding: rows),
            columns: unique(model.columns.map { lpName($0.name) }), rows: rows)
    }

    /// "obj", or "obj~2", "obj~3", … when a row already has that name.
    private static func objectiveName(avoiding rows: [String]) -> String {
        let taken = Set(rows)
        var candidate = "obj", suffix = 1
        while taken.contains(candidate) {
            suffix += 1
            candidate = "obj~\(suffix)"
        }
        return candidate
    }

    /// Characters CPLEX LP allows in names besides letters and digits (GLPK's `check_name`).
    private static let lpPunctuation = Set("!\"#$%&()/,.;?@_`'{}|~".utf8)

    /// A CPLEX-LP-safe spelling of a validated name, so GLPK's writer keeps it instead of
    /// substituting `x_17`/`r_4`: `[` → `(`, `]` → `)`, any other disallowed character
    /// (`-`, `+`, `:`, `<`, `=`, `^`, `*`, …) → `_`, and `_` in front of a leading digit or `.`.
    static func lpName(_ name: String) -> String {
        var bytes: [UInt8] = name.utf8.map { byte in
            if byte == UInt8(ascii: "[") { return UInt8(ascii: "(") }
            if byte == UInt8(ascii: "]") { return UInt8(ascii: ")") }
            let alphanumeric =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            return alphanumeric || lpPunctuation.contains(byte) ? byte : UInt8(ascii: "_")
        }
        if let first = bytes.first, (0x30...0x39).contains(first) || first == UInt8(ascii: ".") {
            bytes.insert(UInt8(ascii: "_"), at: 0)
        }
        return String(decoding: bytes.prefix(GLPKValidation.maximumNameLength), as: UTF8.self)
    }

    /// Makes names unique in order: a repeat gets `~2`, `~3`, … appended.
    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.map { name in
            var candidate = name, suffix = 1
            while seen.contains(candidate) {
                suffix += 1
                candidate = String(name.prefix(GLPKValidation.maximumNameLength - 12)) + "~\(suffix)"
            }
            seen.insert(candidate)
            return candidate
        }
    }
}

extension GLPKSolver {
    /// Writes the model as CPLEX LP or free MPS straight to `path` (which must not exist), as
    /// `export(_:format:)` would return it, without holding the text in memory or using TMPDIR.
    public func export(_ model: LinearModel, format: ModelFormat, to path: String) throws {
        try GLPKValidation.validate(model, requireUniqueNames: true)
        try GLPKThread.run { try GLPKExport.write(model, format: format, to: path) }
    }
}
