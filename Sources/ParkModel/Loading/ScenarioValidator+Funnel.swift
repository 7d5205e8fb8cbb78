extension ScenarioValidator {
    // MARK: - Lead funnel (contract §7)

    /// `funnel` values in [0, 1] (unknown keys are reported by the decoder); `stage` and
    /// `probability` only on candidates, `probability` in [0, 1].
    mutating func checkFunnel() {
        if let funnel = scenario.funnel {
            probabilityInRange(funnel.lead, "funnel.lead")
            probabilityInRange(funnel.intent, "funnel.intent")
        }
        for (i, project) in scenario.projectList.enumerated() {
            let path = "projects[\(i)]"
            let status = project.statusOrDefault
            if status != .candidate {
                if project.stage != nil {
                    fail(
                        "\(path).stage",
                        "\(status.rawValue) project '\(project.id)' has a 'stage'; only candidates are in the lead funnel (a \(status.rawValue) project signs with certainty)"
                    )
                }
                if project.probability != nil {
                    fail(
                        "\(path).probability",
                        "\(status.rawValue) project '\(project.id)' has a 'probability'; only candidates have a chance of signing (a \(status.rawValue) project signs with certainty)"
                    )
                }
            }
            probabilityInRange(project.probability, "\(path).probability")
        }
    }

    private mutating func probabilityInRange(_ value: Double?, _ path: String) {
        guard let value, !(value >= 0 && value <= 1) else { return }
        fail(path, "a probability lies between 0 and 1, found \(format(value))")
    }
}
