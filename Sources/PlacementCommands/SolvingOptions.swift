import ArgumentParser
import Foundation
import PlacementOptimisation

/// Options shared by `solve` and `compare`.
struct SolvingOptions: ParsableArguments {
    @Option(help: "How results are printed: markdown, json or csv.")
    var format: OutputFormat = .markdown

    @Option(help: "Also write every result file (JSON, Markdown, CSV) into this folder.")
    var out: String?

    @Option(help: "Stop each mode's solves after this many seconds and report the plan at hand with its gap.")
    var timeLimit: Double?

    @Option(help: "Sub-problems solved at once, one thread each (default: the number of cores).")
    var threads: Int?

    @Flag(help: "Print model sizes, timings and GLPK's messages to standard error.")
    var verbose = false

    func validate() throws {
        if let timeLimit, !(timeLimit > 0) {
            throw ValidationError("--time-limit must be a positive number of seconds")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The optimiser's options, the time limit counted from `started` (the command's start).
    func optimiserOptions(started: ContinuousClock.Instant) -> OptimiserOptions {
        var options = OptimiserOptions()
        // Beyond 30 years a limit is no limit (and a Duration would overflow).
        if let timeLimit, timeLimit.isFinite, timeLimit < 1e9 {
            options.deadline = Deadline(started + .milliseconds(Int64((timeLimit * 1000).rounded(.up))))
        }
        if let threads { options.threads = threads }
        if verbose { options.messageHandler = { printToStandardError($0, terminator: "") } }
        return options
    }
}
