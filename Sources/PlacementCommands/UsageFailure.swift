import ArgumentParser

/// A usage error found only once the inputs are read (a year before the scenario's latest published
/// one), said as ArgumentParser says those `validate()` finds: `Error:`, the command's usage line and
/// where its help is; the caller throws the exit code returned (64).
enum UsageFailure {
    static func report(_ message: String, in command: any ParsableCommand.Type) -> ExitCode {
        let name = "\(PlacementCommand._commandName) \(command._commandName)"
        printToStandardError(
            "Error: \(message)\nUsage: \(PlacementCommand.usageString(for: command))\n"
                + "  See '\(name) --help' for more information.")
        return ExitCode.validationFailure
    }
}
