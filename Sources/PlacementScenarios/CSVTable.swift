import Foundation
import SwiftCSV

/// A CSV file read by SwiftCSV (quoted fields, UTF-8 byte-order mark, CRLF), with each record's line
/// number kept for error messages.
public struct CSVTable: Sendable {
    public let file: String
    public let header: [String]
    let records: [Record]

    struct Record: Sendable {
        /// 1-based physical line where the record starts (the header is line 1).
        let line: Int
        let fields: [String]
    }

    /// Reads `path`, reporting unreadable files, bad quoting, missing required columns and ragged rows.
    public static func read(_ path: String, file: String, required: [String], log: inout IssueLog) -> CSVTable? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(file, "cannot read the file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(file, "is not UTF-8 text")
            return nil
        }
        // SwiftCSV parses the header here and the records below, unpadded, so ragged rows show.
        let csv: EnumeratedCSV
        var rawRecords: [[String]] = []
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 0)
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rawRecords.append($0) }
        } catch {
            log.error(file, "is not valid CSV (\(Self.describe(error)))")
            return nil
        }
        if let line = unclosedQuoteLine(text) {
            log.error(file, line: line, "is not valid CSV (a quoted field opened on this line is never closed)")
            return nil
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !header.isEmpty, header != [""] else {
            log.error(file, line: 1, "has no header row")
            return nil
        }
        let missing = required.filter { !header.contains($0) }
        for column in missing {
            log.error(file, line: 1, field: column, "required column is missing")
        }
        var seen: Set<String> = []
        for column in header where !seen.insert(column).inserted {
            log.error(file, line: 1, field: column, "column appears twice")
        }
        guard missing.isEmpty else { return nil }
        var records: [Record] = []
        var line = 2
        for (index, raw) in rawRecords.enumerated() {
            defer { line += 1 + raw.reduce(0) { $0 + $1.count { $0.isNewline } } }
            var fields = raw
            // SwiftCSV drops an empty last field when the file does not end with a line break.
            if index == rawRecords.count - 1, fields.count == header.count - 1, text.last?.isNewline == false,
                text.hasSuffix(",")
            {
                fields.append("")
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count == header.count else {
                log.error(file, line: line, "has \(fields.count) fields; the header has \(header.count)")
                continue
            }
            records.append(Record(line: line, fields: fields.map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        return CSVTable(file: file, header: header, records: records)
    }

    /// SwiftCSV reads an unclosed quote as a field running to the end of the file; an odd number of
    /// quote characters gives it away. Returns the line where the unbalanced quote opened.
    private static func unclosedQuoteLine(_ text: String) -> Int? {
        var open = false
        var line = 1
        var openedOn = 1
        for character in text {
            if character == "\"" {
                open.toggle()
                if open { openedOn = line }
            } else if character.isNewline {
                line += 1
            }
        }
        return open ? openedOn : nil
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case CSVParseError.quotation(let message), CSVParseError.generic(let message): message
        default: "\(error)"
        }
    }

    /// Reads fields of one record by column name, logging malformed values.
    public struct Row {
        let table: CSVTable
        let record: Record

        public var line: Int { record.line }

        /// The trimmed field, or "" when the column is absent from the file.
        public func text(_ column: String) -> String {
            guard let index = table.header.firstIndex(of: column) else { return "" }
            return record.fields[index]
        }

        public func optionalText(_ column: String) -> String? {
            let value = text(column)
            return value.isEmpty ? nil : value
        }

        func required(_ column: String, log: inout IssueLog) -> String? {
            let value = text(column)
            if value.isEmpty { log.error(table.file, line: line, field: column, "is empty") }
            return value.isEmpty ? nil : value
        }

        func number(_ column: String, log: inout IssueLog, in range: ClosedRange<Double>? = nil) -> Double? {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            guard let number = Double(value), number.isFinite else {
                log.error(table.file, line: line, field: column, "'\(value)' is not a number")
                return nil
            }
            if let range, !range.contains(number) {
                log.error(
                    table.file, line: line, field: column,
                    "\(value) is out of range (\(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)))")
                return nil
            }
            return number
        }

        /// A number that must be present.
        func requiredNumber(_ column: String, log: inout IssueLog, in range: ClosedRange<Double>? = nil) -> Double? {
            if text(column).isEmpty { log.error(table.file, line: line, field: column, "is empty") }
            return number(column, log: &log, in: range)
        }

        /// A whole number that must be present.
        func requiredCount(_ column: String, log: inout IssueLog) -> Int? {
            if text(column).isEmpty { log.error(table.file, line: line, field: column, "is empty") }
            return count(column, log: &log)
        }

        /// A vocabulary value that must be present.
        func requiredChoice<T: RawRepresentable & CaseIterable>(_ column: String, _ type: T.Type, log: inout IssueLog)
            -> T?
        where T.RawValue == String {
            if text(column).isEmpty { log.error(table.file, line: line, field: column, "is empty") }
            return choice(column, type, log: &log)
        }

        func count(_ column: String, log: inout IssueLog) -> Int? {
            let value = text(column)
            guard !value.isEmpty else { return nil }
            // Exports often write counts as 3.0.
            guard let number = Double(value), number.isFinite, number == number.rounded() else {
                log.error(table.file, line: line, field: column, "'\(value)' is not a whole number")
                return nil
            }
            guard number >= 0 else {
                log.error(table.file, line: line, field: column, "\(value) is negative")
                return nil
            }
            guard number < 10_000_000 else {
                log.error(table.file, line: line, field: column, "\(value) is implausibly large")
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
            log.error(
                table.file, line: line, field: column, message + "; expected one of \(names.joined(separator: ", "))")
            return nil
        }

        /// `a;b;c` lists of a vocabulary.
        func choices<T: RawRepresentable & CaseIterable & Hashable>(
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
                    log.error(table.file, line: line, field: column, message)
                }
            }
            return result
        }

        /// Lower case with spaces, hyphens and apostrophes folded, so "Children's home" reads as childrens_home.
        static func normalise(_ value: String) -> String {
            value.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
                .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: "_")
        }

        private static func format(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    public var rows: [Row] { records.map { Row(table: self, record: $0) } }
}
