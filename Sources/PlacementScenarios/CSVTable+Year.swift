extension CSVTable.Row {
    /// The row's `year`: a whole number in the range DfE's tables are read in (``OfficialTables/years``),
    /// so that `0`, `1989` or `2024.5` is refused at its cell, as an official table refuses it.
    func requiredYear(log: inout IssueLog) -> Int? {
        guard let year = requiredCount("year", log: &log) else { return nil }
        guard OfficialTables.years.contains(year) else {
            error("year", OfficialTables.notAYear(text("year")), log: &log)
            return nil
        }
        return year
    }
}
