/// Numbers as scenario files write them: plain decimal, optionally signed, with an optional fraction
/// and exponent (`12`, `-0.5`, `.25`, `1e6`). Hexadecimal (`0x10`), `inf`, `nan` and anything else
/// that Swift's own parsing would also take are refused, as is a value too large to be finite.
package enum DecimalNumber {
    package static func parse(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
        let integer = scalars.prefix(while: isDigit)
        scalars = scalars.dropFirst(integer.count)
        var fraction = Substring.UnicodeScalarView()[...]
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            fraction = scalars.prefix(while: isDigit)
            scalars = scalars.dropFirst(fraction.count)
        }
        guard !integer.isEmpty || !fraction.isEmpty else { return nil }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            let exponent = scalars.prefix(while: isDigit)
            guard !exponent.isEmpty else { return nil }
            scalars = scalars.dropFirst(exponent.count)
        }
        guard scalars.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// An amount as spreadsheets and case-management exports write it: a leading `£` and commas
    /// between groups of three digits (`£1,050.50`); nil unless it is such an amount or a plain number.
    package static func parseAmount(_ text: String) -> Double? {
        var body = Substring(text)
        if body.hasPrefix("£") { body = body.dropFirst() }
        let whole = body.prefix { $0 != "." }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                return nil
            }
        }
        return parse(groups.joined() + body.dropFirst(whole.count))
    }

    /// A bound for messages: whole numbers without a fraction or exponent (1000000000, not 1e+09).
    package static func format(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else { return "\(value)" }
        return String(Int64(value))
    }
}
