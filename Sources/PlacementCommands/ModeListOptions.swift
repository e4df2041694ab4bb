import ArgumentParser
import PlacementOptimisation
import PlacementScenarios

/// `--modes`, shared by the commands that solve several modes.
struct ModeListOptions: ParsableArguments {
    @Option(help: "Comma-separated modes, from council, council-coordinated, regional and national.")
    var modes = CommissioningMode.allCases.map(\.rawValue).joined(separator: ",")

    /// The modes named, each once, in order.
    var parsed: [CommissioningMode] {
        get throws {
            // As-is is today's placements, not a mode to solve: shown beside the modes wherever the
            // scenario has published figures (and `simulate --modes` takes it).
            let names = try CommaList.items(
                modes, option: "--modes", what: "mode", example: "council,council-coordinated")
            if names.contains("as-is") {
                throw ValidationError(
                    "--modes: as-is is not a mode to solve: it is shown beside the modes whenever the scenario's "
                        + "authorities have published figures; name the others, from "
                        + CommissioningMode.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return try CommaList.choices(
                modes, option: "--modes", what: "mode", from: CommissioningMode.allCases.map { ($0.rawValue, $0) })
        }
    }

    func validate() throws { _ = try parsed }
}
