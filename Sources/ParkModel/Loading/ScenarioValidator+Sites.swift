import Foundation

extension ScenarioValidator {
    // MARK: - Plots and buildings

    mutating func checkSites() {
        uniqueIDs(scenario.plotList.map(\.id.rawValue), list: "plots")
        uniqueIDs(scenario.buildingList.map(\.id.rawValue), list: "buildings")
        for (i, building) in scenario.buildingList.enumerated() where plots[building.id.rawValue] != nil {
            fail(
                "buildings[\(i)].id", "'\(building.id)' is also a plot id; a site id must name one plot or one building"
            )
        }
        let built = Set(scenario.expansionList.compactMap { $0.adds.plot?.rawValue ?? $0.adds.building?.rawValue })
        for (i, plot) in scenario.plotList.enumerated() {
            let path = "plots[\(i)]"
            positive(plot.areaM2, "\(path).area_m2")
            notTiny(plot.areaM2, "\(path).area_m2")
            checkConnections(power: plot.power, sewage: plot.sewage, water: plot.water, path: path)
            checkPolygon(plot.polygon, "\(path).polygon")
            if plot.isPlanned && !built.contains(plot.id.rawValue) {
                fail(
                    "\(path).planned",
                    "plot '\(plot.id)' is planned but no expansion builds it; add an expansion with 'adds: {plot: \(plot.id)}' or set 'planned: false'"
                )
            }
        }
        for (i, building) in scenario.buildingList.enumerated() {
            let path = "buildings[\(i)]"
            positive(building.units, "\(path).units")
            positive(building.unitAreaM2, "\(path).unit_area_m2")
            notTiny(building.unitAreaM2, "\(path).unit_area_m2")
            nonNegative(building.floorLoadKNM2, "\(path).floor_load_kn_m2")
            nonNegative(building.clearHeightM, "\(path).clear_height_m")
            nonNegative(building.craneT, "\(path).crane_t")
            checkConnections(power: building.power, sewage: building.sewage, water: building.water, path: path)
            checkPolygon(building.polygon, "\(path).polygon")
            if building.isPlanned && !built.contains(building.id.rawValue) {
                fail(
                    "\(path).planned",
                    "building '\(building.id)' is planned but no expansion builds it; add an expansion with 'adds: {building: \(building.id)}' or set 'planned: false'"
                )
            }
        }
    }

    /// A site's `power`/`sewage`/`water` must name a node of that list.
    mutating func checkConnections(power: NodeID?, sewage: NodeID?, water: NodeID?, path: String) {
        reference(power?.rawValue, in: powerIDs, list: "power", path: "\(path).power")
        reference(sewage?.rawValue, in: sewageIDs, list: "sewage", path: "\(path).sewage")
        reference(water?.rawValue, in: waterIDs, list: "water", path: "\(path).water")
    }

    /// Reports `id` when it names nothing in `ids` (the ids of `list`), with a suggestion.
    mutating func reference(_ id: String?, in ids: Set<String>, list: String, path: String) {
        guard let id, !ids.contains(id) else { return }
        var message = "'\(id)' is not an id in '\(list)'"
        if ids.count <= Suggestion.maxCandidates, let guess = suggestion(for: id, among: ids, list: list) {
            message += " (did you mean '\(guess)'?)"
        } else if ids.isEmpty {
            message += ", which is empty"
        }
        fail(path, message)
    }

    /// "Did you mean" for a missing reference: candidates prepared once per list, and all
    /// references of a file share one work budget, so thousands of them stay fast.
    mutating func suggestion(for id: String, among ids: Set<String>, list: String) -> String? {
        let prepared: Suggestion.Candidates
        if let known = suggestionCandidates[list] {
            prepared = known
        } else {
            prepared = Suggestion.Candidates(ids.sorted())
            suggestionCandidates[list] = prepared
        }
        return Suggestion.nearest(to: id, among: prepared, budget: &suggestionBudget)
    }

    /// An outline is at least three `[x, y]` points (metres).
    mutating func checkPolygon(_ polygon: [[Double]]?, _ path: String) {
        guard let polygon else { return }
        for (k, point) in polygon.enumerated() where point.count != 2 {
            fail("\(path)[\(k)]", "a point is [x, y] in metres, found \(point.count) numbers")
        }
        if polygon.count < 3 { fail(path, "an outline needs at least 3 points, found \(polygon.count)") }
    }
}
