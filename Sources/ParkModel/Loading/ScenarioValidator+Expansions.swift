extension ScenarioValidator {
    // MARK: - Expansions

    mutating func checkExpansions() {
        let expansions = scenario.expansionList
        uniqueIDs(expansions.map(\.id.rawValue), list: "expansions")
        for (i, expansion) in expansions.enumerated() {
            let path = "expansions[\(i)]"
            checkAdds(expansion.adds, path: "\(path).adds")
            amount(expansion.cost, "\(path).cost")
            nonNegative(expansion.leadMonths, "\(path).lead_months")
            if let lead = expansion.leadMonths, lead > Self.maxHorizonMonths {
                fail(
                    "\(path).lead_months",
                    "a lead of \(lead) months is too long; at most \(Self.maxHorizonMonths) months")
            }
            for (k, required) in expansion.requirements.enumerated() {
                let requiredPath = "\(path).requires[\(k)]"
                if required == expansion.id {
                    fail(requiredPath, "expansion '\(expansion.id)' cannot require itself")
                } else {
                    reference(required.rawValue, in: expansionIDs, list: "expansions", path: requiredPath)
                }
            }
        }
        checkRequireCycles()
    }

    /// Every month a plan can name — up to the horizon's last month plus the longest lead — must
    /// be written with four digits (at most 9999-12), so plans of the scenario always read back.
    mutating func checkLastMonth() {
        let horizon = scenario.horizon
        guard horizon.months > 0, horizon.months <= Self.maxHorizonMonths else { return }
        let lead = scenario.expansionList.compactMap(\.leadMonths).filter { $0 <= Self.maxHorizonMonths }.max() ?? 0
        let latest = horizon.start.adding(months: horizon.months - 1 + max(0, lead))
        guard latest.year > 9999 else { return }
        fail(
            "horizon.start",
            "the horizon ends in \(horizon.start.adding(months: horizon.months - 1))"
                + (lead > 0 ? " and expansions may complete \(lead) months later" : "")
                + "; months after 9999-12 cannot be written, so a plan must end by 9999-12")
    }

    /// `adds` names exactly one of power/sewage/water/building/plot, with only that kind's amounts.
    mutating func checkAdds(_ adds: ExpansionAdds, path: String) {
        let targets: [(String, String?)] = [
            ("power", adds.power?.rawValue), ("sewage", adds.sewage?.rawValue), ("water", adds.water?.rawValue),
            ("building", adds.building?.rawValue), ("plot", adds.plot?.rawValue),
        ]
        let named = targets.filter { $0.1 != nil }
        guard named.count == 1, let (kind, target) = named.first, let target else {
            let found = named.map(\.0).joined(separator: " and ")
            fail(
                path,
                named.isEmpty
                    ? "'adds' must name what is expanded: one of power, sewage, water, building, plot"
                    : "'adds' must name exactly one of power, sewage, water, building, plot; found \(found)")
            return
        }
        let amounts: [(String, Double?)] = [
            ("capacity_mw", adds.capacityMW), ("capacity_m3_day", adds.capacityM3Day), ("cod_kg_day", adds.codKgDay),
        ]
        let allowed: [String]
        switch kind {
        case "power": allowed = ["capacity_mw"]
        case "sewage": allowed = ["capacity_m3_day", "cod_kg_day"]
        case "water": allowed = ["capacity_m3_day"]
        default: allowed = []
        }
        for (key, value) in amounts where value != nil {
            if allowed.contains(key) {
                amount(value, "\(path).\(key)")
            } else {
                let hint =
                    allowed.isEmpty
                    ? "a \(kind) expansion adds no amounts"
                    : "a \(kind) expansion adds only \(allowed.joined(separator: ", "))"
                fail("\(path).\(key)", "'\(key)' does not apply here: \(hint)")
            }
        }
        checkAddsTarget(kind: kind, target: target, adds: adds, path: path)
    }

    private mutating func checkAddsTarget(kind: String, target: String, adds: ExpansionAdds, path: String) {
        let targetPath = "\(path).\(kind)"
        switch kind {
        case "power":
            reference(target, in: powerIDs, list: "power", path: targetPath)
        case "water":
            reference(target, in: waterIDs, list: "water", path: targetPath)
        case "sewage":
            reference(target, in: sewageIDs, list: "sewage", path: targetPath)
            if adds.codKgDay != nil, let plant = plants[target],
                plant.codKgDay == nil
            {
                fail(
                    "\(path).cod_kg_day",
                    "plant '\(target)' sets no cod_kg_day limit, so an expansion cannot add to it; give the plant a cod_kg_day or remove this amount"
                )
            }
        case "building":
            reference(target, in: buildingIDs, list: "buildings", path: targetPath)
            if let building = buildings[target], !building.isPlanned {
                fail(
                    targetPath,
                    "building '\(target)' already exists (planned: false); an expansion builds only a planned building")
            }
        default:
            reference(target, in: plotIDs, list: "plots", path: targetPath)
            if let plot = plots[target], !plot.isPlanned {
                fail(
                    targetPath,
                    "plot '\(target)' already exists (planned: false); an expansion prepares only a planned plot")
            }
        }
    }

    /// Reports each `requires` cycle once, at the expansion where it is first met.
    private mutating func checkRequireCycles() {
        let expansions = scenario.expansionList
        var index: [String: Int] = [:]
        for (i, e) in expansions.enumerated() where index[e.id.rawValue] == nil { index[e.id.rawValue] = i }
        // Iterative depth-first search (a long chain must not exhaust the stack).
        // state: 0 = unvisited, 1 = on the path, 2 = done
        var state = Array(repeating: 0, count: expansions.count)
        var cycles: [[Int]] = []
        for root in expansions.indices where state[root] == 0 {
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = path.last {
                let requirements = expansions[top.node].requirements
                if top.next >= requirements.count {
                    state[top.node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                guard let w = index[requirements[top.next].rawValue], w != top.node else { continue }
                if state[w] == 1, let start = path.firstIndex(where: { $0.node == w }) {
                    cycles.append(path[start...].map(\.node))
                } else if state[w] == 0 {
                    state[w] = 1
                    path.append((w, 0))
                }
            }
        }
        for cycle in cycles {
            guard let first = cycle.first else { continue }
            let names = (cycle + [first]).map { expansions[$0].id.rawValue }.joined(separator: " → ")
            fail("expansions[\(first)].requires", "'requires' forms a cycle: \(names); none of these could ever start")
        }
    }
}
