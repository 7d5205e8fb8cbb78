import ParkModel
import ParkReports

extension RiskReport {
    /// `risk.html`: the value and turned-away distributions, a fan chart per node and kind, the
    /// committed projects not certain to start on time and, when asked, the capacity questions.
    public func html(
        scenario: Scenario, questions: CapacityQuestions?, language L: ReportLanguage
    ) -> String {
        let horizon = scenario.horizon
        let currency = scenario.park.currencyOrDefault
        func money(_ x: Double) -> String { NumberFormat.money(x, currency: currency, language: L) }
        let how =
            exact
            ? L.t("exact, every combination", "精确计算，遍历所有组合")
            : L.t("\(samples) samples, seed \(seed), 95 % intervals", "\(samples) 个样本，种子 \(seed)，95 % 置信区间")
        let cards: [(title: String, big: String, small: String)] = [
            (
                L.t("Expected value", "期望园区价值"), money(value.mean),
                "P10 \(money(value.p10)) · P50 \(money(value.p50)) · P90 \(money(value.p90))"
            ),
            (
                L.t("Signed projects turned away", "被拒的已签约项目"), NumberFormat.compact(turnedAway.mean),
                "P10 \(NumberFormat.compact(turnedAway.p10)) · P50 \(NumberFormat.compact(turnedAway.p50)) · P90 "
                    + NumberFormat.compact(turnedAway.p90)
            ),
            (
                L.t("Candidates signing", "签约候选项目"), NumberFormat.compact(signedCandidates.mean),
                "P10 \(NumberFormat.compact(signedCandidates.p10)) · P90 \(NumberFormat.compact(signedCandidates.p90))"
            ),
        ]
        let months = (0..<(nodes.first?.capacity.count ?? 0)).map { horizon.month(ofPeriod: $0) }
        let series = nodes.map { node in
            RiskFanSeries(
                node: node.node, nodeName: ReportSeries.name(of: node.node, node.kind, scenario), kind: node.kind,
                months: months, capacity: node.capacity, p10: node.demand.map(\.p10), p25: node.demand.map(\.p25),
                p50: node.demand.map(\.p50), p75: node.demand.map(\.p75), p90: node.demand.map(\.p90),
                shortChance: node.blocked.map(\.p))
        }
        var tables: [RiskTable] = []
        let late = committed.filter { $0.onTime.p < 1 }.sorted { $0.onTime.p < $1.onTime.p }
        tables.append(
            RiskTable(
                heading: L.t("Committed projects not certain to start on time", "不能确保按期入驻的已签约项目"),
                header: L == .zh ? ["已签约项目", "期望入驻", "按期就绪概率"] : ["committed project", "wanted", "ready on time"],
                rows: late.map { [$0.project.rawValue, $0.wanted?.description ?? "-", Self.percentText($0.onTime)] },
                numeric: [2]))
        if let questions {
            tables.append(questions.htmlTable(horizon: horizon, language: L))
        }
        return RiskHTMLReport.render(
            title: L.t("Lead funnel risk", "招商漏斗风险") + " — " + scenario.park.name,
            subtitle: how, cards: cards, series: series, tables: tables, language: L)
    }
}
