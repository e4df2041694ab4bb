import PlacementScenarios

/// The age bands of DfE's table of children looked after at 31 March, and of children starting.
public enum AgeGroup: Int, CaseIterable, Sendable {
    case underOne, oneToFour, fiveToNine, tenToFifteen, sixteenAndOver

    /// The characteristic naming the band in the stock table (`Age group`) and the starts table
    /// (`Started during the year: age on starting`), which use the same five bands.
    var characteristic: String {
        switch self {
        case .underOne: "Under 1 year"
        case .oneToFour: "1 to 4 years"
        case .fiveToNine: "5 to 9 years"
        case .tenToFifteen: "10 to 15 years"
        case .sixteenAndOver: "16 years and over"
        }
    }

    /// Share of the band's children who pass into the next band in a year if they stay: one over
    /// the band's width in years (the oldest band has no next band; its children leave at 18).
    var ageingShare: Double {
        switch self {
        case .underOne: 1
        case .oneToFour: 1.0 / 4
        case .fiveToNine: 1.0 / 5
        case .tenToFifteen: 1.0 / 6
        case .sixteenAndOver: 0
        }
    }
}

/// The placement types a forecast is made for, and the DfE `Placement` categories each gathers.
/// Foster includes kinship (DfE's foster count does not split it at authority level); children's
/// homes include secure children's homes; other gathers `Other residential settings` and
/// `Other placements`. Parent-and-child placements are counted by DfE within these categories.
public enum ForecastCategories {
    public static let types: [PlacementType] = [
        .foster, .childrensHome, .supportedAccommodation, .residentialSchool, .placedWithParents,
        .placedForAdoption, .other,
    ]

    static func dfeCategories(_ type: PlacementType) -> [String] {
        switch type {
        case .foster: ["Foster placements"]
        case .childrensHome: ["Secure homes and children's homes"]
        case .supportedAccommodation:
            ["Independent and semi-independent living arrangements/supported accommodation"]
        case .residentialSchool: ["Residential schools"]
        case .placedWithParents: ["Placed with parents or other person with parental responsibility"]
        case .placedForAdoption: ["Placed for adoption"]
        default: ["Other residential settings", "Other placements"]
        }
    }

    /// The forecast type whose growth a scenario cohort of `type` follows.
    public static func forecastType(of type: PlacementType) -> PlacementType {
        switch type {
        case .foster, .kinship, .parentAndChild: .foster
        case .childrensHome, .secureChildrensHome: .childrensHome
        default: type
        }
    }
}
