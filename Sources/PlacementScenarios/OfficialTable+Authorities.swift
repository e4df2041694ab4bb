extension OfficialTable {
    /// One row of the authority list with its geography read and checked.
    package struct AuthorityRow {
        package let row: Row
        package let code: String
        package let latitude: Double
        package let longitude: Double
        package let areaSquareKilometres: Double
        package let name: String
        /// Children aged 0–17 (`children_0_17_2024`), when the list gives them.
        package let childPopulation: Int?
    }

    /// The authority list's column of children aged 0–17.
    package static let childPopulationColumn = "children_0_17_2024"
    /// The columns the authority list must have.
    package static let authorityColumns = [
        "la_code", "la_name", "region", "latitude", "longitude", "area_km2", childPopulationColumn,
    ]

    /// The authority list's rows whose code is new, whose name is given, whose centroid and area are
    /// real figures (a latitude and longitude on the globe, an area above 0) and whose child population,
    /// when given, is a whole number; every other row is logged with its line, so a duplicated or
    /// damaged row is an error in the file, never a fault further on.
    package func authorityRows(log: inout IssueLog) -> [AuthorityRow] {
        var firstLine: [String: Int] = [:]
        var result: [AuthorityRow] = []
        for row in rows {
            let code = row.text("la_code")
            let name = row.text("la_name")
            guard !code.isEmpty, !name.isEmpty else {
                log.error(file, line: row.line, field: code.isEmpty ? "la_code" : "la_name", "is required")
                continue
            }
            let population = row.text(Self.childPopulationColumn)
            let childPopulation = Int(population)
            guard population.isEmpty || (childPopulation.map { (0...CSVTable.largestCount).contains($0) } ?? false)
            else {
                log.error(
                    file, line: row.line, field: Self.childPopulationColumn,
                    "must be a whole number of children from 0 to \(NumberText.grouped(CSVTable.largestCount)); got '\(population)'"
                )
                continue
            }
            if let first = firstLine[code] {
                log.error(file, line: row.line, field: "la_code", "\(code) is listed again (first on line \(first))")
                continue
            }
            firstLine[code] = row.line
            // Each in the range a scenario's `authorities.csv` accepts, so what is read here is written
            // into scenarios that load.
            func number(_ column: String, in range: ClosedRange<Double>, _ what: String) -> Double? {
                let text = row.text(column)
                guard let value = Double(text), range.contains(value) else {
                    log.error(file, line: row.line, field: column, "must be \(what); got '\(text)'")
                    return nil
                }
                return value
            }
            let latitude = number("latitude", in: -90...90, "a latitude from −90 to 90")
            let longitude = number("longitude", in: -180...180, "a longitude from −180 to 180")
            let area = number(
                "area_km2", in: Authority.areaRange,
                "an area in square kilometres from \(NumberText.decimal(Authority.areaRange.lowerBound, places: 2)) "
                    + "to \(NumberText.grouped(Authority.areaRange.upperBound))")
            guard let latitude, let longitude, let area else { continue }
            result.append(
                AuthorityRow(
                    row: row, code: code, latitude: latitude, longitude: longitude, areaSquareKilometres: area,
                    name: name, childPopulation: childPopulation))
        }
        return result
    }
}
