import ArgumentParser
import PlacementCalibration

extension OfficialPlacementData {
    /// The published figures of `year`, which the user named with `option` (`--predict`); otherwise
    /// the years there are, said on stderr (with `why`, when given), and a usage error (exit 64), as for
    /// any option out of range.
    func requireYear(_ year: Int, option: String, data: String, why: String = "") throws -> AsIsYear {
        guard let figures = self.year(year) else {
            printToStandardError(
                "\(option) \(year): no published figures for \(year) in \(data) (published there: "
                    + Self.listed(years) + ")" + why)
            throw ExitCode.validationFailure
        }
        return figures
    }

    /// `2021 to 2025`, or the years one by one when they are not a run.
    static func listed(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "none" }
        if years.count > 1, zip(years, years.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
            return "\(first) to \(last)"
        }
        return years.map(String.init).joined(separator: ", ")
    }
}
