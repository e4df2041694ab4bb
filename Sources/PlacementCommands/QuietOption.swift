import ArgumentParser

/// `--quiet`, for every command that may show progress (``SolvingOptions`` carries it for those that
/// solve): progress is shown only on a terminal, and a user may want none there too.
struct QuietOption: ParsableArguments {
    @Flag(help: "No progress on standard error (it is shown only on a terminal, for steps over two seconds).")
    var quiet = false

    init() {}

    /// Silences progress for the rest of the run when asked.
    func apply() { Progress.shared.silence(quiet) }
}
