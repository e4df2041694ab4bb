import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, the same text, without the trip through `NSString` when
    /// neither end can be whitespace: a shocks file may list a million names, each trimmed on reading
    /// and again when compared.
    var trimmingWhitespaces: String {
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        if Self.isNeverWhitespace(first), Self.isNeverWhitespace(last) { return self }
        return trimmingCharacters(in: .whitespaces)
    }

    /// A letter, mark, number, punctuation or symbol, which no platform's `CharacterSet.whitespaces`
    /// holds (it holds tabs, space separators and, on Linux, the zero-width space, a format character).
    static func isNeverWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value > 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
