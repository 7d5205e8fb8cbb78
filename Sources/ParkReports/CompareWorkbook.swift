import Foundation
import ParkModel
import ParkPlanning
import XLSXWriter

/// `compare.xlsx`: the plans side by side on the first sheet, then one sheet per plan (base
/// first) with its placements and expansions, headers in the report language.
public enum CompareWorkbook {
    public static func data(plans: [Plan], scenarios: [Scenario], language: ReportLanguage) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parkplan-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(plans: plans, scenarios: scenarios, language: language, to: url.path)
        return try Data(contentsOf: url)
    }

    public static func write(plans: [Plan], scenarios: [Scenario], language: ReportLanguage, to path: String) throws {
        guard let base = plans.first, let scenario = scenarios.first, plans.count == scenarios.count else {
            throw XLSXError("compare.xlsx needs one scenario per plan")
        }
        let book = try XLSXWorkbook(path: path)
        let L = ReportLabels(language)
        try book.setProperties(
            title: L.t("Variants compared", "方案比选") + " — " + scenario.park.name,
            created: PlanWorkbook.createdDate(scenario.horizon.start))
        let ctx = try PlanWorkbook.Context(book: book, labels: L, scenario: scenario, plan: base)
        let names = sheetNames(plans.map { $0.variant ?? L.t("base", "基准") })
        let u = " (\(ctx.moneyUnit))"
        let header = [
            L.t("plan", "方案"), L.t("status", "状态"), L.t("value", "综合价值") + u, L.t("tax", "税收") + u,
            L.t("investment", "投资") + u, L.t("jobs", "就业") + u, L.t("expansion cost", "扩容成本") + u,
            L.t("placed", "落地"), L.t("left out", "未落地"), L.t("expansions (complete)", "扩容（建成）"),
        ]
        let rows: [[PlanWorkbook.Cell]] = plans.map { p in
            [
                .text(p.variant ?? L.t("base", "基准")), .text(L.status(p.status)),
                .optional(p.value.map(ctx.moneyValue), .money),
                .optional(p.valueParts.map { ctx.moneyValue($0.tax) }, .money),
                .optional(p.valueParts.map { ctx.moneyValue($0.investment) }, .money),
                .optional(p.valueParts.map { ctx.moneyValue($0.jobs) }, .money),
                .optional(p.valueParts.map { ctx.moneyValue(-$0.cost) }, .money),
                .number(Double(p.placements.count), .count), .number(Double(p.unplaced.count), .count),
                .text(p.expansions.map { "\($0.id.rawValue) \($0.complete)" }.joined(separator: ", ")),
            ]
        }
        try PlanWorkbook.table(ctx, name: L.t("Compared", "方案比选"), header: header, rows: rows)
        for (i, plan) in plans.enumerated() {
            let sc = scenarios[i]
            let placementRows: [[PlanWorkbook.Cell]] = plan.placements.map { pl in
                let p = sc.projectList.first { $0.id == pl.project }
                return [
                    .text(L.t("placement", "落位")), .text(pl.project.rawValue), .text(p?.name ?? ""),
                    .text(L.projectStatus(p?.statusOrDefault ?? .candidate)), .text(pl.site.rawValue), .month(pl.start),
                    .optional(pl.units.map(Double.init), .count), .text(""),
                ]
            }
            let expansionRows: [[PlanWorkbook.Cell]] = plan.expansions.map { b in
                let e = sc.expansionList.first { $0.id == b.id }
                return [
                    .text(L.t("expansion", "扩容")), .text(b.id.rawValue), .text(e?.name ?? ""),
                    .text(e.map(L.adds) ?? ""),
                    .text(""), .month(b.start), .empty, .text(b.complete.description),
                ]
            }
            let leftRows: [[PlanWorkbook.Cell]] = plan.unplaced.map { u in
                [
                    .text(L.t("left out", "未落地")), .text(u.project.rawValue),
                    .text(sc.projectList.first { $0.id == u.project }?.name ?? ""), .text(""), .text(""), .empty,
                    .empty, .text(u.reason),
                ]
            }
            try PlanWorkbook.table(
                ctx, name: names[i],
                header: [
                    L.t("row", "类别"), L.t("id", "编号"), L.t("name", "名称"), L.t("status / adds", "状态 / 内容"),
                    L.t("site", "场地"), L.t("start", "开工"), L.t("units", "单元"), L.t("complete / reason", "建成 / 原因"),
                ],
                rows: placementRows + expansionRows + leftRows)
        }
        try book.close()
    }

    /// Sheet names Excel accepts: without `[]:*?/\`, at most 31 characters, unique, not the first sheet's.
    static func sheetNames(_ names: [String]) -> [String] {
        var used: [String] = ["方案比选", "Compared"]
        return names.map { raw in
            var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(28))
            if name.trimmingCharacters(in: .whitespaces).isEmpty { name = "plan" }
            var candidate = name, k = 2
            while used.contains(where: { $0.lowercased() == candidate.lowercased() }) {
                candidate = "\(name)~\(k)"; k += 1
            }
            used.append(candidate)
            return candidate
        }
    }
}
