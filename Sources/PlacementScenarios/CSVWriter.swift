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

    /// A text cell as spreadsheets must not execute it: one starting with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return gets a leading `'` (OWASP's advice on CSV injection). For text cells only:
    /// numbers are written as they are, so that negative numbers stay numbers.
    public static func spreadsheetText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
}
