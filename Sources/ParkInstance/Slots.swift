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

extension Duration {
    /// The duration in seconds.
    package var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
