import ParkDiagnosis
import ParkModel

/// The text that `check` prints (stdout), in the planner's language.
public enum CheckReport {
    public static func text(
        file: String, summary s: ScenarioSummary, variants: [String],
        language L: ReportLanguage = .en, warnings: [ScaleWarning] = []
    ) -> String {
        var out: [String] = []
        out.append(L.t("\(file): OK", "\(file)：通过"))
        out.append(L.t("Park: \(s.parkName) (\(s.currency))", "园区：\(s.parkName)（\(s.currency)）"))
        let step = L == .zh ? "\(s.stepMonths) 个月" : s.stepMonths == 1 ? "1 month" : "\(s.stepMonths) months"
        out.append(
            L.t(
                "Horizon: from \(s.horizonStart), \(s.horizonMonths) months in steps of \(step): "
                    + "\(s.periodCount) periods, the last from \(s.lastPeriodMonth)",
                "规划期：自 \(s.horizonStart) 起 \(s.horizonMonths) 个月，每期 \(step)，"
                    + "共 \(s.periodCount) 期，最后一期自 \(s.lastPeriodMonth) 起"))
        let c = s.counts
        out.append(
            L.t(
                "Sites: \(c.plots) plots (\(c.plannedPlots) planned), \(c.buildings) buildings (\(c.plannedBuildings) planned)",
                "场地：地块 \(c.plots) 宗（规划中 \(c.plannedPlots) 宗），厂房 \(c.buildings) 栋（规划中 \(c.plannedBuildings) 栋）"))
        out.append(
            L.t(
                "Nodes: \(c.powerNodes) power, \(c.sewagePlants) sewage, \(c.waterNodes) water; \(c.expansions) expansion options",
                "节点：电力 \(c.powerNodes) 个，污水 \(c.sewagePlants) 个，供水 \(c.waterNodes) 个；可选扩建 \(c.expansions) 项"))
        out.append(
            L.t(
                "Projects: \(c.existing) existing, \(c.committed) committed, \(c.candidates) candidates",
                "项目：现有 \(c.existing) 个，已签约 \(c.committed) 个，候选 \(c.candidates) 个"))
        let ok = L.t(" OK", " 通过")
        out.append(
            variants.isEmpty
                ? L.t("Variants: none", "情景：无")
                : L.t("Variants: ", "情景：") + variants.map { $0 + ok }.joined(separator: L.t(", ", "，")))
        if !s.loads.isEmpty {
            out.append("")
            out.append(
                L.t(
                    "Capacity (usable after reserve) against existing + committed demand on pinned sites:",
                    "容量（扣除备用后的可用量）与已定址的现有和已签约项目需求："))
            for load in s.loads {
                let kind = L == .zh ? (CapacityKind(rawValue: load.kind)?.chineseName ?? load.kind) : load.kind
                var line = L.t(
                    "  \(kind) \(load.node): usable \(number(load.usable)) \(load.unit)",
                    "  \(kind) \(load.node)：可用 \(number(load.usable)) \(load.unit)")
                if load.usable != load.capacity {
                    line += L.t(" of \(number(load.capacity))", "（额定 \(number(load.capacity))）")
                }
                line += L.t(
                    ", existing \(number(load.existingDemand)), committed \(number(load.committedDemand))",
                    "，现有 \(number(load.existingDemand))，已签约 \(number(load.committedDemand))")
                line += L.t(", headroom \(number(load.headroom))", "，余量 \(number(load.headroom))")
                if load.headroom < 0 { line += L.t(" (SHORT)", "（不足）") }
                if load.ready > s.horizonStart { line += L.t(", ready \(load.ready)", "，\(load.ready) 投运") }
                if load.expandable > 0 {
                    line += L.t("; expansions can add \(number(load.expandable))", "；扩建可增加 \(number(load.expandable))")
                }
                out.append(line)
            }
        }
        if !s.unsitedCommitted.isEmpty {
            let needs = s.unsitedCommitted.map { need in
                let kind = L == .zh ? (CapacityKind(rawValue: need.kind)?.chineseName ?? need.kind) : need.kind
                return "\(kind) \(number(need.amount)) \(need.unit)"
            }
            out.append(
                L.t("  committed projects without a pinned site need: ", "  未定址的已签约项目需要：")
                    + needs.joined(separator: L.t(", ", "，")))
        }
        if !s.readiness.isEmpty {
            out.append("")
            out.append(L.t("Readiness of pinned and existing projects:", "已定址和现有项目的入驻条件："))
            for r in s.readiness {
                let status = L == .zh ? statusName(r.status) : r.status.rawValue
                let siteKind = L == .zh ? (r.siteKind == "plot" ? "地块" : "厂房") : r.siteKind
                var line = L.t(
                    "  \(r.project) [\(status)] on \(siteKind) \(r.site): ",
                    "  \(r.project) [\(status)] 位于\(siteKind) \(r.site)：")
                if let ready = r.siteReady {
                    line += L.t("site ready \(ready)", "场地 \(ready) 具备条件")
                } else {
                    line += L.t("site never ready", "场地期内不具备条件")
                }
                if let builder = r.builtBy { line += L.t(" (built by \(builder))", "（由 \(builder) 建设）") }
                if let start = r.start {
                    line +=
                        L.t(", start \(start): ", "，\(start) 开工：")
                        + (r.readyAtStart == true ? L.t("ready (拎包入驻)", "可拎包入驻") : L.t("NOT ready", "不具备入驻条件"))
                }
                if r.label != r.project.rawValue { line += " — \(r.label)" }
                out.append(line)
            }
        }
        if !warnings.isEmpty {
            out.append("")
            out.append(L.t("Warnings:", "提示："))
            for w in warnings {
                let span = "\(w.smallest) – \(w.largest) \(w.unit)"
                out.append(
                    L.t(
                        "  \(w.kind) figures span \(span), more than 9 orders of magnitude: the solver's tolerances "
                            + "may blur the smallest; consider one consistent unit",
                        "  \(w.kind) 数值跨度 \(span)，超过 9 个数量级：求解器的容差可能掩盖最小的数值，建议统一单位"))
            }
        }
        return out.joined(separator: "\n")
    }

    static func statusName(_ status: ProjectStatus) -> String {
        switch status {
        case .existing: "现有"
        case .committed: "已签约"
        case .candidate: "候选"
        }
    }

    /// Fixed formatting: whole numbers without decimals, others with up to 2.
    static func number(_ value: Double) -> String { NumberFormat.compact(value) }
}
