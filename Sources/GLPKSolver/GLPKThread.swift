internal import CGLPK
import Foundation
import LinearProgramming

/// Runs GLPK work on a dedicated thread.
///
/// GLPK keeps its environment in thread-local storage: a problem must be created,
/// solved and deleted on one thread, and the environment must be freed on that
/// thread (`glp_free_env`) or it leaks, since GLPK has no thread-exit destructor.
/// Each call therefore gets a fresh thread that silences GLPK's terminal output,
/// runs `body`, frees the environment and ends; the caller blocks until then.
enum GLPKThread {
    /// Stack for the worker thread, in bytes; GLPK's branch-and-cut is not deeply recursive,
    /// but the default secondary-thread stack on some platforms is only 512 KiB.
    static let stackSizeBytes = 16 << 20

    /// Runs `body` on a new thread and returns its result (or rethrows its error).
    /// `body` must not let any GLPK object escape: everything it creates is freed
    /// by `glp_free_env()` when it returns.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = OutcomeBox<T>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            let result = Result { try withEnvironment(body) }
            outcome.set(result)
            finished.signal()
        }
        thread.name = "parkplan.glpk"
        thread.stackSize = stackSizeBytes
        thread.start()
        finished.wait()
        guard let result = outcome.get() else {
            throw LinearProgrammingError.solverFailure("the GLPK thread ended without a result")
        }
        return try result.get()
    }

    /// Silences GLPK on this thread, runs `body`, then frees this thread's GLPK environment.
    private static func withEnvironment<T>(_ body: () throws -> T) throws -> T {
        _ = glp_term_out(GLP_OFF)
        defer { _ = glp_free_env() }
        return try body()
    }
}

/// The worker thread's result, handed to the waiting caller. The semaphore orders the
/// write before the read; the lock keeps the box honest if that ever changes.
private final class OutcomeBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<T, any Error>?

    func set(_ result: Result<T, any Error>) { lock.withLock { value = result } }
    func get() -> Result<T, any Error>? { lock.withLock { value } }
}
