import PlacementScenarios

/// One authority's (or England's) published figures for one year at 31 March: the stock of
/// children looked after by placement group, where they are placed, how far, and by whom. `nil`
/// where DfE suppresses the figure.
public struct PublishedPlacementFigures: Sendable, Equatable {
    /// Children looked after (`Placement: Total`).
    public var total: Int?
    /// Children per placement group; suppressed categories share what the published ones leave of
    /// the total equally (an estimate: a demand input, never a measure).
    public var placements: [PlacementGroup: Double] = [:]
    public var inside: Int?
    public var outside: Int?
    public var within20Miles: Int?
    public var over20Miles: Int?
    /// Children per provider group; `nil` entries are suppressed. Parents and provider not reported,
    /// where suppressed here, are the `Placement` table's count of the same children when published.
    public var providers: [ProviderGroup: Int] = [:]
    public var providersTotal: Int?
    /// Other councils' children placed inside this authority's boundary (`LA of placement`).
    public var otherCouncilsChildrenInside: Int?
    /// `Distance … and locality`: children inside or outside the boundary, within or over 20 miles.
    public var insideWithin20Miles: Int?
    public var insideOver20Miles: Int?
    public var outsideWithin20Miles: Int?
    public var outsideOver20Miles: Int?

    public init() {}

    /// Children in the placement groups (the model's demand).
    public var demand: Double { PlacementGroup.allCases.reduce(0) { $0 + (placements[$1] ?? 0) } }  // in a fixed order

    /// Inside ÷ (inside + outside).
    public var inAreaShare: Double? {
        guard let inside, let outside, inside + outside > 0 else { return nil }
        return Double(inside) / Double(inside + outside)
    }

    /// More than 20 miles ÷ children with a known distance.
    public var over20MilesShare: Double? {
        guard let within20Miles, let over20Miles, within20Miles + over20Miles > 0 else { return nil }
        return Double(over20Miles) / Double(within20Miles + over20Miles)
    }

    /// Children in commissioned provision: the providers' total less parents and provider not reported,
    /// else the sum of the commissioned providers when each is published; unknown when a count it needs
    /// is suppressed (a suppressed count is never read as none).
    public var commissioned: Int? {
        if let providersTotal, let parents = providers[.parents], let notReported = providers[.notReported] {
            let commissioned = providersTotal - parents - notReported
            return commissioned > 0 ? commissioned : nil
        }
        let counts = ProviderGroup.allCases.filter(\.isCommissioned).map { providers[$0] }
        guard counts.allSatisfy({ $0 != nil }) else { return nil }
        let commissioned = counts.reduce(0) { $0 + ($1 ?? 0) }
        return commissioned > 0 ? commissioned : nil
    }

    /// A provider group's children ÷ commissioned children.
    public func providerShare(_ group: ProviderGroup) -> Double? {
        guard let commissioned, let count = providers[group] else { return nil }
        return Double(count) / Double(commissioned)
    }

    /// Of the children placed inside with a known distance, the share more than 20 miles from home.
    public var insideOver20MilesShare: Double? {
        guard let near = insideWithin20Miles, let far = insideOver20Miles, near + far > 0 else { return nil }
        return Double(far) / Double(near + far)
    }

    /// Of the children placed outside with a known distance, the share within 20 miles of home.
    public var outsideWithin20MilesShare: Double? {
        guard let near = outsideWithin20Miles, let far = outsideOver20Miles, near + far > 0 else { return nil }
        return Double(near) / Double(near + far)
    }
}
