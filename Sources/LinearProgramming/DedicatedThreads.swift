import Foundation

/// Runs work on dedicated OS threads. GLPK's environment is thread-local and a problem must be
/// created, used and freed on one thread, which neither `async` tasks nor dispatch queues promise.
public enum DedicatedThreads {
    /// Calls `body(0)`, …, `body(count − 1)`, each wholly on one thread, with at most
    /// `maximumThreads` running at once; returns the results in index order. Each thread releases
    /// its GLPK environment when it ends.
    public static func map<T: Sendable>(
        _ count: Int, maximumThreads: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ body: @escaping @Sendable (Int) throws -> T
    ) -> [Result<T, any Error>] {
        guard count > 0 else { return [] }
        let shared = SharedWork<T>(count: count)
        let finished = DispatchSemaphore(value: 0)
        let threads = max(1, min(maximumThreads, count))
        for _ in 0..<threads {
            let thread = Thread {
                while let index = shared.nextIndex() {
                    shared.store(Result { try body(index) }, at: index)
                }
                releaseGLPKEnvironment()
                finished.signal()
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        for _ in 0..<threads { finished.wait() }
        return shared.results()
    }
}

private final class SharedWork<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<T, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func nextIndex() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result<T, any Error>, at index: Int) {
        lock.withLock { slots[index] = result }
    }

    func results() -> [Result<T, any Error>] {
        lock.withLock { slots.map { $0! } }
    }
}
