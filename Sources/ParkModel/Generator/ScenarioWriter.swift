/// Writes a `Scenario` as a scenario file (contract §2), every present field in contract order.
///
/// Numbers are written by hand in their shortest exact form, so reading the file back gives
/// the same `Double`s (Yams' `YAMLEncoder` would round them). Strings that YAML would read as
/// something else (`yes`, `null`, `012`, a leading `-` or `*`, control characters) are
/// double-quoted; Chinese text stays plain. Absent optional fields are left out, so the file
/// loads back to an equal `Scenario`.
///
/// `Variant` carries only a name and a description, so variants are written with those two
/// fields only; their `set`/`remove`/`add` changes live in the source file, not in `Scenario`.
public enum ScenarioWriter {
    /// The scenario as YAML text (UTF-8, ending with a newline).
    public static func yaml(_ scenario: Scenario) -> String {
        tree(scenario).yamlDocument()
    }

    /// The scenario as JSON text (the same fields and order as the YAML).
    public static func json(_ scenario: Scenario) -> String {
        tree(scenario).jsonDocument()
    }

    // MARK: - Top level

    static func tree(_ s: Scenario) -> OutputValue {
        .entries([
            ("parkplan", .integer(s.parkplan)),
            (
                "park",
                .entries([("name", .string(s.park.name)), ("currency", s.park.currency.map(OutputValue.string))])
            ),
            (
                "horizon",
                .entries(
                    [
                        ("start", .month(s.horizon.start)), ("months", .integer(s.horizon.months)),
                        ("step_months", s.horizon.stepMonths.map(OutputValue.integer)),
                    ], flow: true)
            ),
            ("objective", s.objective.map(objective)),
            ("budget", s.budget.map(OutputValue.number)),
            ("policy", s.policy.map(policy)),
            ("power", s.power.map { .list($0.map(powerNode)) }),
            ("sewage", s.sewage.map { .list($0.map(sewagePlant)) }),
            ("water", s.water.map { .list($0.map(waterNode)) }),
            ("plots", s.plots.map { .list($0.map(plot)) }),
            ("buildings", s.buildings.map { .list($0.map(building)) }),
            ("expansions", s.expansions.map { .list($0.map(expansion)) }),
            ("projects", s.projects.map { .list($0.map(project)) }),
            ("variants", s.variants.map { .list($0.map(variant)) }),
        ])
    }

    private static func objective(_ o: Objective) -> OutputValue {
        .entries([
            ("years", o.years.map(OutputValue.number)),
            (
                "weights",
                o.weights.map { w in
                    .entries(
                        [
                            ("tax", num(w.tax)), ("investment", num(w.investment)), ("jobs", num(w.jobs)),
                            ("cost", num(w.cost)),
                        ], flow: true)
                }
            ),
        ])
    }

    private static func policy(_ p: Policy) -> OutputValue {
        .entries([
            ("min_investment_intensity", num(p.minInvestmentIntensity)),
            ("min_tax_per_mu", num(p.minTaxPerMu)),
            ("enforce", p.enforce.map(OutputValue.bool)),
        ])
    }

    private static func variant(_ v: Variant) -> OutputValue {
        .entries([("name", .string(v.name)), ("description", str(v.description))])
    }

    // MARK: - Helpers for optional fields

    static func num(_ x: Double?) -> OutputValue? { x.map(OutputValue.number) }
    static func int(_ x: Int?) -> OutputValue? { x.map(OutputValue.integer) }
    static func str(_ x: String?) -> OutputValue? { x.map(OutputValue.string) }
    static func id<T>(_ x: Identifier<T>?) -> OutputValue? { x.map { .string($0.rawValue) } }
    static func month(_ x: YearMonth?) -> OutputValue? { x.map(OutputValue.month) }
    static func bool(_ x: Bool?) -> OutputValue? { x.map(OutputValue.bool) }
    static func strings(_ x: [String]?) -> OutputValue? { x.map { .list($0.map(OutputValue.string)) } }
    static func polygon(_ x: [[Double]]?) -> OutputValue? {
        x.map { .list($0.map { .list($0.map(OutputValue.number)) }) }
    }
}
