// Utility nodes, plots and buildings of a generated scenario.
extension GeneratorRun {
    // MARK: - Utility nodes (capacities are sized later, once demand is known)

    mutating func makeNodes(using rng: inout SplitMix64) {
        let sites = options.siteCount
        let powerCount = max(1, (sites + 39) / 40)
        let plantCount = max(1, (sites + 99) / 100)
        for i in 1...powerCount {
            power.append(
                PowerNode(
                    id: NodeID(Generated.id("S", i, of: powerCount)), name: "\(i)号110kV变电站",
                    capacityMW: 0, reserve: rng.pick([nil, 0.1, 0.15, 0.2]), ready: pastReadyDate(using: &rng)))
        }
        for i in 1...plantCount {
            sewage.append(
                SewagePlant(
                    id: NodeID(Generated.id("W", i, of: plantCount)), name: "\(i)号污水处理厂",
                    capacityM3Day: 0, codKgDay: rng.chance(0.7) ? 0 : nil, ready: pastReadyDate(using: &rng)))
            water.append(
                WaterNode(
                    id: NodeID(Generated.id("WS", i, of: plantCount)), name: "\(i)号供水站",
                    capacityM3Day: 0, ready: pastReadyDate(using: &rng)))
        }
    }

    /// Nil (the horizon start) or a month up to five years before it: always ready at period 0.
    private func pastReadyDate(using rng: inout SplitMix64) -> YearMonth? {
        rng.chance(0.6) ? nil : options.start.adding(months: -rng.int(1...60))
    }

    /// Nil for most sites; otherwise a month in the first half of the horizon.
    private func siteReadyDate(using rng: inout SplitMix64) -> YearMonth? {
        guard rng.chance(0.3), options.months > 1 else { return nil }
        return options.start.adding(months: rng.int(1...max(1, options.months / 2)))
    }

    // MARK: - Sites

    mutating func makeSites(using rng: inout SplitMix64) {
        let total = options.siteCount
        let buildingCount = total >= 2 ? max(1, total * 35 / 100) : 0
        let plotCount = total - buildingCount
        var layout = GridLayout()
        for i in 0..<plotCount {
            plots.append(makePlot(index: i + 1, of: plotCount, layout: &layout, using: &rng))
            freeArea.append(plots[i].isPlanned ? 0 : plots[i].areaM2)
        }
        layout.newRow()
        for i in 0..<buildingCount {
            // The first building is a factory, so floor projects of that use always have a home.
            let use: BuildingUse = i > 0 && rng.chance(0.25) ? .office : .factory
            buildings.append(makeBuilding(index: i + 1, of: buildingCount, use: use, layout: &layout, using: &rng))
            freeUnits.append(buildings[i].isPlanned ? 0 : buildings[i].units)
        }
    }

    /// Planned sites are never the first of their list, so committed projects always find a site.
    private func isPlanned(index: Int, using rng: inout SplitMix64) -> Bool? {
        guard options.plannedSites, index > 1 else { return nil }
        return rng.chance(0.08) ? true : (rng.chance(0.1) ? false : nil)
    }

    private mutating func makePlot(
        index: Int, of count: Int, layout: inout GridLayout,
        using rng: inout SplitMix64
    ) -> Plot {
        let area = Generated.round(rng.uniform(20, 400) * squareMetresPerMu, to: 100)
        let width = Generated.round((area * 1.5).squareRoot(), to: 0.1)
        let depth = Generated.round(area / width, to: 0.1)
        return Plot(
            id: SiteID(Generated.id("A-", index, of: count)),
            name: rng.chance(0.5) ? "\(index)号地块" : nil,
            areaM2: area,
            zone: rng.pick(["industrial", "industrial", "logistics", "hi-tech"]),
            ready: siteReadyDate(using: &rng),
            power: rng.chance(0.97) ? rng.pick(power).id : nil,
            sewage: rng.chance(0.9) ? rng.pick(sewage).id : nil,
            water: rng.chance(0.95) ? rng.pick(water).id : nil,
            planned: isPlanned(index: index, using: &rng),
            polygon: rng.chance(0.8) ? layout.place(width: width, depth: depth) : nil)
    }

    private mutating func makeBuilding(
        index: Int, of count: Int, use: BuildingUse, layout: inout GridLayout,
        using rng: inout SplitMix64
    ) -> Building {
        let factory = use == .factory
        let units = rng.int(factory ? 4...24 : 6...40)
        let unitArea: Double =
            factory ? rng.pick([1000, 1500, 2000, 3000, 4000, 5000]) : rng.pick([200, 300, 500, 800])
        let footprint = Double(units) * unitArea / (factory ? 2 : 6)
        let width = Generated.round((footprint * 3).squareRoot(), to: 0.1)
        let prefix = factory ? "B-" : "O-"
        return Building(
            id: SiteID(Generated.id(prefix, index, of: count)),
            name: factory ? "\(index)号标准化厂房" : "\(index)号写字楼",
            use: factory && rng.chance(0.5) ? nil : use,
            units: units, unitAreaM2: unitArea,
            floorLoadKNM2: factory ? rng.pick([8, 10, 15, 20, 30]) : rng.pick([nil, 3.5, 5]),
            clearHeightM: factory ? rng.pick([6, 8, 9, 10, 12]) : rng.pick([nil, 3.6, 4.5]),
            craneT: factory ? rng.pick([0, 0, 5, 10, 20]) : nil,
            ready: siteReadyDate(using: &rng),
            power: power[rng.int(0...(power.count - 1))].id,
            sewage: rng.chance(0.95) ? rng.pick(sewage).id : nil,
            water: rng.pick(water).id,
            planned: isPlanned(index: index, using: &rng),
            polygon: rng.chance(0.5)
                ? layout.place(width: width, depth: Generated.round(footprint / width, to: 0.1)) : nil)
    }
}

/// Lays rectangles out in rows on the park grid (metres), 20 m apart, rows 3 km wide.
struct GridLayout {
    private var x = 0.0, y = 0.0, rowDepth = 0.0

    mutating func place(width: Double, depth: Double) -> [[Double]] {
        if x > 0, x + width > 3000 { newRow() }
        let corners = [[x, y], [x + width, y], [x + width, y + depth], [x, y + depth]]
            .map { $0.map { Generated.round($0, to: 0.1) } }
        x += width + 20
        rowDepth = max(rowDepth, depth)
        return corners
    }

    mutating func newRow() {
        guard x > 0 else { return }
        x = 0; y += rowDepth + 20; rowDepth = 0
    }
}
