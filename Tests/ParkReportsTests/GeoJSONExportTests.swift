import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkReports

@Suite struct GeoJSONExportTests {
    typealias F = ReportFixtures

    func parse(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func oneFeaturePerSiteWithTheAssignment() throws {
        let doc = try parse(GeoJSONExport.render(F.plan, scenario: HTMLReportTests.outlined, language: .zh))
        #expect(doc["type"] as? String == "FeatureCollection")
        let features = try #require(doc["features"] as? [[String: Any]])
        #expect(features.map { $0["id"] as? String } == ["A-01", "B-01"])
        let props = try #require(features[1]["properties"] as? [String: Any])
        #expect(props["projects"] as? String == "elec")
        #expect(props["project_names"] as? String == "-电子, 厂")
        #expect(props["units_used"] as? Double == 2)
        #expect(props["category"] as? String == "candidate")
    }

    @Test func ringsAreClosedCounterClockwiseInMetresWithoutOrigin() throws {
        var s = HTMLReportTests.outlined
        s.plots?[0].polygon = [[0, 0], [0, 250], [400, 250], [400, 0]]  // clockwise
        let doc = try parse(GeoJSONExport.render(F.plan, scenario: s, language: .en))
        #expect((doc["parkplan"] as? [String: Any])?["coordinates"] as? String == "park_grid_metres")
        let features = try #require(doc["features"] as? [[String: Any]])
        let geometry = try #require(features[0]["geometry"] as? [String: Any])
        let ring = try #require((geometry["coordinates"] as? [[[Double]]])?.first)
        #expect(ring.count == 5)
        #expect(ring.first == ring.last)
        var twiceArea = 0.0
        for i in 0..<(ring.count - 1) { twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] }
        #expect(twiceArea > 0)
    }

    @Test func originPlacesTheGridOnWGS84() throws {
        var s = HTMLReportTests.outlined
        s.park.origin = [111.52, 36.08]
        let doc = try parse(GeoJSONExport.render(F.plan, scenario: s, language: .en))
        let features = try #require(doc["features"] as? [[String: Any]])
        let ring = try #require(((features[0]["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first)
        #expect(ring[0] == [111.52, 36.08])
        // 400 m east at 36° N is about 0.00444° of longitude; 250 m north about 0.00225° of latitude.
        #expect(abs(ring[1][0] - 111.52 - 400 / 90_163) < 1e-5)
        #expect(abs(ring[2][1] - 36.08 - 250 / 110_950) < 1e-5)
    }

    @Test func siteWithoutOutlineHasNullGeometry() throws {
        let doc = try parse(GeoJSONExport.render(F.plan, scenario: F.scenario, language: .en))
        let features = try #require(doc["features"] as? [[String: Any]])
        #expect(features.count == 2)
        #expect(features.allSatisfy { $0["geometry"] is NSNull })
    }
}
