import PlacementScenarios

extension PlacementGroup {
    /// The group a scenario's placement type belongs to (kinship care is foster care; secure homes,
    /// residential schools and parent-and-child units are residential).
    public init(_ type: PlacementType) {
        switch type {
        case .foster, .kinship: self = .foster
        case .childrensHome, .secureChildrensHome, .residentialSchool, .parentAndChild: self = .homes
        case .supportedAccommodation: self = .supported
        case .placedWithParents: self = .withParents
        case .placedForAdoption: self = .adoption
        case .other: self = .other
        }
    }
}
