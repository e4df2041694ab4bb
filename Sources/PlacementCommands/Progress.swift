import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on stderr for steps that take a while: a step says what it is doing once it has run for
/// `delay` seconds (2 by default) and how long it took when it ends. Shown only when stderr is a
/// terminal and `--quiet` is not given, so piped output and logs never carry it.
final class Progress: @unchecked Sendable {
    /// The commands' one reporter.
    static let shared = Progress()

    /// Seconds a step runs before it is shown; `PLACEMENT_PROGRESS_DELAY` (seconds) overrides it,
    /// which the tests use to see progress without a slow step.
    let delay: Double

    private let lock = NSLock()
    private var quiet = false
    private var step = 0
    private var label = ""
    private var shown = false
    private var started = ContinuousClock.now
    private var count: (done: Int, total: Int)?
    private var lastDrawn = ContinuousClock.now

    private init() {
        let text = ProcessInfo.processInfo.environment["PLACEMENT_PROGRESS_DELAY"] ?? ""
        delay = Double(text).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? 2
    }

    /// Whether progress is drawn: stderr is a terminal and the command was not asked to be quiet.
    var isEnabled: Bool {
        lock.withLock { !quiet } && isatty(STDERR_FILENO) == 1
    }

    /// `--quiet`: no progress at all.
    func silence(_ quiet: Bool) { lock.withLock { self.quiet = self.quiet || quiet } }

    /// Runs `body` as a step called `label` (`solving regional mode`).
    func run<T, Failure: Error>(_ label: String, total: Int? = nil, _ body: () throws(Failure) -> T) throws(Failure)
        -> T
    {
        guard isEnabled else { return try body() }
        let number = begin(label, total: total)
        defer { end(number) }
        return try body()
    }

    /// One more of the current step's `total` items is done (a draw solved, a report built).
    func advance() {
        lock.withLock {
            guard var count else { return }
            count.done += 1
            self.count = count
            // At most ten redraws a second.
            if shown, ContinuousClock.now - lastDrawn > .milliseconds(100) || count.done == count.total {
                draw()
            }
        }
    }

    private func begin(_ label: String, total: Int?) -> Int {
        let number = lock.withLock {
            step += 1
            self.label = TerminalText.escaped(label)
            shown = false
            started = .now
            count = total.map { (0, $0) }
            return step
        }
        if delay == 0 {
            lock.withLock {
                shown = true
                draw()
            }
            return number
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in
            lock.withLock {
                guard step == number, !shown else { return }
                shown = true
                draw()
            }
        }
        return number
    }

    private func end(_ number: Int) {
        lock.withLock {
            guard step == number else { return }
            // A new number stops a pending first draw of this step.
            step += 1
            guard shown else { return }
            let seconds =
                Double((ContinuousClock.now - started).components.attoseconds) / 1e18
                + Double((ContinuousClock.now - started).components.seconds)
            write("\r\u{1B}[K\(label): done in \(String(format: "%.1f", seconds)) s\n")
            shown = false
        }
    }

    /// The current step on one line, redrawn in place (caller holds the lock).
    private func draw() {
        lastDrawn = .now
        let counted = count.map { " \($0.done) of \($0.total)" } ?? ""
        write("\r\u{1B}[K\(label)…\(counted)")
    }

    /// Clears the progress line before a message is printed on stderr; the next update redraws it.
    func clearLine() {
        lock.withLock {
            if shown { write("\r\u{1B}[K") }
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
