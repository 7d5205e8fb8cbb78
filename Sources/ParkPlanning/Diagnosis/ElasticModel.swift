import LinearProgramming
import ParkModel

/// The must-place projects alone, with every SPEC §3 rule, in which node capacity, plot area,
/// building units and the budget may be exceeded through non-negative slack columns.
///
/// Capacity slack is per (node, kind, period), usable units, and non-decreasing in time, so an
/// addition made once persists. The objective (minimise) is each resource's largest slack divided
/// by its scale (so MW and m² compare), plus small terms preferring later and fewer additions and
/// cheaper expansions. With `elastic: false` there are no slack columns: a plain feasibility model.
struct ElasticModel {
    struct Place { let project: Int, site: Int, start: Int, column: ColumnID }
    struct Build { let expansion: Int, start: Int, column: ColumnID }

    let context: DiagnosisContext
    let elastic: Bool
    var model = LinearModel(name: "parkplan_diagnosis", sense: .minimize)
    var places: [Place] = []
    var builds: [Build] = []

    /// Weight of the "later and smaller in every period" terms relative to the amounts.
    static let timeWeight = 1e-3
    /// Weight of expansion cost relative to the amounts.
    static let costWeight = 1e-4
    /// Weight preferring later expansion starts (so a budget shortfall is needed as late as possible).
    static let lateWeight = 1e-5

    init(context: DiagnosisContext, projects: [Int], elastic: Bool) {
        self.context = context
        self.elastic = elastic
        addPlaceColumns(projects)
        addBuildColumns()
        addOnceRows(projects)
        addSiteReadyRows()
        addSpaceRows()
        addCapacityRows()
        addExpansionRows()
        addBudgetRow()
    }

    private var instance: PlanningInstance { context.instance }
    private var periods: Int { instance.periodCount }

    /// The schedule chosen by a solution of this model.
    func schedule(_ values: [Double]) -> DiagnosisSchedule {
        func chosen(_ c: ColumnID) -> Bool { c.index < values.count && values[c.index] > 0.5 }
        return DiagnosisSchedule(
            placements: places.filter { chosen($0.column) }.map { .init(project: $0.project, site: $0.site, start: $0.start) },
            builds: builds.filter { chosen($0.column) }.map { .init(expansion: $0.expansion, start: $0.start) })
    }

    // MARK: - Columns

    private mutating func addPlaceColumns(_ projects: [Int]) {
        for p in projects {
            for s in context.admissibleSites(p) {
                guard let starts = context.starts(p, on: s) else { continue }
                for t in starts {
                    let name = "x[\(p),\(s),\(t)]"
                    places.append(Place(project: p, site: s, start: t, column: model.addColumn(name, kind: .binary)))
                }
            }
        }
    }

    private mutating func addBuildColumns() {
        let total = max(1, instance.expansions.reduce(0) { $0 + $1.cost })
        for (e, expansion) in instance.expansions.enumerated() {
            let last = periods - 1 - expansion.leadPeriods
            guard expansion.earliestPeriod <= last else { continue }
            for t in expansion.earliestPeriod...last {
                let late = Self.lateWeight * Double(periods - 1 - t) / Double(periods)
                let column = model.addColumn("y[\(e),\(t)]", kind: .binary, objective: Self.costWeight * expansion.cost / total + late)
                builds.append(Build(expansion: e, start: t, column: column))
            }
        }
    }

    // MARK: - Rows

    private mutating func addOnceRows(_ projects: [Int]) {
        for p in projects {
            let terms = places.filter { $0.project == p }.map { Term($0.column, 1) }
            model.addRow("once[\(p)]", LinearExpression(terms), lower: 1, upper: 1)
        }
    }

    private mutating func addSiteReadyRows() {
        for place in places where instance.sites[place.site].isPlanned {
            var expression = LinearExpression([Term(place.column, 1)])
            for e in instance.sites[place.site].builtBy { expression = expression - completedExpression(e, place.start) }
            model.addRow("ready[\(place.project),\(place.site),\(place.start)]", expression, upper: 0)
        }
    }

    private mutating func addSpaceRows() {
        for s in instance.sites.indices {
            let onSite = places.filter { $0.site == s }
            guard !onSite.isEmpty else { continue }
            var expression = LinearExpression(onSite.map { Term($0.column, context.spaceTaken($0.project, on: s)) })
            let capacity = instance.sites[s].capacity
            if elastic {
                expression.add(model.addColumn("space_slack[\(s)]", objective: 1 / max(capacity, 1e-9)), -1)
            }
            model.addRow("space[\(s)]", expression, upper: capacity)
        }
    }

    private mutating func addExpansionRows() {
        for e in instance.expansions.indices {
            let own = builds.filter { $0.expansion == e }
            guard !own.isEmpty else { continue }
            model.addRow("build_once[\(e)]", LinearExpression(own.map { Term($0.column, 1) }), upper: 1)
            for r in instance.expansions[e].requires {
                for build in own {
                    let startedBy = own.filter { $0.start <= build.start }.map { Term($0.column, 1) }
                    let expression = LinearExpression(startedBy) - completedExpression(r, build.start)
                    model.addRow("requires[\(e),\(r),\(build.start)]", expression, upper: 0)
                }
            }
        }
    }

    private mutating func addBudgetRow() {
        guard let budget = instance.budget, !builds.isEmpty else { return }
        var expression = LinearExpression(builds.map { Term($0.column, instance.expansions[$0.expansion].cost) })
        if elastic {
            let total = instance.expansions.reduce(0) { $0 + $1.cost }
            expression.add(model.addColumn("budget_slack", objective: 1 / max(budget, total, 1)), -1)
        }
        model.addRow("budget", expression, upper: budget)
    }
}
