/// Writes RFC 4180 CSV: fields quoted only when they hold a comma, quote or line break.
public struct CSVWriter {
    public private(set) var text = ""

    public init(header: [String]) { append(header) }

    public mutating func append(_ fields: [String]) {
        text += fields.map(Self.escaped).joined(separator: ",") + "\n"
    }

    public static func escaped(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// Numbers as the reports print them: fixed decimals, no exponent, empty for unknown.
public enum NumberText {
    public static func decimal(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        var text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    public static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return decimal(share * 100, places: 1) + "%"
    }

    /// Pounds with thousands separators, no pence.
    public static func pounds(_ value: Double) -> String {
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (whole < 0 ? "-£" : "£") + grouped
    }
}
