/// Reads `authorities.csv` and `cooperatives.csv`.
enum AuthorityReader {
    static func authorities(_ table: CSVTable, log: inout IssueLog) -> [Authority] {
        var authorities: [Authority] = []
        var seen: [String: Int] = [:]
        // Codes name report folders, and some file systems do not tell letter case apart.
        var folded: [String: (code: String, line: Int)] = [:]
        var rows: [CSVTable.Row] = []
        for row in table.rows {
            let code = row.identifier("code", log: &log)
            let name = row.required("name", log: &log)
            let latitude = row.requiredNumber("latitude", log: &log, in: -90...90)
            let longitude = row.requiredNumber("longitude", log: &log, in: -180...180)
            let area = row.requiredNumber("area_km2", log: &log, in: Authority.areaRange)
            let population = row.count("children_0_17", log: &log)
            guard let code, let name, let latitude, let longitude, let area else { continue }
            if let first = seen[code] {
                row.error("code", "duplicate authority \(code) (first on line \(first))", log: &log)
                continue
            }
            seen[code] = row.line
            if let other = folded[code.lowercased()] {
                row.error(
                    "code",
                    "\(code) differs from \(other.code) (line \(other.line)) only in letter case; codes name report folders, which some file systems do not tell apart",
                    log: &log)
                continue
            }
            folded[code.lowercased()] = (code, row.line)
            rows.append(row)
            authorities.append(
                Authority(
                    id: AuthorityCode(rawValue: code), name: name, region: row.text("region"),
                    centroid: Coordinate(latitude: latitude, longitude: longitude), areaSquareKilometres: area,
                    childPopulation: population))
        }
        for (row, problem) in zip(rows, LocationCheck.strayCentroids(authorities)) {
            if let problem { row.warning("latitude", problem, log: &log) }
        }
        return authorities
    }

    /// One row per member: `cooperative_id, cooperative_name, authority`.
    static func cooperatives(_ table: CSVTable, known: KnownCodes, log: inout IssueLog) -> [Cooperative] {
        var cooperatives: [Cooperative] = []
        var membership: [String: (cooperative: String, line: Int)] = [:]
        var named: [String: (name: String?, line: Int)] = [:]
        for row in table.rows {
            guard let id = row.identifier("cooperative_id", log: &log),
                let member = row.required("authority", log: &log)
            else { continue }
            guard !known.lacks(member) else {
                row.error("authority", unknownAuthority(member, known: known.listed), log: &log)
                continue
            }
            if let previous = membership[member] {
                let message =
                    previous.cooperative == id
                    ? "\(member) is listed twice in \(id) (first on line \(previous.line))"
                    : "\(member) is already a member of \(previous.cooperative) (line \(previous.line)); an authority can be in one co-operative only"
                row.error("authority", message, log: &log)
                continue
            }
            membership[member] = (id, row.line)
            // A name refused for a control character is said once, as that.
            let given = row.optionalText("cooperative_name").flatMap { ControlCharacters.problem($0) == nil ? $0 : nil }
            // Reports name the co-operative by its first row: another name on a later row is a mistake.
            if let first = named[id], let given, let earlier = first.name, given != earlier {
                row.error(
                    "cooperative_name",
                    "\(id) is named '\(earlier)' on line \(first.line), '\(given)' here; give a co-operative one name",
                    log: &log)
                continue
            }
            if named[id]?.name == nil { named[id] = (given, row.line) }
            let name = named[id]?.name ?? id
            if let index = cooperatives.firstIndex(where: { $0.id.rawValue == id }) {
                cooperatives[index].members.append(AuthorityCode(rawValue: member))
                cooperatives[index].name = name
            } else {
                cooperatives.append(
                    Cooperative(id: CooperativeID(rawValue: id), name: name, members: [AuthorityCode(rawValue: member)])
                )
            }
        }
        return cooperatives
    }

    static func unknownAuthority(_ code: String, known: Set<String>) -> String {
        var message = "unknown authority '\(code)'"
        if let suggestion = nearest(to: code, in: known.sorted()) { message += " (did you mean '\(suggestion)'?)" }
        return message + "; authorities must be listed in the authorities file"
    }
}
