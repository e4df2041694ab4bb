import Foundation
import PlacementScenarios

/// Writes to stderr (reports go to stdout; problems and progress never do). Control characters,
/// terminal escape sequences and bidirectional marks, which input may carry into a message, are
/// shown escaped; line feeds and tabs are kept. A failed write is let go: there is nowhere left to say it.
func printToStandardError(_ text: String, terminator: String = "\n") {
    Progress.shared.clearLine()
    _ = StandardStreams.write(TerminalSafeText.escaping(text, multiline: true) + terminator, to: STDERR_FILENO)
}
