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

    /// What a number's text says exactly of a whole number, read digit by digit (no double, whose
    /// 53 bits had read 2^53 + 1 as 2^53, nor a 38-digit decimal, which had read 1e-400 as 0).
    package enum ExactWhole: Equatable {
        case value(UInt64)
        /// A fraction, however far past the point.
        case fraction
        /// Whole, and more than the limit asked.
        case beyond
    }

    /// The whole number `text` writes (a number ``parse(_:)`` reads), checked exactly against
    /// `limit`; nil when it is no such number. A sign is taken off: callers check it by range.
    package static func exactWhole(_ text: String, atMost limit: UInt64) -> ExactWhole? {
        guard parse(text) != nil else { return nil }
        var body = Substring(text)
        if let sign = body.first, sign == "+" || sign == "-" { body = body.dropFirst() }
        let mantissa = body.prefix { $0 != "e" && $0 != "E" }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = parts.count > 1 ? parts[1] : ""
        // The digits as one integer, the point `shift` places from its end (negative: into its digits).
        var digits = Array(((parts.first ?? "") + fraction).drop { $0 == "0" })
        guard !digits.isEmpty else { return .value(0) }
        let exponentText = body.dropFirst(mantissa.count + 1)
        // An exponent past ±10,000 takes any digits a number can write past the point, or past 2^64.
        guard let exponent = mantissa.count == body.count ? 0 : Int(exponentText), abs(exponent) <= 10_000 else {
            return exponentText.hasPrefix("-") ? .fraction : .beyond
        }
        let shift = exponent - fraction.count
        if shift < 0 {
            // A whole part past the limit is said first, fraction or not.
            let past = digits.suffix(min(-shift, digits.count))
            digits.removeLast(past.count)
            let whole = digits.count > 20 ? UInt64.max : digits.isEmpty ? 0 : UInt64(String(digits)) ?? UInt64.max
            if whole > limit { return .beyond }
            guard past.allSatisfy({ $0 == "0" }) else { return .fraction }
        } else {
            guard digits.count + shift <= 20 else { return .beyond }
            digits += Array(repeating: "0", count: shift)
        }
        guard let value = digits.isEmpty ? 0 : UInt64(String(digits)), value <= limit else { return .beyond }
        return .value(value)
    }

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
