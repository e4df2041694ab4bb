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
            try CommaList.choices(
                modes, option: "--modes", what: "mode", from: CommissioningMode.allCases.map { ($0.rawValue, $0) })
        }
    }

    func validate() throws { _ = try parsed }
}
