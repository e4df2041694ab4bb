import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementScenarios

extension OfficialPlacementData {
    /// The published figures of `year`, which the user named with `option` (`--predict`); otherwise
    /// the years there are, said on stderr (with `why`, when given), and a usage error (exit 64), as for
    /// any option out of range.
    func requireYear(
        _ year: Int, option: String, data: String, why: String = "", in command: any ParsableCommand.Type
    ) throws -> AsIsYear {
        guard let figures = self.year(year) else {
            throw UsageFailure.report(
                "\(option) \(year): no published figures for \(year) in \(data) (published there: "
                    + OfficialTables.listed(years) + ")" + why, in: command)
        }
        return figures
    }
}

extension OfficialFlowData {
    /// Checks that DfE's flows table publishes `year`, whose flows a simulation carries forward (a year
    /// without them would move nobody, under a report calling the flows DfE's); otherwise says so,
    /// naming the file and the years there are, and exits 64, as the stock's `requireYear` does.
    func requireYear(
        _ year: Int, option: String, data: String, why: String = "", in command: any ParsableCommand.Type
    ) throws {
        guard flows[year] == nil else { return }
        throw UsageFailure.report(
            "\(option) \(year): no published flows for \(year) in "
                + TerminalSafeText.escaping((data as NSString).appendingPathComponent(OfficialTables.flowsFile))
                + " (published there: " + OfficialTables.listed(years) + ")" + why, in: command)
    }
}
