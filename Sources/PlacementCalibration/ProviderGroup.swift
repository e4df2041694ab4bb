/// Who provides a placement, as DfE's `Place providers` counts it.
public enum ProviderGroup: Int, CaseIterable, Sendable, Comparable {
    /// Run by the child's own council.
    case ownCouncil
    /// Run by another council.
    case otherCouncil
    case privateSector
    case voluntary
    /// NHS and other public bodies.
    case otherPublic
    /// Parents or another person with parental responsibility.
    case parents
    /// Provider not reported (DfE's "other placements").
    case notReported

    public var key: String {
        switch self {
        case .ownCouncil: "own_council"
        case .otherCouncil: "other_council"
        case .privateSector: "private"
        case .voluntary: "voluntary"
        case .otherPublic: "other_public"
        case .parents: "parents"
        case .notReported: "not_reported"
        }
    }

    /// For reading.
    public var label: String {
        switch self {
        case .ownCouncil: "Own council"
        case .otherCouncil: "Other council"
        case .privateSector: "Private"
        case .voluntary: "Voluntary"
        case .otherPublic: "Other public"
        case .parents: "Parents"
        case .notReported: "Not reported"
        }
    }

    /// The DfE `Place providers` characteristic.
    public var publishedCategory: String {
        switch self {
        case .ownCouncil: "Own provision (by the LA)"
        case .otherCouncil: "Other LA provision"
        case .privateSector: "Private provision"
        case .voluntary: "Voluntary/third sector provision"
        case .otherPublic: "Other public provision (e.g. by a PCT etc)"
        case .parents: "Parents or other person with parental responsibility"
        case .notReported: "Placement provider not reported"
        }
    }

    /// Commissioned provision: the denominator of the own-council and private shares.
    public var isCommissioned: Bool { self != .parents && self != .notReported }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
