import PlacementCalibration
import PlacementScenarios

/// Children's-home places opening and closing in the simulated years, from Ofsted's registered
/// places per authority and sector: each authority's and sector's least-squares trend over the
/// published years up to the start, carried forward, as usable places (× occupancy), shared among
/// the scenario's homes of that sector in that authority in proportion to their places.
///
/// Only children's homes have a published history (supported accommodation is registered from 2025,
/// fostering households are not published per authority): other types keep their places. Growth in
/// an authority where the scenario has no home of the sector has no home to go to and is counted,
/// not placed.
public struct SupplyTrend: Sendable, Equatable {
    public var placeChanges: [Int: [FlowTables.PlaceChange]]
    /// Usable places a year the trend adds (or, negative, removes) across the scenario's homes.
    public var placesPerYear: Double
    /// Usable places of growth each year that found no home of the sector in its authority.
    public var unplacedGrowthPerYear: Double
    /// The published years the trend is fitted on.
    public var fittedYears: [Int]

    public init(
        _ scenario: Scenario, places: [Int: [AuthorityCode: ResidentialPlaces]], through start: Int,
        years: ClosedRange<Int>, occupancy: Double
    ) {
        fittedYears = places.keys.filter { $0 <= start }.sorted()
        var changes: [Int: [FlowTables.PlaceChange]] = [:]
        var perYear = 0.0
        var unplaced = 0.0
        // A plan's homes and block contracts are places beyond the register's trend.
        let registered = scenario.providers.filter {
            !$0.isPlannedBuild && ($0.offers[.childrensHome]?.places ?? 0) > 0
        }
        let homes = Dictionary(grouping: registered) {
            HomeGroup(authority: $0.authority, sector: ResidentialSector($0.sector))
        }
        for authority in scenario.authorities.map(\.id) {
            for sector in ResidentialSector.allCases {
                // Only the years the authority is published in: a council created since (Cumberland
                // from 2024) had read as no places before it, a growth that never happened.
                let series = fittedYears.compactMap { year in
                    places[year]?[authority].map { (Double(year), $0.registered[sector] ?? 0) }
                }
                guard let slope = StraightLine(series)?.slope, slope != 0 else { continue }
                let usable = slope * occupancy
                let providers = homes[HomeGroup(authority: authority, sector: sector)] ?? []
                guard !providers.isEmpty else {
                    if usable > 0 { unplaced += usable }
                    continue
                }
                perYear += usable
                let weights = providers.map { Double($0.offers[.childrensHome]?.places ?? 0) }
                // Whole places each year, rounded on the running total so that no fraction is lost.
                for year in years where year > start {
                    let step = year - start
                    let change =
                        Int((usable * Double(step)).rounded()) - Int((usable * Double(step - 1)).rounded())
                    guard change != 0 else { continue }
                    let shares = Apportion.split(abs(change), weights: weights)
                    for (k, provider) in providers.enumerated() where shares[k] > 0 {
                        changes[year, default: []].append(
                            FlowTables.PlaceChange(
                                year: year, provider: provider.id, placementType: .childrensHome,
                                places: change > 0 ? shares[k] : -shares[k]))
                    }
                }
            }
        }
        placeChanges = changes
        placesPerYear = perYear
        unplacedGrowthPerYear = unplaced
    }

    private struct HomeGroup: Hashable {
        var authority: AuthorityCode
        var sector: ResidentialSector?
    }

    /// What the report says of it.
    public var note: String {
        guard let first = fittedYears.first, let last = fittedYears.last else {
            return "no published places: children's homes keep their places"
        }
        return "children's-home places follow each authority's and sector's \(first)–\(last) trend in Ofsted's "
            + "registered places (× occupancy): \(Self.signed(placesPerYear)) usable places a year across the "
            + "scenario's homes"
            + (unplacedGrowthPerYear > 0
                ? ", and \(Self.signed(unplacedGrowthPerYear)) a year of growth where the scenario has no home of "
                    + "the sector, not modelled" : "")
            + "; other placement types keep their places"
    }

    private static func signed(_ value: Double) -> String {
        let rounded = Int(value.rounded())
        return rounded > 0 ? "+\(rounded)" : "\(rounded)"
    }
}
