import Foundation

/// Results by position, written by several threads under a lock and read once they have all
/// finished, so the order of the results never depends on which thread ran first.
package final class Slots<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Element]

    package init(repeating value: Element, count: Int) { slots = Array(repeating: value, count: count) }

    package func store(_ i: Int, _ value: Element) {
        lock.lock()
        defer { lock.unlock() }
        slots[i] = value
    }

    /// The results in position order; read after every thread has finished.
    package var values: [Element] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Runs `first` on the calling thread and `second` on a thread of its own, and returns both
/// results once both have finished (the pattern of `GreedyHeuristic.run`: `concurrentPerform`
/// may run its iterations one after the other when called from a busy cooperative pool).
package func bothAtOnce<A: Sendable, B: Sendable>(
    _ first: () -> A, _ second: @escaping @Sendable () -> B
) -> (A, B) {
    let slot = Slots<B?>(repeating: nil, count: 1)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        slot.store(0, second())
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    let a = first()
    done.wait()
    guard let b = slot.values[0] else { preconditionFailure("the second thread stored its result") }
    return (a, b)
}

/// `body(0..<count)` in index order, the even indices on the calling thread and the odd ones on
/// a second thread; one thread below `threadsFrom` items.
package func mapOnTwoThreads<T: Sendable>(
    count: Int, threadsFrom: Int = 2, _ body: @escaping @Sendable (Int) -> T
) -> [T] {
    guard count >= max(2, threadsFrom) else { return (0..<count).map(body) }
    let (even, odd) = bothAtOnce(
        { stride(from: 0, to: count, by: 2).map(body) },
        { stride(from: 1, to: count, by: 2).map(body) })
    return (0..<count).map { $0 % 2 == 0 ? even[$0 / 2] : odd[$0 / 2] }
}

extension Duration {
    /// The duration in seconds.
    package var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
