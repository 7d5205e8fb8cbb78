import Synchronization

/// A request from outside a run — the planner pressed Ctrl-C or the job was sent SIGTERM — to end
/// every running search at its next check and keep the best plan found so far. Solvers treat it
/// like a time limit that has just passed; the planning pipeline reads it as no time left.
/// Lock-free, so a signal handler may set it.
public enum StopRequest {
    private static let flag = Atomic<Bool>(false)

    /// Asks every running and later search of this process to stop.
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Whether a stop was asked for.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Forgets a request (for tests that stop one run and start another).
    public static func reset() { flag.store(false, ordering: .relaxed) }
}
