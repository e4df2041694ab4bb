import PlacementScenarios

/// Every assumption of the as-is model, with its source and range. The README and the fit report
/// print them (the provider prior as a table of its own); a caller may change any value within its
/// range (and the tests do).
public struct CalibrationAssumptions: Sendable, Equatable {
    /// Share of a children's home's registered places that hold a child on a given day.
    public var occupancy = Assumption(
        0.83, range: 0.80...0.85,
        source: "operators report 80–85% occupancy (CMA children's social care market study, 2022; "
            + "Ofsted's register counts places, not children)")
    /// Registered places of homes that take only short breaks are not long-term capacity: the share
    /// of those places counted is zero. The register flags them (`short_break_only`).
    public var shortBreakUsableShare = Assumption(
        0, range: 0...0.1,
        source: "Ofsted register, short_break_only flag: short-break homes hold no looked-after stock")
    /// Places given to every authority and sector of residential care, so that a sector with no
    /// registered place is unlikely rather than impossible (homes registered after 31 March, NHS units).
    public var residentialPlaceFloor = Assumption(
        0.5, range: 0.1...2, source: "assumed: half a place, far below the median home's 3 places")
    /// Distance-decay length of each placement group, in miles: the prior weight of a placement
    /// falls by e for every so many miles between the home and the placement authority.
    public var decayMiles: [PlacementGroup: Assumption] = [
        .foster: Assumption(
            12, range: 8...20,
            source:
                "assumed; 76% of children with a known distance, every placement type, are placed within 20 miles (DfE 2024: 57,590 of 75,610)"
        ),
        .homes: Assumption(35, range: 20...60, source: "assumed; children's homes are the most distant placements"),
        .supported: Assumption(15, range: 8...30, source: "assumed"),
        .withParents: Assumption(5, range: 2...10, source: "assumed: the family home is nearly always local"),
        .adoption: Assumption(25, range: 15...40, source: "assumed; regional adoption agencies match across councils"),
        .other: Assumption(15, range: 8...30, source: "assumed"),
    ]
    /// Placements outside England or in an authority whose imports are suppressed: the share more
    /// than 20 miles from home.
    public var elsewhereOver20MilesShare = Assumption(
        0.75, range: 0.5...0.9, source: "assumed: Welsh and Scottish placements are mostly distant")
    /// The mean distance, in miles, of a placement elsewhere, for the distance decay.
    public var elsewhereMiles = Assumption(60, range: 30...120, source: "assumed")

    /// The national split of each placement group across providers: the prior of the fitting. Each
    /// council's own provider figures then rescale it, so only the pattern across groups matters.
    public var providerPrior: [PlacementGroup: [ProviderGroup: Double]] = [
        .foster: [.ownCouncil: 0.62, .otherCouncil: 0.01, .privateSector: 0.30, .voluntary: 0.07],
        .homes: [.ownCouncil: 0.14, .otherCouncil: 0.02, .privateSector: 0.76, .voluntary: 0.05, .otherPublic: 0.03],
        .supported: [.ownCouncil: 0.18, .otherCouncil: 0.01, .privateSector: 0.66, .voluntary: 0.15],
        .withParents: [.parents: 1],
        .adoption: [.ownCouncil: 0.65, .otherCouncil: 0.12, .voluntary: 0.23],
        .other: [.notReported: 1],
    ]
    /// Where the provider prior comes from.
    public var providerPriorSource =
        "DfE children looked after, national tables by placement type and provider (2024), rounded; assumed where "
        + "a type is not split (residential schools, other residential settings)"

    public init() {}

    /// Usable long-term places: registered places × occupancy, short-break-only places × their usable share.
    public func usablePlaces(registered: Double, shortBreakOnly: Double) -> Double {
        (registered + shortBreakOnly * shortBreakUsableShare.value) * occupancy.value
    }

    /// Every assumption by name, in a fixed order, for the reports.
    public var listed: [(name: String, assumption: Assumption)] {
        var list: [(String, Assumption)] = [
            ("occupancy of registered places", occupancy),
            ("usable share of short-break-only places", shortBreakUsableShare),
            ("residential place floor (places)", residentialPlaceFloor),
            ("over 20 miles share of placements elsewhere", elsewhereOver20MilesShare),
            ("mean miles to a placement elsewhere", elsewhereMiles),
        ]
        for group in PlacementGroup.allCases {
            if let decay = decayMiles[group] { list.append(("distance decay, \(group.label) (miles)", decay)) }
        }
        return list
    }
}
