import PlacementScenarios

/// Each authority's published figures for 2021–2025: children looked after, the share in the
/// council's own provision and inside its boundary (a suppressed count read as `PublishedLocality`
/// reads it), of all children looked after; and the share more than 20 miles from home, of children
/// with a known distance (the model gives every child a distance, so this is the share its own
/// compares with, and the as-is baseline's denominator: DfE's "distance not known", mostly
/// unaccompanied asylum-seeking children, is in neither band).
enum PublishedFigures {
    static func actuals(_ data: OfficialData) -> [PublishedActuals] {
        data.authorities.flatMap { authority in
            (2021...2025).map { year in
                func count(_ group: String, _ characteristic: String) -> Int? {
                    data.cell(year, authority.code, group, characteristic)?.value
                }
                let total = count("Placement", "Total")
                let over = count(PublishedLocality.distanceGroup, PublishedLocality.over20Miles)
                let within = count(PublishedLocality.distanceGroup, PublishedLocality.within20Miles)
                let known = over.flatMap { over in within.map { over + $0 } }
                return PublishedActuals(
                    authority: AuthorityCode(rawValue: authority.code), year: year, childrenLookedAfter: total,
                    ownProvisionShare: share(count("Place providers", "Own provision (by the LA)"), of: total),
                    insideBoundaryShare: share(PublishedLocality.sides(count).inside, of: total),
                    over20MilesShare: share(over, of: known), childrenWithKnownDistance: known)
            }
        }
    }

    /// `part` ÷ `whole`, to 6 decimals (a count in a million: at 4, Bolton's 365 of 590 read 0.6186
    /// where DfE's counts give 0.618644, and co-operatives' weighted figures carried the rounding);
    /// nil when either is suppressed or the whole is none.
    static func share(_ part: Int?, of whole: Int?) -> Double? {
        guard let part, let whole, whole > 0 else { return nil }
        return (Double(part) / Double(whole) * 1_000_000).rounded() / 1_000_000
    }
}
