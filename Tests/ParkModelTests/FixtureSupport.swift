import Foundation

@testable import ParkModel

/// Access to the files under `Fixtures/` and helpers to load text.
enum Fixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    static func url(_ relative: String) -> URL { directory.appendingPathComponent(relative) }

    static func files(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Loads `text` as a scenario named `name`.
    static func load(_ text: String, name: String = "test.yaml") throws -> ScenarioDocument {
        try ScenarioLoader.load(data: Data(text.utf8), fileName: name)
    }

    /// The diagnostics of loading `text` (empty when it loads).
    static func problems(_ text: String, name: String = "test.yaml") -> [Diagnostic] {
        do {
            _ = try load(text, name: name)
            return []
        } catch let error as ScenarioError {
            return error.diagnostics
        } catch {
            return [Diagnostic(file: name, line: 0, column: 0, path: "", message: "unexpected \(error)")]
        }
    }

    /// A small valid scenario to change in tests.
    static let minimal = """
        parkplan: 1
        park: {name: Test Park}
        horizon: {start: 2024-01, months: 24}
        power:
          - {id: S1, capacity_mw: 10}
        plots:
          - {id: P1, area_m2: 1000, power: S1}
        projects:
          - {id: p1, land_m2: 500, power_mw: 2}

        """
}
