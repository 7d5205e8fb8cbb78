import ParkInstance
import ParkModel

extension Shortfall {
    /// The scenario with this shortfall added to its field: `capacity_mw` (power),
    /// `capacity_m3_day` (water, sewage), `cod_kg_day` (cod) of node `where`, and its `ready`
    /// moved back to `from` when `from` is earlier; `area_m2` of plot `where` (land); `units` of
    /// building `where` (units, rounded up); `budget` (budget). Other kinds (site, window, policy,
    /// connection) change nothing: no amount fixes them.
    public func applied(to scenario: Scenario) -> Scenario {
        var s = scenario
        let id = self.where
        switch kind {
        case "power":
            s.power = s.power?.map { n in
                guard n.id.rawValue == id else { return n }
                var n = n; n.capacityMW += amount; n.ready = earlier(n.ready); return n
            }
        case "water":
            s.water = s.water?.map { n in
                guard n.id.rawValue == id else { return n }
                var n = n; n.capacityM3Day += amount; n.ready = earlier(n.ready); return n
            }
        case "sewage", "cod":
            s.sewage = s.sewage?.map { n in
                guard n.id.rawValue == id else { return n }
                var n = n
                if kind == "cod" { n.codKgDay = (n.codKgDay ?? 0) + amount } else { n.capacityM3Day += amount }
                n.ready = earlier(n.ready)
                return n
            }
        case "land":
            s.plots = s.plots?.map { p in
                guard p.id.rawValue == id else { return p }
                var p = p; p.areaM2 += amount; return p
            }
        case "units":
            s.buildings = s.buildings?.map { b in
                guard b.id.rawValue == id else { return b }
                var b = b
                let (sum, overflow) = b.units.addingReportingOverflow(DiagnosisFormat.wholeNumber(amount.rounded(.up)))
                b.units = overflow ? Int.max : sum
                return b
            }
        case "budget":
            s.budget = (s.budget ?? 0) + amount
        default:
            break
        }
        return s
    }

    /// `from` when it is before `ready` (a missing `ready` is the horizon start, never later).
    private func earlier(_ ready: YearMonth?) -> YearMonth? {
        guard let ready, let from, from < ready else { return ready }
        return from
    }
}

extension Array where Element == Shortfall {
    /// The scenario with every shortfall applied in turn.
    public func applied(to scenario: Scenario) -> Scenario {
        reduce(scenario) { $1.applied(to: $0) }
    }
}
