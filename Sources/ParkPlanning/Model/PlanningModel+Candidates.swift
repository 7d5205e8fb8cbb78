import ParkInstance
import ParkModel

extension ModelIndex {
    // MARK: - Candidate starts

    /// The start periods of class `k` of project `p` that need a column of their own; every other
    /// period of the class shares the column of the candidate before it (see `addStartVariables`).
    ///
    /// Why the others can be left out without losing any plan's value: nothing a project needs
    /// changes between two candidates. A project's value only falls with a later start (contract
    /// §4); its space does not depend on time; its site is ready from the site's first start or a
    /// builder's completion; and its draw from a node in period `u` must fit the node's usable
    /// capacity minus the others' draw at `u`, where the capacity changes only at the node's ready
    /// period and at expansion completions (the "steps"), and the others' draw only grows with
    /// `u` (projects never leave). Between two steps the tightest period is therefore the last one,
    /// so a project that fits drawing from `u` also fits drawing from any earlier period after the
    /// same step. Moving a start back to the candidate before it keeps every rule and gains value,
    /// one project at a time, so some optimal plan starts every project at a candidate:
    ///
    /// - the class's first start and the first start on each of its sites;
    /// - every completion of an expansion that builds one of its sites;
    /// - `step - build periods` for every capacity step of each node it draws on (the draw begins
    ///   at a step);
    /// - `P - 1 - build periods` (from there on the draw is the last period's).
    func candidateStarts(_ p: Int, _ k: Int) -> [Int] {
        let c = classes[p][k]
        let build = instance.projects[p].buildPeriods
        var periods = Set<Int>([c.starts.lowerBound])
        periods.formUnion(c.siteFirstStarts)
        for e in c.builders {
            guard let range = expansionRanges[e] else { continue }
            for t in range { periods.insert(t + instance.expansions[e].leadPeriods) }
        }
        for r in c.resources { for step in capacitySteps[r] { periods.insert(step - build) } }
        periods.insert(instance.periodCount - 1 - build)
        return periods.filter { c.starts.contains($0) }.sorted()
    }

    /// Per resource (for `capacitySteps`): the periods at which its usable capacity may change (its node becomes ready,
    /// an expansion adding to it may complete), ascending.
    static func capacitySteps(
        _ instance: PlanningInstance, resources: [Resource], ranges: [ClosedRange<Int>?]
    ) -> [[Int]] {
        let count = instance.periodCount
        return resources.map { resource in
            var steps = Set<Int>()
            if resource.readyPeriod > 0 && resource.readyPeriod < count { steps.insert(resource.readyPeriod) }
            for (e, _) in resource.additions {
                guard let range = ranges[e] else { continue }
                for t in range {
                    let complete = t + instance.expansions[e].leadPeriods
                    if complete < count { steps.insert(complete) }
                }
            }
            return steps.sorted()
        }
    }
}
