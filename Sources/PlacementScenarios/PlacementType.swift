import Foundation

/// The kinds of placement DfE counts. The first seven are commissioned and optimised; the last
/// three are counted in a council's figures but never optimised.
public enum PlacementType: String, CaseIterable, Sendable, Codable, Comparable {
    case foster
    /// Connected-person (family and friends) foster care.
    case kinship
    case childrensHome = "childrens_home"
    case secureChildrensHome = "secure_childrens_home"
    /// Supported accommodation for 16 and 17 year olds.
    case supportedAccommodation = "supported_accommodation"
    case parentAndChild = "parent_and_child"
    case residentialSchool = "residential_school"
    case placedWithParents = "placed_with_parents"
    case placedForAdoption = "placed_for_adoption"
    case other

    /// Whether places of this type are commissioned, and so optimised.
    public var isCommissioned: Bool {
        switch self {
        case .placedWithParents, .placedForAdoption, .other: false
        default: true
        }
    }

    /// Whether the type counts towards M1's denominator (children in foster and residential care).
    public var isFosterOrResidential: Bool {
        switch self {
        case .foster, .kinship, .childrensHome, .secureChildrensHome, .residentialSchool, .parentAndChild: true
        case .supportedAccommodation, .placedWithParents, .placedForAdoption, .other: false
        }
    }

    public var label: String {
        switch self {
        case .foster: "Foster care"
        case .kinship: "Kinship foster care"
        case .childrensHome: "Children's home"
        case .secureChildrensHome: "Secure children's home"
        case .supportedAccommodation: "Supported accommodation"
        case .parentAndChild: "Parent and child"
        case .residentialSchool: "Residential school"
        case .placedWithParents: "Placed with parents"
        case .placedForAdoption: "Placed for adoption"
        case .other: "Other"
        }
    }

    /// The case's position in `allCases`. Equality, hashing and order go by it: a raw-valued enum
    /// otherwise compares and hashes its raw string, which dominated the simulation's dictionary
    /// lookups of place slots.
    public var ordinal: Int {
        switch self {
        case .foster: 0
        case .kinship: 1
        case .childrensHome: 2
        case .secureChildrensHome: 3
        case .supportedAccommodation: 4
        case .parentAndChild: 5
        case .residentialSchool: 6
        case .placedWithParents: 7
        case .placedForAdoption: 8
        case .other: 9
        }
    }

    public static func == (lhs: PlacementType, rhs: PlacementType) -> Bool { lhs.ordinal == rhs.ordinal }

    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }

    public static func < (lhs: PlacementType, rhs: PlacementType) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// Who runs a provider.
public enum Sector: String, CaseIterable, Sendable, Codable {
    case localAuthority = "local_authority"
    case `private`
    case voluntary
    case otherPublic = "other_public"

    public var label: String {
        switch self {
        case .localAuthority: "Local authority"
        case .private: "Private"
        case .voluntary: "Voluntary"
        case .otherPublic: "Other public"
        }
    }
}

/// Ofsted's overall judgement, best first.
public enum OfstedRating: String, CaseIterable, Sendable, Codable, Comparable {
    case outstanding
    case good
    case requiresImprovement = "requires_improvement"
    case inadequate
    case notYetInspected = "not_yet_inspected"

    /// Whether a provider with this judgement meets a floor (not yet inspected meets any floor
    /// except outstanding and good, as councils may place with new registered homes).
    public func meets(_ floor: OfstedRating) -> Bool {
        switch (self, floor) {
        case (_, .notYetInspected), (_, .inadequate): true
        case (.notYetInspected, _): floor == .requiresImprovement
        default: self <= floor
        }
    }

    public static func < (lhs: OfstedRating, rhs: OfstedRating) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Needs a child may have that only a provider with the matching specialism can meet.
public enum Requirement: String, CaseIterable, Sendable, Codable, Comparable {
    case disability
    /// Unaccompanied asylum-seeking child.
    case uasc
    case complexNeeds = "complex_needs"

    public static func < (lhs: Requirement, rhs: Requirement) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// An inclusive range of ages in whole years, written `11-15` (or `16` for one year).
public struct AgeBand: Hashable, Sendable, CustomStringConvertible {
    public var minimum: Int
    public var maximum: Int

    public init(minimum: Int, maximum: Int) {
        self.minimum = minimum
        self.maximum = maximum
    }

    public static let all = AgeBand(minimum: 0, maximum: 17)

    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts.last!), low >= 0,
            low <= high, high <= 25
        else { return nil }
        self.init(minimum: low, maximum: high)
    }

    /// Whether every age of `other` lies within this band.
    public func contains(_ other: AgeBand) -> Bool { minimum <= other.minimum && other.maximum <= maximum }

    public var description: String { minimum == maximum ? "\(minimum)" : "\(minimum)-\(maximum)" }
}
