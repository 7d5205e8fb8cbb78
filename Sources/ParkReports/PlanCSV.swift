import ParkModel
import ParkPlanning

/// The plan's CSV tables (headers are stable machine-readable codes; numbers are numbers).
public enum PlanCSV {
    /// `placements.csv`: one row per placed project, in plan order.
    public static func placements(_ plan: Plan, scenario: Scenario) -> CSVTable {
        let header = [
            "project", "name", "investor", "status", "site", "site_type", "start", "units",
            "land_m2", "floor_m2", "power_mw", "water_m3_day", "wastewater_m3_day", "cod_kg_day",
            "investment", "annual_tax", "jobs",
        ]
        let rows: [[CSVCell]] = plan.placements.map { placement in
            let p = scenario.projectList.first { $0.id == placement.project }
            let isPlot = scenario.plotList.contains { $0.id == placement.site }
            return [
                .text(placement.project.rawValue), .optional(p?.name), .optional(p?.investor),
                .text((p?.statusOrDefault ?? .candidate).rawValue), .text(placement.site.rawValue),
                .text(isPlot ? "plot" : "building"), .text(placement.start.description),
                placement.units.map(CSVCell.integer) ?? .empty, .optional(p?.landM2), .optional(p?.floorM2),
                .optional(p?.powerMW), .optional(p?.waterM3Day), .optional(p?.wastewaterM3Day),
                .optional(p?.codKgDay), .optional(p?.investment), .optional(p?.annualTax), .optional(p?.jobs),
            ]
        }
        return CSVTable(header: header, rows: rows)
    }

    /// `expansions.csv`: one row per built expansion, in plan order.
    public static func expansions(_ plan: Plan, scenario: Scenario) -> CSVTable {
        let header = ["id", "name", "adds", "target", "capacity", "unit", "cod_kg_day", "cost", "start", "complete"]
        let rows: [[CSVCell]] = plan.expansions.map { built in
            let e = scenario.expansionList.first { $0.id == built.id }
            let (kind, target, amount, unit) = e.map(describe) ?? ("", "", nil, "")
            return [
                .text(built.id.rawValue), .optional(e?.name), .text(kind), .text(target), .optional(amount),
                .text(unit), .optional(e?.adds.codKgDay), .optional(e?.cost),
                .text(built.start.description), .text(built.complete.description),
            ]
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Kind, target id, amount and unit of what an expansion adds.
    static func describe(_ e: Expansion) -> (String, String, Double?, String) {
        let a = e.adds
        if let n = a.power { return ("power", n.rawValue, a.capacityMW, "MW") }
        if let n = a.sewage { return ("sewage", n.rawValue, a.capacityM3Day, "m3/day") }
        if let n = a.water { return ("water", n.rawValue, a.capacityM3Day, "m3/day") }
        if let s = a.building { return ("building", s.rawValue, nil, "") }
        if let s = a.plot { return ("plot", s.rawValue, nil, "") }
        return ("", "", nil, "")
    }

    /// `utilization.csv`: one row per node, kind and period, in plan order, with the used share.
    public static func utilization(_ plan: Plan) -> CSVTable {
        let header = ["node", "kind", "period", "used", "capacity", "unit", "share"]
        let rows: [[CSVCell]] = plan.utilization.map { u in
            [
                .text(u.node.rawValue), .text(u.kind.rawValue), .text(u.period.description), .number(u.used),
                .number(u.capacity), .text(u.kind.unit),
                u.capacity > 0 ? .number(rounded(u.used / u.capacity)) : .empty,
            ]
        }
        return CSVTable(header: header, rows: rows)
    }

    /// Six decimals: enough for a share, stable in text.
    static func rounded(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
