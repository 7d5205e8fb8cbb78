import Foundation
import Testing
@testable import ParkModel

@Suite struct LoaderSmokeTests {
    @Test func fullExampleLoads() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/full.yaml").path)
        #expect(document.base.park.name == "临汾经济开发区")
        #expect(document.base.plotList.count == 2)
        #expect(document.base.projectList.count == 4)
        #expect(document.variantNames == ["pv-needs-40mw", "sewage-late"])
    }

    @Test func minimalLoads() throws {
        let document = try Fixtures.load(Fixtures.minimal)
        #expect(document.base.horizon.months == 24)
    }
}
