// The items of a scenario's lists, field by field in contract order.
extension ScenarioWriter {
    // MARK: - Utility nodes

    static func powerNode(_ n: PowerNode) -> OutputValue {
        .entries([
            ("id", id(n.id)), ("name", str(n.name)), ("capacity_mw", .number(n.capacityMW)),
            ("reserve", num(n.reserve)), ("ready", month(n.ready)),
        ])
    }

    static func sewagePlant(_ n: SewagePlant) -> OutputValue {
        .entries([
            ("id", id(n.id)), ("name", str(n.name)), ("capacity_m3_day", .number(n.capacityM3Day)),
            ("cod_kg_day", num(n.codKgDay)), ("ready", month(n.ready)),
        ])
    }

    static func waterNode(_ n: WaterNode) -> OutputValue {
        .entries([
            ("id", id(n.id)), ("name", str(n.name)), ("capacity_m3_day", .number(n.capacityM3Day)),
            ("ready", month(n.ready)),
        ])
    }

    // MARK: - Sites

    static func plot(_ p: Plot) -> OutputValue {
        .entries([
            ("id", id(p.id)), ("name", str(p.name)), ("area_m2", .number(p.areaM2)), ("zone", str(p.zone)),
            ("ready", month(p.ready)), ("power", id(p.power)), ("sewage", id(p.sewage)), ("water", id(p.water)),
            ("planned", bool(p.planned)), ("polygon", polygon(p.polygon)),
        ])
    }

    static func building(_ b: Building) -> OutputValue {
        .entries([
            ("id", id(b.id)), ("name", str(b.name)), ("use", str(b.use?.rawValue)), ("units", .integer(b.units)),
            ("unit_area_m2", .number(b.unitAreaM2)), ("floor_load_kn_m2", num(b.floorLoadKNM2)),
            ("clear_height_m", num(b.clearHeightM)), ("crane_t", num(b.craneT)), ("ready", month(b.ready)),
            ("power", id(b.power)), ("sewage", id(b.sewage)), ("water", id(b.water)),
            ("planned", bool(b.planned)), ("polygon", polygon(b.polygon)),
        ])
    }

    // MARK: - Expansions

    static func expansion(_ e: Expansion) -> OutputValue {
        let a = e.adds
        let adds = OutputValue.entries(
            [
                ("power", id(a.power)), ("sewage", id(a.sewage)), ("water", id(a.water)),
                ("building", id(a.building)), ("plot", id(a.plot)), ("capacity_mw", num(a.capacityMW)),
                ("capacity_m3_day", num(a.capacityM3Day)), ("cod_kg_day", num(a.codKgDay)),
            ], flow: true)
        return .entries([
            ("id", id(e.id)), ("name", str(e.name)), ("adds", adds), ("cost", num(e.cost)),
            ("lead_months", int(e.leadMonths)), ("earliest", month(e.earliest)),
            ("requires", e.requires.map { .list($0.map { .string($0.rawValue) }) }),
        ])
    }

    // MARK: - Projects

    static func project(_ p: Project) -> OutputValue {
        .entries([
            ("id", id(p.id)), ("name", str(p.name)), ("investor", str(p.investor)),
            ("status", str(p.status?.rawValue)), ("industry", str(p.industry)),
            ("land_m2", num(p.landM2)), ("floor_m2", num(p.floorM2)), ("zones", strings(p.zones)),
            ("use", str(p.use?.rawValue)), ("floor_load_kn_m2", num(p.floorLoadKNM2)),
            ("clear_height_m", num(p.clearHeightM)), ("crane_t", num(p.craneT)),
            ("build_months", int(p.buildMonths)), ("power_mw", num(p.powerMW)),
            ("water_m3_day", num(p.waterM3Day)), ("wastewater_m3_day", num(p.wastewaterM3Day)),
            ("cod_kg_day", num(p.codKgDay)), ("investment", num(p.investment)),
            ("annual_tax", num(p.annualTax)), ("jobs", num(p.jobs)), ("earliest", month(p.earliest)),
            ("latest", month(p.latest)), ("site", id(p.site)), ("start", month(p.start)),
        ])
    }
}
