import Foundation
import LinearProgramming
import Synchronization

/// Ctrl-C or SIGTERM while a command plans: the first asks every search to stop (`StopRequest`)
/// and the run ends as at its time limit — the best plan so far, verified by the independent
/// verifier and written as usual, with `"interrupted": true` in plan.json and said in the
/// summary. A second stops at once (exit 130); the output writer holds signals back while it
/// moves a set in, so even then no folder is left half-written (docs/commands.md).
enum Interrupts {
    private static let count = Atomic<Int>(0)
    private static let message =
        Array(
            "\nparkplan: stopping — verifying and writing the best plan so far "
                .utf8) + Array("(press Ctrl-C again to stop at once)\n".utf8)

    /// Installs the handler for SIGINT and SIGTERM (a signal ignored by the parent stays ignored).
    static func install() {
        // Touch everything the handler reads, so nothing is initialised inside it.
        _ = StopRequest.isRequested
        _ = count.load(ordering: .relaxed)
        _ = message.count
        // A parent may have left them blocked (a test runner, some job launchers): unblock them.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signal in [SIGINT, SIGTERM] {
            var old = sigaction()
            sigaction(signal, nil, &old)
            if let handler = old.__sigaction_handler.sa_handler, unsafeBitCast(handler, to: Int.self) == 1 { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in Interrupts.received() }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }

    /// Runs in the signal handler: async-signal-safe calls only.
    private static func received() {
        let seen = count.wrappingAdd(1, ordering: .relaxed).newValue
        if seen >= 2 { _exit(130) }
        StopRequest.request()
        message.withUnsafeBufferPointer { _ = write(2, $0.baseAddress, $0.count) }
    }
}
