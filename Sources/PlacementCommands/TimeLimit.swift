import ArgumentParser

/// `--time-limit`'s range, the same for every command that takes one (`solve`, `compare`, `plan`, …).
enum TimeLimit {
    /// The longest accepted: one year, in seconds, so that its milliseconds fit any deadline.
    static let longestSeconds: Double = 31_536_000

    /// A usage error unless `seconds` is above 0 and at most ``longestSeconds`` (NaN and infinity
    /// are neither).
    static func validate(_ seconds: Double?) throws {
        guard let seconds, !(seconds > 0 && seconds <= longestSeconds) else { return }
        throw ValidationError(
            "--time-limit must be a number of seconds above 0 and at most \(Int(longestSeconds)) (a year); "
                + "got \(seconds)")
    }
}
