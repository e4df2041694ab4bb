import Foundation
import PlacementScenarios

/// The official files the as-is model is calibrated on (see `Fixtures/data/README.md`): DfE's
/// children looked after per authority and year, Ofsted's registered places per authority and year,
/// and the authorities' centroids and areas.
public struct OfficialPlacementData: Sendable {
    public var authorities: [Authority]
    /// Per year, per authority code (and `OfficialTables.englandCode`).
    public var figures: [Int: [AuthorityCode: PublishedPlacementFigures]]
    /// Per year, per authority code: registered residential places located there.
    public var places: [Int: [AuthorityCode: ResidentialPlaces]]

    public init(
        authorities: [Authority], figures: [Int: [AuthorityCode: PublishedPlacementFigures]],
        places: [Int: [AuthorityCode: ResidentialPlaces]]
    ) {
        self.authorities = authorities
        self.figures = figures
        self.places = places
    }

    /// The years with published figures (at least one authority's figure not suppressed).
    public var years: [Int] { figures.keys.sorted() }

    /// Reads the three files from `directory`, or throws every problem found (file, line, field).
    public static func read(from directory: String) throws(ScenarioError) -> OfficialPlacementData {
        var log = IssueLog()
        func table(_ name: String, _ required: [String]) -> OfficialTable? {
            OfficialTable.read(name, in: directory, required: required, log: &log)
        }
        let authorityTable = table(OfficialTables.authoritiesFile, OfficialTable.authorityColumns)
        let lookedAfterTable = table(
            OfficialTables.lookedAfterFile,
            ["year", "geographic_level", "la_code", "group", "characteristic", "number"])
        let placesTable = table(
            OfficialTables.placesFile, ["year", "la_code", "provision_type", "sector", "short_break_only", "places"])

        var authorities: [Authority] = []
        for checked in authorityTable?.authorityRows(log: &log) ?? [] {
            let row = checked.row
            authorities.append(
                Authority(
                    id: AuthorityCode(rawValue: checked.code), name: checked.name, region: row.text("region"),
                    centroid: Coordinate(latitude: checked.latitude, longitude: checked.longitude),
                    areaSquareKilometres: checked.areaSquareKilometres,
                    childPopulation: checked.childPopulation))
        }

        var cells: [CellKey: Int?] = [:]
        var coverage = OfficialTable.YearCoverage()
        var repeated = OfficialTable.RepeatedCells()
        for row in lookedAfterTable?.rows ?? [] {
            let level = row.text("geographic_level")
            guard level == "Local authority" || level == "National" else { continue }
            guard let (year, number) = row.publishedCount(log: &log) else { continue }
            coverage.count(row, year: year, number: number)
            repeated.note(row, year: year, log: &log)
            let code = level == "National" ? OfficialTables.englandCode : AuthorityCode(rawValue: row.text("la_code"))
            cells[
                CellKey(year: year, code: code, group: row.text("group"), characteristic: row.text("characteristic"))] =
                number.count
        }
        coverage.check(log: &log)

        var places: [Int: [AuthorityCode: ResidentialPlaces]] = [:]
        // A code the authority list lacks would drop its places from today's market without a word. Every
        // row's code counts as listed (a row refused for its numbers is said once, there), and without a
        // list that names any (missing, unreadable, a header alone) nothing is checked.
        let listed = (authorityTable?.rows ?? []).map { AuthorityCode(rawValue: $0.text("la_code")) }
        let known = Set(listed + RetiredCounties.successors.keys.map(AuthorityCode.init(rawValue:)))
        for row in placesTable?.rows ?? [] {
            let code = AuthorityCode(rawValue: row.text("la_code"))
            guard !code.rawValue.isEmpty else { continue }  // Welsh providers: outside the model's authorities
            guard listed.isEmpty || known.contains(code) else {
                log.error(
                    OfficialTables.placesFile, line: row.line, field: "la_code",
                    "'\(code.rawValue)' is not an authority in \(OfficialTables.authoritiesFile) (nor a county since "
                        + "split in two): its places would be left out of today's market")
                continue
            }
            guard let year = OfficialTables.year(row.text("year")) else {
                log.error(
                    OfficialTables.placesFile, line: row.line, field: "year", OfficialTables.notAYear(row.text("year")))
                continue
            }
            // A whole number of places, at most a million in one row (England registers about 100,000).
            guard let count = Double(row.text("places").isEmpty ? "0" : row.text("places")),
                (0...1_000_000).contains(count), count == count.rounded()
            else {
                log.error(
                    OfficialTables.placesFile, line: row.line, field: "places",
                    "'\(row.text("places"))' is not a count of places (a whole number from 0 to 1,000,000)")
                continue
            }
            guard residentialProvisionTypes.contains(row.text("provision_type")) else { continue }
            let sector: ResidentialSector
            switch row.text("sector") {
            case "Local Authority": sector = .council
            case "Private": sector = .privateSector
            case "Voluntary": sector = .voluntary
            default: continue  // NHS units: other public provision, not counted as capacity
            }
            var entry = places[year]?[code] ?? ResidentialPlaces()
            if row.text("short_break_only") == "yes" {
                entry.shortBreakOnly[sector, default: 0] += count
            } else {
                entry.registered[sector, default: 0] += count
            }
            places[year, default: [:]][code] = entry
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }

        var figures: [Int: [AuthorityCode: PublishedPlacementFigures]] = [:]
        // Only years with an authority's published figure: one of suppression markers alone would
        // calibrate on nothing (an as-is of no children), so it reads as a year not published.
        for year in coverage.publishedYears {
            for code in authorities.map(\.id) + [OfficialTables.englandCode] {
                figures[year, default: [:]][code] = Self.figures(cells, year: year, code: code)
            }
        }
        return OfficialPlacementData(authorities: authorities, figures: figures, places: places)
    }

    /// DfE's category read only to fill in a suppressed import count.
    static let ownChildrenInside = "1. Own LA children placed internally within the local authority boundary"

    /// Ofsted provision types that are residential capacity for the `homes` group.
    static let residentialProvisionTypes: Set<String> = [
        "Children's home", "Secure children's home",
        "Residential special school (registered as a children's home)",
    ]

    struct CellKey: Hashable {
        var year: Int
        var code: AuthorityCode
        var group: String
        var characteristic: String
    }

    private static func figures(_ cells: [CellKey: Int?], year: Int, code: AuthorityCode) -> PublishedPlacementFigures {
        func cell(_ group: String, _ characteristic: String) -> Int? {
            cells[CellKey(year: year, code: code, group: group, characteristic: characteristic)] ?? nil
        }
        var result = PublishedPlacementFigures()
        result.total = cell("Placement", "Total")
        // Demand per group: suppressed categories share equally what the published ones leave.
        var known: [PlacementGroup: Double] = [:]
        var suppressed: [PlacementGroup] = []
        var knownSum = 0.0
        // The two groups with one provider each: where one table suppresses the count and the other
        // does not, they are the same children (equal in every authority-year where both are published).
        let sameChildren: [PlacementGroup: Int] = Dictionary(
            uniqueKeysWithValues: PlacementGroup.oneProviderGroups.map {
                ($0.group, cell("Place providers", $0.provider.publishedCategory))
            }
        ).compactMapValues { $0 }
        for group in PlacementGroup.allCases {
            for category in group.publishedCategories {
                if let value = cell("Placement", category) ?? sameChildren[group] {
                    known[group, default: 0] += Double(value)
                    knownSum += Double(value)
                } else {
                    suppressed.append(group)
                }
            }
        }
        let left = max(0, Double(result.total ?? 0) - knownSum)
        for group in suppressed where !suppressed.isEmpty {
            known[group, default: 0] += left / Double(suppressed.count)
        }
        result.placements = known.filter { $0.value > 0 }
        (result.inside, result.outside) = PublishedLocality.sides(cell)
        let distance = PublishedLocality.distanceGroup
        result.within20Miles = cell(distance, PublishedLocality.within20Miles)
        result.over20Miles = cell(distance, PublishedLocality.over20Miles)
        for group in ProviderGroup.allCases {
            if let value = cell("Place providers", group.publishedCategory) { result.providers[group] = value }
        }
        for (group, provider) in PlacementGroup.oneProviderGroups where result.providers[provider] == nil {
            let categories = group.publishedCategories.map { cell("Placement", $0) }
            if categories.allSatisfy({ $0 != nil }) {
                result.providers[provider] = categories.reduce(0) { $0 + ($1 ?? 0) }
            }
        }
        result.providersTotal = cell("Place providers", "Total")
        result.otherCouncilsChildrenInside = cell(
            "LA of placement", "2. Other LA children externally placed within the local authority boundary")
        let joint = PublishedLocality.jointGroup
        result.insideWithin20Miles = cell(joint, PublishedLocality.jointInside[0])
        result.outsideWithin20Miles = cell(joint, PublishedLocality.jointOutside[0])
        result.insideOver20Miles = cell(joint, PublishedLocality.jointInside[1])
        result.outsideOver20Miles = cell(joint, PublishedLocality.jointOutside[1])
        // A distance band suppressed only to hide a small "not known" count is the sum of its two
        // published cells in the joint table (the same children split by locality).
        if result.within20Miles == nil, let inside = result.insideWithin20Miles,
            let outside = result.outsideWithin20Miles
        {
            result.within20Miles = inside + outside
        }
        if result.over20Miles == nil, let inside = result.insideOver20Miles, let outside = result.outsideOver20Miles {
            result.over20Miles = inside + outside
        }
        // Suppressed other councils' children placed inside are the `LA of placement` total less the
        // authority's own children placed inside (its own internal placements, else its locality's
        // inside count: the two differ by at most one child, 2021–2025); none when no child at all is
        // placed inside (a total of 0 beside `z` parts: City of London, the Isles of Scilly).
        if result.otherCouncilsChildrenInside == nil, let total = cell("LA of placement", "Total") {
            if total == 0 {
                result.otherCouncilsChildrenInside = 0
            } else if let own = cell("LA of placement", Self.ownChildrenInside) ?? result.inside {
                result.otherCouncilsChildrenInside = max(0, total - own)
            }
        }
        return result
    }
}
