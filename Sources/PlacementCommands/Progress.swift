import Foundation
import PlacementScenarios

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on stderr for steps that take a while: a step says what it is doing once it has run for
/// `delay` seconds (2 by default) and how long it took when it ends. Steps may run at once (modes
/// solved side by side): the line shows each running step, and each ending step its own time. Shown
/// only when stderr is a terminal and `--quiet` is not given, so piped output and logs never carry it.
final class Progress: @unchecked Sendable {
    /// The commands' one reporter.
    static let shared = Progress()

    /// Seconds a step runs before it is shown; `PLACEMENT_PROGRESS_DELAY` (seconds) overrides it,
    /// which the tests use to see progress without a slow step.
    let delay: Double

    /// A running step.
    private struct Step {
        var number: Int
        var label: String
        var started: ContinuousClock.Instant
        var shown = false
        var count: (done: Int, total: Int)?
    }

    private let lock = NSLock()
    private var quiet = false
    private var numbered = 0
    /// The running steps, in the order they began.
    private var steps: [Step] = []
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

    /// One more of the latest counted step's `total` items is done (a draw solved, a report built).
    func advance() {
        lock.withLock {
            guard let index = steps.lastIndex(where: { $0.count != nil }), var count = steps[index].count else {
                return
            }
            count.done += 1
            steps[index].count = count
            // At most ten redraws a second.
            if steps[index].shown, ContinuousClock.now - lastDrawn > .milliseconds(100) || count.done == count.total {
                draw()
            }
        }
    }

    private func begin(_ label: String, total: Int?) -> Int {
        let number = lock.withLock {
            numbered += 1
            steps.append(
                Step(
                    number: numbered, label: TerminalSafeText.escaping(label), started: .now,
                    count: total.map { (0, $0) }))
            return numbered
        }
        if delay == 0 {
            show(number)
            return number
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [self] in show(number) }
        return number
    }

    /// Shows step `number` if it is still running and not yet shown.
    private func show(_ number: Int) {
        lock.withLock {
            guard let index = steps.firstIndex(where: { $0.number == number }), !steps[index].shown else { return }
            steps[index].shown = true
            draw()
        }
    }

    private func end(_ number: Int) {
        lock.withLock {
            // Removing the step stops a pending first draw of it.
            guard let index = steps.firstIndex(where: { $0.number == number }) else { return }
            let step = steps.remove(at: index)
            guard step.shown else { return }
            let elapsed = ContinuousClock.now - step.started
            let seconds = Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds)
            write("\r\u{1B}[K\(step.label): done in \(String(format: "%.1f", seconds)) s\n")
            if steps.contains(where: \.shown) { draw() }
        }
    }

    /// The running steps shown, on one line redrawn in place (caller holds the lock).
    private func draw() {
        lastDrawn = .now
        let line = steps.filter(\.shown).map { step in
            step.label + "…" + (step.count.map { " \($0.done) of \($0.total)" } ?? "")
        }
        write("\r\u{1B}[K" + line.joined(separator: "  "))
    }

    /// Clears the progress line before a message is printed on stderr; the next update redraws it.
    func clearLine() {
        lock.withLock {
            if steps.contains(where: \.shown) { write("\r\u{1B}[K") }
        }
    }

    private func write(_ text: String) {
        _ = StandardStreams.write(text, to: STDERR_FILENO)
    }
}
