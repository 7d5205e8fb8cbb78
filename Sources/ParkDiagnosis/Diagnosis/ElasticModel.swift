import LinearProgramming
import ParkInstance
import ParkModel

/// The must-place projects alone, with every contract §3 rule, in which node capacity, plot area,
/// building units and the budget may be exceeded through non-negative slack columns.
///
/// Every resource gets one slack column measured in units of its scale (usable capacity or the
/// demand on it, plot area, building units, budget), so MW and m² compare and every coefficient
/// is of order one. It is solved lexicographically (`solve`): first the least total slack, then,
/// with that total held, the schedule planners expect: projects starting as early as their
/// windows allow, cheap expansions started as late as possible. The report then recomputes exact
/// deficits from the chosen schedule. With `elastic: false` there are no slack columns.
struct ElasticModel {
    struct Place { let project: Int, site: Int, start: Int, column: ColumnID }
    struct Build { let expansion: Int, start: Int, column: ColumnID }

    let context: DiagnosisContext
    let elastic: Bool
    /// Built without an objective: `solve` sets one per stage.
    var model = LinearModel(name: "parkplan_diagnosis", sense: .minimize)
    var places: [Place] = []
    var builds: [Build] = []
    /// Slack columns (scaled units), the stage-one objective.
    var slacks: [ColumnID] = []
    /// Cumulative drawn demand per capacity resource (index into `context.capacityResources`)
    /// and period, in units of the resource's scale.
    var loads: [Load] = []
    /// Per capacity resource: its scale (0 when nothing can draw on it).
    var capacityScales: [Double] = []
    /// Build columns of each expansion, by start.
    var buildsByExpansion: [[Build]] = []
    /// Per expansion and period: the continuous column "started by t" (`V3_built`, as in the MIP),
    /// nil before its first start (then 0). Rows read completions through it, so a row holds two
    /// terms per expansion instead of one per start (a 2,000-expansion chain stays small).
    var builtBy: [[ColumnID?]] = []

    struct Load { let resource: Int, period: Int, column: ColumnID }

    init(context: DiagnosisContext, projects: [Int], elastic: Bool) {
        self.context = context
        self.elastic = elastic
        addPlaceColumns(projects)
        addBuildColumns()
        buildsByExpansion = instance.expansions.indices.map { e in builds.filter { $0.expansion == e } }
        addBuiltByColumns()
        addOnceRows(projects)
        addSiteReadyRows()
        addSpaceRows()
        addCapacityRows()
        addExpansionRows()
        addBudgetRow()
    }

    var instance: PlanningInstance { context.instance }
    var periods: Int { instance.periodCount }

    /// The schedule chosen by a solution of this model.
    func schedule(_ values: [Double]) -> DiagnosisSchedule {
        func chosen(_ c: ColumnID) -> Bool { c.index < values.count && values[c.index] > 0.5 }
        return DiagnosisSchedule(
            placements: places.filter { chosen($0.column) }.map {
                .init(project: $0.project, site: $0.site, start: $0.start)
            },
            builds: builds.filter { chosen($0.column) }.map { .init(expansion: $0.expansion, start: $0.start) })
    }

    /// A column of slack on a resource, in units of its scale.
    mutating func addSlack(_ code: String, _ arguments: [String] = []) -> ColumnID {
        let column = model.addColumn(columnName(code, arguments))
        slacks.append(column)
        return column
    }

    // MARK: - Names

    /// Column and row names share the planning MIP's block codes (docs/formulation.md, "The
    /// diagnosis model"): `C…` rows mean the same rule as in the MIP, `E…` blocks are the
    /// elastic model's own.
    func columnName(_ code: String, _ arguments: [String]) -> String {
        ModelNames.label(code, arguments, index: model.columns.count, tag: "c")
    }

    func rowName(_ code: String, _ arguments: [String]) -> String {
        ModelNames.label(code, arguments, index: model.rows.count, tag: "r")
    }

    func period(_ t: Int) -> String { ModelNames.period(t, instance) }

    // MARK: - Columns

    private mutating func addPlaceColumns(_ projects: [Int]) {
        for p in projects {
            for s in context.admissibleSites(p) {
                guard let starts = context.starts(p, on: s) else { continue }
                for t in starts {
                    let name = columnName(
                        "E1_place",
                        [
                            ModelNames.project(p, instance), ModelNames.site(s, instance),
                            period(t),
                        ])
                    places.append(Place(project: p, site: s, start: t, column: model.addColumn(name, kind: .binary)))
                }
            }
        }
    }

    private mutating func addBuildColumns() {
        for (e, expansion) in instance.expansions.enumerated() {
            let last = periods - 1 - expansion.leadPeriods
            guard expansion.earliestPeriod <= last else { continue }
            // Without slack an expansion dearer than the whole budget can never be built.
            if !elastic, let budget = instance.budget, DiagnosisContext.exceeds(expansion.cost, budget) { continue }
            for t in expansion.earliestPeriod...last {
                let name = columnName("E6_start", [ModelNames.expansion(e, instance), period(t)])
                builds.append(Build(expansion: e, start: t, column: model.addColumn(name, kind: .binary)))
            }
        }
    }

    /// `V3_built(e,t) = V3_built(e,t-1) + E6_start(e,t)` from the first start on (rows `E7_built_by`).
    private mutating func addBuiltByColumns() {
        builtBy = buildsByExpansion.enumerated().map { e, own in
            guard let first = own.first?.start else { return [ColumnID?](repeating: nil, count: periods) }
            var columns = [ColumnID?](repeating: nil, count: periods)
            var previous: ColumnID?
            for t in first..<periods {
                let column = model.addColumn(
                    columnName("V3_built", [ModelNames.expansion(e, instance), period(t)]),
                    lower: 0, upper: 1)
                var expression = LinearExpression([Term(column, 1)])
                if let previous { expression.add(previous, -1) }
                if let start = own.first(where: { $0.start == t }) { expression.add(start.column, -1) }
                model.addRow(
                    rowName("E7_built_by", [ModelNames.expansion(e, instance), period(t)]), expression,
                    lower: 0, upper: 0)
                columns[t] = column
                previous = column
            }
            return columns
        }
    }

    /// Whether expansion `e` is complete by period `t`: `V3_built(e, t - lead)` (empty when it
    /// cannot be).
    func completedExpression(_ e: Int, _ t: Int) -> LinearExpression {
        let started = t - instance.expansions[e].leadPeriods
        guard e < builtBy.count, started >= 0, started < periods, let column = builtBy[e][started] else {
            return LinearExpression([])
        }
        return LinearExpression([Term(column, 1)])
    }

    /// Whether expansion `e` has started by period `t` (`V3_built(e,t)`).
    func startedExpression(_ e: Int, _ t: Int) -> LinearExpression {
        guard e < builtBy.count, t >= 0, t < periods, let column = builtBy[e][t] else { return LinearExpression([]) }
        return LinearExpression([Term(column, 1)])
    }

    // MARK: - Rows

    private mutating func addOnceRows(_ projects: [Int]) {
        for p in projects {
            let terms = places.filter { $0.project == p }.map { Term($0.column, 1) }
            model.addRow(
                rowName("C01_once", [ModelNames.project(p, instance)]), LinearExpression(terms), lower: 1, upper: 1)
        }
    }

    private mutating func addSiteReadyRows() {
        for place in places where instance.sites[place.site].isPlanned {
            var expression = LinearExpression([Term(place.column, 1)])
            for e in instance.sites[place.site].builtBy {
                expression = expression - completedExpression(e, place.start)
            }
            let name = rowName(
                "C10_site_ready",
                [
                    ModelNames.project(place.project, instance),
                    ModelNames.site(place.site, instance), period(place.start),
                ])
            model.addRow(name, expression, upper: 0)
        }
    }

    /// Space rows divided by the site's capacity.
    private mutating func addSpaceRows() {
        for s in instance.sites.indices {
            let onSite = places.filter { $0.site == s }
            guard !onSite.isEmpty else { continue }
            let capacity = max(instance.sites[s].capacity, 1e-9)
            var expression = LinearExpression(
                onSite.map { Term($0.column, context.spaceTaken($0.project, on: s) / capacity) })
            if elastic { expression.add(addSlack("E2_slack_space", [ModelNames.site(s, instance)]), -1) }
            model.addRow(rowName("C04_space", [ModelNames.site(s, instance)]), expression, upper: 1)
        }
    }

    private mutating func addExpansionRows() {
        for e in instance.expansions.indices {
            let own = buildsByExpansion[e]
            guard !own.isEmpty else { continue }
            model.addRow(
                rowName("C06_build_once", [ModelNames.expansion(e, instance)]),
                LinearExpression(own.map { Term($0.column, 1) }), upper: 1)
            for r in instance.expansions[e].requires {
                for build in own {
                    let expression = startedExpression(e, build.start) - completedExpression(r, build.start)
                    let name = rowName(
                        "C07_requires",
                        [
                            ModelNames.expansion(e, instance),
                            ModelNames.expansion(r, instance), period(build.start),
                        ])
                    model.addRow(name, expression, upper: 0)
                }
            }
        }
    }

    /// The budget row divided by `max(budget, total cost, 1)` (elastic: the slack is in those
    /// units), or by the budget alone without slack, so that a cost far below the total still
    /// counts against a small budget (expansions dearer than the budget have no columns then).
    private mutating func addBudgetRow() {
        guard let budget = instance.budget, !builds.isEmpty else { return }
        let scale = elastic ? max(budget, instance.expansions.reduce(0) { $0 + $1.cost }, 1) : (budget > 0 ? budget : 1)
        var expression = LinearExpression(
            builds.map { Term($0.column, instance.expansions[$0.expansion].cost / scale) })
        if elastic { expression.add(addSlack("E2_slack_budget"), -1) }
        model.addRow(rowName("C08_budget", []), expression, upper: budget / scale)
    }
}
