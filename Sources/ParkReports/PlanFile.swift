import Foundation
import ParkDiagnosis
import ParkInstance
import ParkModel
import ParkPlanning

/// Problems in a plan file, each located: `FILE:LINE:COLUMN: path: what is wrong`.
public struct PlanFileError: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}

/// Reads a plan file (`parkplan-plan/1`) given on the command line, e.g. `readiness --plan`.
public enum PlanFile {
    public static let format = "parkplan-plan/1"

    /// Parses `data` as a SPEC §5 plan and, with an instance, checks that every project, site,
    /// expansion and node it names exists. Throws `PlanFileError` listing every problem found.
    public static func read(data: Data, fileName: String, instance: PlanningInstance?) throws -> Plan {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanFileError(messages: ["\(fileName):1:1: the plan is not UTF-8 text"])
        }
        var locator = JSONLocator(text)
        do {
            try locator.scan()
        } catch let e as JSONLocator.SyntaxError {
            throw PlanFileError(messages: ["\(fileName):\(e.position.line):\(e.position.column): not valid JSON: \(e.message)"])
        } catch {
            throw PlanFileError(messages: ["\(fileName):1:1: not valid JSON"])
        }
        func at(_ path: String, _ message: String) -> String {
            let p = locate(path, in: locator.positions)
            return "\(fileName):\(p.line):\(p.column): " + (path.isEmpty ? message : "\(path): \(message)")
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
        return plan
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
            if let i = key.intValue { text += "[\(i)]" } else { text += text.isEmpty ? key.stringValue : "." + key.stringValue }
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
