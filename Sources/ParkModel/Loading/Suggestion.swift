/// "Did you mean …?" for unknown keys, names and ids: the one rule of the whole program.
///
/// Each call does bounded work, so thousands of unknown references are rejected in linear
/// time: words and candidates over `maxLength` scalars get no suggestion, candidates whose
/// length differs by more than the typo limit are skipped without comparing, the edit distance
/// stops as soon as it passes the limit, and a call stops comparing (keeping the best so far)
/// after `workBudget` table cells.
public enum Suggestion {
    /// `; did you mean "X"?` for the nearest candidate, else "".
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let best = nearest(to: word, among: candidates) else { return "" }
        return "; did you mean \"\(best)\"?"
    }

    /// Most candidates compared; beyond a few hundred a suggestion costs more than it helps.
    static let maxCandidates = 500
    /// Longest word or candidate compared, in Unicode scalars.
    static let maxLength = 200
    /// Most edit-distance table cells filled in one call.
    static let workBudget = 200_000

    /// Candidates prepared once (lower-cased scalars), for callers that suggest many times.
    struct Candidates {
        let texts: [String]
        let scalars: [[Unicode.Scalar]]
        init(_ texts: [String]) {
            let kept =
                texts.count <= Suggestion.maxCandidates
                ? texts.filter { $0.utf8.count <= 4 * Suggestion.maxLength } : []
            self.texts = kept
            scalars = kept.map { Array($0.lowercased().unicodeScalars) }
        }
    }

    /// The candidate closest to `word` by edit distance, when close enough to be a typo.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        guard candidates.count <= maxCandidates else { return nil }
        var budget = workBudget
        return nearest(to: word, among: Candidates(candidates), budget: &budget)
    }

    /// As `nearest(to:among:)`, drawing the table cells filled from `budget` (shared by the
    /// caller's calls, so thousands of unknown names cost a bounded total); nil once it is spent.
    static func nearest(to word: String, among candidates: Candidates, budget: inout Int) -> String? {
        guard budget > 0, !candidates.texts.isEmpty, word.utf8.count <= 4 * maxLength else { return nil }
        let lowered = Array(word.lowercased().unicodeScalars)
        guard lowered.count <= maxLength else { return nil }
        var best: (candidate: String, distance: Int)?
        var work = 0
        for k in candidates.texts.indices {
            // Each candidate looked at costs one unit, each table cell filled another.
            budget -= 1
            if budget < 0 { break }
            let candidate = candidates.texts[k], other = candidates.scalars[k]
            guard other.count <= maxLength else { continue }
            let limit = max(2, min(lowered.count, other.count) / 3)
            let bound = min(limit, (best?.distance ?? Int.max) - 1)
            guard bound >= 0, abs(lowered.count - other.count) <= bound else { continue }
            let cells = (lowered.count + 1) * (2 * bound + 1)
            work += cells
            budget -= cells
            if work > workBudget || budget < 0 { break }
            if let distance = editDistance(lowered, other, atMost: bound) {
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance, or nil when it is more than `atMost` (only a band of the table
    /// `2 × atMost + 1` wide is filled, and filling stops once every cell passes `atMost`).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let outside = limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowBest = current[0]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    let value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    current[j] = min(value, outside)
                    rowBest = min(rowBest, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            guard rowBest <= limit else { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Levenshtein distance (unbounded, for short texts).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        editDistance(a, b, atMost: max(a.count, b.count)) ?? max(a.count, b.count)
    }
}
