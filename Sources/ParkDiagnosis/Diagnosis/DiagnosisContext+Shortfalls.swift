import ParkInstance
import ParkModel

/// Reading what is missing off a schedule of the must-place projects: every node, site and the
/// budget that the schedule overdraws, with exact amounts recomputed from the schedule.
extension DiagnosisContext {
    /// One shortfall per overdrawn resource: capacity (node order, then kind), space (site order), budget.
    func shortfalls(of schedule: DiagnosisSchedule) -> [Shortfall] {
        capacityResources.compactMap { capacityShortfall(schedule, $0) }
            + instance.sites.indices.compactMap { spaceShortfall(schedule, $0) }
            + [budgetShortfall(schedule)].compactMap { $0 }
    }

    // MARK: - Capacity

    /// The deficit of a node kind. When the node is needed before its `ready` period, `from` is
    /// that earlier period and the amount is what is missing once it is ready from then; applying
    /// the shortfall moves `ready` to `from` (see `Shortfall.applied(to:)`).
    func capacityShortfall(_ schedule: DiagnosisSchedule, _ r: Resource) -> Shortfall? {
        let used = used(schedule, r)
        let actual = usable(schedule, r)
        guard let first = used.indices.first(where: { Self.exceeds(used[$0], actual[$0]) }) else { return nil }
        let node = instance.nodes[r.node]
        let early = first < node.readyPeriod
        let limit = early ? usable(schedule, r, readyFrom: first) : actual
        let deficit = used.indices.map { max(0, used[$0] - limit[$0]) }.max() ?? 0
        let exceeded = used.indices.contains { Self.exceeds(used[$0], limit[$0]) }
        let amount = exceeded ? DiagnosisFormat.roundUp(deficit / node.usableFactor, decimals: 3) : 0
        let names = drawingProjects(schedule, r)
        var message: String
        let what = self.amount(amount, r.kind.unit) + say(r.kind.describedAs, r.kind.chineseDescribedAs)
        if early {
            message = say(
                "\(node.id) is needed from \(month(first)) but is ready only from \(month(node.readyPeriod))",
                "\(month(first)) 起就需要 \(node.id)，但它 \(month(node.readyPeriod)) 才投运")
            if amount > 0 { message += say(", and then lacks ", "，投运后还缺 ") + what }
            message += say(", for ", "，涉及 ") + list(names)
        } else {
            message =
                say("\(node.id) lacks \(what) from \(month(first)) for ", "\(node.id) 自 \(month(first)) 起缺 \(what)，涉及 ")
                + list(names)
        }
        if r.kind == .power, node.usableFactor < 1, amount > 0 {
            let reserve = DiagnosisFormat.number((1 - node.usableFactor) * 100)
            message += say(" (capacity_mw before the \(reserve)% reserve)", "（capacity_mw，未扣除 \(reserve)% 备用）")
        }
        return Shortfall(
            kind: r.kind.rawValue, where: node.id.rawValue, from: instance.month(first),
            amount: amount, unit: r.kind.unit, message: message)
    }

    /// Projects of the schedule that draw on the resource, in scenario order.
    private func drawingProjects(_ schedule: DiagnosisSchedule, _ r: Resource) -> [String] {
        schedule.placements
            .filter { node(of: $0.site, r.kind) == r.node && instance.projects[$0.project].demand(r.kind) > 0 }
            .map(\.project).sorted().map { instance.projects[$0].id.rawValue }
    }

    // MARK: - Space and budget

    /// Plot area or building units beyond the site's; `from` is the start at which, taking the
    /// site's projects in start order, the space first runs out.
    func spaceShortfall(_ schedule: DiagnosisSchedule, _ s: Int) -> Shortfall? {
        let site = instance.sites[s]
        let onSite = schedule.placements.filter { $0.site == s }
            .sorted { ($0.start, $0.project) < ($1.start, $1.project) }
        let total = spaceUsed(schedule, site: s)
        guard Self.exceeds(total, site.capacity) else { return nil }
        var running = 0.0, from = onSite.first?.start ?? 0
        for placed in onSite {
            running += spaceTaken(placed.project, on: s)
            if Self.exceeds(running, site.capacity) { from = placed.start; break }
        }
        let plot = site.kind == .plot
        let amount =
            plot ? DiagnosisFormat.roundUp(total - site.capacity, decimals: 3) : (total - site.capacity).rounded(.up)
        let unit = plot ? "m²" : "units"
        let names = onSite.map(\.project).sorted().map { instance.projects[$0].id.rawValue }
        let what =
            plot
            ? say(DiagnosisFormat.amount(amount, unit) + " of land", "用地 " + DiagnosisFormat.amount(amount, unit))
            : self.amount(amount, unit)
        let message =
            say("\(site.id) lacks \(what) from \(month(from)) for ", "\(site.id) 自 \(month(from)) 起缺 \(what)，涉及 ")
            + list(names)
        return Shortfall(
            kind: plot ? "land" : "units", where: site.id.rawValue, from: instance.month(from),
            amount: amount, unit: unit, message: message)
    }

    /// Expansion cost beyond `budget`; `from` is the start of the expansion that, in start order,
    /// first exceeds it.
    func budgetShortfall(_ schedule: DiagnosisSchedule) -> Shortfall? {
        guard let budget = instance.budget else { return nil }
        let built = schedule.builds.sorted { ($0.start, $0.expansion) < ($1.start, $1.expansion) }
        let total = built.reduce(0) { $0 + instance.expansions[$1.expansion].cost }
        guard Self.exceeds(total, budget) else { return nil }
        var running = 0.0, from = built.first?.start ?? 0
        for b in built {
            running += instance.expansions[b.expansion].cost
            if Self.exceeds(running, budget) { from = b.start; break }
        }
        let amount = (total - budget - 1e-6).rounded(.up)
        let names = built.map(\.expansion).sorted().map { instance.expansions[$0].id.rawValue }
        var message =
            say(
                "the budget lacks \(money(amount)) from \(month(from)) for "
                    + "expansion\(names.count > 1 ? "s" : "") ",
                "预算自 \(month(from)) 起缺 \(money(amount))，用于扩建 ") + list(names)
        let served = projectsServed(by: Set(built.map(\.expansion)), in: schedule)
        if !served.isEmpty { message += say(", needed by ", "，服务于 ") + list(served) }
        return Shortfall(
            kind: "budget", where: "budget", from: instance.month(from), amount: amount,
            unit: currency, message: message)
    }
}

extension DiagnosisContext {
    /// Projects of the schedule on a site one of `expansions` builds, or drawing on a node one of
    /// them adds to (scenario order).
    func projectsServed(by expansions: Set<Int>, in schedule: DiagnosisSchedule) -> [String] {
        let served = schedule.placements.filter { placed in
            let site = instance.sites[placed.site]
            if site.builtBy.contains(where: expansions.contains) { return true }
            return expansions.contains { e in
                guard case .node(let n, _, _) = instance.expansions[e].target else { return false }
                return CapacityKind.allCases.contains {
                    node(of: placed.site, $0) == n && instance.projects[placed.project].demand($0) > 0
                }
            }
        }
        return served.map(\.project).sorted().map { instance.projects[$0].id.rawValue }
    }
}

extension CapacityKind {
    /// What the amount is of, after the unit: "" for power, " of water", " of sewage treatment", " of COD".
    var describedAs: String {
        switch self {
        case .power: ""
        case .water: " of water"
        case .sewage: " of sewage treatment"
        case .cod: " of COD treatment"
        }
    }

    /// The same in Chinese, after the unit.
    var chineseDescribedAs: String {
        switch self {
        case .power: ""
        case .water: "供水"
        case .sewage: "污水处理能力"
        case .cod: " COD 处理能力"
        }
    }
}
