/// The two county councils reorganised since DfE's 2021 figures, each into two unitary successors:
/// Cumbria (E10000006) into Cumberland (E06000063) and Westmorland and Furness (E06000064) in April
/// 2023, and Northamptonshire (E10000021) into North (E06000061) and West (E06000062)
/// Northamptonshire in April 2021. DfE publishes the successors as `z` before their first year and
/// no stock figures under the old codes.
public enum RetiredCounties {
    /// Each retired county's successors.
    public static let successors: [String: [String]] = [
        "E10000006": ["E06000063", "E06000064"],
        "E10000021": ["E06000061", "E06000062"],
    ]

    /// The retired counties' names: DfE's stock tables have no row for them to read one from.
    public static let names = ["E10000006": "Cumbria", "E10000021": "Northamptonshire"]

    /// The year each county's successors took over (DfE's tables count the county until the year before).
    public static let replacedIn = ["E10000006": 2023, "E10000021": 2021]

    /// The retired county `text` names, by code or name as ``NameLookup`` reads them (`cumbria`,
    /// `Cumbria County Council`), if any.
    public static func county(named text: String) -> String? {
        let folded = NameLookup.fold(text)
        let plain = NameLookup.withoutCouncilWords(folded)
        return names.first { code, name in
            NameLookup.fold(code) == folded || NameLookup.fold(name) == plain
        }?.key
    }

    /// The retired county `code` succeeds, if it is a successor.
    public static func county(succeededBy code: String) -> String? {
        successors.first { $0.value.contains(code) }?.key
    }

    /// The other successors of the county `code` succeeds (none if it is not a successor).
    public static func siblings(of code: String) -> [String] {
        county(succeededBy: code).map { successors[$0, default: []].filter { $0 != code } } ?? []
    }
}
