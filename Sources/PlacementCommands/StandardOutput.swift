import ArgumentParser
import Foundation

/// Writes to stdout (reports and confirmations; problems and progress go to stderr), checked: a write
/// that fails (a full disk, a closed pipe, a closed stdout) is said on stderr and ends the run with exit
/// 2, rather than the output being lost and the run said to succeed.
func printToStandardOutput(_ text: String, terminator: String = "\n") throws {
    if let code = StandardStreams.write(text + terminator, to: STDOUT_FILENO) {
        printToStandardError("cannot write to standard output: \(StandardStreams.reason(code))")
        throw failureExitCode
    }
}

/// Swift's `print` goes through stdio's buffer and drops its write errors: this module prints with
/// ``printToStandardOutput(_:terminator:)`` only.
@available(*, unavailable, message: "use printToStandardOutput, whose failures end the run with exit 2")
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {}
