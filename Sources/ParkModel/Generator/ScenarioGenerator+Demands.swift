// Sizes, demands and names of generated projects (figures from docs/scenario-format.md's sources).
extension GeneratorRun {
    /// A project on land: power 200–800 kW/hm² (a few heavy users up to 40 MW), water 5–40 m³/day
    /// per hm², wastewater 80–95 % of water, COD 300–1,500 mg/L, 150–600 万元/亩, 5–40 万元/亩/year.
    func landProject(id: ProjectID, areaM2: Double, zone: String, using rng: inout SplitMix64) -> Project {
        let hectares = areaM2 / 10_000, mu = areaM2 / squareMetresPerMu
        var powerMW = hectares * rng.uniform(0.2, 0.8)
        if rng.chance(0.05) { powerMW *= rng.uniform(2, 4) }
        let water = max(5, hectares * rng.uniform(5, 40))
        let sector = rng.pick(Self.landSectors)
        var project = Project(
            id: id, name: projectName(sector, using: &rng), investor: investorName(sector, using: &rng),
            industry: rng.chance(0.8) ? sector.code : nil, landM2: areaM2,
            zones: zoneList(around: zone, using: &rng), buildMonths: rng.int(3...18),
            powerMW: Generated.round(min(40, max(0.5, powerMW)), to: 0.1),
            investment: Generated.round(mu * rng.uniform(150, 600) * 1e4, to: 1e5),
            annualTax: Generated.round(mu * rng.uniform(5, 40) * 1e4, to: 1e4),
            jobs: (mu * rng.uniform(3, 15)).rounded())
        addWater(&project, water: water, using: &rng)
        return project
    }

    /// A floor-space tenant taking `units` units of `building`, with requirements the building meets.
    func floorProject(id: ProjectID, in building: Building, units: Int, using rng: inout SplitMix64) -> Project {
        let unitArea = building.unitAreaM2
        let floor = max(10, Double(units) * unitArea - Generated.roundDown(rng.uniform(0, 0.3) * unitArea, to: 10))
        let office = building.useOrDefault == .office
        let sector = rng.pick(office ? Self.officeSectors : Self.floorSectors)
        let water = max(1, floor / 1000 * rng.uniform(0.5, 3))
        var project = Project(
            id: id, name: projectName(sector, using: &rng), investor: investorName(sector, using: &rng),
            industry: rng.chance(0.8) ? sector.code : nil, floorM2: floor,
            use: office ? .office : (rng.chance(0.5) ? .factory : nil),
            floorLoadKNM2: building.floorLoadKNM2.flatMap { rng.chance(0.6) ? $0 * rng.pick([0.5, 0.75, 1]) : nil },
            clearHeightM: building.clearHeightM.flatMap { rng.chance(0.6) ? $0 - rng.pick([0, 1, 2]) : nil },
            craneT: building.craneT.flatMap { $0 > 0 && rng.chance(0.3) ? $0 : nil },
            buildMonths: office ? rng.pick([nil, 0, 1]) : rng.int(1...6),
            powerMW: Generated.round(max(0.05, floor * rng.uniform(20, 80) / 1e6), to: 0.01),
            investment: Generated.round(floor * rng.uniform(2000, 8000), to: 1e4),
            annualTax: Generated.round(floor * rng.uniform(100, 600), to: 1e4),
            jobs: max(5, (floor / rng.uniform(30, 120)).rounded()))
        addWater(&project, water: water, using: &rng)
        if office { project.codKgDay = nil }
        return project
    }

    private func addWater(_ project: inout Project, water: Double, using rng: inout SplitMix64) {
        let wastewater = Generated.round(water * rng.uniform(0.8, 0.95), to: 1)
        project.waterM3Day = Generated.round(water, to: 1)
        project.wastewaterM3Day = wastewater
        project.codKgDay = rng.chance(0.85) ? Generated.round(wastewater * rng.uniform(0.3, 1.5), to: 1) : nil
    }

    /// Raises investment and tax just above the policy's minimum where they fall below it.
    func meet(_ policy: Policy, _ project: inout Project, using rng: inout SplitMix64) {
        guard let land = project.landM2 else { return }
        let mu = land / squareMetresPerMu
        if let minimum = policy.minInvestmentIntensity, project.investmentOrZero < minimum * mu * 1e4 {
            project.investment = Generated.roundUp(minimum * mu * 1e4 * rng.uniform(1.02, 1.5), to: 1e5)
        }
        if let minimum = policy.minTaxPerMu, project.annualTaxOrZero < minimum * mu * 1e4 {
            project.annualTax = Generated.roundUp(minimum * mu * 1e4 * rng.uniform(1.02, 1.5), to: 1e4)
        }
    }

    private func zoneList(around zone: String, using rng: inout SplitMix64) -> [String]? {
        if rng.chance(0.4) { return nil }
        let other = rng.pick(["industrial", "logistics", "hi-tech"])
        return other == zone || rng.chance(0.5) ? [zone] : [zone, other]
    }

    // MARK: - Names

    struct Sector {
        let word: String
        /// GB/T 4754-2017 class.
        let code: String
    }

    static let landSectors = [
        Sector(word: "光伏组件", code: "C3825"), Sector(word: "新材料", code: "C2651"),
        Sector(word: "装备制造", code: "C3499"), Sector(word: "汽车零部件", code: "C3670"),
        Sector(word: "现代物流", code: "G5920"), Sector(word: "精细化工", code: "C2669"),
        Sector(word: "食品加工", code: "C1391"), Sector(word: "氢能装备", code: "C3512"),
    ]
    static let floorSectors = [
        Sector(word: "电子元件", code: "C3981"), Sector(word: "精密机械", code: "C3484"),
        Sector(word: "智能装备", code: "C3491"), Sector(word: "医疗器械", code: "C3589"),
        Sector(word: "电子信息", code: "C3976"), Sector(word: "新材料", code: "C3090"),
    ]
    static let officeSectors = [
        Sector(word: "软件服务", code: "I6513"), Sector(word: "供应链管理", code: "L7224"),
        Sector(word: "检验检测", code: "M7452"), Sector(word: "工程设计", code: "M7484"),
    ]
    static let places = ["江苏", "浙江", "苏州", "无锡", "常州", "宁波", "杭州", "临汾", "太原", "成都"]
    static let brands = ["华创", "恒信", "博远", "中晶", "鑫达", "瑞丰", "天正", "汇能", "长兴", "宏泰", "金石", "安和"]

    private func projectName(_ sector: Sector, using rng: inout SplitMix64) -> String {
        rng.pick(Self.brands) + sector.word + "项目"
    }

    private func investorName(_ sector: Sector, using rng: inout SplitMix64) -> String? {
        guard rng.chance(0.8) else { return nil }
        return rng.pick(Self.places) + rng.pick(Self.brands) + sector.word + "有限公司"
    }
}
