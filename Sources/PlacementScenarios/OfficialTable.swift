import Foundation

/// One of the official CSV files in `Fixtures/data`, read by a plain RFC 4180 reader over the file's
/// bytes: fields split on commas; a quoted field may hold commas, line breaks and doubled quotes;
/// CRLF, LF or CR ends a record; a UTF-8 byte-order mark is skipped.
///
/// DfE's tables are 11 MB; the general CSV layer of scenario files (`CSVTable`, which locates every
/// field for its messages) takes seconds over them, this reader a small fraction of that. It gives the same fields: header names
/// trimmed and lower-cased, fields trimmed of spaces and tabs, blank records skipped, and the same
/// errors (unreadable, not UTF-8, an unclosed quote, a missing or repeated column, a ragged row).
package struct OfficialTable {
    package let file: String
    package let header: [String]
    package let records: [Record]
    private let columns: [String: Int]

    package struct Record {
        /// 1-based physical line where the record starts (the header is line 1).
        package let line: Int
        package let fields: [String]
    }

    /// One record, read by column name.
    package struct Row {
        let record: Record
        let columns: [String: Int]
        /// The file's name, for messages.
        package let file: String

        package var line: Int { record.line }

        /// The trimmed field, or "" when the column is absent from the file.
        package func text(_ column: String) -> String {
            guard let index = columns[column] else { return "" }
            return record.fields[index]
        }
    }

    package var rows: [Row] { records.map { Row(record: $0, columns: columns, file: file) } }

    /// Reads `path`, logging every problem found against `file`; `nil` when the table cannot be used.
    package static func read(_ path: String, file: String, required: [String], log: inout IssueLog) -> OfficialTable? {
        guard let data = FileManager.default.contents(atPath: path) else {
            // The path says which folder was tried (the default data folder, or --data).
            log.error(
                file,
                "cannot read the file (\(path == file ? UnreadableFile.reason(path) : UnreadableFile.described(path)))")
            return nil
        }
        return parse(data, file: file, required: required, log: &log)
    }

    /// Reads the file `name` in `directory`, logging problems against `name`.
    package static func read(_ name: String, in directory: String, required: [String], log: inout IssueLog)
        -> OfficialTable?
    {
        read((directory as NSString).appendingPathComponent(name), file: name, required: required, log: &log)
    }

    /// Parses the bytes of a file named `file`.
    package static func parse(_ data: Data, file: String, required: [String], log: inout IssueLog) -> OfficialTable? {
        if let problem = NotUTF8.find([UInt8](data)) {
            log.error(file, line: problem.line, column: problem.column, problem.message(.csv))
            return nil
        }
        let result = data.withUnsafeBytes { bytes in Self.records(bytes.bindMemory(to: UInt8.self)) }
        let raw: [Record]
        switch result {
        case .failure(let unclosed):
            log.error(
                file, line: unclosed.line,
                "is not valid CSV (a quoted field opened on this line is never closed)")
            return nil
        case .success(let records): raw = records
        }
        guard let first = raw.first, first.line == 1, first.fields != [""] else {
            log.error(file, line: 1, "has no header row")
            return nil
        }
        let header = first.fields.map { $0.lowercased() }
        let missing = required.filter { !header.contains($0) }
        for column in missing {
            log.error(file, line: 1, field: column, "required column is missing")
        }
        var columns: [String: Int] = [:]
        for (index, column) in header.enumerated() where columns.updateValue(index, forKey: column) != nil {
            log.error(file, line: 1, field: column, "column appears twice")
        }
        // A repeated column reads as its first occurrence, as `CSVTable` reads it.
        for (index, column) in header.enumerated().reversed() { columns[column] = index }
        guard missing.isEmpty else { return nil }
        var records: [Record] = []
        records.reserveCapacity(raw.count)
        for record in raw.dropFirst() {
            if record.fields.allSatisfy(\.isEmpty) { continue }
            guard record.fields.count == header.count else {
                log.error(
                    file, line: record.line, "has \(record.fields.count) fields; the header has \(header.count)")
                continue
            }
            records.append(record)
        }
        return OfficialTable(file: file, header: header, records: records, columns: columns)
    }

    struct UnclosedQuote: Error {
        var line: Int
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")

    /// Every record (blank ones included) with its fields trimmed, in one pass over the bytes.
    static func records(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<[Record], UnclosedQuote> {
        var records: [Record] = []
        var index = 0
        let end = bytes.count
        if end >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        var unquoted: [UInt8] = []
        while index < end {
            let recordLine = line
            var fields: [String] = []
            while true {
                // One field, from `index` to the comma or line break that ends it.
                var field: String
                if index < end, bytes[index] == quote {
                    let openedOn = line
                    unquoted.removeAll(keepingCapacity: true)
                    index += 1
                    var closed = false
                    while index < end {
                        let byte = bytes[index]
                        if byte == quote {
                            if index + 1 < end, bytes[index + 1] == quote {
                                unquoted.append(quote)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == lineFeed
                            || (byte == carriageReturn && !(index + 1 < end && bytes[index + 1] == lineFeed))
                        {
                            line += 1
                        }
                        unquoted.append(byte)
                        index += 1
                    }
                    guard closed else { return .failure(UnclosedQuote(line: openedOn)) }
                    // Anything between the closing quote and the separator is kept, as written.
                    let start = index
                    while index < end, !isSeparator(bytes[index]) { index += 1 }
                    unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    field = unquoted.withUnsafeBufferPointer { trimmed($0) }
                } else {
                    let start = index
                    while index < end, !isSeparator(bytes[index]) { index += 1 }
                    field = trimmed(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
                fields.append(field)
                if index < end, bytes[index] == comma {
                    index += 1
                    continue
                }
                break
            }
            // The line break ending the record (CRLF counts once).
            if index < end {
                if bytes[index] == carriageReturn, index + 1 < end, bytes[index + 1] == lineFeed { index += 1 }
                index += 1
                line += 1
            }
            records.append(Record(line: recordLine, fields: fields))
        }
        return .success(records)
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == comma || byte == lineFeed || byte == carriageReturn
    }

    /// The field without leading and trailing spaces and tabs (any Unicode space where the field
    /// starts or ends with a non-ASCII character, as `CSVTable` trims).
    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
        if lower < upper, bytes[lower] >= 0x80 || bytes[upper - 1] >= 0x80 {
            return text.trimmingBlanks
        }
        return text
    }
}
