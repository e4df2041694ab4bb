/// A figure the as-is model is judged on: modelled and published on the same denominator.
public enum FitMeasure: String, CaseIterable, Sendable {
    /// Children placed inside their home authority's boundary ÷ children placed inside or outside (M2).
    case m2InAreaShare = "m2_in_area_share"
    /// Children placed more than 20 miles from home ÷ children with a known distance.
    case over20MilesShare = "over_20_miles_share"
    /// Children in their own council's provision ÷ children in commissioned provision (all providers
    /// but parents and provider not reported).
    case ownCouncilShare = "own_council_share"
    /// Children in private provision ÷ children in commissioned provision.
    case privateShare = "private_share"
    /// Other councils' children placed inside the authority's boundary (a count).
    case otherCouncilsChildrenPlacedInside = "other_councils_children_placed_inside"
    /// Of children placed inside with a known distance, the share over 20 miles (the joint table's).
    case insideOver20MilesShare = "inside_over_20_miles_share"
    /// Of children placed outside with a known distance, the share within 20 miles (the joint table's).
    case outsideWithin20MilesShare = "outside_within_20_miles_share"

    /// The five measures of the fit check, in the order of the JSON.
    public static let headline: [FitMeasure] = [
        .m2InAreaShare, .over20MilesShare, .ownCouncilShare, .privateShare, .otherCouncilsChildrenPlacedInside,
    ]

    public var label: String {
        switch self {
        case .m2InAreaShare: "Placed inside own authority (M2)"
        case .over20MilesShare: "More than 20 miles from home"
        case .ownCouncilShare: "Own-council provision"
        case .privateShare: "Private provision"
        case .otherCouncilsChildrenPlacedInside: "Other councils' children placed inside"
        case .insideOver20MilesShare: "Of those inside, more than 20 miles"
        case .outsideWithin20MilesShare: "Of those outside, within 20 miles"
        }
    }

    /// What a share is of, the same for the modelled and the published figure.
    public var denominator: String {
        switch self {
        case .m2InAreaShare: "of children placed inside or outside their authority"
        case .over20MilesShare: "of children with a known distance"
        case .ownCouncilShare, .privateShare:
            "of children in commissioned provision (every provider but parents and provider not reported)"
        case .otherCouncilsChildrenPlacedInside: "a count of children"
        case .insideOver20MilesShare: "of children placed inside with a known distance"
        case .outsideWithin20MilesShare: "of children placed outside with a known distance"
        }
    }

    public var isShare: Bool { self != .otherCouncilsChildrenPlacedInside }

    /// The joint table's shares: a calibration meets its cells raked to the locality and distance
    /// margins, which keep the published association but not these shares exactly.
    public var isMetThroughRakedTable: Bool { self == .insideOver20MilesShare || self == .outsideWithin20MilesShare }

    /// The done-when tolerance: mean absolute error in points for shares, correlation for the count.
    public var tolerance: Double? {
        switch self {
        case .m2InAreaShare: 3
        case .over20MilesShare: 4
        case .ownCouncilShare: 3
        case .privateShare: 4
        case .otherCouncilsChildrenPlacedInside: 0.95
        case .insideOver20MilesShare, .outsideWithin20MilesShare: nil
        }
    }

    public func modelled(_ measures: AsIsMeasures) -> Double? {
        switch self {
        case .m2InAreaShare: measures.inAreaShare
        case .over20MilesShare: measures.over20MilesShare
        case .ownCouncilShare: measures.providerShare(.ownCouncil)
        case .privateShare: measures.providerShare(.privateSector)
        case .otherCouncilsChildrenPlacedInside: measures.otherCouncilsChildrenInside
        case .insideOver20MilesShare: measures.insideOver20MilesShare
        case .outsideWithin20MilesShare: measures.outsideWithin20MilesShare
        }
    }

    public func published(_ figures: PublishedPlacementFigures) -> Double? {
        switch self {
        case .m2InAreaShare: figures.inAreaShare
        case .over20MilesShare: figures.over20MilesShare
        case .ownCouncilShare: figures.providerShare(.ownCouncil)
        case .privateShare: figures.providerShare(.privateSector)
        case .otherCouncilsChildrenPlacedInside: figures.otherCouncilsChildrenInside.map(Double.init)
        case .insideOver20MilesShare: figures.insideOver20MilesShare
        case .outsideWithin20MilesShare: figures.outsideWithin20MilesShare
        }
    }
}
