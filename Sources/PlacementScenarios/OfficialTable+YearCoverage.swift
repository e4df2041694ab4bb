extension OfficialTable {
    /// The authorities each year of one of DfE's long-format tables has rows for, so that a year with
    /// the figures of only a sliver of them (a mistyped `year`, a cut-short release) is refused where it
    /// is read: the commands take the last year there is as today's, and would otherwise calibrate,
    /// simulate or forecast from a handful of rows, silently.
    package struct YearCoverage {
        private var authorities: [Int: Set<String>] = [:]
        private var published: Set<Int> = []
        private var firstLine: [Int: Int] = [:]
        private var file = ""

        package init() {}

        /// Counts `row`, read as of `year` with its `number`. Its year counts whatever its level, as the
        /// readers take their years from every row; only an authority's row counts that authority, and
        /// only an authority's count (not a suppression marker) makes its year published.
        package mutating func count(_ row: Row, year: Int, number: PublishedNumber) {
            file = row.file
            if firstLine[year] == nil { firstLine[year] = row.line }
            guard row.text("geographic_level") == "Local authority" else {
                if authorities[year] == nil { authorities[year] = [] }
                return
            }
            authorities[year, default: []].insert(row.text("la_code"))
            if number.count != nil { published.insert(year) }
        }

        /// The years with rows, in order.
        package var years: [Int] { authorities.keys.sorted() }

        /// The years with at least one authority's published figure, in order: a year whose every
        /// authority figure is suppressed (`c`, `x`, …) has rows but nothing to calibrate, simulate or
        /// forecast from, and is treated as a year the table does not publish.
        package var publishedYears: [Int] { published.sorted() }

        /// Logs, against the year's first line and its `year` field, every year with rows for half the
        /// authorities of the table's fullest year or fewer (a published year has most of them). Relative
        /// to the table rather than to the authority list, so that a table cut down to a few authorities
        /// in every year still reads.
        package func check(log: inout IssueLog) {
            // The fullest year, the latest of equals (the message names the same one every run).
            var fullest = 0
            var most = 0
            for year in years where (authorities[year]?.count ?? 0) >= most {
                (fullest, most) = (year, authorities[year]?.count ?? 0)
            }
            // A table of national or regional rows alone has no authority to count.
            guard most > 0 else { return }
            for year in years {
                let count = authorities[year]?.count ?? 0
                guard 2 * count <= most else { continue }
                let found =
                    count == 0
                    ? "\(year) has national or regional rows only, no authority's figures (\(fullest) has \(most))"
                    : "\(year) has figures for only \(count) authorit\(count == 1 ? "y" : "ies"), \(fullest) for \(most)"
                log.error(
                    file, line: firstLine[year], field: "year",
                    found
                        + ": a year with half the authorities' figures or fewer is refused (a stray or cut-short year)")
            }
        }
    }
}
