/// Control characters (Unicode general category Cc: U+0000–U+001F, U+007F–U+009F) in text a scenario
/// defines. Names, codes and values are printed in reports on stdout, where an escape sequence would
/// drive the terminal (messages on stderr escape them; reports show names as they are), and none of
/// them has a use for one: the CSV layer keeps a quoted line break, but no column a reader takes may
/// hold it.
package enum ControlCharacters {
    /// Why `text` cannot be a name or value (`'text' holds a control character, U+001B; …`), or nil.
    /// `allowed`: those a field may hold, such as the line breaks of a YAML block of text.
    package static func problem(_ text: String, allowing allowed: Set<Unicode.Scalar> = []) -> String? {
        // Every field of a table is checked: first its bytes, as nearly all hold no byte that can
        // start one (C1 controls are C2 80 to C2 9F in UTF-8).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
            let scalar = text.unicodeScalars.first(where: { isControl($0) && !allowed.contains($0) })
        else { return nil }
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        return "'\(text)' holds a control character, U+\(padded); names, codes and values may hold none"
    }

    /// `text` with each control character a space: for names a writer takes from official data (a
    /// tab in an Ofsted owner's name), which a scenario may not hold.
    package static func spaced(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.map { isControl($0) ? " " : $0 })
        return String(scalars)
    }

    /// General category Cc, which Unicode has fixed at these code points.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
