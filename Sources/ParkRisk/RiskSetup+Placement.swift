import ParkInstance
import ParkModel

/// What one sampled future gives: where each signed project went and what the utilities could
/// not serve.
public struct SampleOutcome: Sendable, Equatable {
    /// Per project: signed in this sample (committed and existing always).
    public var signed: [Bool]
    /// Per project: (site, start period), nil when not placed.
    public var placements: [Placement?]
    /// Per resource × period (`r * periodCount + t`): signed demand turned away or delayed there.
    public var blocked: [Bool]
    /// Per resource × period: the amount of that demand (resource unit).
    public var missing: [Double]
    /// contract §4 value of the placements minus the plan's weighted expansion cost.
    public var value: Double
    /// Signed projects (committed and candidates) left unplaced.
    public var turnedAway: Int
    /// Per resource × period: the least spare capacity from that period to the horizon end once
    /// every signed project is placed (what more demand drawing from then could still use); kept
    /// only when asked for (`place(signed:keepSpare:)`, the capacity questions), else empty.
    public var spare: [Double] = []
    /// Per resource × period: the load of the placed projects.
    public var load: [Double] = []

    public struct Placement: Sendable, Equatable {
        public var site: Int
        public var start: Int
    }
}

extension RiskSetup {
    /// Places the signed projects on the plan's fixed sites and utilities with a deterministic
    /// greedy (no MIP): in `order`, each project takes its earliest start in its window at which
    /// an eligible, ready site has room and every connected node can carry its demand from its
    /// draw period to the horizon end (best fit on space among such sites). A candidate takes
    /// no place that would leave a committed project still to come with none (it may delay it).
    ///
    /// A project that could have started earlier but for a node's capacity (or not at all) is
    /// charged to each node that refused it, from the draw period of that earlier start until it
    /// draws (or to the horizon end when turned away). `keepSpare` keeps the spare capacity per
    /// resource and period (r × t numbers per sample) for the capacity questions.
    public func place(signed: [Bool], keepSpare: Bool = false) -> SampleOutcome {
        var state = PlacementState(setup: self)
        var outcome = SampleOutcome(
            signed: signed, placements: Array(repeating: nil, count: instance.projects.count),
            blocked: Array(repeating: false, count: capacity.count * periodCount),
            missing: Array(repeating: 0, count: capacity.count * periodCount),
            value: -expansionCost, turnedAway: 0)
        var pendingCommitted = order.filter { instance.projects[$0].status == .committed }
        for p in order where signed[p] {
            let project = instance.projects[p]
            if project.status == .existing, let site = project.pinnedSite {
                let start = min(max(project.pinnedStart ?? project.windowLow, 0), periodCount - 1)
                state.take(p, site: site, start: start)
                outcome.placements[p] = .init(site: site, start: start)
                continue
            }
            if project.status == .committed { pendingCommitted.removeAll { $0 == p } }
            guard let window = SiteRules.startWindow(project, periodCount: periodCount) else {
                outcome.turnedAway += 1
                continue
            }
            let placed = state.firstFit(p, in: window, checkCapacity: true) { site, start in
                project.status == .committed
                    || state.leavesRoom(for: pendingCommitted, afterPlacing: p, site: site, start: start)
            }
            let unhindered = state.firstFit(p, in: window, checkCapacity: false)
            if let unhindered, placed?.start != unhindered.start {
                charge(p, wanted: unhindered, actual: placed, state: state, outcome: &outcome)
            }
            if let placed {
                state.take(p, site: placed.site, start: placed.start)
                outcome.placements[p] = .init(site: placed.site, start: placed.start)
                outcome.value += project.value(startingAt: placed.start)
            } else {
                outcome.turnedAway += 1
            }
        }
        if keepSpare { outcome.spare = state.spareFrom.flatMap { $0 } }
        outcome.load = state.load.flatMap { $0 }
        return outcome
    }

    private func charge(
        _ p: Int, wanted: (site: Int, start: Int), actual: (site: Int, start: Int)?,
        state: PlacementState, outcome: inout SampleOutcome
    ) {
        let project = instance.projects[p]
        let from = project.drawPeriod(start: wanted.start, periodCount: periodCount)
        let to = actual.map { project.drawPeriod(start: $0.start, periodCount: periodCount) } ?? periodCount
        guard from < to else { return }
        for r in siteResources[wanted.site] {
            let demand = project.demand(instance.resources[r].kind)
            guard demand > 0, !state.fits(r, demand: demand, from: from) else { continue }
            for t in from..<to {
                outcome.blocked[r * periodCount + t] = true
                outcome.missing[r * periodCount + t] += demand
            }
        }
    }
}

// MARK: - Placement state

/// Loads and free space during one sample's placement.
struct PlacementState {
    let setup: RiskSetup
    /// Per resource: for each period the least spare capacity from that period to the horizon end.
    var spareFrom: [[Double]]
    var load: [[Double]]
    var spaceLeft: [Double]
    static let tolerance = 1e-9

    init(setup: RiskSetup) {
        self.setup = setup
        load = setup.capacity.map { Array(repeating: 0, count: $0.count) }
        spaceLeft = setup.instance.sites.map(\.capacity)
        spareFrom = []
        spareFrom = setup.capacity.indices.map { suffixMinimum($0) }
    }

    func fits(_ r: Int, demand: Double, from t: Int) -> Bool {
        spareFrom[r][t] + Self.tolerance >= demand
    }

    /// Earliest start in `window` and, at that start, the fitting site with least room left
    /// among those `accept` allows.
    func firstFit(
        _ p: Int, in window: ClosedRange<Int>, checkCapacity: Bool,
        accept: (Int, Int) -> Bool = { _, _ in true }
    ) -> (site: Int, start: Int)? {
        let project = setup.instance.projects[p]
        for t in window {
            let draw = project.drawPeriod(start: t, periodCount: setup.periodCount)
            var fitting: [(site: Int, room: Double)] = []
            for s in setup.eligibleSites[p] {
                guard let ready = setup.siteReady[s], ready <= t else { continue }
                let room = spaceLeft[s] - SiteRules.spaceNeed(project, on: setup.instance.sites[s])
                guard room >= -Self.tolerance else { continue }
                if checkCapacity,
                    !setup.siteResources[s].allSatisfy({ r in
                        fits(r, demand: project.demand(setup.instance.resources[r].kind), from: draw)
                    })
                {
                    continue
                }
                fitting.append((s, room))
            }
            fitting.sort { $0.room != $1.room ? $0.room < $1.room : $0.site < $1.site }
            if let choice = fitting.first(where: { accept($0.site, t) }) { return (choice.site, t) }
        }
        return nil
    }

    /// Whether the committed projects still to come can all be placed (greedily, in order) once
    /// candidate `p` takes `site` at `start`: a candidate may delay a contract, never shut it out.
    func leavesRoom(for committed: [Int], afterPlacing p: Int, site: Int, start: Int) -> Bool {
        guard !committed.isEmpty else { return true }
        var trial = self
        trial.take(p, site: site, start: start)
        for c in committed {
            let project = setup.instance.projects[c]
            guard let window = SiteRules.startWindow(project, periodCount: setup.periodCount) else { continue }
            guard let fit = trial.firstFit(c, in: window, checkCapacity: true) else { return false }
            trial.take(c, site: fit.site, start: fit.start)
        }
        return true
    }

    mutating func take(_ p: Int, site s: Int, start t: Int) {
        let project = setup.instance.projects[p]
        spaceLeft[s] -= SiteRules.spaceNeed(project, on: setup.instance.sites[s])
        let draw = project.drawPeriod(start: t, periodCount: setup.periodCount)
        for r in setup.siteResources[s] {
            let demand = project.demand(setup.instance.resources[r].kind)
            guard demand > 0 else { continue }
            for u in draw..<setup.periodCount { load[r][u] += demand }
            spareFrom[r] = suffixMinimum(r)
        }
    }

    private func suffixMinimum(_ r: Int) -> [Double] {
        var result = Array(repeating: Double.infinity, count: setup.periodCount)
        var least = Double.infinity
        for t in stride(from: setup.periodCount - 1, through: 0, by: -1) {
            least = min(least, setup.capacity[r][t] - load[r][t])
            result[t] = least
        }
        return result
    }
}
