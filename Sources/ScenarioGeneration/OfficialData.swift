import Foundation
import PlacementScenarios

/// The official files the real-data scenarios and the demand forecast are built from (see
/// `Fixtures/data/README.md`).
public struct OfficialData: Sendable {
    static let authoritiesFile = OfficialTables.authoritiesFile
    static let lookedAfterFile = OfficialTables.lookedAfterFile
    static let flowsFile = OfficialTables.flowsFile
    static let registerFile = "ofsted_providers_2025.csv"
    static let trustsFile = ChildrensTrust.file

    public struct Authority: Sendable {
        public var code, name, region: String
        public var latitude, longitude, areaSquareKilometres: Double
        public var children: Int?
    }

    /// A published count: a number, or a suppression marker (`c`, `k`, `x`, `z`), never zero.
    public enum Cell: Sendable, Equatable {
        case number(Int)
        case suppressed(String)

        public var value: Int? {
            if case .number(let value) = self { return value }
            return nil
        }
    }

    struct CellKey: Hashable, Sendable {
        var year: Int
        var authority: String
        var group: String
        var characteristic: String
    }

    struct RegisteredProvider: Sendable {
        var urn, provisionType, status, authority, sector, owner, rating: String
        var places: Int
        var isShortBreakOnly: Bool
    }

    public var authorities: [Authority]
    /// Stock (31 March) and flow (year to 31 March) cells of authorities, England and, keyed by
    /// `regionKey(_:)`, the regions. Stock and flow groups have different names, so they share one map.
    var cells: [CellKey: Cell]
    var register: [RegisteredProvider]
    /// Councils whose children's services a trust runs, by GSS code (none when the file is absent).
    var trusts: [String: ChildrensTrust] = [:]
    /// The years the stock table (children looked after at 31 March) and the flows table publish, in
    /// order: years with authorities' figures (a year with only a sliver of them is refused on reading),
    /// at least one of them published (a year of suppression markers alone publishes nothing).
    public var stockYears: [Int] = []
    public var flowYears: [Int] = []
    /// The folder the tables were read from, for messages.
    public var directory = ""

    /// The key of England's national rows.
    public static let england = OfficialTables.englandCode.rawValue

    /// The key of a region's rows (DfE's region name, London split into Inner and Outer).
    public static func regionKey(_ region: String) -> String { "region:" + region }

    public func cell(_ year: Int, _ authority: String, _ group: String, _ characteristic: String) -> Cell? {
        cells[CellKey(year: year, authority: authority, group: group, characteristic: characteristic)]
    }

    /// The GSS codes of the authorities in `directory`'s authority list, read alone: whether a
    /// scenario's authorities are real ones, before the larger tables are read.
    public static func authorityCodes(in directory: String) throws(ScenarioError) -> Set<String> {
        var log = IssueLog()
        let table = OfficialTable.read(authoritiesFile, in: directory, required: ["la_code"], log: &log)
        guard let table, !log.hasErrors else { throw ScenarioError(issues: log.issues) }
        return Set(table.rows.map { $0.text("la_code") })
    }

    /// Reads the four files from `directory` (with `OfficialTable`'s reader), or throws every problem found.
    public static func read(from directory: String) throws(ScenarioError) -> OfficialData {
        var log = IssueLog()
        func table(_ name: String, _ required: [String]) -> OfficialTable? {
            OfficialTable.read(name, in: directory, required: required, log: &log)
        }
        let authorityTable = table(authoritiesFile, OfficialTable.authorityColumns)
        let countColumns = ["year", "geographic_level", "region_name", "la_code", "group", "characteristic", "number"]
        let countTables = [table(lookedAfterFile, countColumns), table(flowsFile, countColumns)]
        let registerTable = table(
            registerFile,
            [
                "urn", "provision_type", "registration_status", "la_code", "sector", "places", "short_break_only",
                "owner",
                "overall_rating",
            ])
        var authorities: [Authority] = []
        for checked in authorityTable?.authorityRows(log: &log) ?? [] {
            let row = checked.row
            authorities.append(
                Authority(
                    code: checked.code, name: checked.name, region: row.text("region"),
                    latitude: checked.latitude, longitude: checked.longitude,
                    areaSquareKilometres: checked.areaSquareKilometres, children: checked.childPopulation))
        }
        var cells: [CellKey: Cell] = [:]
        cells.reserveCapacity(countTables.reduce(0) { $0 + ($1?.records.count ?? 0) })
        var coverage = [OfficialTable.YearCoverage(), OfficialTable.YearCoverage()]
        for (index, countTable) in countTables.enumerated() {
            var repeated = OfficialTable.RepeatedCells()
            for row in countTable?.rows ?? [] {
                let level = row.text("geographic_level")
                let authority: String
                switch level {
                case "Local authority": authority = row.text("la_code")
                case "National": authority = Self.england
                case "Regional": authority = Self.regionKey(row.text("region_name"))
                default: continue
                }
                guard let (year, number) = row.publishedCount(log: &log) else { continue }
                coverage[index].count(row, year: year, number: number)
                repeated.note(row, year: year, log: &log)
                let cell: Cell =
                    switch number {
                    case .count(let value): .number(value)
                    case .suppressed(let marker): .suppressed(marker)
                    }
                let key = CellKey(
                    year: year, authority: authority, group: row.text("group"),
                    characteristic: row.text("characteristic"))
                cells[key] = cell
            }
            coverage[index].check(log: &log)
        }
        var register: [RegisteredProvider] = []
        for row in registerTable?.rows ?? [] {
            guard let places = Double(row.text("places").isEmpty ? "0" : row.text("places")), places >= 0,
                places <= 1_000_000
            else {
                log.error(
                    registerFile, line: row.line, field: "places",
                    "'\(row.text("places"))' is not a number of places from 0 to 1,000,000")
                continue
            }
            register.append(
                RegisteredProvider(
                    urn: row.text("urn"), provisionType: row.text("provision_type"),
                    status: row.text("registration_status"), authority: row.text("la_code"),
                    sector: row.text("sector"), owner: row.text("owner"), rating: row.text("overall_rating"),
                    places: Int(places.rounded()), isShortBreakOnly: !row.text("short_break_only").isEmpty))
        }
        // Optional: without it no council's services are modelled as a trust's.
        var trusts: [String: ChildrensTrust] = [:]
        let trustsPath = (directory as NSString).appendingPathComponent(trustsFile)
        if FileManager.default.fileExists(atPath: trustsPath),
            let trustTable = table(trustsFile, ["la_code", "trust", "register_owners", "dfe_counts_as", "source"])
        {
            trusts = ChildrensTrust.read(trustTable, authorities: Set(authorities.map(\.code)), log: &log)
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return OfficialData(
            authorities: authorities, cells: cells, register: register, trusts: trusts,
            stockYears: coverage[0].publishedYears, flowYears: coverage[1].publishedYears, directory: directory)
    }
}
