import ParkModel
import ParkPlanning

/// The site plan as inline SVG: sites drawn from their polygons (park grid, metres, y up), or,
/// for sites without one, tiles sized by area and grouped by power node.
enum SVGSitePlan {
    static let width = 1300.0

    /// Sites in `changed` get a heavy outline (compare.html).
    static func render(
        _ sites: [ReportSite], scenario: Scenario, labels L: ReportLabels,
        changed: Set<SiteID> = []
    ) -> String {
        let outlined = sites.filter { ($0.polygon?.count ?? 0) >= 3 }
        let loose = sites.filter { ($0.polygon?.count ?? 0) < 3 }
        var out = ""
        if !outlined.isEmpty { out += polygons(outlined, L, changed) }
        if !loose.isEmpty {
            if !outlined.isEmpty {
                out +=
                    "<p class=\"note\">"
                    + HTML.escape(
                        L.t(
                            "Sites without an outline in the scenario, grouped by power node:",
                            "情景中未给出轮廓的场地（按供电节点分组）：")) + "</p>\n"
            } else {
                out +=
                    "<p class=\"note\">"
                    + HTML.escape(
                        L.t(
                            "The scenario gives no outlines: each tile is a site, its width grows with its area; tiles are grouped by power node.",
                            "情景未给出场地轮廓：每块代表一个场地，宽度随面积增大，按供电节点分组。")) + "</p>\n"
            }
            out += schematic(loose, scenario, L, changed)
        }
        return out
    }

    // MARK: - Polygons

    static func polygons(_ sites: [ReportSite], _ L: ReportLabels, _ changed: Set<SiteID>) -> String {
        let points = sites.flatMap { $0.polygon ?? [] }.filter { $0.count == 2 }
        let xs = points.map { $0[0] }, ys = points.map { $0[1] }
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 1, minY = ys.min() ?? 0, maxY = ys.max() ?? 1
        let margin = 12.0
        let scale = min((width - 2 * margin) / max(maxX - minX, 1), 1000 / max(maxY - minY, 1))
        let height = (maxY - minY) * scale + 2 * margin
        func px(_ p: [Double]) -> (Double, Double) {
            (margin + (p[0] - minX) * scale, margin + (maxY - p[1]) * scale)
        }
        var svg =
            "<svg class=\"siteplan\" role=\"img\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(height))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n" + patternDefs
        for site in sites {
            let pts = (site.polygon ?? []).filter { $0.count == 2 }.map(px)
            let list = pts.map { "\(HTML.n($0.0)),\(HTML.n($0.1))" }.joined(separator: " ")
            svg += "<g class=\"site\"><title>\(HTML.escape(tooltip(site, L)))</title>"
            svg +=
                "<polygon class=\"cat-\(site.category.rawValue)\(changed.contains(site.id) ? " changed" : "")\" points=\"\(list)\"/>"
            let bx = pts.map(\.0), by = pts.map(\.1)
            let box = (
                x: bx.min() ?? 0, y: by.min() ?? 0, w: (bx.max() ?? 0) - (bx.min() ?? 0),
                h: (by.max() ?? 0) - (by.min() ?? 0)
            )
            let c = centroid(pts)
            svg += label(site, cx: c.0, cy: c.1, w: box.w - 8, h: box.h - 4, L) + "</g>\n"
        }
        return svg + "</svg>\n"
    }

    /// Area centroid of a simple polygon (the vertex mean when degenerate).
    static func centroid(_ p: [(Double, Double)]) -> (Double, Double) {
        var a = 0.0, cx = 0.0, cy = 0.0
        for i in p.indices {
            let (x0, y0) = p[i], (x1, y1) = p[(i + 1) % p.count]
            let cross = x0 * y1 - x1 * y0
            a += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross
        }
        if abs(a) < 1e-9 {
            let n = Double(max(p.count, 1))
            return (p.reduce(0) { $0 + $1.0 } / n, p.reduce(0) { $0 + $1.1 } / n)
        }
        return (cx / (3 * a), cy / (3 * a))
    }

    // MARK: - Schematic

    static func schematic(
        _ sites: [ReportSite], _ scenario: Scenario, _ L: ReportLabels, _ changed: Set<SiteID>
    ) -> String {
        var groups: [(title: String, sites: [ReportSite])] = []
        for node in scenario.powerNodes {
            let members = sites.filter { $0.power == node.id }
            if !members.isEmpty {
                groups.append(
                    (L.t("Power node ", "供电节点 ") + node.id.rawValue + (node.name.map { " " + $0 } ?? ""), members))
            }
        }
        let known = Set(scenario.powerNodes.map(\.id))
        let rest = sites.filter { $0.power.map { !known.contains($0) } ?? true }
        if !rest.isEmpty { groups.append((L.t("No power node", "未接入供电节点"), rest)) }

        let gap = 6.0, tileH = 60.0, headH = 26.0
        var body = "", y = 4.0
        for group in groups {
            body +=
                "<text class=\"group\" x=\"4\" y=\"\(HTML.n(y + 17))\">\(HTML.escape(HTML.fit(group.title, width: width - 8, fontSize: 14)))</text>\n"
            y += headH
            var x = 4.0
            for site in group.sites {
                let w = min(320, max(124, site.area.squareRoot() * 0.9))
                if x + w > width - 4, x > 4 { x = 4; y += tileH + gap }
                body += "<g class=\"site\"><title>\(HTML.escape(tooltip(site, L)))</title>"
                body +=
                    "<rect class=\"cat-\(site.category.rawValue)\(changed.contains(site.id) ? " changed" : "")\" x=\"\(HTML.n(x))\" y=\"\(HTML.n(y))\" "
                    + "width=\"\(HTML.n(w))\" height=\"\(HTML.n(tileH))\" rx=\"3\"/>"
                body += label(site, cx: x + w / 2, cy: y + tileH / 2, w: w - 10, h: tileH - 6, L) + "</g>\n"
                x += w + gap
            }
            y += tileH + gap + 6
        }
        return "<svg class=\"siteplan schematic\" role=\"img\" viewBox=\"0 0 \(HTML.n(width)) \(HTML.n(y))\" "
            + "width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">\n" + patternDefs + body + "</svg>\n"
    }

    // MARK: - Labels

    /// Lines centred on (cx, cy) that fit a w × h box: the site, then its occupants.
    static func label(_ site: ReportSite, cx: Double, cy: Double, w: Double, h: Double, _ L: ReportLabels) -> String {
        guard w > 14, h > 9 else { return "" }
        var lines: [(text: String, bold: Bool)] = [
            (site.id.rawValue + (site.name.isEmpty ? "" : " " + site.name), true)
        ]
        for o in site.occupants { lines.append((o.name + " · " + o.start.description, false)) }
        if site.occupants.isEmpty { lines.append((L.category(site.category), false)) }
        let fontSize = max(9, min(12, h / Double(lines.count) / 1.3))
        let lineH = fontSize * 1.25
        let capacity = max(1, Int(h / lineH))
        if lines.count > capacity {
            let hidden = lines.count - capacity + 1
            lines = Array(lines.prefix(capacity - 1))
            if capacity > 1 { lines.append((L.t("+\(hidden) more", "另 \(hidden) 项"), false)) }
        }
        let dark = [SiteCategory.existing, .committed, .candidate].contains(site.category)
        var out =
            "<text class=\"\(dark ? "on-dark" : "on-light")\" font-size=\"\(HTML.n(fontSize))\" text-anchor=\"middle\">"
        let top = cy - Double(lines.count - 1) * lineH / 2 + fontSize * 0.35
        for (i, line) in lines.enumerated() {
            let text = HTML.fit(line.text, width: w, fontSize: fontSize)
            out +=
                "<tspan x=\"\(HTML.n(cx))\" y=\"\(HTML.n(top + Double(i) * lineH))\"\(line.bold ? " font-weight=\"bold\"" : "")>"
                + HTML.escape(text) + "</tspan>"
        }
        return out + "</text>"
    }

    static func tooltip(_ site: ReportSite, _ L: ReportLabels) -> String {
        var lines = [site.id.rawValue + (site.name.isEmpty ? "" : " " + site.name) + " — " + L.category(site.category)]
        if let units = site.units {
            let used = site.occupants.reduce(0) { $0 + $1.amount }
            lines.append(L.t("units used: ", "已用单元：") + "\(NumberFormat.amount(used)) / \(units)")
        } else {
            let used = site.occupants.reduce(0) { $0 + $1.amount }
            lines.append(
                L.t("land used: ", "已用土地：") + "\(NumberFormat.grouped(used)) / \(NumberFormat.grouped(site.area)) m² ("
                    + NumberFormat.grouped(site.area / squareMetresPerMu, decimals: 1) + L.t(" mu)", " 亩)"))
        }
        if let b = site.builtBy, let m = site.builtMonth {
            lines.append(L.t("built by ", "由 ") + b.rawValue + L.t(", ready ", " 建成，") + m.description)
        }
        for o in site.occupants {
            let amount =
                site.isBuilding
                ? "\(NumberFormat.amount(o.amount)) " + L.t("units", "个单元")
                : "\(NumberFormat.grouped(o.amount)) m²"
            lines.append(
                "• \(o.name) [\(o.project.rawValue)] \(L.projectStatus(o.status)), \(amount), "
                    + L.t("start ", "开工 ") + o.start.description)
        }
        return lines.joined(separator: "\n")
    }

    static let patternDefs = """
        <defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="8" height="8" fill="#fafafa"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c4c4c4" stroke-width="3"/>\
        </pattern></defs>

        """
}
