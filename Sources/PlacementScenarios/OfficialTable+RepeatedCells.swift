extension OfficialTable {
    /// The cells of one of DfE's long-format tables already read, so that a figure given twice (a row
    /// pasted twice, two releases of one year joined) is refused where it is read: the readers keep one
    /// figure per year, area, group and characteristic, and would otherwise take the last row silently,
    /// however far it is from the first.
    package struct RepeatedCells {
        private struct Key: Hashable {
            var year: Int
            var level: String
            var area: String
            var group: String
            var characteristic: String
        }

        private var firstLine: [Key: Int] = [:]

        package init() {}

        /// Notes `row`, read as of `year`; logs it against its line and `characteristic` field when an
        /// earlier row gave the same year, level, area (the authority's code, or the region's name for a
        /// regional row), group and characteristic.
        package mutating func note(_ row: Row, year: Int, log: inout IssueLog) {
            let level = row.text("geographic_level")
            let area = level == "Regional" ? row.text("region_name") : row.text("la_code")
            let key = Key(
                year: year, level: level, area: area, group: row.text("group"),
                characteristic: row.text("characteristic"))
            guard let first = firstLine[key] else {
                firstLine[key] = row.line
                return
            }
            log.error(
                row.file, line: row.line, field: "characteristic",
                "repeats the figure of line \(first) (\(year), \(area.isEmpty ? level : area), \(key.group): "
                    + "\(key.characteristic)): each figure is published once")
        }
    }
}
