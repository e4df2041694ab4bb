/// The rules every id and code a scenario defines must follow (authority codes, co-operative, child,
/// sibling group and provider ids). Codes become folder names (`sufficiency --all`) and parts of
/// GLPK's row and column names, and every id is printed in messages and reports, so an id may not
/// hold a path separator, start with a dot, hold a control character, or be longer than GLPK and
/// file systems comfortably take; nor take the forms today's market gives the providers and
/// authorities it adds (`ID@CODE`, `beyond-…`).
package enum IdentifierRules {
    /// In UTF-8 bytes: 64 ASCII characters. GLPK takes names of up to 255 bytes, and a model name
    /// joins a code to other text.
    static let longest = 64

    /// Why `text` cannot be an id, or nil when it can.
    package static func problem(_ text: String) -> String? {
        if text.utf8.count > longest { return "is longer than \(longest) bytes" }
        if text.unicodeScalars.contains(where: TerminalSafeText.needsEscape) {
            return "contains a control character"
        }
        if text.contains("/") || text.contains("\\") { return "contains a path separator ('/' or '\\')" }
        if text.hasPrefix(".") { return "starts with a dot" }
        // Today's market makes providers and authorities of its own with these forms.
        if text.contains("@") { return "contains '@' (kept for in-house carers living in another authority)" }
        if text.lowercased().hasPrefix("beyond-") {
            return "starts with 'beyond-' (kept for the market beyond a scenario's boundary)"
        }
        return nil
    }
}
