import Foundation

/// Writes to stderr (reports go to stdout; problems and progress never do). Control characters and
/// terminal escape sequences, which input may carry into a message, are shown escaped.
func printToStandardError(_ text: String, terminator: String = "\n") {
    Progress.shared.clearLine()
    FileHandle.standardError.write(Data((TerminalText.escaped(text) + terminator).utf8))
}

/// Text made safe to show on a terminal.
enum TerminalText {
    /// `text` with control characters (but line feed and tab), DEL, C1 controls and bidirectional
    /// overrides written as `\u{…}`, so that no input can move the cursor, recolour or hide text.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
