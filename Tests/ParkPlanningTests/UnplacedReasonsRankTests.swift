import ParkModel
import Testing

@testable import ParkDiagnosis
@testable import ParkInstance

/// `UnplacedReasons.reason` skips a site whose failed site rule ranks no higher than the best
/// site so far, by `DiagnosisContext.rank(of:)`; that is only the same reason when this rank is
/// the one `staticFailure` tells for the same project and site (it takes it from `rank(of:)`;
/// this keeps it so).
@Suite("Unplaced reasons: the rank of a failed site rule")
struct UnplacedReasonsRankTests {
    @Test("rank(of:) is staticFailure's requirement on every project and site", arguments: [UInt64(1), 2, 3])
    func rankMatchesStaticFailure(seed: UInt64) throws {
        let options = ScenarioGenerator.Options(projects: 40, months: 24, seed: seed, enforcePolicy: true)
        let instance = PlanningInstance(ScenarioGenerator(options).generate())
        let context = DiagnosisContext(instance)
        var seen = Set<ReasonRank>()
        for p in instance.projects.indices {
            for s in instance.sites.indices {
                let failed = SiteRules.firstFailure(
                    instance.projects[p], instance.sites[s], siteIndex: s, includingSpace: false)
                let told = context.staticFailure(p, on: s)
                guard let failed else {
                    #expect(told == nil)
                    continue
                }
                let rank = DiagnosisContext.rank(of: failed)
                #expect(rank == told?.requirement, "project \(p), site \(s): \(failed)")
                if let rank { seen.insert(rank) }
            }
        }
        // The parks exercise several rules, not one.
        #expect(seen.isSuperset(of: [.kind, .zone]))
        #expect(seen.count >= 3)
    }
}
