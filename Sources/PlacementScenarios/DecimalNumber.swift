/// Numbers as scenario files write them: plain decimal, optionally signed, with an optional fraction
/// and exponent (`12`, `-0.5`, `.25`, `1e6`). Hexadecimal (`0x10`), `inf`, `nan` and anything else
/// that Swift's own parsing would also take are refused, as is a value too large to be finite.
enum DecimalNumber {
    static func parse(_ text: String) -> Double? {
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

    /// A bound for messages: whole numbers without a fraction or exponent (1000000000, not 1e+09).
    static func format(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) <= 9_007_199_254_740_992 else { return "\(value)" }
        return String(Int64(value))
    }
}
