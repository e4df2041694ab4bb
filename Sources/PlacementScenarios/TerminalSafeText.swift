/// Text from input files made safe to print on a terminal: control characters (C0, DEL, C1), line
/// and paragraph separators and bidirectional marks, overrides and isolates are written as escapes,
/// so an escape sequence in a file is shown, not obeyed, and a message stays on one line.
public enum TerminalSafeText {
    /// Tab, line feed and carriage return become `\t`, `\n`, `\r`; other characters below U+0100
    /// become `\xHH` (ESC is `\x1B`), the rest `\u{HHHH}`. With `multiline`, line feeds and tabs are
    /// kept as they are, for a message laid out over several lines (usage, a list of problems).
    public static func escaping(_ text: String, multiline: Bool = false) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            needsEscape(scalar) && !(multiline && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard escapes(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result +=
                    scalar.value < 0x100
                    ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        // Line and paragraph separators; bidirectional embeddings, overrides and isolates, which can
        // make a message read differently from what it says.
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
