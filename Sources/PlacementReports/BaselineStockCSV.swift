import PlacementCalibration
import PlacementScenarios

/// The as-is stock and the fitted parameters as CSV.
enum BaselineStockCSV {
    /// One row per home authority in scope × placement authority × placement group × provider:
    /// expected children (fractional) and those more than 20 miles from home.
    static func stock(_ allocation: AsIsAllocation, scope: Set<AuthorityCode>) -> String {
        let authorities = allocation.authorities
        var writer = CSVWriter(header: [
            "home_authority", "placement_authority", "placement_group", "provider", "children", "over_20_miles",
        ])
        for row in allocation.stock() where scope.contains(authorities[row.home].id) {
            writer.append([
                authorities[row.home].id.rawValue, row.placement.map { authorities[$0].id.rawValue } ?? "elsewhere",
                row.group.key,
                row.provider.key, NumberText.decimal(row.children, places: 4),
                NumberText.decimal(row.over20Miles, places: 4),
            ])
        }
        return writer.text
    }

    /// One row per authority in scope: its own-area affinity, over-20-miles factors inside and outside
    /// its boundary, provider factors and destination factor.
    static func parameters(_ baseline: AsIsBaseline, scope: Set<AuthorityCode>) -> String {
        let parameters = baseline.parameters
        let over20MilesFactors = baseline.over20MilesFactors
        var writer = CSVWriter(
            header: ["authority", "own_area_affinity", "inside_over_20_miles_factor", "outside_over_20_miles_factor"]
                + ProviderGroup.allCases.map { "provider_\($0.key)" } + ["destination"])
        for (index, authority) in baseline.calibrated.authorities.enumerated() where scope.contains(authority.id) {
            let factors = over20MilesFactors[index]
            writer.append(
                [
                    authority.id.rawValue, NumberText.decimal(parameters.ownAreaAffinity[index], places: 6),
                    NumberText.decimal(factors.inside, places: 6), NumberText.decimal(factors.outside, places: 6),
                ] + parameters.providers[index].map { NumberText.decimal($0, places: 6) }
                    + [NumberText.decimal(parameters.destination[index], places: 6)])
        }
        return writer.text
    }
}
