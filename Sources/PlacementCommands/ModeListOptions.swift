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
            let names = modes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            var parsed: [CommissioningMode] = []
            for name in names {
                guard let mode = CommissioningMode(rawValue: name) else {
                    throw ValidationError(
                        "unknown mode '\(TerminalSafeText.escaping(name))'; choose from "
                            + CommissioningMode.allCases.map(\.rawValue).joined(separator: ", "))
                }
                if !parsed.contains(mode) { parsed.append(mode) }
            }
            guard !parsed.isEmpty else { throw ValidationError("--modes names no mode") }
            return parsed
        }
    }

    func validate() throws { _ = try parsed }
}
