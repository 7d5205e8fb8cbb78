import LinearProgramming
import ParkInstance
import ParkModel

/// A small LP whose optimum bounds the planning MIP from above, for when the solver stops
/// before it has a bound of its own (large models whose root LP takes longer than the limit).
///
/// It drops time: `y[p,k]` (placed in class `k`, continuous in [0, 1]) is worth the project's
/// value at the class's first start (value never rises with the start), and capacity is checked
/// only in the last period, where contract §3.7 makes every placed project draw. Space, readiness
/// (some builder built), requirements (`W_e ≤ W_r`), budget and "once" are kept. Every feasible
/// plan maps to a feasible point of this LP with at least its value, so the LP optimum is a
/// valid upper bound.
///
/// Rows and columns carry the planning MIP's block codes (`ModelNames`): `V3_built(e,last)` is
/// "built by the last period", `V2_started(p,class,last)` "placed in the class", `V1_place` the
/// site choice, and `C01`, `C02`, `C04`, `C05`, `C07`, `C08`, `C09` the MIP's rules with time
/// dropped, so an exported bound LP reads like the MIP.
enum StaticBound {
    /// `CODE(args…)` bounded like the MIP's names.
    static func name(_ lp: LinearModel, _ code: String, _ arguments: [String], row: Bool) -> String {
        ModelNames.label(code, arguments, index: row ? lp.rows.count : lp.columns.count, tag: row ? "r" : "c")
    }

    /// The bound LP; with `integer`, the same model with binary columns (`cutBound`).
    static func model(_ index: ModelIndex, integer: Bool = false) -> LinearModel {
        let instance = index.instance
        let kind: ColumnKind = integer ? .binary : .continuous
        var lp = LinearModel(name: "static_bound", sense: .maximize)
        let costWeight = instance.scenario.objectiveOrDefault.weightsOrDefault.costWeight
        let scale = objectiveScale(index)
        let last = ModelNames.period(instance.periodCount - 1, instance)
        func cls(_ p: Int, _ k: Int) -> String { ModelNames.site(index.classes[p][k].sites[0], instance) }
        // Columns
        var built: [ColumnID?] = []
        for (e, info) in instance.expansions.enumerated() {
            built.append(
                index.expansionRanges[e].map { _ in
                    lp.addColumn(
                        name(lp, "V3_built", [ModelNames.expansion(e, instance), last], row: false), kind: kind,
                        lower: 0, upper: 1, objective: -costWeight * info.cost / scale)
                })
        }
        var placed: [[ColumnID]] = []
        var sites: [[[ColumnID]]] = []
        for (p, classes) in index.classes.enumerated() {
            let project = instance.projects[p]
            placed.append(
                classes.enumerated().map { k, c in
                    lp.addColumn(
                        name(lp, "V2_started", [ModelNames.project(p, instance), cls(p, k), last], row: false),
                        kind: kind, lower: 0, upper: 1,
                        objective: project.value(startingAt: c.starts.lowerBound) / scale)
                })
            sites.append(
                classes.enumerated().map { k, c in
                    c.sites.count > 1
                        ? c.sites.map { s in
                            lp.addColumn(
                                name(
                                    lp, "V1_place", [ModelNames.project(p, instance), ModelNames.site(s, instance)],
                                    row: false), kind: kind, lower: 0, upper: 1)
                        } : []
                })
        }
        // Once, link, ready
        for (p, classes) in index.classes.enumerated() {
            let terms = placed[p].map { Term($0, 1) }
            lp.addRow(
                name(lp, "C01_once", [ModelNames.project(p, instance)], row: true), LinearExpression(terms),
                lower: instance.projects[p].mustPlace ? 1 : nil, upper: 1)
            for (k, c) in classes.enumerated() {
                if !sites[p][k].isEmpty {
                    lp.addRow(
                        name(lp, "C02_link", [ModelNames.project(p, instance), cls(p, k)], row: true),
                        LinearExpression(sites[p][k].map { Term($0, 1) } + [Term(placed[p][k], -1)]),
                        lower: 0, upper: 0)
                }
                if !c.builders.isEmpty {
                    let builders = c.builders.compactMap { built[$0] }.map { Term($0, -1) }
                    lp.addRow(
                        name(lp, "C05_ready", [ModelNames.project(p, instance), cls(p, k)], row: true),
                        LinearExpression([Term(placed[p][k], 1)] + builders), upper: 0)
                }
            }
        }
        addSpace(&lp, index, placed: placed, sites: sites)
        addExpansionRows(&lp, index, built: built)
        addLastPeriodCapacity(&lp, index, placed: placed, built: built)
        return lp
    }

    static func addSpace(_ lp: inout LinearModel, _ index: ModelIndex, placed: [[ColumnID]], sites: [[[ColumnID]]]) {
        let instance = index.instance
        var terms = [[Term]](repeating: [], count: instance.sites.count)
        for (p, classes) in index.classes.enumerated() {
            for (k, c) in classes.enumerated() {
                for (i, s) in c.sites.enumerated() {
                    let need = SiteRules.spaceNeed(instance.projects[p], on: instance.sites[s])
                    terms[s].append(Term(sites[p][k].isEmpty ? placed[p][k] : sites[p][k][i], need))
                }
            }
        }
        for (s, site) in instance.sites.enumerated() where !terms[s].isEmpty {
            lp.addRow(
                name(lp, "C04_space", [ModelNames.site(s, instance)], row: true),
                LinearExpression(terms[s]).scaledToUnit(site.capacity), upper: 1)
        }
    }

    static func addExpansionRows(_ lp: inout LinearModel, _ index: ModelIndex, built: [ColumnID?]) {
        let instance = index.instance
        for (e, info) in instance.expansions.enumerated() {
            guard let w = built[e] else { continue }
            for r in info.requires {
                var terms = [Term(w, 1)]
                if let wr = built[r] { terms.append(Term(wr, -1)) }
                lp.addRow(
                    name(
                        lp, "C07_requires", [ModelNames.expansion(e, instance), ModelNames.expansion(r, instance)],
                        row: true), LinearExpression(terms), upper: 0)
            }
        }
        if let budget = instance.budget {
            let terms = instance.expansions.indices.compactMap { e in
                built[e].map { Term($0, instance.expansions[e].cost) }
            }
            if !terms.isEmpty, budget > 0 {
                lp.addRow(name(lp, "C08_budget", [], row: true), LinearExpression(terms).scaledToUnit(budget), upper: 1)
            }
            if !terms.isEmpty, budget <= 0 {
                lp.addRow(name(lp, "C08_budget", [], row: true), LinearExpression(terms), upper: budget)
            }
        }
    }

    static func addLastPeriodCapacity(
        _ lp: inout LinearModel, _ index: ModelIndex, placed: [[ColumnID]],
        built: [ColumnID?]
    ) {
        let instance = index.instance
        let last = instance.periodCount - 1
        for (r, resource) in index.resources.enumerated() {
            var terms: [Term] = []
            for (p, classes) in index.classes.enumerated() {
                let d = instance.projects[p].demand(resource.kind)
                for (k, c) in classes.enumerated() where c.resources.contains(r) { terms.append(Term(placed[p][k], d)) }
            }
            guard !terms.isEmpty else { continue }
            for (e, amount) in resource.additions {
                if let w = built[e] { terms.append(Term(w, -resource.usableFactor * amount)) }
            }
            let largest = terms.map { abs($0.coefficient) }.max() ?? 1
            let factor = largest > 0 ? 1 / largest.binade : 1
            let node = ModelNames.escape(instance.nodes[resource.node].id.rawValue)
            let code = "C09_" + resource.kind.rawValue
            lp.addRow(
                name(lp, code, [node, ModelNames.period(last, instance)], row: true), LinearExpression(terms) * factor,
                upper: resource.baseUsable(at: last) * factor)
        }
    }

    /// Above this many columns the bound LP is solved with textbook pricing.
    static let textbookPricingColumns = 50_000

    /// The bound in currency, or nil when the LP could not be solved.
    static func bound(_ index: ModelIndex, solver: any LinearSolver, timeLimit: Double?) -> Double? {
        let lp = model(index)
        var options = SolverOptions(timeLimitSeconds: timeLimit)
        // Measured (docs/performance.md): textbook pricing solves the large bound LPs faster
        // (600 projects, 96,908 columns: 5.5 s against 9–11 s; b1000, 219,656: 30 s against
        // 37 s) and the smaller ones slower (b300, 27,608: 3.2 s against 2.3 s).
        options.textbookPricing = lp.columns.count > textbookPricingColumns
        guard let solution = try? solver.solve(lp, options: options),
            solution.status == .optimal, let objective = solution.objective
        else { return nil }
        return inCurrency(objective, index, margin: 1e-7)
    }

    /// Seconds the bound LP of `columns` columns takes on one core of an idle 2-core machine:
    /// about 6.5e-10 × columns² with textbook pricing (600 projects, 96,908 columns: 5.5 s;
    /// b1000, 219,656: 30 s), 3e-9 × columns² below (b300, 27,608: 2.3 s).
    static func lpSeconds(columns: Int) -> Double {
        let squared = Double(columns) * Double(columns)
        return (columns > textbookPricingColumns ? 6.5e-10 : 3e-9) * squared
    }

    /// Seconds GLPK's root cut loop takes on the static model of `columns` columns, with all four
    /// generators on one core of an idle 2-core machine: about 1e-7 × columns² (measured: b150
    /// 6,748 columns 2.9 s, b150q 8,144 6.7 s, b300 27,608 60 s). The loop does not look at the
    /// clock, so `cutBound` runs only where three times this fits.
    static func cutSeconds(columns: Int) -> Double { 1e-7 * Double(columns) * Double(columns) }

    /// Columns of the static model of `index` (as `model(index)` would build them).
    static func columnCount(_ index: ModelIndex) -> Int {
        let placed = index.classes.reduce(0) { $0 + $1.count }
        let sites = index.classes.reduce(0) { total, classes in
            total + classes.reduce(0) { $0 + ($1.sites.count > 1 ? $1.sites.count : 0) }
        }
        return placed + sites + index.expansionRanges.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
    }

    /// Whether `cutBound` fits in `seconds` (three times `cutSeconds`: the other core's search
    /// shares the machine).
    static func cutsFit(_ index: ModelIndex, seconds: Double) -> Bool {
        3 * cutSeconds(columns: columnCount(index)) <= seconds
    }

    /// A tighter bound than the LP's: the static model with binary columns, solved by branch and
    /// bound to the end of its root node with GLPK's cut generators (Gomory, MIR, cover, clique).
    /// Every plan maps onto an integer point of the static model with at least its value, and the
    /// cuts are valid for every integer point, so the root bound after the cuts bounds every plan.
    /// Measured (release, idle machine): b150 LP 1.74456e10 → 1.73871e10 in 2.9 s (best known
    /// plan 1.72260e10; the reference bound after 301 s of another solver 1.73609e10), b150q
    /// 2.77829e10 → 2.77092e10 in 6.7 s. Branching further gained almost nothing (b150 after 40 s:
    /// 1.73825e10), so the search stops after the root (`nodeLimit`). Nil when the solver gives no
    /// bound (stopped by its time limit before the root LP).
    static func cutBound(_ index: ModelIndex, solver: any LinearSolver, timeLimit: Double) -> Double? {
        let mip = model(index, integer: true)
        var options = SolverOptions(timeLimitSeconds: timeLimit)
        options.tuning = MIPTuning(
            gomoryCuts: true, mirCuts: true, coverCuts: true, cliqueCuts: true, branching: .pseudoCost,
            backtracking: .bestBound, feasibilityPump: false)
        options.nodeLimit = 2
        guard let solution = try? solver.solve(mip, options: options) else { return nil }
        let bound = solution.status == .optimal ? solution.objective : solution.bestBound
        guard let bound, bound.isFinite, abs(bound) < 1e100 else { return nil }
        // The cuts are computed in floating point: a wider margin than the LP's.
        return inCurrency(bound, index, margin: 1e-6)
    }

    /// An objective of the static model in currency, raised by `margin` (relative) against the
    /// solver's tolerances so that the bound stays valid.
    private static func inCurrency(_ objective: Double, _ index: ModelIndex, margin: Double) -> Double {
        let value = objective * objectiveScale(index)
        return value + margin * max(1, abs(value))
    }

    /// The power of ten the static model's objective is divided by (its largest value below 10,000).
    private static func objectiveScale(_ index: ModelIndex) -> Double {
        let largest =
            index.classes.enumerated().flatMap { p, classes in
                classes.map { abs(index.instance.projects[p].value(startingAt: $0.starts.lowerBound)) }
            }.max() ?? 1
        return PlanningModel.objectiveScale(largest: largest)
    }
}

extension LinearExpression {
    /// The expression divided by `unit` (a capacity), for `≤ 1`-style rows.
    func scaledToUnit(_ unit: Double) -> LinearExpression {
        guard unit.isFinite, unit > 0 else { return self }
        return self * (1 / unit)
    }
}
