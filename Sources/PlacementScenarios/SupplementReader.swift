/// Reads the optional tables: distance overrides and published actuals.
enum SupplementReader {
    /// `from_authority, to_authority, miles`.
    static func distances(_ table: CSVTable, known: KnownCodes, log: inout IssueLog) -> [AuthorityPair: Double] {
        var distances: [AuthorityPair: Double] = [:]
        for row in table.rows {
            let from = row.required("from_authority", log: &log)
            let to = row.required("to_authority", log: &log)
            for (field, code) in [("from_authority", from), ("to_authority", to)] {
                if let code, known.lacks(code) {
                    row.error(field, AuthorityReader.unknownAuthority(code, known: known.listed), log: &log)
                }
            }
            let miles = row.requiredNumber("miles", log: &log, in: 0...2_000)
            guard let from, let to, !known.lacks(from), !known.lacks(to), let miles else { continue }
            let pair = AuthorityPair(from: AuthorityCode(rawValue: from), to: AuthorityCode(rawValue: to))
            if distances[pair] != nil {
                log.error(table.file, line: row.line, "distance from \(from) to \(to) is given twice")
            }
            distances[pair] = miles
        }
        return distances
    }

    /// `authority, year, children_looked_after, own_provision_share, inside_boundary_share, over_20_miles_share`
    /// and, optionally, `children_with_known_distance`.
    static func actuals(_ table: CSVTable, known: KnownCodes, log: inout IssueLog) -> [PublishedActuals] {
        var actuals: [PublishedActuals] = []
        // One row per authority and year: a second would be read as nothing, silently.
        struct Key: Hashable {
            var authority: AuthorityCode
            var year: Int
        }
        var firstLine: [Key: Int] = [:]
        for row in table.rows {
            let authority = row.required("authority", log: &log)
            if let authority, known.lacks(authority) {
                row.error(
                    "authority",
                    AuthorityReader.unknownAuthority(authority, known: known.listed), log: &log)
            }
            let year = row.requiredYear(log: &log)
            let children = row.count("children_looked_after", log: &log)
            let own = row.number("own_provision_share", log: &log, in: 0...1)
            let inside = row.number("inside_boundary_share", log: &log, in: 0...1)
            let far = row.number("over_20_miles_share", log: &log, in: 0...1)
            var withDistance = row.count("children_with_known_distance", log: &log)
            // Children with a known distance are some of the children looked after.
            if let known = withDistance, let children, known > children {
                row.error(
                    "children_with_known_distance",
                    "\(known) is more than the \(children) children looked after (children_looked_after) it is a "
                        + "part of", log: &log)
                withDistance = nil
            }
            if children == 0,
                let column = [
                    ("own_provision_share", own), ("inside_boundary_share", inside), ("over_20_miles_share", far),
                ].first(where: { $0.1 != nil })?.0
            {
                row.warning(
                    column, "a share of no children (children_looked_after is 0) weighs nothing and is not used",
                    log: &log)
            }
            guard let authority, !known.lacks(authority), let year else { continue }
            let key = Key(authority: AuthorityCode(rawValue: authority), year: year)
            if let first = firstLine[key] {
                row.error("year", "\(authority) \(year) is given twice (first on line \(first))", log: &log)
                continue
            }
            firstLine[key] = row.line
            actuals.append(
                PublishedActuals(
                    authority: AuthorityCode(rawValue: authority), year: year, childrenLookedAfter: children,
                    ownProvisionShare: own,
                    insideBoundaryShare: inside, over20MilesShare: far, childrenWithKnownDistance: withDistance))
        }
        return actuals
    }
}
