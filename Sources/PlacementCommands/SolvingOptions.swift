import ArgumentParser
import Foundation
import PlacementOptimisation

/// Options shared by the commands that solve modes, printing any of the formats.
typealias SolvingOptions = SolvingOptionsPrinting<OutputFormat>

/// Options shared by the commands that solve modes; `Format` is what `--format` accepts (and its help
/// lists).
struct SolvingOptionsPrinting<Format: PrintedFormat>: ParsableArguments {
    @Option(help: Format.help)
    var format: Format?

    /// The format printed: `--format`, else Markdown.
    var printed: OutputFormat { format?.outputFormat ?? .markdown }

    @Option(
        help: ArgumentHelp(
            "Also write every result file (JSON, Markdown, CSV) into this folder, replacing it whole.",
            discussion:
                "The folder must be absent, empty, or an earlier result set of this command; it appears complete or not "
                + "at all."
        ))
    var out: String?

    @Option(
        parsing: .unconditional,
        help: "Stop each mode's solves after this many seconds and report the plan at hand with its gap.",
        transform: DecimalOption.parse)
    var timeLimit: Double?

    @Option(
        parsing: .unconditional, help: "Sub-problems solved at once, one thread each (default: the number of cores).")
    var threads: Int?

    @Flag(help: "Print model sizes, timings and GLPK's messages to standard error.")
    var verbose = false

    @OptionGroup var quietOption: QuietOption

    /// `--quiet`: no progress on standard error.
    var quiet: Bool { quietOption.quiet }

    func validate() throws {
        try TimeLimit.validate(timeLimit)
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    /// The optimiser's options, the time limit counted from `started` (the command's start).
    func optimiserOptions(started: ContinuousClock.Instant) -> OptimiserOptions {
        var options = OptimiserOptions()
        // validate() keeps the limit finite and within a year, so the milliseconds fit.
        if let timeLimit, timeLimit.isFinite, timeLimit <= TimeLimit.longestSeconds {
            options.deadline = Deadline(started + .milliseconds(Int64((timeLimit * 1000).rounded(.up))))
        }
        if let threads { options.threads = threads }
        if verbose { options.messageHandler = { printToStandardError($0, terminator: "") } }
        return options
    }
}
