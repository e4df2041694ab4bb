/// Text clean-ups applied to every CSV field, written without Foundation: `trimmingCharacters(in:)`
/// and `replacingOccurrences` bridge through NSString on Linux and took half of loading England.
extension String {
    /// Without leading and trailing blanks: tabs and space separators (what `CharacterSet.whitespaces`
    /// holds), never line breaks, which a quoted field may contain.
    var trimmingBlanks: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard Self.isBlank(first) || Self.isBlank(last) else { return self }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !Self.isBlank($0) }) else { return "" }
        let end = scalars.lastIndex(where: { !Self.isBlank($0) })!
        return String(scalars[start...end])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
    }
}
