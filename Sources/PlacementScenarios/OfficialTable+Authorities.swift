extension OfficialTable {
    /// One row of the authority list with its geography read and checked.
    package struct AuthorityRow {
        package let row: Row
        package let code: String
        package let latitude: Double
        package let longitude: Double
        package let areaSquareKilometres: Double
    }

    /// The authority list's rows whose code is new and whose centroid and area are real figures (a
    /// latitude and longitude on the globe, an area above 0); every other row is logged with its line,
    /// so a duplicated or damaged row is an error in the file, never a fault further on.
    package func authorityRows(log: inout IssueLog) -> [AuthorityRow] {
        var firstLine: [String: Int] = [:]
        var result: [AuthorityRow] = []
        for row in rows {
            let code = row.text("la_code")
            if let first = firstLine[code] {
                log.error(file, line: row.line, field: "la_code", "\(code) is listed again (first on line \(first))")
                continue
            }
            firstLine[code] = row.line
            guard let latitude = Double(row.text("latitude")), let longitude = Double(row.text("longitude")),
                let area = Double(row.text("area_km2")), (-90...90).contains(latitude),
                (-180...180).contains(longitude), area > 0, area.isFinite
            else {
                log.error(
                    file, line: row.line,
                    "latitude, longitude and area_km2 must be numbers (latitude −90 to 90, longitude −180 to 180, "
                        + "area above 0)")
                continue
            }
            result.append(
                AuthorityRow(
                    row: row, code: code, latitude: latitude, longitude: longitude, areaSquareKilometres: area))
        }
        return result
    }
}
