import PlacementScenarios

/// Each authority's published figures for 2021–2025: children looked after, the share in the
/// council's own provision, inside its boundary (a suppressed count read as `PublishedLocality`
/// reads it), and more than 20 miles from home.
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
                return PublishedActuals(
                    authority: AuthorityCode(rawValue: authority.code), year: year, childrenLookedAfter: total,
                    ownProvisionShare: share(count("Place providers", "Own provision (by the LA)")),
                    insideBoundaryShare: share(PublishedLocality.sides(count).inside),
                    over20MilesShare: share(
                        count("Distance between home and placement", "Placed more than 20 miles from home")))
            }
        }
    }
}
