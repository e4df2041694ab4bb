import PlacementScenarios

/// The published figures of a set of authorities for one year, shares weighted by each authority's
/// children looked after (the share over 20 miles by its children with a known distance, where the
/// scenario gives them). Authorities whose figure is suppressed are left out of that figure's
/// weighting, and counted in `authoritiesMissing`, but for one: over several authorities, an
/// own-provision count DfE suppresses where it publishes the authority's other shares counts as none
/// (``ownProvisionSuppressed``); a single authority's stays unpublished.
struct PublishedSummary {
    var year: Int
    var childrenLookedAfter: Int?
    var ownProvisionShare: Double?
    var insideBoundaryShare: Double?
    var over20MilesShare: Double?
    /// Authorities in the set with no published figure for the year (or a suppressed one).
    var authoritiesMissing: Int { missingAuthorities.count }
    /// Those authorities, in the order asked.
    var missingAuthorities: [AuthorityCode]
    /// Authorities whose own-provision count DfE suppresses while publishing their other shares,
    /// counted as providing none: DfE suppresses counts of a handful of children, and a children's
    /// trust's provision is not the council's own (Birmingham, Bradford, North Northamptonshire).
    /// Left out, they raised England's 2025 share to 45.5% against DfE's 42.9%; counted as none it is
    /// 42.9% (DfE's own count of England is 9 children above the authorities' sum: their handful).
    var ownProvisionSuppressed: Int { ownProvisionSuppressedAuthorities.count }
    /// Those authorities, in the order asked.
    var ownProvisionSuppressedAuthorities: [AuthorityCode] = []

    init(year: Int, authorities: [AuthorityCode], actuals: [PublishedActuals]) {
        self.year = year
        let byAuthority = Dictionary(
            actuals.filter { $0.year == year }.map { ($0.authority, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = authorities.compactMap { byAuthority[$0] }
        let counted = Set(rows.filter { $0.childrenLookedAfter != nil }.map(\.authority))
        missingAuthorities = authorities.filter { !counted.contains($0) }
        let children = rows.compactMap(\.childrenLookedAfter)
        childrenLookedAfter = children.isEmpty ? nil : children.reduce(0, +)
        // A share weighted by the children it is a share of: all children looked after, or, for the
        // distance, those with a known distance where the scenario gives them (DfE's England figure).
        func weighted(
            _ share: KeyPath<PublishedActuals, Double?>, of denominator: KeyPath<PublishedActuals, Int?>? = nil,
            suppressedAsNone: Bool = false
        ) -> Double? {
            var weight = 0.0
            var sum = 0.0
            for row in rows {
                guard let children = denominator.flatMap({ row[keyPath: $0] }) ?? row.childrenLookedAfter else {
                    continue
                }
                let value: Double
                if let published = row[keyPath: share] {
                    value = published
                } else if suppressedAsNone, Self.ownProvisionSuppressed(row) {
                    value = 0
                } else {
                    continue
                }
                weight += Double(children)
                sum += Double(children) * value
            }
            return weight > 0 ? sum / weight : nil
        }
        // Only over several authorities: one authority's suppressed count stays unpublished, not 0%.
        let several = rows.count > 1
        ownProvisionSuppressedAuthorities = several ? rows.filter(Self.ownProvisionSuppressed).map(\.authority) : []
        ownProvisionShare = weighted(\.ownProvisionShare, suppressedAsNone: several)
        insideBoundaryShare = weighted(\.insideBoundaryShare)
        over20MilesShare = weighted(\.over20MilesShare, of: \.childrenWithKnownDistance)
    }

    /// Whether DfE suppresses the authority's own-provision count while publishing its children and
    /// its in-area share: a handful of children, or a children's trust's provision.
    static func ownProvisionSuppressed(_ row: PublishedActuals) -> Bool {
        row.childrenLookedAfter != nil && row.ownProvisionShare == nil && row.insideBoundaryShare != nil
    }

    /// Whether any figure is published at all.
    var isEmpty: Bool {
        childrenLookedAfter == nil && ownProvisionShare == nil && insideBoundaryShare == nil && over20MilesShare == nil
    }

    var within20MilesShare: Double? { over20MilesShare.map { 1 - $0 } }

    /// The years the scenario publishes, oldest first.
    static func years(in actuals: [PublishedActuals]) -> [Int] { Set(actuals.map(\.year)).sorted() }
}
