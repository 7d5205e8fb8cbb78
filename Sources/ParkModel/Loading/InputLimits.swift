/// contract §2 reading limits: beyond them a file is rejected, not read.
public enum InputLimits {
    /// Largest scenario file accepted, in bytes (16 MiB).
    public static let maxFileBytes = 16 * 1024 * 1024
    /// Deepest nesting of lists and mappings accepted.
    public static let maxDepth = 64
    /// Most YAML nodes accepted, counting every alias as a full copy of what it names.
    public static let maxNodes = 250_000
    /// Smallest nonzero amount, capacity, area, cost or budget accepted (in the field's unit).
    /// Below it the solver's and verifier's tolerances would be as large as the numbers
    /// themselves, so an over-capacity plan could pass as feasible (issue 15).
    public static let smallestAmount = 0.001
}

/// A problem found while reading, before it is tied to a file name.
struct ReadProblem: Error, Sendable {
    var line: Int
    var column: Int
    var path: String
    var message: String

    init(line: Int, column: Int, path: String = "", _ message: String) {
        self.line = line; self.column = column; self.path = path; self.message = message
    }
}
