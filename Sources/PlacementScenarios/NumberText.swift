/// Numbers as the reports print them: fixed decimals, no exponent, empty for unknown. Total: any
/// `Double`, however large, infinite or not a number, prints something.
public enum NumberText {
    /// Fixed decimals; empty for a missing, infinite or NaN value.
    public static func decimal(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        var text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    /// Fixed decimals for a table a person reads: `–` where ``decimal(_:places:)`` is empty.
    public static func shown(_ value: Double?, places: Int) -> String {
        let text = decimal(value, places: places)
        return text.isEmpty ? "–" : text
    }

    public static func percent(_ share: Double?, places: Int = 1) -> String {
        guard let share, share.isFinite else { return "–" }
        return decimal(share * 100, places: places) + "%"
    }

    /// Pounds with thousands separators, no pence: `£1,234`, `-£56`; `£∞` or `-£∞` when infinite,
    /// `–` when not a number.
    public static func pounds(_ value: Double) -> String {
        let sign = value.rounded() < 0 ? "-" : ""
        guard !value.isNaN else { return "–" }
        guard value.isFinite else { return sign + "£∞" }
        return sign + "£" + groupedDigits(abs(value))
    }

    /// A whole number with thousands separators: `81,773`; `∞` or `-∞` when infinite, `–` when not a number.
    public static func grouped(_ value: Double) -> String {
        let sign = value.rounded() < 0 ? "-" : ""
        guard !value.isNaN else { return "–" }
        guard value.isFinite else { return sign + "∞" }
        return sign + groupedDigits(abs(value))
    }

    /// A count with thousands separators: `81,773`.
    public static func grouped(_ count: Int) -> String { grouped(Double(count)) }

    /// "1 authority", "3 authorities": `count` grouped, with the noun in the right number.
    public static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(grouped(Double(count))) \(count == 1 ? singular : plural)"
    }

    /// Items as a sentence lists them: `a`, `a and b`, `a, b and c`.
    public static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// The digits of `magnitude` rounded to a whole number, grouped by threes. Formatted as text,
    /// never converted to an integer type, so no magnitude can overflow.
    private static func groupedDigits(_ magnitude: Double) -> String {
        let digits = String(format: "%.0f", magnitude.rounded())
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return grouped
    }
}
