import ArgumentParser

/// `placement`: the command-line face of the optimiser. Commands parse arguments and call the library.
///
/// Exit codes: 0 success; 1 the scenario or input is invalid (problems on stderr); 2 the solver, a
/// file write or a write to stdout failed (a closed pipe included); 64 bad usage; 130 and 143
/// interrupted.
public struct PlacementCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: "Placement commissioning optimiser for children's social care in England.",
        discussion: """
            Models children needing placements, in-house and external providers, distances and prices, \
            and reports local-authority provision (M1) and in-area placement (M2).
            """,
        version: PlacementCommand.version,
        subcommands: [
            Validate.self, Solve.self, Compare.self, Sufficiency.self, Baseline.self, Stress.self, Plan.self,
            Generate.self, Forecast.self, Simulate.self, Import.self,
        ]
    )

    /// The tool's version, as `placement --version` prints it (see CHANGELOG.md).
    public static let version = "0.3.0-dev"

    public init() {}
}

/// Exit code for an invalid scenario or input file.
let invalidInputExitCode = ExitCode(1)

/// Exit code for a solver error, or a file or standard output that could not be written.
let failureExitCode = ExitCode(2)
