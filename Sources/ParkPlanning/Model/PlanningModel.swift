import LinearProgramming
import ParkInstance
import ParkModel

typealias ProjectIndex = Int
typealias SiteIndex = Int
typealias ClassIndex = Int
typealias ExpansionIndex = Int
typealias Period = Int

/// A column of the planning MIP (docs/formulation.md, block codes V1–V3).
enum VariableKey: Sendable, Equatable {
    /// V1 `a[p,s]`: project `p` goes on site `s` (only for classes with several sites).
    case place(ProjectIndex, SiteIndex)
    /// V2 `X[p,k,t]`: project `p` has started in class `k` at or before period `t`.
    case started(ProjectIndex, ClassIndex, Period)
    /// V3 `W[e,t]`: expansion `e` has started at or before period `t`.
    case built(ExpansionIndex, Period)
}

/// A row of the planning MIP (docs/formulation.md, block codes C01–C10).
enum ConstraintKey: Sendable, Equatable {
    /// C01 each project at most (must-place: exactly) once.
    case once(ProjectIndex)
    /// C02 the site choice of a class equals its placement.
    case link(ProjectIndex, ClassIndex)
    /// C03 a started project stays started.
    case startOrder(ProjectIndex, ClassIndex, Period)
    /// C04 space of one site.
    case space(SiteIndex)
    /// C05 a planned site is ready when the project starts.
    case ready(ProjectIndex, ClassIndex, Period)
    /// C06 a started expansion stays started.
    case buildOrder(ExpansionIndex, Period)
    /// C07 an expansion starts only after each requirement is complete.
    case requires(ExpansionIndex, ExpansionIndex, Period)
    /// C08 the budget.
    case budget
    /// C09 capacity of one node and kind in one period.
    case capacity(Int, CapacityKind, Period)
    /// C10 a site not ready at its class's first start holds the project only from its own first start.
    case siteReady(ProjectIndex, SiteIndex)
}

/// The planning MIP built from a `ModelIndex`, with the typed keys of every column and row
/// and the lookups the heuristic and the decoder need.
struct PlanningModel: Sendable {
    let index: ModelIndex
    var linear: LinearModel
    private(set) var columnKeys: [VariableKey] = []
    private(set) var rowKeys: [ConstraintKey] = []
    /// `startColumns[p][k][t - starts.lowerBound]`.
    var startColumns: [[[ColumnID]]] = []
    /// `placeColumns[p][k][i]` for `classes[p][k].sites[i]`; empty for one-site classes.
    var placeColumns: [[[ColumnID]]] = []
    /// `buildColumns[e][t - range.lowerBound]`.
    var buildColumns: [[ColumnID]] = []
    /// The model's objective is contract §4 value divided by this (a power of ten, see `setObjective`).
    var objectiveScale: Double = 1

    var instance: PlanningInstance { index.instance }

    init(instance: PlanningInstance) {
        self.init(index: ModelIndex(instance: instance))
    }

    init(index: ModelIndex) {
        self.index = index
        let park = ModelNames.escape(index.instance.scenario.park.name)
        linear = LinearModel(name: String(("parkplan_" + park).prefix(200)), sense: .maximize)
        // Variables
        addStartVariables()
        addPlaceVariables()
        addBuildVariables()
        // Constraints
        addOnceRows()
        addLinkRows()
        addStartOrderRows()
        addSpaceRows()
        addReadyRows()
        addBuildOrderRows()
        addRequiresRows()
        addBudgetRow()
        addCapacityRows()
        addSiteReadyRows()
        // Objective
        setObjective()
    }

    // MARK: - Registration

    mutating func column(_ key: VariableKey, objective: Double = 0) -> ColumnID {
        columnKeys.append(key)
        return linear.addColumn(
            ModelNames.name(of: key, in: self, index: columnKeys.count - 1),
            kind: .binary, lower: 0, upper: 1, objective: objective)
    }

    /// Adds a row scaled by a power of two (exact in binary floating point) so that its largest
    /// coefficient lies in [1, 2): m² of land and m³/day next to 0/1 rows otherwise leave GLPK's
    /// unscaled simplex (presolve off, as a warm start needs) with numerical failures.
    mutating func row(_ key: ConstraintKey, _ terms: [Term], lower: Double? = nil, upper: Double? = nil) {
        rowKeys.append(key)
        let largest = terms.map { abs($0.coefficient) }.max() ?? 0
        var factor = 1.0
        if largest.isFinite, largest > 0, largest < 1 || largest >= 2 {
            factor = 1 / largest.binade  // a power of two: exact
        }
        let scaled = factor == 1 ? terms : terms.map { Term($0.column, $0.coefficient * factor) }
        linear.addRow(
            ModelNames.name(of: key, in: self, index: rowKeys.count - 1),
            LinearExpression(scaled), lower: lower.map { $0 * factor }, upper: upper.map { $0 * factor })
    }

    // MARK: - Lookups

    /// `X[p,k,t]` for any `t`: nil before the first start (0), the last start's column after it.
    func started(_ p: Int, _ k: Int, atOrBefore t: Int) -> ColumnID? {
        let starts = index.classes[p][k].starts
        guard t >= starts.lowerBound else { return nil }
        return startColumns[p][k][min(t, starts.upperBound) - starts.lowerBound]
    }

    /// `X[p,k,last]`: 1 when the project is placed in class `k`.
    func placed(_ p: Int, _ k: Int) -> ColumnID {
        startColumns[p][k][startColumns[p][k].count - 1]
    }

    /// `W[e,t]` for any `t`: nil before the first possible start or when `e` cannot be built.
    func built(_ e: Int, atOrBefore t: Int) -> ColumnID? {
        guard let range = index.expansionRanges[e], t >= range.lowerBound else { return nil }
        return buildColumns[e][min(t, range.upperBound) - range.lowerBound]
    }

    /// `W[e,last]`: 1 when expansion `e` is built.
    func isBuilt(_ e: Int) -> ColumnID? {
        buildColumns[e].last
    }

    /// `W[e, t - lead]`: 1 when `e` is complete at `t`.
    func complete(_ e: Int, at t: Int) -> ColumnID? {
        built(e, atOrBefore: t - instance.expansions[e].leadPeriods)
    }

    /// The column of `a[p,s]`, or `X[p,k,last]` for a one-site class.
    func siteChoice(_ p: Int, _ k: Int, slot i: Int) -> ColumnID {
        placeColumns[p][k].isEmpty ? placed(p, k) : placeColumns[p][k][i]
    }
}
