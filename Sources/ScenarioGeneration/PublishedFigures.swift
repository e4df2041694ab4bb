import PlacementScenarios

/// Each authority's published figures for 2021–2025: children looked after, the share in the
/// council's own provision, inside its boundary, and more than 20 miles from home.
enum PublishedFigures {
    static func actuals(_ data: OfficialData) -> [PublishedActuals] {
        data.authorities.flatMap { authority in
            (2021...2025).map { year in
                let total = data.cell(year, authority.code, "Placement", "Total")?.value
                func share(_ group: String, _ characteristic: String) -> Double? {
                    guard let total, total > 0, let part = data.cell(year, authority.code, group, characteristic)?.value
                    else { return nil }
                    return (Double(part) / Double(total) * 10_000).rounded() / 10_000
                }
                return PublishedActuals(
                    authority: AuthorityCode(rawValue: authority.code), year: year, childrenLookedAfter: total,
                    ownProvisionShare: share("Place providers", "Own provision (by the LA)"),
                    insideBoundaryShare: share("Locality of placement", "Placed inside the local authority boundary"),
                    over20MilesShare: share(
                        "Distance between home and placement", "Placed more than 20 miles from home"))
            }
        }
    }
}
