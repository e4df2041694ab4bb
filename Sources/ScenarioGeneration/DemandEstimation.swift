import PlacementScenarios

/// Children looked after at 31 March 2025 per authority and placement type, from DfE's counts, with
/// every suppressed cell estimated (and listed) rather than read as zero.
struct DemandEstimation {
    static let year = 2025
    static let placementGroup = "Placement"
    static let providerGroup = "Place providers"
    static let own = "Own provision (by the LA)"
    static let voluntary = "Voluntary/third sector provision"
    /// DfE's provider categories, which add up to the total.
    static let providerCategories = [
        own, "Other LA provision", "Other public provision (e.g. by a PCT etc)", "Private provision", voluntary,
        "Parents or other person with parental responsibility", "Placement provider not reported",
    ]

    /// DfE's placement categories and the types they become.
    enum Category: String, CaseIterable {
        case foster = "Foster placements"
        case homes = "Secure homes and children's homes"
        case supported = "Independent and semi-independent living arrangements/supported accommodation"
        case otherResidential = "Other residential settings"
        case schools = "Residential schools"
        case parents = "Placed with parents or other person with parental responsibility"
        case adoption = "Placed for adoption"
        case other = "Other placements"
    }

    /// Per authority: children per DfE category (suppressed cells estimated).
    private(set) var categories: [String: [Category: Int]] = [:]
    /// Per authority: children placed in the council's own provision.
    private(set) var ownProvision: [String: Int] = [:]
    /// Per authority: children placed with voluntary or third-sector providers, where published.
    private(set) var voluntaryProvision: [String: Int] = [:]
    /// Per authority: children looked after (the published total, or its estimate).
    private(set) var totals: [String: Int] = [:]
    private(set) var estimates: [Estimate] = []

    init(_ data: OfficialData) {
        // What councils' suppressed cells hold in each category, nationally: England's published
        // figure less the councils' published cells. A council's residual is shared in these proportions.
        var published: [Category: Int] = [:]
        for authority in data.authorities {
            for category in Category.allCases {
                published[category, default: 0] +=
                    data.cell(Self.year, authority.code, Self.placementGroup, category.rawValue)?.value ?? 0
            }
        }
        var hidden: [Category: Int] = [:]
        for category in Category.allCases {
            let england = data.cell(Self.year, OfficialData.england, Self.placementGroup, category.rawValue)?.value ?? 0
            hidden[category] = max(0, england - (published[category] ?? 0))
        }
        var ownShareNumerator = 0
        var ownShareDenominator = 0
        for authority in data.authorities {
            if let own = data.cell(Self.year, authority.code, Self.providerGroup, Self.own)?.value,
                let total = data.cell(Self.year, authority.code, Self.placementGroup, "Total")?.value
            {
                ownShareNumerator += own
                ownShareDenominator += total
            }
        }
        let nationalOwnShare = Double(ownShareNumerator) / Double(max(1, ownShareDenominator))

        var rows: [(code: String, total: Int, counts: [Category: Int], suppressed: [(Category, String)])] = []
        for authority in data.authorities {
            let code = authority.code
            let total = self.total(code, data)
            var counts: [Category: Int] = [:]
            var suppressed: [(Category, String)] = []
            for category in Category.allCases {
                switch data.cell(Self.year, code, Self.placementGroup, category.rawValue) {
                case .number(let value): counts[category] = value
                case .suppressed(let marker): suppressed.append((category, marker))
                case nil: suppressed.append((category, "missing"))
                }
            }
            rows.append((code, total, counts, suppressed))
        }
        let residuals = rows.map { max(0, $0.total - $0.counts.values.reduce(0, +)) }
        let fitted = Self.fit(
            rows: residuals, columns: Category.allCases.map { Double(hidden[$0] ?? 0) },
            cells: rows.map { row in row.suppressed.map { Category.allCases.firstIndex(of: $0.0)! } })
        for (index, row) in rows.enumerated() {
            let code = row.code
            var counts = row.counts
            let shares = Apportion.split(residuals[index], weights: fitted[index])
            for ((category, marker), share) in zip(row.suppressed, shares) {
                counts[category] = share
                estimates.append(
                    Estimate(
                        authority: code, figure: "Placement: \(category.rawValue), \(Self.year)", value: Double(share),
                        method: "suppressed (\(marker)): the \(residuals[index]) children the published categories "
                            + "leave of the total, shared by iterative proportional fitting to England's figures"))
            }
            let total = row.total
            categories[code] = counts
            totals[code] = total
            voluntaryProvision[code] = data.cell(Self.year, code, Self.providerGroup, Self.voluntary)?.value
            switch data.cell(Self.year, code, Self.providerGroup, Self.own) {
            case .number(let value):
                ownProvision[code] = value
            case let cell:
                // A suppressed cell is a small number: never more than the published provider cells leave.
                let published = Self.providerCategories.reduce(0) {
                    $0 + (data.cell(Self.year, code, Self.providerGroup, $1)?.value ?? 0)
                }
                let residual = max(0, total - published)
                let value = min(residual, Int((Double(total) * nationalOwnShare).rounded()))
                ownProvision[code] = value
                let marker = if case .suppressed(let m) = cell { m } else { "missing" }
                estimates.append(
                    Estimate(
                        authority: code, figure: "Place providers: Own provision (by the LA), \(Self.year)",
                        value: Double(value),
                        method: "suppressed (\(marker)): total times the national own-provision share "
                            + ScenarioWriter.number((nationalOwnShare * 1000).rounded() / 1000)
                            + ", at most the \(residual) children the published provider cells leave"))
            }
        }
    }

    /// Iterative proportional fitting: weights for the suppressed cells (`cells[i]` lists row i's
    /// columns) whose row sums are the councils' residuals and whose column sums are proportional to
    /// what suppressed cells hold nationally per category. Rows whose columns hold nothing nationally
    /// keep equal weights.
    static func fit(rows: [Int], columns: [Double], cells: [[Int]]) -> [[Double]] {
        var weights = cells.map { $0.map { _ in 1.0 } }
        let rowTotal = Double(rows.reduce(0, +))
        let columnTotal = columns.reduce(0, +)
        guard rowTotal > 0, columnTotal > 0 else { return weights }
        let targets = columns.map { $0 * rowTotal / columnTotal }
        for _ in 0..<200 {
            var sums = Array(repeating: 0.0, count: columns.count)
            for (row, columnsOfRow) in cells.enumerated() {
                for (position, column) in columnsOfRow.enumerated() { sums[column] += weights[row][position] }
            }
            for (row, columnsOfRow) in cells.enumerated() {
                for (position, column) in columnsOfRow.enumerated() where sums[column] > 0 {
                    weights[row][position] *= targets[column] / sums[column]
                }
                let sum = weights[row].reduce(0, +)
                if sum > 0 { weights[row] = weights[row].map { $0 * Double(rows[row]) / sum } }
            }
        }
        return weights
    }

    /// The published total; if suppressed, the latest earlier year's (listed as an estimate).
    private mutating func total(_ code: String, _ data: OfficialData) -> Int {
        if let total = data.cell(Self.year, code, Self.placementGroup, "Total")?.value { return total }
        for year in stride(from: Self.year - 1, through: 2021, by: -1) {
            if let earlier = data.cell(year, code, Self.placementGroup, "Total")?.value {
                estimates.append(
                    Estimate(
                        authority: code, figure: "Placement: Total, \(Self.year)", value: Double(earlier),
                        method: "suppressed: the \(year) total, the latest published"))
                return earlier
            }
        }
        estimates.append(
            Estimate(
                authority: code, figure: "Placement: Total, \(Self.year)", value: 3,
                method: "suppressed in every year: assumed 3"))
        return 3
    }
}
