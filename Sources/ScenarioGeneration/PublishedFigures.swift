import PlacementScenarios

/// Each authority's published figures for 2021–2025: children looked after, the share in the
/// council's own provision, inside its boundary, and more than 20 miles from home.
enum PublishedFigures {
    static func actuals(_ data: OfficialData) -> [PublishedActuals] {
        data.authorities.flatMap { authority in
            (2021...2025).map { year in
                let total = data.cell(year, authority.code, "Placement", "Total")?.value
                func share(_ part: Int?) -> Double? {
                    guard let total, total > 0, let part else { return nil }
                    return (Double(part) / Double(total) * 10_000).rounded() / 10_000
                }
                func count(_ group: String, _ characteristic: String) -> Int? {
                    data.cell(year, authority.code, group, characteristic)?.value
                }
                return PublishedActuals(
                    authority: AuthorityCode(rawValue: authority.code), year: year, childrenLookedAfter: total,
                    ownProvisionShare: share(count("Place providers", "Own provision (by the LA)")),
                    insideBoundaryShare: share(insideBoundary(data, year, authority.code)),
                    over20MilesShare: share(
                        count("Distance between home and placement", "Placed more than 20 miles from home")))
            }
        }
    }

    static let locality = "Locality of placement"
    static let joint = "Distance between home and placement and locality of placement"
    static let outsideCells = [
        "2. Placed outside the LA boundary, 20 miles or less from home",
        "4. Placed outside the LA boundary, more than 20 miles from home",
        "6. Placed outside the LA boundary, distance not known or not recorded",
    ]

    /// Children placed inside the boundary: published, else the locality's total less the joint
    /// table's cells outside (those of unknown distance included: equal to the locality's outside
    /// count in every authority-year where both are published, 2021–2025).
    static func insideBoundary(_ data: OfficialData, _ year: Int, _ code: String) -> Int? {
        if let inside = data.cell(year, code, locality, "Placed inside the local authority boundary")?.value {
            return inside
        }
        guard let total = data.cell(year, code, locality, "Total")?.value else { return nil }
        let outside = outsideCells.map { data.cell(year, code, joint, $0)?.value }
        guard outside.allSatisfy({ $0 != nil }) else { return nil }
        return max(0, total - outside.reduce(0) { $0 + ($1 ?? 0) })
    }
}
