import PlacementScenarios

/// One year's as-is placements: children (fractional: an expected stock) per home authority,
/// placement authority, placement group, provider and distance band, with how well the fitting
/// converged.
public struct AsIsAllocation: Sendable {
    public let year: Int
    public let sweeps: Int
    /// The largest relative gap between a met marginal and its target.
    public let largestGap: Double
    /// The largest excess of residential children over usable places (children).
    public let largestExcess: Double
    /// Per authority, the measures a calibration fitted this allocation to (its constraints); nil for
    /// an allocation no published figure of its year constrained (a prediction, a replayed year).
    public let constrained: [Set<FitMeasure>]?
    let layout: CellLayout
    let cells: [Double]

    init(year: Int, layout: CellLayout, fitting: ProportionalFitting, constrained: [Set<FitMeasure>]? = nil) {
        self.year = year
        self.layout = layout
        self.constrained = constrained
        cells = fitting.cells
        sweeps = fitting.sweeps
        largestGap = fitting.largestGap
        largestExcess = fitting.largestExcess
    }

    /// A stock assembled from cells (a replayed year's survivors and new placements).
    init(year: Int, layout: CellLayout, cells: [Double], sweeps: Int, largestGap: Double, largestExcess: Double) {
        self.year = year
        self.layout = layout
        self.cells = cells
        constrained = nil
        self.sweeps = sweeps
        self.largestGap = largestGap
        self.largestExcess = largestExcess
    }

    public var authorities: [Authority] { layout.authorities }

    /// One row of the stock: children from `home` placed in `placement` (`nil`: elsewhere — outside
    /// England or where the data do not say).
    public struct StockRow: Sendable, Equatable {
        public var home: Int
        public var placement: Int?
        public var group: PlacementGroup
        public var provider: ProviderGroup
        public var children: Double
        public var over20Miles: Double
    }

    /// Every cell with at least `minimum` children, in index order.
    public func stock(minimum: Double = 0.0005) -> [StockRow] {
        var rows: [StockRow] = []
        for home in 0..<layout.count {
            for (c, combination) in layout.combinations.enumerated() {
                for destination in 0..<layout.destinations {
                    let i = layout.index(home: home, combination: c, destination: destination, band: 0)
                    let children = cells[i] + cells[i + 1]
                    guard children >= minimum else { continue }
                    rows.append(
                        StockRow(
                            home: home, placement: destination == layout.elsewhere ? nil : destination,
                            group: combination.group, provider: combination.provider, children: children,
                            over20Miles: cells[i + 1]))
                }
            }
        }
        return rows
    }

    /// Modelled figures per home authority (and, for `otherCouncilsChildrenInside`, per placement
    /// authority), in the order of `authorities`.
    public var measures: [AsIsMeasures] { measures(of: Set(PlacementGroup.allCases)) }

    /// The same, counting only children in `groups` (for instance the groups a scenario commissions).
    public func measures(of groups: Set<PlacementGroup>) -> [AsIsMeasures] {
        let n = layout.count
        var result = Array(repeating: AsIsMeasures(), count: n)
        for home in 0..<n {
            for (c, combination) in layout.combinations.enumerated() where groups.contains(combination.group) {
                for destination in 0..<layout.destinations {
                    let i = layout.index(home: home, combination: c, destination: destination, band: 0)
                    let near = cells[i]
                    let far = cells[i + 1]
                    let children = near + far
                    result[home].children += children
                    result[home].over20Miles += far
                    result[home].providers[combination.provider, default: 0] += children
                    if destination == home {
                        result[home].inside += children
                        result[home].insideOver20Miles += far
                    } else {
                        result[home].outsideWithin20Miles += near
                        if destination < n { result[destination].otherCouncilsChildrenInside += children }
                    }
                }
            }
        }
        return result
    }
}

/// The modelled counterparts of the published figures, for one authority or a total.
public struct AsIsMeasures: Sendable, Equatable {
    public var children = 0.0
    public var inside = 0.0
    public var over20Miles = 0.0
    public var providers: [ProviderGroup: Double] = [:]
    public var otherCouncilsChildrenInside = 0.0
    public var insideOver20Miles = 0.0
    public var outsideWithin20Miles = 0.0

    public init() {}

    /// Sums of several authorities' measures.
    public static func total(_ parts: [AsIsMeasures]) -> AsIsMeasures {
        var total = AsIsMeasures()
        for part in parts {
            total.children += part.children
            total.inside += part.inside
            total.over20Miles += part.over20Miles
            for (group, value) in part.providers { total.providers[group, default: 0] += value }
            total.otherCouncilsChildrenInside += part.otherCouncilsChildrenInside
            total.insideOver20Miles += part.insideOver20Miles
            total.outsideWithin20Miles += part.outsideWithin20Miles
        }
        return total
    }

    public var inAreaShare: Double? { children > 0 ? inside / children : nil }
    public var over20MilesShare: Double? { children > 0 ? over20Miles / children : nil }
    /// Summed in the groups' fixed order: a dictionary's order changes from run to run, and so would
    /// the last bits of the sum, and every fit and draw that follows.
    public var commissioned: Double {
        ProviderGroup.allCases.reduce(0) { $1.isCommissioned ? $0 + (providers[$1] ?? 0) : $0 }
    }
    public func providerShare(_ group: ProviderGroup) -> Double? {
        commissioned > 0 ? (providers[group] ?? 0) / commissioned : nil
    }
    public var insideOver20MilesShare: Double? { inside > 0 ? insideOver20Miles / inside : nil }
    public var outsideWithin20MilesShare: Double? {
        children - inside > 0 ? outsideWithin20Miles / (children - inside) : nil
    }
}
