import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementScenarios
import PlacementSimulation

/// The official data a command reads for today's market: `--data`, else the scenario's default
/// folder, read on a thread of its own while the command loads its scenario (none with
/// `--empty-market`).
struct MarketData {
    /// The folder read.
    let folder: String
    /// The folder the user named with `--data`, if any.
    private let named: String?
    private let options: MarketOptions
    private let readAhead: OfficialDataReadAhead?

    /// Starts reading `named` (`--data`), else the default folder of the scenario at `scenario`.
    init(named: String?, scenario: String, options: MarketOptions) {
        folder = named ?? PlacementCommand.Baseline.defaultData(for: scenario)
        self.named = named
        self.options = options
        readAhead = options.emptyMarket ? nil : OfficialDataReadAhead(folder)
    }

    /// A `--data` folder the user named must exist, and official tables in it must be readable:
    /// otherwise the problem (file, line, field) is printed and the command exits 1, rather than
    /// quietly solving the empty market. For a scenario of English authorities it must hold them
    /// (`--data /etc` had given only a note); a fictional scenario's may hold none, and the default
    /// folder may lack them: the market is then empty and the output says so. Waits for the read.
    func requireReadable(for scenario: Scenario) throws {
        guard let named, let error = readAhead?.error else { return }
        try DataFolder.require(named, named: true)
        let tables = [
            OfficialTables.authoritiesFile, OfficialTables.lookedAfterFile,
            OfficialTables.placesFile,
        ]
        guard tables.contains(where: { FileManager.default.fileExists(atPath: "\(named)/\($0)") }) else {
            guard scenario.authorities.contains(where: { MarketBaseline.isEnglishAuthorityCode($0.id) }) else { return }
            printToStandardError(
                "\(TerminalSafeText.escaping(named)): --data: holds none of the official tables ("
                    + tables.joined(separator: ", ") + "); name the folder of DfE's and Ofsted's CSV files, or "
                    + "leave --data out")
            throw invalidInputExitCode
        }
        printToStandardError(error.description)
        printToStandardError(
            "\(TerminalSafeText.escaping(named)): the official data in the --data folder cannot be read")
        throw invalidInputExitCode
    }

    /// Today's market of `scenario` (``MarketBaseline/load(for:data:options:readAhead:)``), once the
    /// data are known to be readable.
    func baseline(for scenario: Scenario) throws -> MarketBaseline {
        try requireReadable(for: scenario)
        return MarketBaseline.load(for: scenario, data: folder, options: options, readAhead: readAhead)
    }

    /// `baseline` (loaded for `scenario` by ``baseline(for:)``) under other market assumptions: the
    /// as-is calibration run again where they change what it reads (occupancy, short-break places),
    /// today's market rebuilt on it. The empty market is returned as it is.
    func baseline(
        _ baseline: MarketBaseline, with assumptions: MarketAssumptions, for scenario: Scenario
    ) -> MarketBaseline {
        guard case .calibrated(_, let market, let allocation) = baseline, let year = readAhead?.data?.year(market.year)
        else { return baseline }
        let refitted =
            assumptions.calibration == market.assumptions.calibration
            ? allocation : AsIsBaseline.calibrate(year, assumptions: assumptions.calibration).calibrated
        let varied = TodaysMarket(scenario, year: year, allocation: refitted, assumptions: assumptions)
        return .calibrated(scenario: varied.applied(to: scenario), market: varied, allocation: refitted)
    }
}
