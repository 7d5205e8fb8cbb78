import Foundation
import ParkModel
import ParkPlanning

/// `sites.geojson` (RFC 7946): one feature per plot and building, its outline as a polygon and
/// the plan's assignment as properties, for QGIS or ArcGIS.
///
/// Scenario outlines are metres on a park grid (x east, y north). With `park.origin`
/// ([longitude, latitude] of the grid's (0, 0)) they are turned into WGS 84 degrees by a local
/// tangent-plane approximation (error well under a metre across a few kilometres); without it the
/// coordinates stay in park-grid metres and the file says so in its `parkplan` member.
/// A site without an outline is a feature with `"geometry": null`.
public enum GeoJSONExport {
    public static func render(_ plan: Plan, scenario: Scenario, language: ReportLanguage) -> String {
        let L = ReportLabels(language)
        let sites = ReportSite.all(plan, scenario)
        let origin = scenario.park.origin.flatMap { $0.count == 2 ? (lon: $0[0], lat: $0[1]) : nil }
        var out = "{\n\"type\": \"FeatureCollection\",\n"
        out += "\"name\": \(json(scenario.park.name)),\n"
        out +=
            "\"parkplan\": {\"scenario\": \(json(plan.scenario)), \"variant\": \(plan.variant.map(json) ?? "null"), "
            + "\"coordinates\": \(json(origin == nil ? "park_grid_metres" : "wgs84"))},\n"
        out += "\"features\": ["
        for (i, site) in sites.enumerated() {
            out += (i == 0 ? "\n" : ",\n") + feature(site, origin: origin, L)
        }
        return out + "\n]\n}\n"
    }

    static func feature(_ site: ReportSite, origin: (lon: Double, lat: Double)?, _ L: ReportLabels) -> String {
        var props: [(String, String)] = [
            ("id", json(site.id.rawValue)), ("name", json(site.name)),
            ("site_type", json(site.isBuilding ? "building" : "plot")),
            ("category", json(site.category.rawValue)), ("category_label", json(L.category(site.category))),
            ("projects", json(site.occupants.map(\.project.rawValue).joined(separator: ", "))),
            ("project_names", json(site.occupants.map(\.name).joined(separator: ", "))),
            ("statuses", json(site.occupants.map(\.status.rawValue).joined(separator: ", "))),
            ("starts", json(site.occupants.map(\.start.description).joined(separator: ", "))),
            ("area_m2", number(site.area, 2)),
        ]
        let used = site.occupants.reduce(0) { $0 + $1.amount }
        if let units = site.units {
            props += [("units", String(units)), ("units_used", number(used, 2))]
        } else {
            props += [("land_used_m2", number(used, 2))]
        }
        props += [
            ("used_share", number(site.usedShare, 4)), ("zone", site.zone.map(json) ?? "null"),
            ("power", site.power.map { json($0.rawValue) } ?? "null"),
            ("water", site.water.map { json($0.rawValue) } ?? "null"),
            ("sewage", site.sewage.map { json($0.rawValue) } ?? "null"),
            ("planned", site.planned ? "true" : "false"),
            ("built_by", site.builtBy.map { json($0.rawValue) } ?? "null"),
            ("built_month", site.builtMonth.map { json($0.description) } ?? "null"),
        ]
        let properties = "{" + props.map { "\(json($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
        return
            "{\"type\": \"Feature\", \"id\": \(json(site.id.rawValue)), \"geometry\": \(geometry(site.polygon, origin)), "
            + "\"properties\": \(properties)}"
    }

    /// A closed, counter-clockwise exterior ring (RFC 7946 §3.1.6), or null.
    static func geometry(_ polygon: [[Double]]?, _ origin: (lon: Double, lat: Double)?) -> String {
        guard var ring = polygon?.filter({ $0.count == 2 && $0[0].isFinite && $0[1].isFinite }), ring.count >= 3 else {
            return "null"
        }
        var twiceArea = 0.0
        for i in ring.indices {
            let a = ring[i], b = ring[(i + 1) % ring.count]
            twiceArea += a[0] * b[1] - b[0] * a[1]
        }
        if twiceArea < 0 { ring.reverse() }
        if ring.first != ring.last, let first = ring.first { ring.append(first) }
        let coordinates = ring.map { p -> String in
            if let origin {
                let (lon, lat) = toWGS84(x: p[0], y: p[1], origin: origin)
                return "[\(fixed(lon, 7)), \(fixed(lat, 7))]"
            }
            return "[\(number(p[0], 3)), \(number(p[1], 3))]"
        }
        return "{\"type\": \"Polygon\", \"coordinates\": [[" + coordinates.joined(separator: ", ") + "]]}"
    }

    /// Metres east/north of `origin` to longitude/latitude (WGS 84 ellipsoid, local approximation).
    static func toWGS84(x: Double, y: Double, origin: (lon: Double, lat: Double)) -> (Double, Double) {
        let phi = origin.lat * .pi / 180
        let metresPerDegreeLat = 111_132.92 - 559.82 * cos(2 * phi) + 1.175 * cos(4 * phi) - 0.0023 * cos(6 * phi)
        let metresPerDegreeLon = 111_412.84 * cos(phi) - 93.5 * cos(3 * phi) + 0.118 * cos(5 * phi)
        return (origin.lon + x / metresPerDegreeLon, origin.lat + y / metresPerDegreeLat)
    }

    /// A JSON number with at most `decimals` decimals, trailing zeros dropped.
    static func number(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return "null" }
        var text = fixed(x, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    /// A JSON string literal (the one escaper of the project, `JSONText.string`).
    static func json(_ text: String) -> String { JSONText.string(text) }
}
