import Foundation

/// Applies a variant and `--set` options to a loaded tree and validates the result.
struct VariantResolver {
    let tree: ScenarioTree

    struct Failure: Error { var findings: [Finding] }

    func resolve(variant name: String?, sets: [String]) -> Result<Scenario, Failure> {
        var editor = TreeEditor(root: tree.root)
        if let name {
            let specs = VariantSpec.all(in: tree)
            guard let spec = specs.first(where: { $0.name == name }) else {
                return .failure(Failure(findings: [unknownVariant(name, known: specs.map(\.name))]))
            }
            let applied = spec.apply(to: editor)
            if !applied.findings.isEmpty { return .failure(Failure(findings: applied.findings)) }
            editor = applied.editor
            let outcome = ScenarioBuilder.build(editor.root)
            if !outcome.findings.isEmpty {
                return .failure(Failure(findings: outcome.findings.map { attribute($0, to: spec) }))
            }
        }
        var options: [(index: Int, option: String)] = []
        var findings: [Finding] = []
        for (index, option) in sets.enumerated() {
            options.append((index, option))
            if let finding = apply(option, index: index, to: &editor) { findings.append(finding) }
        }
        if !findings.isEmpty { return .failure(Failure(findings: findings)) }
        let outcome = ScenarioBuilder.build(editor.root)
        if let scenario = outcome.scenario, outcome.findings.isEmpty { return .success(scenario) }
        let last = options.last
        return .failure(
            Failure(
                findings: outcome.findings.map { finding in
                    guard let last, finding.location.origin == .file else { return finding }
                    var moved = finding
                    moved.location = SourceLocation(
                        origin: .setOption(index: last.index, option: last.option, valueOffset: 0),
                        line: 0, column: 1)
                    moved.message += " (at line \(finding.location.line) of the scenario, after the --set options)"
                    return moved
                }))
    }

    /// Parses one `PATH=VALUE` (VALUE as YAML) and applies it.
    private func apply(_ option: String, index: Int, to editor: inout TreeEditor) -> Finding? {
        let whole = SourceLocation(origin: .setOption(index: index, option: option, valueOffset: 0), line: 1, column: 1)
        guard let equals = option.firstIndex(of: "=") else {
            return Finding(
                location: whole, path: "", message: "expected PATH=VALUE, e.g. projects.pv-modules.power_mw=40")
        }
        let path = String(option[..<equals]).trimmingCharacters(in: .whitespaces)
        let valueText = String(option[option.index(after: equals)...])
        let offset =
            option.unicodeScalars.distance(
                from: option.unicodeScalars.startIndex,
                to: equals.samePosition(in: option.unicodeScalars) ?? option.unicodeScalars.startIndex) + 1
        let origin = SourceOrigin.setOption(index: index, option: option, valueOffset: offset)
        let value: SourceNode
        do {
            if valueText.trimmingCharacters(in: .whitespaces).isEmpty {
                value = SourceNode(.scalar("", plain: true), at: SourceLocation(origin: origin, line: 1, column: 1))
            } else {
                let text = try TextScreen.screen(Array(valueText.utf8))
                value =
                    try YAMLReader.parse(text, origin: origin)
                    ?? SourceNode(.scalar("", plain: true), at: SourceLocation(origin: origin, line: 1, column: 1))
            }
        } catch {
            return Finding(
                location: SourceLocation(origin: origin, line: error.line, column: error.column),
                path: path, message: "the value is not valid YAML: \(error.message)")
        }
        if let failure = editor.set(path, to: value, keyLocation: whole) {
            return Finding(location: whole, path: path, message: failure)
        }
        return nil
    }

    private func unknownVariant(_ name: String, known: [String]) -> Finding {
        let list = known.isEmpty ? "the file defines no variants" : "known variants: \(known.joined(separator: ", "))"
        var message = "no variant named '\(name)'; \(list)"
        if let guess = Suggestion.nearest(to: name, among: known) {
            message = "no variant named '\(name)' (did you mean '\(guess)'?); \(list)"
        }
        let at = tree.root.pairs?.first { $0.key == "variants" }?.keyLocation ?? tree.root.location
        return Finding(location: at, path: "variants", message: message)
    }

    /// Problems outside the variant's own text are moved to it, naming where they are.
    private func attribute(_ finding: Finding, to spec: VariantSpec) -> Finding {
        guard !spec.contains(finding.location) else { return finding }
        var moved = finding
        moved.location = spec.location
        moved.message += " (at line \(finding.location.line), with variant '\(spec.name)' applied)"
        return moved
    }
}
