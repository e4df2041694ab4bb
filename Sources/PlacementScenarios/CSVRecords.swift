/// Splits CSV text (RFC 4180: comma-separated, `"`-quoted fields with `""` for a quote) into records,
/// keeping the line and column where each field starts. Only `\n`, `\r\n` and `\r` end a line, so the
/// line numbers in messages are the ones an editor shows, whatever other separators a field holds.
struct CSVRecords {
    struct Field: Sendable {
        let text: String
        /// 1-based column, counted in Unicode characters from the start of the line.
        let column: Int
        /// The index of the field's first byte (a blank before its opening quote included).
        let offset: Int
    }

    struct Record: Sendable {
        /// 1-based line where the record starts.
        let line: Int
        let fields: [Field]
    }

    /// Why the text is not CSV, and where.
    struct Failure: Error {
        let line: Int
        let column: Int
        let message: String
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// Where the current line starts, and the column of `columnIndex` on it (columns are counted
    /// forward from the last one asked for, so a long line is not rescanned for every field).
    private var lineStart = 0
    private var columnIndex = 0
    private var columnValue = 1

    /// Reads every record of UTF-8 `bytes` (without a byte-order mark).
    static func parse(_ bytes: [UInt8]) throws(Failure) -> [Record] {
        var reader = CSVRecords(bytes: bytes)
        var records: [Record] = []
        while reader.index < bytes.count { records.append(try reader.record()) }
        return records
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func record() throws(Failure) -> Record {
        let startLine = line
        var fields: [Field] = []
        while true {
            fields.append(try field())
            guard index < bytes.count, bytes[index] == Self.comma else { break }
            index += 1
        }
        // The record ends at a line break or at the end of the text.
        if index < bytes.count {
            if bytes[index] == Self.carriageReturn, index + 1 < bytes.count, bytes[index + 1] == Self.lineFeed {
                index += 1
            }
            index += 1
            newLine()
        }
        return Record(line: startLine, fields: fields)
    }

    private mutating func field() throws(Failure) -> Field {
        let startColumn = column(at: index)
        let startOffset = index
        // Blanks before an opening quote are allowed (and dropped).
        var start = index
        while start < bytes.count, bytes[start] == Self.space || bytes[start] == Self.tab { start += 1 }
        guard start < bytes.count, bytes[start] == Self.quote else { return try unquoted(column: startColumn) }
        let openLine = line
        let openColumn = self.column(at: start)
        index = start + 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw Failure(
                    line: openLine, column: openColumn, message: "a quoted field opened here is never closed")
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote {
                guard index < bytes.count, bytes[index] == Self.quote else { break }
                text.append(Self.quote)
                index += 1
            } else {
                text.append(byte)
                if byte == Self.lineFeed || byte == Self.carriageReturn {
                    if byte == Self.carriageReturn, index < bytes.count, bytes[index] == Self.lineFeed {
                        text.append(Self.lineFeed)
                        index += 1
                    }
                    newLine()
                }
            }
        }
        while index < bytes.count, bytes[index] == Self.space || bytes[index] == Self.tab { index += 1 }
        if index < bytes.count, ![Self.comma, Self.lineFeed, Self.carriageReturn].contains(bytes[index]) {
            throw Failure(
                line: line, column: self.column(at: index),
                message: "text after the closing quote of a field (a quote inside a quoted field is written \"\")")
        }
        return Field(text: String(decoding: text, as: UTF8.self), column: startColumn, offset: startOffset)
    }

    private mutating func unquoted(column: Int) throws(Failure) -> Field {
        let start = index
        while index < bytes.count, ![Self.comma, Self.lineFeed, Self.carriageReturn].contains(bytes[index]) {
            if bytes[index] == Self.quote {
                throw Failure(
                    line: line, column: self.column(at: index),
                    message:
                        "a quote inside a field that does not start with one (quote the whole field and write the quote as \"\")"
                )
            }
            index += 1
        }
        return Field(text: String(decoding: bytes[start..<index], as: UTF8.self), column: column, offset: start)
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
        columnIndex = index
        columnValue = 1
    }

    /// The column of the byte at `position` on the current line: continuation bytes of UTF-8 do not count.
    private mutating func column(at position: Int) -> Int {
        if position < columnIndex {
            columnIndex = lineStart
            columnValue = 1
        }
        while columnIndex < position {
            if bytes[columnIndex] & 0xC0 != 0x80 { columnValue += 1 }
            columnIndex += 1
        }
        return columnValue
    }
}
