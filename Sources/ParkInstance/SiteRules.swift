import ParkModel

/// One time-free requirement a site must meet for a project (contract §3.1, §3.3, §3.4, §3.6,
/// §3.10), in the order a planner reads them.
public enum SiteRequirement: Sendable, Equatable {
    /// Land on a plot, floor space in a building (§3.3).
    case kind
    /// A building of the project's `use` (§3.3).
    case use
    /// The plot's zone among the project's `zones` (§3.3).
    case zone
    /// Building ratings at least the project's (§3.3).
    case floorLoad, clearHeight, crane
    /// A pinned `site` (§3.1).
    case pin
    /// Land-use policy with `enforce: true` (§3.10).
    case policy
    /// A connection of each kind the project has a positive demand of (§3.6).
    case connection(UtilityKind)
    /// The project alone fits the site's area or units (§3.4).
    case space

    /// Every requirement, in the order checked and reported.
    public static let all: [SiteRequirement] = [
        .kind, .use, .zone, .floorLoad, .clearHeight, .crane, .pin, .policy,
        .connection(.power), .connection(.sewage), .connection(.water), .space,
    ]
}

/// The site rules of the contract in one place: the planning model's eligibility, the
/// diagnosis's reasons and the readiness checklist all ask these functions, so a change to a
/// rule touches this type only. (The independent verifier in `ParkVerification` restates them
/// on purpose, from the scenario alone; see docs/contract.md.)
public enum SiteRules {
    /// Whether project `p` may use site `s` (at index `siteIndex`) at all, time aside.
    public static func allows(_ p: ProjectInfo, _ s: SiteInfo, siteIndex: Int) -> Bool {
        firstFailure(p, s, siteIndex: siteIndex) == nil
    }

    /// The first requirement of `SiteRequirement.all` that fails, or nil when all hold;
    /// `includingSpace: false` leaves out `.space`.
    public static func firstFailure(
        _ p: ProjectInfo, _ s: SiteInfo, siteIndex: Int,
        includingSpace: Bool = true
    ) -> SiteRequirement? {
        for requirement in SiteRequirement.all where includingSpace || requirement != .space {
            if !holds(requirement, p, s, siteIndex: siteIndex) { return requirement }
        }
        return nil
    }

    /// Whether one requirement holds; requirements that do not apply (a zone in a building, a
    /// rating on a plot, a connection the project does not need) hold.
    public static func holds(
        _ requirement: SiteRequirement, _ p: ProjectInfo, _ s: SiteInfo,
        siteIndex: Int
    ) -> Bool {
        switch requirement {
        case .kind: return p.needsLand == (s.kind == .plot)
        case .use: return s.kind == .plot || s.use == p.use
        case .zone:
            guard s.kind == .plot, let zones = p.zones else { return true }
            guard let zone = s.zone else { return false }
            return zones.contains(zone)
        case .floorLoad, .clearHeight, .crane:
            guard s.kind == .building, let rating = rating(requirement, p, s) else { return true }
            return rating.available >= rating.required
        case .pin: return p.pinnedSite.map { $0 == siteIndex } ?? true
        case .policy: return p.policyEligible
        case .connection(let kind): return !p.needs(kind) || s.node(kind) != nil
        case .space: return spaceNeed(p, on: s) <= s.capacity
        }
    }

    /// A building rating: what the project requires and what the site has, in `unit`.
    public static func rating(
        _ requirement: SiteRequirement, _ p: ProjectInfo,
        _ s: SiteInfo
    ) -> (required: Double, available: Double, unit: String)? {
        switch requirement {
        case .floorLoad: (p.floorLoadKNM2, s.floorLoadKNM2, "kN/m²")
        case .clearHeight: (p.clearHeightM, s.clearHeightM, "m")
        case .crane: (p.craneT, s.craneT, "t")
        default: nil
        }
    }

    /// Units (buildings) or m² (plots) that project `p` takes on site `s` (§3.4).
    public static func spaceNeed(_ p: ProjectInfo, on s: SiteInfo) -> Double {
        switch s.kind {
        case .plot: return p.spaceM2
        case .building: return s.unitAreaM2 > 0 ? (p.spaceM2 / s.unitAreaM2).rounded(.up) : .infinity
        }
    }

    /// Start periods allowed by the window and a pinned start (§3.1, §3.2), site aside; nil when
    /// none lies within the horizon.
    public static func startWindow(_ p: ProjectInfo, periodCount: Int) -> ClosedRange<Int>? {
        var low = max(p.windowLow, 0)
        var high = min(p.windowHigh, periodCount - 1)
        if let pin = p.pinnedStart {
            guard pin >= low, pin <= high else { return nil }
            low = pin; high = pin
        }
        return low <= high ? low...high : nil
    }
}
