import Foundation

/// The shared state of `ParallelRunner`: the next index to hand out and the results so far.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private let count: Int
    private var slots: [T?]

    init(count: Int) { self.count = count; slots = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func store(_ value: T, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        slots[index] = value
    }

    /// Every slot, in index order (all are filled once every thread has finished).
    func results() -> [T] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// Waits for `count` threads to signal.
final class DispatchSemaphoreBox: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let count: Int
    init(_ count: Int) { self.count = count }
    func signal() { semaphore.signal() }
    func waitAll() { for _ in 0..<count { semaphore.wait() } }
}
