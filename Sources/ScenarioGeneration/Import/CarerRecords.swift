import PlacementScenarios

/// One row of the carers file (`docs/import-template.md`, `--carers`): a foster household the
/// council has approved, with its approved places, where it lives, the needs and ages it is
/// approved for.
struct CarerRecord {
    var line: Int
    var id: String
    var places: Int
    /// Where the household lives (a GSS code): the council's own area unless given.
    var authority: AuthorityCode
    var approvedFor: Set<Requirement>
    var ages: AgeBand
}

/// Reads the carers file's rows, reporting every problem with the file's line and column.
enum CarerRecords {
    static let required = ["carer_id", "places"]
    /// The columns read when present.
    static let optional = ["authority", "approved_for", "min_age", "max_age"]
    /// More approved places than any household holds: fostering's usual limit is three children,
    /// exceeded only by exemption (a sibling group), so a larger figure is a typing slip.
    static let mostPlaces = 10
    /// The longest id: the household's provider id adds the council's code and `-carer-` (16 bytes)
    /// to it, within the scenario's 64.
    static let longestID = 48

    static func read(
        _ table: CSVTable, council: AuthorityCode, authorities: NameLookup, log: inout IssueLog
    ) -> [CarerRecord] {
        guard !table.rows.isEmpty else {
            if !log.hasErrors {
                log.error(table.file, line: 1, "no foster households: the file has a header and no rows")
            }
            return []
        }
        var records: [CarerRecord] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            var id = row.identifier("carer_id", log: &log)
            if let given = id, given.utf8.count > longestID {
                row.error(
                    "carer_id", "'\(given)' is \(given.utf8.count) bytes long; at most \(longestID) are allowed",
                    log: &log)
                id = nil
            }
            if let given = id, let first = seen[given] {
                // Reported, and the row left out: two households of one id would make one provider twice.
                row.error("carer_id", "duplicate household \(given) (first on line \(first))", log: &log)
                id = nil
            } else if let given = id {
                seen[given] = row.line
            }
            let places = row.requiredCount("places", log: &log, maximum: mostPlaces)
            if places == 0 {
                row.error("places", "is 0; leave out a household with no approved places", log: &log)
            }
            var authority = council
            if let text = row.optionalText("authority") {
                if let code = authorities.code(of: text) {
                    authority = AuthorityCode(rawValue: code)
                } else {
                    row.error("authority", authorities.missing(text), log: &log)
                }
            }
            let approvedFor = row.choices("approved_for", Requirement.self, log: &log)
            let minimum = row.count("min_age", log: &log, maximum: 17) ?? AgeBand.all.minimum
            let maximum = row.count("max_age", log: &log, maximum: 17) ?? AgeBand.all.maximum
            if minimum > maximum {
                row.error("max_age", "\(maximum) is below min_age \(minimum)", log: &log)
            }
            guard let id, let places, places > 0, minimum <= maximum else { continue }
            records.append(
                CarerRecord(
                    line: row.line, id: id, places: places, authority: authority, approvedFor: approvedFor,
                    ages: AgeBand(minimum: minimum, maximum: maximum)))
        }
        return records
    }
}
