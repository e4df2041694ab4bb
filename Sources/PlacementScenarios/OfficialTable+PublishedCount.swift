/// A `number` cell of DfE's long-format tables: a count, or one of DfE's suppression markers (the
/// figure is unknown, never zero).
package enum PublishedNumber: Equatable {
    case count(Int)
    /// The marker as written (`c`, `k`, `x`, …; an empty cell reads as `x`, not available).
    case suppressed(marker: String)

    /// The count, or `nil` where it is suppressed.
    package var count: Int? {
        if case .count(let number) = self { number } else { nil }
    }
}

extension OfficialTable.Row {
    /// The row's `year` and `number`, as every reader of DfE's long-format tables takes them; `nil`
    /// when either is neither a year nor a count or marker, the problem logged against the file, line
    /// and field.
    package func publishedCount(log: inout IssueLog) -> (year: Int, number: PublishedNumber)? {
        guard let year = OfficialTables.year(text("year")) else {
            log.error(file, line: line, field: "year", OfficialTables.notAYear(text("year")))
            return nil
        }
        let text = text("number")
        if let number = Int(text), number >= 0 {
            guard number <= OfficialTables.largestCount else {
                log.error(
                    file, line: line, field: "number",
                    "\(number) is above the largest count allowed, \(NumberText.grouped(OfficialTables.largestCount))"
                )
                return nil
            }
            return (year, .count(number))
        }
        guard OfficialTables.isSuppressed(text) else {
            log.error(file, line: line, field: "number", "'\(text)' is neither a count nor a marker")
            return nil
        }
        return (year, .suppressed(marker: text.isEmpty ? "x" : text))
    }
}
