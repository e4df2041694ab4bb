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
                func share(_ part: Int?) -> Double? {
                    guard let total, total > 0, let part else { return nil }
                    return (Double(part) / Double(total) * 10_000).rounded() / 10_000
                }
                let distance = "Distance between home and placement"
                let over = count(distance, "Placed more than 20 miles from home")
                let within = count(distance, "Placed 20 miles or less from home")
                return PublishedActuals(
                    authority: AuthorityCode(rawValue: authority.code), year: year, childrenLookedAfter: total,
                    ownProvisionShare: share(count("Place providers", "Own provision (by the LA)")),
                    insideBoundaryShare: share(PublishedLocality.sides(count).inside),
                    over20MilesShare: knownDistanceShare(over: over, within: within),
                    childrenWithKnownDistance: over.flatMap { over in within.map { over + $0 } })
            }
        }
    }

    /// `over` ÷ (`over` + `within`), to 4 decimals; nil when either is suppressed or both are none.
    static func knownDistanceShare(over: Int?, within: Int?) -> Double? {
        guard let over, let within, over + within > 0 else { return nil }
        return (Double(over) / Double(over + within) * 10_000).rounded() / 10_000
    }
}
