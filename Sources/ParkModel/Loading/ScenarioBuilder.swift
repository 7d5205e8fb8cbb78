/// Turns a `SourceNode` tree into a validated `Scenario`: decoding (structure,
/// types, unknown keys) and then the semantic rules, all problems collected.
enum ScenarioBuilder {
    /// The lists a path `LIST.ID.FIELD` may name.
    static let lists = ["power", "sewage", "water", "plots", "buildings", "expansions", "projects"]

    struct Outcome {
        var scenario: Scenario?
        var findings: [Finding]
    }

    static func build(_ root: SourceNode) -> Outcome {
        let session = DecodeSession()
        session.extraKeys[ObjectIdentifier(Variant.self)] = ["set", "remove", "add"]
        session.record([], at: root.location)
        guard root.pairs != nil else {
            let finding = Finding(
                location: root.location, path: "",
                message:
                    "a scenario is a mapping of fields ('parkplan: 1', 'park:', 'horizon:', …), found \(root.summary)")
            return Outcome(scenario: nil, findings: [finding])
        }
        let decoder = NodeDecoder(node: root, fallback: root.location, path: [], session: session)
        let scenario: Scenario
        do {
            scenario = try decoder.decode(Scenario.self)
        } catch {
            return Outcome(scenario: nil, findings: session.findings)
        }
        let structural = session.findings
        let explained = Set(structural.map(\.path).filter { !$0.isEmpty })
        let semantic = ScenarioValidator.validate(scenario, session: session).filter { finding in
            !ancestors(of: finding.path).contains { explained.contains($0) }
        }
        let all = structural + semantic
        return Outcome(scenario: all.isEmpty ? scenario : nil, findings: all)
    }

    /// `path` and every enclosing path: `a.b[2].c`, `a.b[2]`, `a.b`, `a`.
    /// A problem already reported at any of them explains a later one at `path`.
    static func ancestors(of path: String) -> [String] {
        var result = [path]
        var current = Substring(path)
        while let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) {
            current = current[..<cut]
            result.append(String(current))
        }
        return result
    }

    /// Findings in reading order (file first, then each `--set` option), stable otherwise.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        func rank(_ origin: SourceOrigin) -> Int {
            if case .setOption(let index, _, _) = origin { return index + 1 }
            return 0
        }
        return findings.enumerated().sorted { a, b in
            let (la, lb) = (a.element.location, b.element.location)
            if rank(la.origin) != rank(lb.origin) { return rank(la.origin) < rank(lb.origin) }
            if la.line != lb.line { return la.line < lb.line }
            if la.column != lb.column { return la.column < lb.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
