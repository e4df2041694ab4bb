/// The placement types the as-is model tells apart: DfE's `Placement` categories, grouped so that each
/// group has one supply (foster carers, registered homes, supported accommodation, the family home).
public enum PlacementGroup: Int, CaseIterable, Sendable, Comparable {
    case foster
    /// Secure homes and children's homes, residential schools and other residential settings.
    case homes
    case supported
    case withParents
    case adoption
    case other

    public var key: String {
        switch self {
        case .foster: "foster"
        case .homes: "homes"
        case .supported: "supported"
        case .withParents: "with_parents"
        case .adoption: "adoption"
        case .other: "other"
        }
    }

    public var label: String {
        switch self {
        case .foster: "Foster care"
        case .homes: "Children's homes and other residential"
        case .supported: "Supported accommodation"
        case .withParents: "Placed with parents"
        case .adoption: "Placed for adoption"
        case .other: "Other placements"
        }
    }

    /// The DfE `Placement` characteristics that make up the group.
    public var publishedCategories: [String] {
        switch self {
        case .foster: ["Foster placements"]
        case .homes: ["Secure homes and children's homes", "Residential schools", "Other residential settings"]
        case .supported: ["Independent and semi-independent living arrangements/supported accommodation"]
        case .withParents: ["Placed with parents or other person with parental responsibility"]
        case .adoption: ["Placed for adoption"]
        case .other: ["Other placements"]
        }
    }

    /// The groups DfE's provider table counts under one provider of their own: the same children in
    /// both tables (placed with parents; other placements, whose provider is not reported).
    static let oneProviderGroups: [(group: PlacementGroup, provider: ProviderGroup)] = [
        (.withParents, .parents), (.other, .notReported),
    ]

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
