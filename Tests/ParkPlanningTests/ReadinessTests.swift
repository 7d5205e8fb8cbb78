import ParkModel
import TestSupport
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkPlanning

/// Hand-made park: one plot, one building, one node of each kind, everything ready and ample,
/// and two committed projects wanting 2023-03. Each test breaks exactly one thing.
enum ReadinessFixture {
    static func month(_ text: String) -> YearMonth { Fixture.month(text) }

    static func scenario(_ modify: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var s = Scenario(
            park: Park(name: "测试园区"), horizon: Horizon(start: month("2023-01"), months: 24),
            power: [PowerNode(id: "S1", capacityMW: 40)],
            sewage: [SewagePlant(id: "W1", capacityM3Day: 2000, codKgDay: 1000)],
            water: [WaterNode(id: "WS1", capacityM3Day: 3000)],
            plots: [Plot(id: "P1", areaM2: 100_000, zone: "industrial", power: "S1", sewage: "W1", water: "WS1")],
            buildings: [
                Building(
                    id: "B1", units: 4, unitAreaM2: 1000, floorLoadKNM2: 10, clearHeightM: 8,
                    craneT: 5, power: "S1", sewage: "W1", water: "WS1")
            ],
            projects: [
                Project(
                    id: "光伏", name: "光伏组件项目", status: .committed, landM2: 50_000, zones: ["industrial"],
                    powerMW: 10, waterM3Day: 500, wastewaterM3Day: 400, codKgDay: 100,
                    site: "P1", start: month("2023-03")),
                Project(
                    id: "elec", name: "电子厂", status: .committed, floorM2: 2000, floorLoadKNM2: 8,
                    clearHeightM: 6, craneT: 3, powerMW: 1, site: "B1", start: month("2023-03")),
            ])
        modify(&s)
        return s
    }

    static func check(_ s: Scenario, project: ProjectID, plan: Plan? = nil, at: YearMonth? = nil) -> ReadinessReport? {
        Readiness.check(instance: PlanningInstance(s), plan: plan, project: project, at: at).first
    }

    static func expansion(_ id: String, adds: ExpansionAdds, lead: Int, cost: Double = 1e7) -> Expansion {
        Expansion(id: ExpansionID(id), adds: adds, cost: cost, leadMonths: lead)
    }
}

@Suite struct ReadinessTests {
    typealias F = ReadinessFixture

    @Test func everythingReadyOnTheWantedMonth() throws {
        for id: ProjectID in ["光伏", "elec"] {
            let r = try #require(F.check(F.scenario(), project: id))
            #expect(r.readyOnWanted, "\(id): \(r.blocking)")
            #expect(r.wantedMonth == F.month("2023-03"))
            #expect(r.wantedSource == .pinned)
            #expect(r.siteSource == .pinned)
        }
    }

    /// The one failing item, its clearing month (nil = never) and what it waits on.
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let project: ProjectID
        let kind: ReadinessItemKind
        let clears: String?
        let waitingOn: [ExpansionID]
        let modify: @Sendable (inout Scenario) -> Void
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "site not ready", project: "光伏", kind: .siteReady, clears: "2023-06", waitingOn: []) {
            $0.plots?[0].ready = F.month("2023-06")
        },
        Case(
            name: "planned site waits on expansion", project: "光伏", kind: .siteBuilt, clears: "2023-07",
            waitingOn: ["P1-prep"]
        ) {
            $0.plots?[0].planned = true
            $0.expansions = [F.expansion("P1-prep", adds: ExpansionAdds(plot: "P1"), lead: 6)]
        },
        Case(name: "zone", project: "光伏", kind: .zone, clears: nil, waitingOn: []) {
            $0.plots?[0].zone = "logistics"
        },
        Case(name: "use", project: "elec", kind: .use, clears: nil, waitingOn: []) {
            $0.buildings?[0].use = .office
        },
        Case(name: "floor load", project: "elec", kind: .floorLoad, clears: nil, waitingOn: []) {
            $0.projects?[1].floorLoadKNM2 = 12
        },
        Case(name: "clear height", project: "elec", kind: .clearHeight, clears: nil, waitingOn: []) {
            $0.projects?[1].clearHeightM = 9
        },
        Case(name: "crane", project: "elec", kind: .crane, clears: nil, waitingOn: []) {
            $0.projects?[1].craneT = 10
        },
        Case(name: "units", project: "elec", kind: .units, clears: nil, waitingOn: []) {
            $0.projects?.append(Project(id: "老厂", status: .existing, floorM2: 2500, site: "B1"))
        },
        Case(name: "area", project: "光伏", kind: .area, clears: nil, waitingOn: []) {
            $0.projects?.append(Project(id: "old", status: .existing, landM2: 60_000, site: "P1"))
        },
        Case(name: "no water connection", project: "光伏", kind: .waterConnection, clears: nil, waitingOn: []) {
            $0.plots?[0].water = nil
        },
        Case(name: "power headroom", project: "光伏", kind: .powerHeadroom, clears: "2023-07", waitingOn: ["S1-T2"]) {
            $0.power?[0].capacityMW = 5
            $0.expansions = [F.expansion("S1-T2", adds: ExpansionAdds(power: "S1", capacityMW: 20), lead: 6)]
        },
        Case(
            name: "power reserve and node not in service", project: "光伏", kind: .powerHeadroom, clears: "2023-05",
            waitingOn: []
        ) {
            $0.power?[0].ready = F.month("2023-05")
            $0.power?[0].reserve = 0.5
            $0.power?[0].capacityMW = 30
        },
        Case(name: "water headroom", project: "光伏", kind: .waterHeadroom, clears: "2023-05", waitingOn: ["WS1-2"]) {
            $0.water?[0].capacityM3Day = 300
            $0.expansions = [F.expansion("WS1-2", adds: ExpansionAdds(water: "WS1", capacityM3Day: 1000), lead: 4)]
        },
        Case(name: "sewage headroom", project: "光伏", kind: .sewageHeadroom, clears: "2023-09", waitingOn: ["W1-phase2"])
        {
            $0.sewage?[0].capacityM3Day = 300
            $0.expansions = [
                F.expansion("W1-phase2", adds: ExpansionAdds(sewage: "W1", capacityM3Day: 10_000), lead: 8)
            ]
        },
        Case(name: "COD headroom", project: "光伏", kind: .codHeadroom, clears: "2023-10", waitingOn: ["W1-cod"]) {
            $0.sewage?[0].codKgDay = 50
            $0.expansions = [
                F.expansion("W1-cod", adds: ExpansionAdds(sewage: "W1", capacityM3Day: 0, codKgDay: 500), lead: 9)
            ]
        },
        Case(name: "budget", project: "光伏", kind: .budget, clears: nil, waitingOn: []) {
            $0.sewage?[0].capacityM3Day = 300
            $0.budget = 1e6
            $0.expansions = [
                F.expansion(
                    "W1-phase2", adds: ExpansionAdds(sewage: "W1", capacityM3Day: 10_000),
                    lead: 1, cost: 8e7)
            ]
        },
    ]

    @Test(arguments: cases)
    func exactlyOneItemFails(_ c: Case) throws {
        let r = try #require(F.check(F.scenario(c.modify), project: c.project))
        #expect(!r.readyOnWanted)
        #expect(r.blocking.map(\.kind) == [c.kind], "\(r.blocking)")
        let item = try #require(r.blocking.first)
        #expect(item.clearsMonth?.description == c.clears)
        #expect(item.waitingOn == c.waitingOn)
        #expect(r.readyMonth?.description == c.clears)
    }

    @Test func demandStartsAfterBuildMonths() throws {
        // Sewage capacity arrives 2023-09; with 4 months of construction a 2023-05 move-in is enough.
        let s = F.scenario {
            $0.projects?[0].buildMonths = 4
            $0.sewage?[0].capacityM3Day = 300
            $0.expansions = [
                F.expansion("W1-phase2", adds: ExpansionAdds(sewage: "W1", capacityM3Day: 10_000), lead: 8)
            ]
        }
        let r = try #require(F.check(s, project: "光伏"))
        let item = try #require(r.blocking.first)
        #expect(item.kind == .sewageHeadroom)
        #expect(item.clearsMonth == F.month("2023-05"))
        #expect(item.demandMonth == F.month("2023-09"))
        // Asked for a later month, it is ready.
        #expect(F.check(s, project: "光伏", at: F.month("2023-06"))?.readyOnWanted == true)
    }

    @Test func otherProjectsDrawOnTheSameNode() throws {
        // An existing tenant on the building draws 35 of the 40 MW: the plot project's 10 MW does not fit.
        let s = F.scenario {
            $0.projects?.append(Project(id: "old", status: .existing, floorM2: 1000, powerMW: 35, site: "B1"))
        }
        let r = try #require(F.check(s, project: "光伏"))
        #expect(r.blocking.map(\.kind) == [.powerHeadroom])
        #expect(r.readyMonth == nil)
    }

    @Test func planPlacementsAndExpansionsAreUsed() throws {
        let s = F.scenario {
            $0.sewage?[0].capacityM3Day = 300
            $0.expansions = [
                F.expansion("W1-phase2", adds: ExpansionAdds(sewage: "W1", capacityM3Day: 10_000), lead: 8)
            ]
        }
        // The plan starts the expansion late (2023-05 → complete 2024-01) and the project then.
        let plan = Plan(
            scenario: "测试园区", variant: nil, status: .feasible, value: 1, bound: 1, gap: 0,
            solver: SolverInfo(name: "test", version: "0", seconds: 0),
            placements: [
                Placement(project: "光伏", site: "P1", start: F.month("2024-01"), units: nil),
                Placement(project: "elec", site: "B1", start: F.month("2023-03"), units: 2),
            ],
            expansions: [BuiltExpansion(id: "W1-phase2", start: F.month("2023-05"), complete: F.month("2024-01"))])
        let r = try #require(F.check(s, project: "光伏", plan: plan))
        #expect(r.wantedSource == .plan)
        #expect(r.readyOnWanted)
        let early = try #require(F.check(s, project: "光伏", plan: plan, at: F.month("2023-06")))
        #expect(early.blocking.map(\.kind) == [.sewageHeadroom])
        #expect(early.readyMonth == F.month("2024-01"))
        #expect(early.waitingOn == ["W1-phase2"])
    }

    @Test func committedNotReadyComeFirstAndBestSiteIsChosen() throws {
        let s = F.scenario {
            $0.plots?.append(
                Plot(
                    id: "P2", areaM2: 80_000, zone: "industrial", ready: F.month("2023-08"),
                    power: "S1", sewage: "W1", water: "WS1"))
            $0.projects?.append(Project(id: "cand", status: .candidate, landM2: 10_000, powerMW: 1))
            $0.projects?[1].craneT = 10
        }
        let reports = Readiness.check(instance: PlanningInstance(s), plan: nil)
        #expect(reports.map(\.project) == ["elec", "光伏", "cand"])
        let cand = try #require(reports.last)
        #expect(cand.siteSource == .best)
        #expect(cand.site == "P1")
        #expect(cand.wantedSource == .earliest)
    }

    @Test func noSiteOfTheRightKind() throws {
        let s = F.scenario {
            $0.buildings = nil
            $0.projects?[1].site = nil
        }
        let r = try #require(F.check(s, project: "elec"))
        #expect(r.siteSource == .none)
        #expect(r.site == nil)
        #expect(r.blocking.map(\.kind) == [.siteKind])
        #expect(r.readyMonth == nil)
    }

    @Test func askedSiteChecksProjectsOfItsKind() {
        let reports = Readiness.check(instance: PlanningInstance(F.scenario()), plan: nil, site: "B1")
        #expect(reports.map(\.project) == ["elec"])
        #expect(reports.first?.siteSource == .asked)
        #expect(Readiness.check(instance: PlanningInstance(F.scenario()), plan: nil, site: "nowhere").isEmpty)
    }

    @Test func quarterlyPeriodsRoundReadinessUp() throws {
        // Site ready 2023-05 with 3-month periods: available from the period starting 2023-07.
        let s = F.scenario {
            $0.horizon.stepMonths = 3
            $0.plots?[0].ready = F.month("2023-05")
            $0.projects?[0].start = F.month("2023-04")
            $0.projects?[1].start = F.month("2023-04")
        }
        let r = try #require(F.check(s, project: "光伏"))
        #expect(r.wantedMonth == F.month("2023-04"))
        #expect(r.blocking.map(\.kind) == [.siteReady])
        #expect(r.readyMonth == F.month("2023-07"))
    }

    @Test func planUnknownIDsAreListed() {
        let plan = Plan(
            scenario: "x", variant: nil, status: .optimal, value: 0, bound: 0, gap: 0,
            solver: SolverInfo(name: "t", version: "0", seconds: 0),
            placements: [Placement(project: "nope", site: "P1", start: F.month("2023-01"), units: nil)],
            expansions: [BuiltExpansion(id: "E9", start: F.month("2023-01"), complete: F.month("2023-02"))])
        let unknown = Readiness.unknownIDs(in: plan, instance: PlanningInstance(F.scenario()))
        #expect(unknown.map(\.path) == ["placements[0].project", "expansions[0].id"])
    }
}
