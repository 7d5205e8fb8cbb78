import ArgumentParser
import Foundation
import ParkModel

/// `parkplan check FILE`: validates the base scenario and every variant; prints a short summary.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and every variant; report capacities and readiness of pinned projects.",
        discussion: "Exit code 2 and every located problem on standard error when anything is wrong.")

    @Argument(help: "Scenario file (YAML or JSON).")
    var file: String

    @Option(name: .customLong("set"), help: "Change one value: PATH=VALUE (repeatable), applied to the base and each variant.")
    var sets: [String] = []

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
        try StandardStreams.write(CheckReport.text(file: file, summary: ScenarioSummary.make(base),
                                                   variants: document.variantNames) + "\n")
    }
}

/// The text that `check` prints (stdout).
enum CheckReport {
    static func text(file: String, summary s: ScenarioSummary, variants: [String]) -> String {
        var out: [String] = []
        out.append("\(file): OK")
        out.append("Park: \(s.parkName) (\(s.currency))")
        let step = s.stepMonths == 1 ? "1 month" : "\(s.stepMonths) months"
        out.append("Horizon: from \(s.horizonStart), \(s.horizonMonths) months in steps of \(step): "
                   + "\(s.periodCount) periods, the last from \(s.lastPeriodMonth)")
        let c = s.counts
        out.append("Sites: \(c.plots) plots (\(c.plannedPlots) planned), \(c.buildings) buildings (\(c.plannedBuildings) planned)")
        out.append("Nodes: \(c.powerNodes) power, \(c.sewagePlants) sewage, \(c.waterNodes) water; \(c.expansions) expansion options")
        out.append("Projects: \(c.existing) existing, \(c.committed) committed, \(c.candidates) candidates")
        out.append(variants.isEmpty ? "Variants: none" : "Variants: " + variants.map { "\($0) OK" }.joined(separator: ", "))
        if !s.loads.isEmpty {
            out.append("")
            out.append("Capacity (usable after reserve) against existing + committed demand on pinned sites:")
            for load in s.loads {
                var line = "  \(load.kind) \(load.node): usable \(number(load.usable)) \(load.unit)"
                if load.usable != load.capacity { line += " of \(number(load.capacity))" }
                line += ", existing \(number(load.existingDemand)), committed \(number(load.committedDemand))"
                line += ", headroom \(number(load.headroom))"
                if load.headroom < 0 { line += " (SHORT)" }
                if load.ready > s.horizonStart { line += ", ready \(load.ready)" }
                if load.expandable > 0 { line += "; expansions can add \(number(load.expandable))" }
                out.append(line)
            }
        }
        if !s.unsitedCommitted.isEmpty {
            out.append("  committed projects without a pinned site need: "
                       + s.unsitedCommitted.map { "\($0.kind) \(number($0.amount)) \($0.unit)" }.joined(separator: ", "))
        }
        if !s.readiness.isEmpty {
            out.append("")
            out.append("Readiness of pinned and existing projects:")
            for r in s.readiness {
                var line = "  \(r.project) [\(r.status.rawValue)] on \(r.siteKind) \(r.site): "
                if let ready = r.siteReady { line += "site ready \(ready)" } else { line += "site never ready" }
                if let builder = r.builtBy { line += " (built by \(builder))" }
                if let start = r.start {
                    line += ", start \(start): " + (r.readyAtStart == true ? "ready (拎包入驻)" : "NOT ready")
                }
                if r.label != r.project.rawValue { line += " — \(r.label)" }
                out.append(line)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Fixed formatting: whole numbers without decimals, others with up to 2.
    static func number(_ value: Double) -> String { compactNumber(value) }
}
