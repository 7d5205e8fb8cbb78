/// "Did you mean …?" for unknown keys, names and ids: the one rule of the whole program.
public enum Suggestion {
    /// `; did you mean "X"?` for the nearest candidate, else "".
    public static func didYouMean(_ word: String, among candidates: [String]) -> String {
        guard let best = nearest(to: word, among: candidates) else { return "" }
        return "; did you mean \"\(best)\"?"
    }

    /// The candidate closest to `word` by edit distance (first on ties), when close enough to be
    /// a typo.
    public static func nearest(to word: String, among candidates: [String]) -> String? {
        // Beyond a few hundred candidates a suggestion costs more than it helps.
        guard candidates.count <= 500 else { return nil }
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(lowered.unicodeScalars), Array(candidate.lowercased().unicodeScalars))
            if best == nil || distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(2, min(word.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        guard a.count < 200, b.count < 200 else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
