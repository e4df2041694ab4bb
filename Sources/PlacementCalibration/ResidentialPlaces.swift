import PlacementScenarios

/// Registered residential places located in one authority at 31 March, by who runs them.
public struct ResidentialPlaces: Sendable, Equatable {
    /// Places in homes that take long-term placements.
    public var registered: [ResidentialSector: Double] = [:]
    /// Places in homes registered for short breaks only.
    public var shortBreakOnly: [ResidentialSector: Double] = [:]

    public init(registered: [ResidentialSector: Double] = [:], shortBreakOnly: [ResidentialSector: Double] = [:]) {
        self.registered = registered
        self.shortBreakOnly = shortBreakOnly
    }
}

/// Who runs a registered home, for capacity.
public enum ResidentialSector: Int, CaseIterable, Sendable, Comparable {
    case council
    case privateSector
    case voluntary

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension ResidentialSector {
    /// Who runs a scenario provider, as residential capacity counts it; nil for other public
    /// providers (not counted as capacity).
    public init?(_ sector: Sector) {
        switch sector {
        case .localAuthority: self = .council
        case .private: self = .privateSector
        case .voluntary: self = .voluntary
        case .otherPublic: return nil
        }
    }

    /// The residential sector of a provider group (any council's homes count as council capacity);
    /// nil for groups that hold no residential places.
    init?(_ group: ProviderGroup) {
        switch group {
        case .ownCouncil, .otherCouncil: self = .council
        case .privateSector: self = .privateSector
        case .voluntary: self = .voluntary
        default: return nil
        }
    }
}
