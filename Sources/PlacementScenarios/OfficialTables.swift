/// The official tables the product reads, as `Fixtures/data` holds them (see its README): their file
/// names, England's code in them, and DfE's suppression markers.
public enum OfficialTables {
    /// England's 153 authorities with children's services: codes, names, regions, centroids, areas.
    public static let authoritiesFile = "england_local_authorities.csv"
    /// DfE's children looked after at 31 March, per authority and year.
    public static let lookedAfterFile = "dfe_cla_by_la_2021_2025.csv"
    /// DfE's flows during each year: starts, endings, new placements.
    public static let flowsFile = "dfe_cla_flows_by_la_2021_2025.csv"
    /// Ofsted's registered places per authority, sector and year.
    public static let placesFile = "ofsted_places_by_la_2021_2025.csv"
    /// The years a row of the official tables may carry: a figure dated outside them is a fault in
    /// the file, not a year to read (every year between two published ones is counted on).
    public static let years = 1990...2100
    /// The largest count one cell may carry (England has about 82,000 children looked after): the
    /// readers add counts up, and a larger one is a fault in the file. The scenario loader's per-row
    /// limit, so that no scenario built from the tables is one the loader refuses.
    public static let largestCount = CSVTable.largestCount
    /// Published years as messages list them: `2021 to 2025`, or one by one when they are not a run;
    /// `none` for no year.
    public static func listed(_ years: [Int]) -> String {
        guard let first = years.first, let last = years.last else { return "none" }
        if years.count > 1, zip(years, years.dropFirst()).allSatisfy({ $1 == $0 + 1 }) {
            return "\(first) to \(last)"
        }
        return years.map(String.init).joined(separator: ", ")
    }
    /// The code of England's national rows.
    public static let englandCode: AuthorityCode = "E92000001"

    /// A `year` cell's year, `nil` unless it is a whole year within ``years``.
    public static func year(_ text: String) -> Int? {
        Int(text).flatMap { years.contains($0) ? $0 : nil }
    }

    /// The message for a `year` cell that ``year(_:)`` refuses.
    public static func notAYear(_ text: String) -> String {
        "'\(text)' is not a year from \(years.lowerBound) to \(years.upperBound)"
    }

    /// Whether a `number` cell is one of DfE's suppression markers (`c` small, `k` under 0.5%, `x` not
    /// available, `z` not applicable, `low`, `u`, or empty): the figure is unknown, never zero.
    public static func isSuppressed(_ text: String) -> Bool { suppressionMarkers.contains(text) }

    private static let suppressionMarkers: Set<String> = ["c", "k", "x", "z", "low", "u", ""]
}
