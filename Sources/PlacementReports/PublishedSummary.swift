import PlacementScenarios

/// The published figures of a set of authorities for one year, shares weighted by each authority's
/// children looked after (the share over 20 miles by its children with a known distance, where the
/// scenario gives them). Authorities whose figure is suppressed are left out of that figure's
/// weighting, and counted in `authoritiesMissing`.
struct PublishedSummary {
    var year: Int
    var childrenLookedAfter: Int?
    var ownProvisionShare: Double?
    var insideBoundaryShare: Double?
    var over20MilesShare: Double?
    /// Authorities in the set with no published figure for the year (or a suppressed one).
    var authoritiesMissing: Int

    init(year: Int, authorities: [AuthorityCode], actuals: [PublishedActuals]) {
        self.year = year
        let byAuthority = Dictionary(
            actuals.filter { $0.year == year }.map { ($0.authority, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = authorities.compactMap { byAuthority[$0] }
        authoritiesMissing = authorities.count - rows.filter { $0.childrenLookedAfter != nil }.count
        let counted = rows.compactMap(\.childrenLookedAfter)
        childrenLookedAfter = counted.isEmpty ? nil : counted.reduce(0, +)
        // A share weighted by the children it is a share of: all children looked after, or, for the
        // distance, those with a known distance where the scenario gives them (DfE's England figure).
        func weighted(
            _ share: KeyPath<PublishedActuals, Double?>, of denominator: KeyPath<PublishedActuals, Int?>? = nil
        ) -> Double? {
            var weight = 0.0
            var sum = 0.0
            for row in rows {
                guard let children = denominator.flatMap({ row[keyPath: $0] }) ?? row.childrenLookedAfter,
                    let value = row[keyPath: share]
                else { continue }
                weight += Double(children)
                sum += Double(children) * value
            }
            return weight > 0 ? sum / weight : nil
        }
        ownProvisionShare = weighted(\.ownProvisionShare)
        insideBoundaryShare = weighted(\.insideBoundaryShare)
        over20MilesShare = weighted(\.over20MilesShare, of: \.childrenWithKnownDistance)
    }

    /// Whether any figure is published at all.
    var isEmpty: Bool {
        childrenLookedAfter == nil && ownProvisionShare == nil && insideBoundaryShare == nil && over20MilesShare == nil
    }

    var within20MilesShare: Double? { over20MilesShare.map { 1 - $0 } }

    /// The years the scenario publishes, oldest first.
    static func years(in actuals: [PublishedActuals]) -> [Int] { Set(actuals.map(\.year)).sorted() }
}
