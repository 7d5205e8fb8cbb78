import Foundation
import ParkModel
import ParkPlanning
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance
@testable import ParkReports

@Suite struct MarkdownReportTests {
    typealias F = ReportFixtures

    func render(_ language: ReportLanguage, plan: Plan = F.plan, scenario: Scenario = F.scenario) -> String {
        let readiness = Readiness.check(instance: PlanningInstance(scenario), plan: plan)
        return MarkdownReport.render(plan, scenario: scenario, readiness: readiness, language: language)
    }

    @Test func englishGolden() {
        #expect(
            render(.en) == """
                # Park plan — 临汾经济开发区

                ## Summary

                | item             | value         |
                | ---------------- | ------------- |
                | status           | optimal       |
                | value            | 1,190,000,000 |
                | bound            | 1,190,000,000 |
                | gap              | 0.0%          |
                | placed projects  | 2             |
                | left out         | 1             |
                | expansions built | 1             |
                | solver           | GLPK 5.0      |

                ## Value

                | part           | weighted amount |
                | -------------- | --------------: |
                | tax            |   1,210,000,000 |
                | investment     |               0 |
                | jobs           |               0 |
                | expansion cost |     -20,000,000 |
                | value          |   1,190,000,000 |

                ## Placements

                | project | name         | status    | site | start   | units |
                | ------- | ------------ | --------- | ---- | ------- | ----: |
                | 光伏    | 光伏组件项目 | committed | A-01 | 2023-01 |     - |
                | elec    | -电子, 厂    | candidate | B-01 | 2023-02 |     2 |

                ## Expansions

                | expansion | name                 | adds            |       cost | start   | complete |
                | --------- | -------------------- | --------------- | ---------: | ------- | -------- |
                | S1-T2     | 二号主变, "31.5 MVA" | power S1 +10 MW | 20,000,000 | 2023-01 | 2023-02  |

                ## Utilisation peaks

                | node | kind   | peak month | used | capacity | unit   | share |
                | ---- | ------ | ---------- | ---: | -------: | ------ | ----: |
                | S1   | power  | 2023-01    |   12 |       18 | MW     | 66.7% |
                | W1   | sewage | 2023-01    |  300 |    1,000 | m³/day | 30.0% |

                ## Left out

                | project | name      | reason                                                 |
                | ------- | --------- | ------------------------------------------------------ |
                | late    | +late tab | =needs 200,000 m² of land; largest plot has 100,000 m² |

                ## Readiness (move-in)

                | project | site | wanted  | ready | ready from | waiting on |
                | ------- | ---- | ------- | ----- | ---------- | ---------- |
                | 光伏    | A-01 | 2023-01 | yes   | 2023-01    |            |
                | elec    | B-01 | 2023-02 | yes   | 2023-01    |            |
                | late    | A-01 | 2023-01 | no    | never      | free land  |

                """)
    }

    @Test func chineseLabelsIdsAsWritten() {
        let zh = render(.zh)
        #expect(zh.hasPrefix("# 园区规划方案 — 临汾经济开发区\n"))
        for heading in ["## 概要", "## 价值构成", "## 项目落位", "## 扩容建设", "## 公用设施峰值负荷", "## 未落地项目", "## 拎包入驻检查"] {
            #expect(zh.contains(heading + "\n"), "\(heading)")
        }
        #expect(zh.contains("| 光伏 | 光伏组件项目 | 已签约 | A-01 | 2023-01 |    - |"))
    }

    @Test func infeasiblePlanShowsShortfallsAndNotReadyDetails() {
        var plan = F.plan
        plan.status = .infeasible
        plan.placements = []
        plan.expansions = []
        plan.shortfalls = [
            Shortfall(
                kind: "power", where: "S1", from: F.month("2023-02"), amount: 12.5, unit: "MW",
                message: "S1 needs 12.5 MW more from 2023-02")
        ]
        var scenario = F.scenario
        scenario.plots?[0].ready = F.month("2023-03")
        let md = render(.en, plan: plan, scenario: scenario)
        #expect(md.contains("## Shortfalls"))
        #expect(
            md.contains("| power | S1    | 2023-02 |  12.50 | MW   | S1 needs 12.5 MW more from 2023-02 |"), "\(md)")
        #expect(md.contains("| status           | infeasible"))
        // The committed project is not ready in its wanted month: its checklist is detailed.
        #expect(md.contains("### 光伏 光伏组件项目 [committed] on A-01 (best site), wanted 2023-01 (earliest)"), "\(md)")
        #expect(md.contains("NOT READY on 2023-01: ready from 2023-03 — waiting on site ready until 2023-03"))
    }
}
