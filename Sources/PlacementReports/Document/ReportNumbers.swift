import PlacementScenarios

/// Number formatting the report cells need beyond `NumberText`.
package enum ReportNumbers {
    /// Whole numbers with thousands separators: `81,773`.
    static func grouped(_ value: Double) -> String { NumberText.grouped(value) }
    static func grouped(_ count: Int) -> String { NumberText.grouped(count) }

    /// To a tenth, grouped, whole where it is whole: `197.3`, `1,334.8`, `1,334`, `-0.5`.
    package static func tenths(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        guard tenths.isFinite, tenths != tenths.rounded() else { return grouped(tenths) }
        // The tenth as text, never through an integer type, so no magnitude can overflow.
        let digit = NumberText.decimal(abs(tenths), places: 1).last.map(String.init) ?? "0"
        return (tenths < 0 ? "-" : "") + grouped(abs(tenths).rounded(.down)) + "." + digit
    }

    /// At most `places` decimals, without trailing zeros: `0.83`, `0.75`, `35`, `0.125`.
    package static func trimmed(_ value: Double, places: Int) -> String {
        var text = NumberText.decimal(value, places: places)
        guard text.contains(".") else { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A leading `+` on positive changes; zero and negative ones are left as they are.
    static func signed(_ text: String) -> String {
        if text.hasPrefix("-") { return text }
        return text.contains(where: { ("1"..."9").contains($0) }) ? "+" + text : text
    }

    static func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        NumberText.counted(count, singular, plural)
    }

    /// A count with its verb in the right number: `1 is`, `3 are`.
    package static func countIs(_ count: Int) -> String { grouped(Double(count)) + (count == 1 ? " is" : " are") }

    /// A run of years as a heading says it: `2021 to 2025`, or `2024` alone.
    package static func years(_ first: Int, _ last: Int) -> String {
        first == last ? String(first) : "\(first) to \(last)"
    }
}
