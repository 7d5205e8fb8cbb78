import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning
import ParkVerification

/// Problems in a plan file, each located: `FILE:LINE:COLUMN: path: what is wrong`.
public struct PlanFileError: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

/// Reads a plan file (`parkplan-plan/1`) given on the command line, e.g. `readiness --plan`.
public enum PlanFile {
    public static let format = "parkplan-plan/1"
    /// Largest plan file read, in bytes (64 MiB); checked before reading.
    public static let maxFileBytes = 64 * 1024 * 1024
    /// Most broken rules listed for one plan (the rest are counted).
    static let maxMessages = 40

    /// Parses `data` as a contract §5 plan and, with an instance, checks that every project, site,
    /// expansion and node it names exists. Throws `PlanFileError` listing every problem found.
    public static func read(data: Data, fileName: String, instance: PlanningInstance?) throws -> Plan {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanFileError(messages: ["\(fileName):1:1: the plan is not UTF-8 text"])
        }
        var locator = JSONLocator(text)
        do {
            try locator.scan()
        } catch let e as JSONLocator.SyntaxError {
            throw PlanFileError(messages: [
                "\(fileName):\(e.position.line):\(e.position.column): not valid JSON: \(e.message)"
            ])
        } catch {
            throw PlanFileError(messages: ["\(fileName):1:1: not valid JSON"])
        }
        func at(_ path: String, _ message: String) -> String {
            let p = locate(path, in: locator.positions)
            return "\(fileName):\(p.line):\(p.column): " + (path.isEmpty ? message : "\(path): \(message)")
        }
        if !locator.duplicates.isEmpty {
            throw PlanFileError(
                messages: locator.duplicates.map { at($0, "this key appears more than once in its object") })
        }
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: data)
        } catch let e as DecodingError {
            throw PlanFileError(messages: [describe(e, at: at)])
        } catch {
            throw PlanFileError(messages: [at("", "not a parkplan plan: \(error)")])
        }
        guard plan.format == format else {
            throw PlanFileError(messages: [at("format", "expected \"\(format)\", found \"\(plan.format)\"")])
        }
        guard let instance else { return plan }
        let problems = Readiness.unknownIDs(in: plan, instance: instance).map { path, id in
            at(path, "unknown id \"\(id)\"" + Suggestion.didYouMean(id, among: candidates(for: path, instance)))
        }
        if !problems.isEmpty { throw PlanFileError(messages: problems) }
        let broken = PlanVerifier.check(plan, in: instance.scenario).map { violation in
            at(location(of: violation, in: plan), "the plan breaks \(violation.description)")
        }
        if !broken.isEmpty {
            let shown = Array(broken.prefix(maxMessages))
            let more =
                broken.count > maxMessages ? ["\(fileName): … and \(broken.count - maxMessages) more broken rules"] : []
            throw PlanFileError(messages: shown + more)
        }
        return plan
    }

    /// The path of the entry a violation is about: the first placement (or expansion) whose id
    /// the sentence names, else the list or value the rule concerns.
    static func location(of violation: PlanViolation, in plan: Plan) -> String {
        func names(_ id: String) -> Bool {
            violation.detail.hasPrefix(id + " ") || violation.detail.contains(" " + id + " ")
                || violation.detail.contains(" " + id + ",") || violation.detail.hasSuffix(" " + id)
        }
        if let i = plan.placements.firstIndex(where: { names($0.project.rawValue) }) { return "placements[\(i)]" }
        if let i = plan.expansions.firstIndex(where: { names($0.id.rawValue) }) { return "expansions[\(i)]" }
        switch violation.rule {
        case .expansions, .budget: return "expansions"
        case .report:
            if violation.detail.contains("utilization") || violation.detail.contains("utilisation") {
                return "utilization"
            }
            return violation.detail.contains("value") ? "value" : ""
        default: return "placements"
        }
    }

    static func candidates(for path: String, _ instance: PlanningInstance) -> [String] {
        if path.hasSuffix(".project") { return instance.projects.map(\.id.rawValue) }
        if path.hasSuffix(".site") { return instance.sites.map(\.id.rawValue) }
        if path.hasSuffix(".node") { return instance.nodes.map(\.id.rawValue) }
        return instance.expansions.map(\.id.rawValue)
    }

    /// The position of `path`, else of its nearest enclosing value, else 1:1.
    static func locate(_ path: String, in positions: [String: JSONLocator.Position]) -> JSONLocator.Position {
        var p = path
        while true {
            if let found = positions[p] { return found }
            guard !p.isEmpty else { return JSONLocator.Position(line: 1, column: 1) }
            if let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) { p = String(p[..<cut]) } else { p = "" }
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let i = key.intValue {
                text += "[\(i)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text
    }

    static func describe(_ error: DecodingError, at: (String, String) -> String) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return at(path(context.codingPath), "missing key \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context):
            return at(path(context.codingPath), "expected \(typeName(type)) (\(context.debugDescription))")
        case .valueNotFound(let type, let context):
            return at(path(context.codingPath), "expected \(typeName(type)), found null")
        case .dataCorrupted(let context):
            return at(path(context.codingPath), context.debugDescription)
        @unknown default:
            return at("", "not a parkplan plan")
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Double.Type, is Int.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
