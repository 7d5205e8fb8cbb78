import ParkModel

/// Checks that what the plan reports (units, completion months, value,
/// utilization) agrees with the verifier's own recomputation.
extension VerifierContext {
    func checkReport() -> [PlanViolation] {
        unitsReport() + completionReport() + valueReport() + utilizationReport()
    }

    private func unitsReport() -> [PlanViolation] {
        var found: [PlanViolation] = []
        for r in placements {
            guard let project = r.project, let site = r.site else { continue }
            switch site {
            case .plot(let plot):
                if project.landM2 != nil, let units = r.placement.units {
                    found.append(
                        PlanViolation(
                            .report, "\(project.id) on plot \(plot.id) reports \(units) units (expected none)"))
                }
            case .building(let building):
                guard project.landM2 == nil, project.floorM2 != nil else { continue }
                let expected = VerifierContext.units(floorM2: project.floorM2 ?? 0, unitAreaM2: building.unitAreaM2)
                if r.placement.units != expected {
                    let reported = r.placement.units.map(String.init) ?? "no"
                    found.append(
                        PlanViolation(
                            .report,
                            "\(project.id) in \(building.id) reports \(reported) units, "
                                + "expected ceil(floor_m2 / unit_area_m2) = \(expected)"))
                }
            }
        }
        return found
    }

    private func completionReport() -> [PlanViolation] {
        built.compactMap { r in
            guard let completion = r.completion, r.built.complete != clock.month(completion) else { return nil }
            return PlanViolation(
                .report,
                "\(r.expansion.id) reports completion \(r.built.complete), "
                    + "expected \(clock.month(completion)) (start + \(r.lead) periods)")
        }
    }

    private func valueReport() -> [PlanViolation] {
        let parts = valueParts()
        let total = parts.tax + parts.investment + parts.jobs - parts.cost
        var found: [PlanViolation] = []
        if let value = plan.value, !VerifierTolerance.close(value, total, relative: 1e-6) {
            found.append(
                PlanViolation(
                    .report,
                    "value \(verifierNumber(value)) differs from the recomputed "
                        + "contract §4 value \(verifierNumber(total))"))
        }
        if let reported = plan.valueParts {
            let pairs: [(String, Double, Double)] = [
                ("tax", reported.tax, parts.tax), ("investment", reported.investment, parts.investment),
                ("jobs", reported.jobs, parts.jobs), ("cost", reported.cost, parts.cost),
            ]
            for (name, a, b) in pairs where !VerifierTolerance.close(a, b, relative: 1e-6) {
                found.append(
                    PlanViolation(
                        .report,
                        "value part \(name) \(verifierNumber(a)) differs from the "
                            + "recomputed \(verifierNumber(b))"))
            }
        }
        return found
    }

    /// Every reported entry matches a recomputed one; for plans claiming feasibility, none is missing.
    private func utilizationReport() -> [PlanViolation] {
        let expected = utilizationTable()
        struct Key: Hashable { let node: NodeID; let kind: CapacityKind; let period: YearMonth }
        var index: [Key: Utilization] = [:]
        for entry in expected { index[Key(node: entry.node, kind: entry.kind, period: entry.period)] = entry }
        var found: [PlanViolation] = []
        var seen: Set<Key> = []
        for entry in plan.utilization {
            let key = Key(node: entry.node, kind: entry.kind, period: entry.period)
            let name = "\(entry.node) \(entry.kind.rawValue) in \(entry.period)"
            guard seen.insert(key).inserted else {
                found.append(PlanViolation(.report, "utilization of \(name) is reported twice"))
                continue
            }
            guard let truth = index[key] else {
                found.append(
                    PlanViolation(.report, "utilization of \(name) names no node, kind and period of the scenario"))
                continue
            }
            if !VerifierTolerance.close(entry.used, truth.used, relative: 1e-6)
                || !VerifierTolerance.close(entry.capacity, truth.capacity, relative: 1e-6)
            {
                found.append(
                    PlanViolation(
                        .report,
                        "utilization of \(name) reports \(verifierNumber(entry.used)) of "
                            + "\(verifierNumber(entry.capacity)), expected \(verifierNumber(truth.used)) of \(verifierNumber(truth.capacity))"
                    ))
            }
        }
        if claimsFeasible {
            for entry in expected where !seen.contains(Key(node: entry.node, kind: entry.kind, period: entry.period)) {
                found.append(
                    PlanViolation(
                        .report, "utilization of \(entry.node) \(entry.kind.rawValue) in \(entry.period) is missing"))
            }
        }
        return found
    }
}
