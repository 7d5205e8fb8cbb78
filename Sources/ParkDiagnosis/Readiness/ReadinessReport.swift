import ParkInstance
import ParkModel

/// One requirement of the ready-to-move-in checklist (拎包入驻, contract §6).
public enum ReadinessItemKind: String, Sendable, Codable, CaseIterable {
    /// A land project needs a plot, a floor project a building.
    case siteKind = "site_kind"
    /// The site's own `ready` date (land prepared / building finished).
    case siteReady = "site_ready"
    /// A `planned` site exists only once an expansion builds it.
    case siteBuilt = "site_built"
    case zone
    case use
    case floorLoad = "floor_load"
    case clearHeight = "clear_height"
    case crane
    /// Free land on a plot (m²).
    case area
    /// Free units in a building.
    case units
    case powerConnection = "power_connection"
    case waterConnection = "water_connection"
    case sewageConnection = "sewage_connection"
    case powerHeadroom = "power_headroom"
    case waterHeadroom = "water_headroom"
    case sewageHeadroom = "sewage_headroom"
    case codHeadroom = "cod_headroom"
    /// The expansions waited on fit in the budget.
    case budget

    static func connection(_ kind: UtilityKind) -> Self {
        switch kind {
        case .power: .powerConnection
        case .water: .waterConnection
        case .sewage: .sewageConnection
        }
    }

    static func headroom(_ kind: CapacityKind) -> Self {
        switch kind {
        case .power: .powerHeadroom
        case .water: .waterHeadroom
        case .sewage: .sewageHeadroom
        case .cod: .codHeadroom
        }
    }
}

/// One checked requirement: whether it holds in the wanted month and from which month it holds.
///
/// Every item is monotone: once it holds it keeps holding for later move-in months, so
/// `clearsPeriod` is the first start period from which it holds (nil = never within the horizon).
public struct ReadinessItem: Sendable, Equatable {
    public var kind: ReadinessItemKind
    /// Holds when the project moves in in the wanted month.
    public var met: Bool
    /// First move-in period from which the item holds; nil = never within the horizon.
    public var clearsPeriod: Int?
    /// The month that begins `clearsPeriod`.
    public var clearsMonth: YearMonth?
    /// What the project needs, in `unit` (demand, area, units, load, …); nil when not a quantity.
    public var required: Double?
    /// What the site/node offers in the wanted month (free area, headroom, rating, budget left), in `unit`.
    public var available: Double?
    public var unit: String
    /// What the item is about: the node id (utility items), the builder (site built), the site's zone
    /// or use (`industrial`, or `industrial ∉ [logistics]` / `office ≠ factory` when it fails), or the
    /// expansions paid for (budget).
    public var subject: String?
    /// Expansions this item waits on (complete after the wanted month's need, or not yet built).
    public var waitingOn: [ExpansionID]
    /// For utility items: the month demand starts (start + build) when moving in in the wanted month,
    /// or at `clearsPeriod` when that is later (the wanted month when it never clears).
    public var demandMonth: YearMonth?

    public init(
        kind: ReadinessItemKind, met: Bool, clearsPeriod: Int?, clearsMonth: YearMonth?,
        required: Double? = nil, available: Double? = nil, unit: String = "", subject: String? = nil,
        waitingOn: [ExpansionID] = [], demandMonth: YearMonth? = nil
    ) {
        self.kind = kind; self.met = met; self.clearsPeriod = clearsPeriod; self.clearsMonth = clearsMonth
        self.required = required; self.available = available; self.unit = unit; self.subject = subject
        self.waitingOn = waitingOn; self.demandMonth = demandMonth
    }
}

/// Where the checked site came from.
public enum ReadinessSiteSource: String, Sendable, Codable {
    /// `--site` on the command line.
    case asked
    /// The plan's placement.
    case plan
    /// The project's pinned `site`.
    case pinned
    /// The site that is ready earliest (none placed or pinned).
    case best
    /// No site of the right kind exists.
    case none
}

/// Where the wanted month came from.
public enum ReadinessWantedSource: String, Sendable, Codable {
    case asked, plan, pinned, earliest
}

/// The checklist of one project on one site.
public struct ReadinessReport: Sendable, Equatable {
    public var project: ProjectID
    public var status: ProjectStatus
    public var site: SiteID?
    public var siteSource: ReadinessSiteSource
    public var wantedPeriod: Int
    public var wantedMonth: YearMonth
    public var wantedSource: ReadinessWantedSource
    public var items: [ReadinessItem]
    /// Earliest move-in period at which every item holds; nil = never within the horizon.
    public var readyPeriod: Int?
    public var readyMonth: YearMonth?

    /// Every item holds in the wanted month.
    public var readyOnWanted: Bool { items.allSatisfy(\.met) }
    /// The items that do not hold in the wanted month.
    public var blocking: [ReadinessItem] { items.filter { !$0.met } }
    /// Expansions waited on by the blocking items, in first-mention order, without repeats.
    public var waitingOn: [ExpansionID] {
        var seen: [ExpansionID] = []
        for item in blocking { for e in item.waitingOn where !seen.contains(e) { seen.append(e) } }
        return seen
    }
}
