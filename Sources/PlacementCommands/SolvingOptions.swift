import ArgumentParser
import Foundation
import PlacementOptimisation

/// Options shared by `solve` and `compare`.
struct SolvingOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "What is printed on standard output: markdown (default), json or csv.",
            discussion: "Works with --out too: the folder gets every format, standard output the one asked for."))
    var format: OutputFormat?

    /// The format printed: `--format`, else Markdown.
    var printed: OutputFormat { format ?? .markdown }

    @Option(
        help: ArgumentHelp(
            "Also write every result file (JSON, Markdown, CSV) into this folder, replacing it whole.",
            discussion: "The folder must be absent, empty, or an earlier result set; it appears complete or not at all."
        ))
    var out: String?

    @Option(help: "Stop each mode's solves after this many seconds and report the plan at hand with its gap.")
    var timeLimit: Double?

    @Option(help: "Sub-problems solved at once, one thread each (default: the number of cores).")
    var threads: Int?

    @Flag(help: "Print model sizes, timings and GLPK's messages to standard error.")
    var verbose = false

    @Flag(help: "No progress on standard error (it is shown only on a terminal, for steps over two seconds).")
    var quiet = false

    /// The longest `--time-limit` accepted: one year, in seconds.
    static let longestTimeLimitSeconds = 31_536_000.0

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit <= Self.longestTimeLimitSeconds) {
            throw ValidationError(
                "--time-limit must be a number of seconds above 0 and at most "
                    + "\(Int(Self.longestTimeLimitSeconds)) (a year); got \(timeLimit)")
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The optimiser's options, the time limit counted from `started` (the command's start).
    func optimiserOptions(started: ContinuousClock.Instant) -> OptimiserOptions {
        var options = OptimiserOptions()
        // validate() keeps the limit finite and within a year, so the milliseconds fit.
        if let timeLimit, timeLimit.isFinite, timeLimit <= Self.longestTimeLimitSeconds {
            options.deadline = Deadline(started + .milliseconds(Int64((timeLimit * 1000).rounded(.up))))
        }
        if let threads { options.threads = threads }
        if verbose { options.messageHandler = { printToStandardError($0, terminator: "") } }
        return options
    }
}
