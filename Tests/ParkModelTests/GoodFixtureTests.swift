import Foundation
import Testing

@testable import ParkModel

@Suite struct GoodFixtureTests {
    @Test(arguments: Fixtures.files(in: "good"))
    func goodFileLoadsWithEveryVariant(_ file: String) throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/\(file)").path)
        for check in document.checkAll() {
            #expect(check.problems.isEmpty, "\(file) variant \(check.variant ?? "base"): \(check.problems)")
        }
    }

    @Test func fullExampleHasEveryField() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/full.yaml").path)
        let s = document.base
        #expect(s.park.name == "临汾经济开发区")
        #expect(s.horizon.start == YearMonth(year: 2022, month: 6))
        #expect(s.budget == 3.0e8)
        #expect(s.policy?.minInvestmentIntensity == 300)
        #expect(s.powerNodes.first?.reserve == 0.15)
        #expect(s.sewagePlants.first?.codKgDay == 6000)
        #expect(s.plotList.map(\.id) == ["A-01", "C-02"])
        #expect(s.plotList.first?.polygon?.count == 4)
        #expect(s.buildingList.first?.craneT == 10)
        #expect(s.expansionList.first { $0.id == "S1-T2" }?.requirements == ["S1-bay"])
        let pv = try #require(s.projectList.first)
        #expect(pv.name == "光伏组件项目")
        #expect(pv.statusOrDefault == .committed)
        #expect(pv.start == YearMonth(year: 2022, month: 12))
        #expect(pv.zones == ["industrial"])
        #expect(s.variantList.first?.description == "the PV plant asks for 40 MW")
        #expect(document.variantNames == ["pv-needs-40mw", "sewage-late"])
    }

    @Test func emptyListsAreEmptyAndDayIsReadAsMonth() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/empty-lists.yaml").path)
        #expect(document.base.plotList.isEmpty)
        #expect(document.base.waterNodes.isEmpty)
        #expect(document.base.horizon.start == YearMonth(year: 2024, month: 1))
        #expect(document.base.horizon.periodCount == 8)
    }

    @Test func jsonLoadsLikeYAML() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/scenario.json").path)
        #expect(document.base.park.name == "JSON园区")
        #expect(document.base.policy?.isEnforced == true)
        #expect(document.base.powerNodes.first?.reserveFraction == 0.1)
    }

    @Test func aliasesRepeatValues() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/anchors.yaml").path)
        #expect(document.base.projectList.last?.zones == ["industrial"])
        #expect(document.base.park.name == "R&D Park")
    }

    @Test func chineseIdsLoadAndResolve() throws {
        let document = try ScenarioLoader.load(path: Fixtures.url("good/chinese.yaml").path)
        let resolved = try document.resolve(variant: "光伏加电", sets: [])
        #expect(resolved.projectList.first?.powerMW == 30)
        #expect(document.base.projectList.first?.id == "光伏组件")
    }

    @Test func quotedNumbersAndWholeFloatsAreAccepted() throws {
        let text =
            Fixtures.minimal.replacingOccurrences(of: "area_m2: 1000", with: "area_m2: \"1000\"")
            + "buildings:\n  - {id: B1, units: 4.0, unit_area_m2: 1e2}\n"
        let document = try Fixtures.load(text)
        #expect(document.base.plotList.first?.areaM2 == 1000)
        #expect(document.base.buildingList.first?.units == 4)
    }
}
