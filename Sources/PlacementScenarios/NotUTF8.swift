/// Where text that is not UTF-8 first goes wrong, and what to do about it. The usual cause is
/// Excel's "CSV" on Windows, which writes Windows-1252 (£ is the single byte A3), so the message
/// names the character the byte is there, to help find it, and how to save UTF-8 instead.
package struct NotUTF8: Sendable {
    /// 1-based line and column (in characters) of the first byte that is not UTF-8, counted as
    /// ``CSVRecords`` counts them.
    package let line: Int
    package let column: Int
    /// Its index in the bytes.
    package let offset: Int
    package let byte: UInt8
    /// Whether the text opens with UTF-16's byte-order mark (Excel's "Unicode Text", PowerShell's
    /// default): every byte of it is wrong, so no byte is worth naming.
    package let isUTF16: Bool

    /// What the file is, for the remedy.
    package enum Kind: Sendable {
        case csv
        case text
    }

    /// The first byte of `bytes` that is not UTF-8, or nil when all of them is.
    package static func find(_ bytes: [UInt8]) -> NotUTF8? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &iterator) { offset += scalar.count }
        // Everything before `offset` is UTF-8, so its lines and characters count as CSVRecords counts them.
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index + 1 < offset, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        return NotUTF8(line: line, column: column, offset: offset, byte: bytes[offset], isUTF16: isUTF16)
    }

    /// `is not UTF-8 text: byte A3 ('£' in Windows-1252 …); save the file as …`.
    package func message(_ kind: Kind) -> String {
        if isUTF16 {
            return "is UTF-16 text (Excel's \"Unicode Text\" or a Windows tool's default), not UTF-8; "
                + (kind == .csv
                    ? "save the file as \"CSV UTF-8 (Comma delimited)\" in Excel, or convert it to UTF-8"
                    : "save the file as UTF-8")
        }
        var text = "is not UTF-8 text: byte " + String(byte, radix: 16, uppercase: true)
        if let character = Self.windows1252(byte) {
            text += " (\(character) in Windows-1252"
            text += kind == .csv ? ", the encoding of Excel's \"CSV\" on Windows)" : ")"
        }
        switch kind {
        case .csv: text += "; save the file as \"CSV UTF-8 (Comma delimited)\" in Excel, or convert it to UTF-8"
        case .text: text += "; save the file as UTF-8"
        }
        return text
    }

    /// The character `byte` stands for in Windows-1252, quoted or named, or nil for ASCII and the five
    /// bytes Windows-1252 leaves undefined.
    static func windows1252(_ byte: UInt8) -> String? {
        switch byte {
        case 0xA0: return "a no-break space"
        case 0xAD: return "a soft hyphen"
        case 0xA1...0xFF: return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...0x9F:
            let scalar = low[Int(byte - 0x80)]
            return scalar == " " ? nil : "'\(scalar)'"
        default: return nil
        }
    }

    /// Windows-1252's 80 to 9F, a space where it defines nothing.
    private static let low = Array("€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ")
}
