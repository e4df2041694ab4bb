import Foundation

/// A CSV file (quoted fields, UTF-8 byte-order mark, CRLF; see ``CSVRecords``), with each record's
/// line and each field's column kept for error messages.
public struct CSVTable: Sendable {
    public let file: String
    public let header: [String]
    /// 1-based column where each heading starts on line 1.
    public let headerColumns: [Int]
    let records: [Record]

    struct Record: Sendable {
        /// 1-based physical line where the record starts (the header is line 1).
        let line: Int
        let fields: [String]
        /// 1-based column where each field starts.
        let columns: [Int]
        /// Indices of the fields refused for a control character: that is their one error.
        var refused: Set<Int> = []
    }

    /// The most places, or children, one row may give: far beyond any real provider or cohort, and
    /// small enough that sums of them stay exact and within what GLPK's integer bounds hold.
    public static let largestCount = 1_000_000

    /// Reads the file at `path` (any path: for data files outside a scenario; scenario tables are
    /// read through ``ScenarioFolder``), reporting what ``parse(_:file:required:log:)`` reports.
    public static func read(_ path: String, file: String, required: [String], log: inout IssueLog) -> CSVTable? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(file, "cannot read the file (\(UnreadableFile.described(path)))")
            return nil
        }
        return parse(data, file: file, required: required, log: &log)
    }

    /// Parses `data`, reporting text that is not UTF-8 or not CSV, missing or repeated columns and
    /// ragged rows, each with its line; and a control character in a field of `plainColumns` (see
    /// ``ControlCharacters``): the other columns, ignored by the reader, may hold anything.
    package static func parse(
        _ data: Data, file: String, required: [String], plainColumns: Set<String> = [], log: inout IssueLog
    ) -> CSVTable? {
        var bytes = [UInt8](data)
        // Every leading byte-order mark: a file saved twice by tools that each add one has two, and the
        // second had read as part of the first column's name ("required column is missing").
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = NotUTF8.find(bytes) {
            log.error(
                file, line: problem.line, column: problem.column, field: column(holding: problem.offset, in: bytes),
                problem.message(.csv))
            return nil
        }
        let parsed: [CSVRecords.Record]
        do {
            parsed = try CSVRecords.parse(bytes)
        } catch {
            // A spreadsheet's export in another separator, its fields quoted, fails as CSV on line 1.
            if let separator = otherSeparator(firstLine: bytes) {
                log.error(file, line: 1, separatorMessage(separator))
            } else {
                log.error(file, line: error.line, column: error.column, "is not valid CSV: \(error.message)")
            }
            return nil
        }
        guard let first = parsed.first else {
            log.error(file, line: 1, "has no header row")
            return nil
        }
        // Headers read like values: `Home Authority` and `home-authority` are `home_authority`.
        let header = first.fields.map { Row.normalise($0.text.trimmingBlanks) }
        guard header != [""] else {
            log.error(file, line: 1, "has no header row")
            return nil
        }
        // A spreadsheet's export in another separator reads as one column: say so, not every column missing.
        if header.count == 1, let separator = separators.first(where: { first.fields[0].text.contains($0) }),
            !required.allSatisfy(header.contains)
        {
            log.error(file, line: 1, separatorMessage(separator))
            return nil
        }
        // A heading holding a control character names no column the reader knows: said at the heading,
        // not as the column it was meant to be going missing (nor, for an optional one, not at all).
        let garbled = first.fields.compactMap { field in
            ControlCharacters.problem(field.text.trimmingBlanks).map { (field.column, $0) }
        }
        for (column, problem) in garbled {
            log.error(file, line: 1, column: column, "heading \(problem)")
        }
        guard garbled.isEmpty else { return nil }
        let missing = required.filter { !header.contains($0) }
        for column in missing {
            log.error(file, line: 1, field: column, "required column is missing")
        }
        var seen: Set<String> = []
        // A blank heading (a spreadsheet's trailing empty cells) names no column: its fields are ignored.
        for (column, name) in zip(first.fields, header) where !name.isEmpty && !seen.insert(name).inserted {
            log.error(file, line: 1, column: column.column, field: name, "column appears twice")
        }
        guard missing.isEmpty else { return nil }
        var records: [Record] = []
        // Headings left blank at the end of the header (a trailing comma): a row may stop before them.
        let blankTail = header.reversed().prefix { $0.isEmpty }.count
        for raw in parsed.dropFirst() {
            var fields = raw.fields.map(\.text.trimmingBlanks)
            if fields.allSatisfy(\.isEmpty) { continue }
            var columns = raw.fields.map(\.column)
            if fields.count < header.count, header.count - fields.count <= blankTail {
                let last = columns.last ?? 1
                columns += Array(repeating: last, count: header.count - fields.count)
                fields += Array(repeating: "", count: header.count - fields.count)
            }
            guard fields.count == header.count else {
                log.error(
                    file, line: raw.line,
                    "has \(fields.count) fields; the header has \(header.count)"
                        + Self.splitNumberHint(fields, header.count))
                continue
            }
            var record = Record(line: raw.line, fields: fields, columns: columns)
            for (index, name) in header.enumerated() where plainColumns.contains(name) {
                guard let problem = ControlCharacters.problem(fields[index]) else { continue }
                log.error(file, line: raw.line, column: record.columns[index], field: name, problem)
                record.refused.insert(index)
            }
            records.append(record)
        }
        // A column with no heading is read by nobody: said once, at its first value, when it holds any.
        for (index, name) in header.enumerated() where name.isEmpty {
            guard let record = records.first(where: { !$0.fields[index].isEmpty }) else { continue }
            log.warning(
                file, line: record.line, column: record.columns[index],
                "a value in a column with no heading (column \(index + 1)), which is not read; give the column its "
                    + "name if it should be")
        }
        return CSVTable(file: file, header: header, headerColumns: first.fields.map(\.column), records: records)
    }

    /// The separators a spreadsheet may export with instead of commas.
    private static let separators = [";", "\t", "|"]

    private static func separatorMessage(_ separator: String) -> String {
        let name = separator == "\t" ? "tabs" : "'\(separator)'"
        return "the header is one column separated by \(name), not commas: save the file as comma-separated CSV "
            + "(CSV UTF-8 in Excel)"
    }

    /// The separator of a first line that holds no comma but another separator, if any.
    private static func otherSeparator(firstLine bytes: [UInt8]) -> String? {
        let end = bytes.firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? bytes.endIndex
        let line = String(decoding: bytes[..<end], as: UTF8.self)
        guard !line.contains(",") else { return nil }
        return separators.first { line.contains($0) }
    }

    /// The name of the column whose field holds byte `offset`, the text read as well as bytes that are
    /// not UTF-8 allow; nil in the header, past the header's columns, or when the text is not CSV either.
    private static func column(holding offset: Int, in bytes: [UInt8]) -> String? {
        guard let records = try? CSVRecords.parse(bytes), let header = records.first,
            let record = records.last(where: { $0.fields[0].offset <= offset }), record.line != header.line,
            let index = record.fields.lastIndex(where: { $0.offset <= offset }), index < header.fields.count
        else { return nil }
        return Row.normalise(header.fields[index].text.trimmingBlanks)
    }

    /// Reads fields of one record by column name, logging malformed values.
    public struct Row {
        let table: CSVTable
        let record: Record

        public var line: Int { record.line }

        /// The 1-based column where `column`'s field starts.
        package func position(of column: String) -> Int? {
            table.header.firstIndex(of: column).map { record.columns[$0] }
        }

        /// Whether `column`'s field was refused for a control character, so nothing more is said of it.
        private func isRefused(_ column: String) -> Bool {
            table.header.firstIndex(of: column).map { record.refused.contains($0) } ?? false
        }

        /// Logs an error about `column`'s field, located by file, line and column.
        package func error(_ column: String, _ message: String, log: inout IssueLog) {
            guard !isRefused(column) else { return }
            log.error(table.file, line: line, column: position(of: column), field: column, message)
        }

        /// Logs a warning about `column`'s field, located like an error.
        package func warning(_ column: String, _ message: String, log: inout IssueLog) {
            guard !isRefused(column) else { return }
            log.warning(table.file, line: line, column: position(of: column), field: column, message)
        }

        /// The trimmed field, or "" when the column is absent from the file.
        public func text(_ column: String) -> String {
            guard let index = table.header.firstIndex(of: column) else { return "" }
            return record.fields[index]
        }

        public func optionalText(_ column: String) -> String? {
            let value = text(column)
            return value.isEmpty ? nil : value
        }

        package func required(_ column: String, log: inout IssueLog) -> String? {
            let value = text(column)
            if value.isEmpty { error(column, "is empty", log: &log) }
            return value.isEmpty ? nil : value
        }

        /// A field that defines an id or code: present, and following ``IdentifierRules``'s rules.
        package func identifier(_ column: String, log: inout IssueLog) -> String? {
            guard let value = required(column, log: &log) else { return nil }
            return checkedIdentifier(column, value, log: &log)
        }

        /// `value` when it follows ``IdentifierRules``'s rules; otherwise the problem is logged.
        package func checkedIdentifier(_ column: String, _ value: String, log: inout IssueLog) -> String? {
            guard let problem = IdentifierRules.problem(value) else { return value }
            error(column, "'\(value)' \(problem)", log: &log)
            return nil
        }

        package func number(_ column: String, log: inout IssueLog, in range: ClosedRange<Double>? = nil) -> Double? {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            guard let number = DecimalNumber.parse(value) else {
                var message = "'\(value)' is not a number"
                if let amount = DecimalNumber.parseAmount(value) {
                    message += "; write \(DecimalNumber.format(amount)) (no £ sign or thousands separators)"
                }
                error(column, message, log: &log)
                return nil
            }
            if let range, !range.contains(number) {
                error(
                    column,
                    "\(value) is out of range (\(DecimalNumber.format(range.lowerBound)) to \(DecimalNumber.format(range.upperBound)))",
                    log: &log)
                return nil
            }
            return number
        }

        /// A number that must be present.
        package func requiredNumber(_ column: String, log: inout IssueLog, in range: ClosedRange<Double>? = nil)
            -> Double?
        {
            if text(column).isEmpty { error(column, "is empty", log: &log) }
            return number(column, log: &log, in: range)
        }

        /// A whole number that must be present.
        package func requiredCount(_ column: String, log: inout IssueLog, maximum: Int = CSVTable.largestCount) -> Int?
        {
            if text(column).isEmpty { error(column, "is empty", log: &log) }
            return count(column, log: &log, maximum: maximum)
        }

        /// A vocabulary value that must be present.
        func requiredChoice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, log: inout IssueLog)
            -> T?
        where T.RawValue == String {
            if text(column).isEmpty { error(column, "is empty", log: &log) }
            return choice(column, type, log: &log)
        }

        /// A whole number from 0 to `maximum`.
        package func count(_ column: String, log: inout IssueLog, maximum: Int = CSVTable.largestCount) -> Int? {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            // Exports often write counts as 3.0.
            guard let number = DecimalNumber.parse(value), number == number.rounded() else {
                error(column, "'\(value)' is not a whole number", log: &log)
                return nil
            }
            guard number >= 0 else {
                error(column, "\(value) is negative", log: &log)
                return nil
            }
            guard number <= Double(maximum) else {
                error(column, "\(value) is above the largest allowed, \(maximum)", log: &log)
                return nil
            }
            return Int(number)
        }

        func choice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, log: inout IssueLog) -> T?
        where T.RawValue == String {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            let normalised = Self.normalise(value)
            if let match = T(rawValue: normalised) { return match }
            let names = T.allCases.map(\.rawValue)
            var message = "unknown value '\(value)'"
            if let suggestion = nearest(to: normalised, in: names) { message += " (did you mean '\(suggestion)'?)" }
            error(column, message + "; expected one of \(names.joined(separator: ", "))", log: &log)
            return nil
        }

        /// `a;b;c` lists of a vocabulary.
        package func choices<T: RawRepresentable & CaseIterable & Hashable>(
            _ column: String, _ type: T.Type, log: inout IssueLog
        )
            -> Set<T>
        where T.RawValue == String {
            var result: Set<T> = []
            for item in text(column).split(separator: ";") {
                let value = Self.normalise(String(item))
                guard !value.isEmpty else { continue }
                if let match = T(rawValue: value) {
                    result.insert(match)
                } else {
                    let names = T.allCases.map(\.rawValue)
                    var message = "unknown value '\(item)'"
                    if let suggestion = nearest(to: value, in: names) { message += " (did you mean '\(suggestion)'?)" }
                    error(
                        column, message + "; expected any of \(names.joined(separator: ", ")), separated by ;",
                        log: &log)
                }
            }
            return result
        }

        /// Lower case with spaces, hyphens and apostrophes folded, so "Children's home" reads as childrens_home.
        package static func normalise(_ value: String) -> String {
            var result = ""
            var separated = false
            for character in value.lowercased() {
                switch character {
                case "'", "’": continue
                case " ", "-", "_": separated = !result.isEmpty
                default:
                    if separated { result.append("_") }
                    separated = false
                    result.append(character)
                }
            }
            return result
        }
    }

    public var rows: [Row] { records.map { Row(table: self, record: $0) } }

    /// The column where field `name` starts on the record at `line`.
    package func column(of name: String, line: Int) -> Int? {
        guard let index = header.firstIndex(of: name), let record = records.first(where: { $0.line == line }) else {
            return nil
        }
        return record.columns[index]
    }

    /// A hint when a row's extra fields look like a number split at its thousands commas (`£1,050.50`
    /// unquoted reads as `£1` and `050.50`; `£12,345,678` as three fields).
    static func splitNumberHint(_ fields: [String], _ expected: Int) -> String {
        guard fields.count > expected else { return "" }
        func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        /// A group after a thousands comma: three digits, pence after the last.
        func group(_ text: String) -> (isGroup: Bool, hasPence: Bool) {
            let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let isGroup = parts[0].count == 3 && digits(parts[0]) && (parts.count == 1 || digits(parts[1]))
            return (isGroup, parts.count == 2)
        }
        for start in fields.indices.dropLast() {
            let leading = fields[start]
            let whole = leading.hasPrefix("£") ? leading.dropFirst() : Substring(leading)
            guard (1...3).contains(whole.count), digits(whole) else { continue }
            var end = start
            while end + 1 < fields.count, group(fields[end + 1]).isGroup {
                end += 1
                if group(fields[end]).hasPence { break }
            }
            // A pound sign or pence make it money, not small counts side by side.
            guard end > start, leading.hasPrefix("£") || group(fields[end]).hasPence else { continue }
            let number = fields[start...end].joined(separator: ",")
            return " ('\(number)' looks like one number split at its commas: quote it, \"\(number)\", or write it "
                + "without them)"
        }
        return ""
    }
}
