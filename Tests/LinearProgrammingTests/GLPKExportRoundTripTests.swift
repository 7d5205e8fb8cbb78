import Foundation
import GLPKSolver
import LinearProgramming
import TestSupport
import Testing

private let glpsolPath = "/usr/bin/glpsol"

/// Exported files solved by GLPK's stand-alone `glpsol` give the same optimum as `solve`
/// (LP: without the constant, which CPLEX LP carries only as a comment; MPS: negated
/// when the model maximises). Skipped where `glpsol` is not installed.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: glpsolPath)))
struct GLPKExportRoundTripTests {
    let solver = GLPKSolver()

    static let models: [(String, LinearModel)] = {
        var wyndor = Models.wyndor()
        wyndor.objectiveConstant = 5
        var diet = Models.diet()
        diet.objectiveConstant = -2
        return [("wyndor", wyndor), ("diet", diet), ("knapsack", Models.knapsack(count: 12, seed: 3).model)]
    }()

    @Test(arguments: models.map(\.0)) func glpsolAgrees(name: String) throws {
        let model = try #require(Self.models.first { $0.0 == name }?.1)
        let expected = try #require(try solver.solve(model, options: SolverOptions()).objective)
        let lp = try glpsolObjective(try solver.export(model, format: .lp), flag: "--lp")
        #expect(isClose(lp, expected - model.objectiveConstant), "LP file of \(name)")
        let mps = try glpsolObjective(try solver.export(model, format: .mps), flag: "--freemps")
        let sign = model.sense == .maximize ? -1.0 : 1.0
        #expect(isClose(mps, sign * expected), "MPS file of \(name)")
    }

    /// Writes `text` to a temporary file, runs `glpsol FLAG file -o report` and reads
    /// the objective from the report's "Objective:  name = value (...)" line.
    private func glpsolObjective(_ text: String, flag: String) throws -> Double? {
        let directory = FileManager.default.temporaryDirectory
        let model = directory.appendingPathComponent("roundtrip-\(UUID().uuidString)")
        let report = directory.appendingPathComponent("roundtrip-\(UUID().uuidString).txt")
        defer {
            try? FileManager.default.removeItem(at: model)
            try? FileManager.default.removeItem(at: report)
        }
        try text.write(to: model, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsolPath)
        process.arguments = [flag, model.path, "-o", report.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let lines = try String(contentsOf: report, encoding: .utf8).split(separator: "\n")
        guard let line = lines.first(where: { $0.hasPrefix("Objective:") && $0.contains("=") }),
            let value = line.split(separator: "=").last?.split(separator: " ").first
        else { return nil }
        return Double(value)
    }
}
