import Foundation

/// The temporaries being written right now, so that an interrupt can remove them before the process
/// ends. Each step that creates, fills or swaps a temporary runs under one lock; ``removeAllAndHold()``
/// takes the lock and never gives it back, so no write starts after the clean-up. Folders a write made
/// to hold its output are registered too, and removed only when the temporaries' removal left them empty.
public final class InterruptCleanup: @unchecked Sendable {
    /// The process's one registry.
    public static let shared = InterruptCleanup()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Folders made for an output, outermost first.
    private(set) var madeFolders: [String] = []

    /// Runs `body` under the lock (a signal handler waits for it to finish).
    func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Must be called under ``locked(_:)``.
    func register(_ path: String) { paths.insert(path) }

    /// Must be called under ``locked(_:)``.
    func unregister(_ path: String) { paths.remove(path) }

    /// Must be called under ``locked(_:)``; `folders` outermost first.
    func registerMade(_ folders: [String]) { madeFolders += folders }

    /// Must be called under ``locked(_:)``.
    func unregisterMade(_ folders: [String]) {
        let done = Set(folders)
        madeFolders.removeAll { done.contains($0) }
    }

    /// Removes every registered temporary, then every made folder left empty (deepest first), and keeps
    /// the lock, so that nothing is written afterwards. For a signal handler that ends the process next.
    public func removeAllAndHold() {
        lock.lock()
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
        paths.removeAll()
        for folder in madeFolders.reversed() { rmdir(folder) }
        madeFolders.removeAll()
    }
}
