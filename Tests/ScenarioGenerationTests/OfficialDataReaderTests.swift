import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

/// The official files' own reader, checked against hand-written files and, over the whole of DfE's
/// shipped tables, against the scenario files' CSV layer (`CSVTable`).
@Suite("Reading the official CSV files")
struct OfficialDataReaderTests {
    static let countHeader = "year,geographic_level,region_name,la_code,la_name,group,characteristic,number,percentage"

    /// A data folder with the four files; `counts` are the rows of the children-looked-after table.
    static func folder(counts: String, authorities: String? = nil, lineBreak: String = "\n") throws
        -> TemporaryDirectory
    {
        let directory = try TemporaryDirectory()
        func write(_ name: String, _ lines: [String]) throws {
            try lines.map { $0 + lineBreak }.joined().write(
                toFile: directory.file(name), atomically: true, encoding: .utf8)
        }
        try write(
            "england_local_authorities.csv",
            [
                "la_code,old_la_code,la_name,region,la_type,latitude,longitude,area_km2,children_0_17_2024",
                authorities
                    ?? "E06000010,810,\"Kingston upon Hull, City of\",Yorkshire and The Humber,UA,53.7,-0.3,72.0,62379",
            ])
        try write("dfe_cla_by_la_2021_2025.csv", [countHeader, counts])
        try write("dfe_cla_flows_by_la_2021_2025.csv", [countHeader])
        try write(
            "ofsted_providers_2025.csv",
            ["urn,provision_type,registration_status,la_code,sector,places,short_break_only,owner,overall_rating"])
        return directory
    }

    static func issues(_ directory: TemporaryDirectory) -> [String] {
        do {
            _ = try OfficialData.read(from: directory.path)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test("quoted fields keep their commas and doubled quotes; CRLF and LF read alike", arguments: ["\n", "\r\n"])
    func quotedFields(lineBreak: String) throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,Yorkshire and The Humber,E06000010,\"Kingston upon Hull, City of\","
                + "Distance,\"1. Placed inside the LA boundary, 20 miles or less from \"\"home\"\"\",230,66",
            lineBreak: lineBreak)
        defer { directory.remove() }
        let data = try OfficialData.read(from: directory.path)
        #expect(data.authorities.map(\.name) == ["Kingston upon Hull, City of"])
        #expect(data.authorities.first?.children == 62379)
        #expect(
            data.cell(2024, "E06000010", "Distance", "1. Placed inside the LA boundary, 20 miles or less from \"home\"")
                == .number(230))
    }

    @Test("a line break inside a quoted field counts in later line numbers")
    func lineNumbers() throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,R,E06000010,\"Hull,\nCity of\",Placement,Total,12,1\n"
                + "2024,Local authority,R,E06000010,Hull,Placement,Total,12")
        defer { directory.remove() }
        // Header line 1, the first record lines 2–3, the ragged record line 4.
        #expect(Self.issues(directory) == ["dfe_cla_by_la_2021_2025.csv:4: has 8 fields; the header has 9"])
    }

    @Test("an unclosed quote is named with the line it opens on")
    func unclosedQuote() throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,12,1\n"
                + "2024,Local authority,R,E06000010,\"Hull,Placement,Total,12,1")
        defer { directory.remove() }
        #expect(
            Self.issues(directory) == [
                "dfe_cla_by_la_2021_2025.csv:3: is not valid CSV (a quoted field opened on this line is never closed)"
            ])
    }

    @Test("a missing column and a count that is not one are errors naming file, line and field")
    func badFields() throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,twelve,1",
            authorities: "E06000010,810,Hull,R,UA,north,-0.3,72.0,62379\n"
                + "E06000011,811,East Riding,R,UA,53.9,-0.6,2000000,60000\n"
                + "E06000012,812,Grimsby,R,UA,53.5,-0.1,0.001,30000")
        defer { directory.remove() }
        // An area a scenario's authorities.csv refuses is refused here, or `generate real` would write a
        // scenario that does not load (and `import` would blame itself for it).
        #expect(
            Self.issues(directory) == [
                "england_local_authorities.csv:2: latitude: must be a latitude from −90 to 90; got 'north'",
                "england_local_authorities.csv:3: area_km2: must be an area in square kilometres from 0.01 to 1,000,000; got '2000000'",
                "england_local_authorities.csv:4: area_km2: must be an area in square kilometres from 0.01 to 1,000,000; got '0.001'",
                "dfe_cla_by_la_2021_2025.csv:2: number: 'twelve' is neither a count nor a marker",
            ])
    }

    /// The readers add counts up and count the years between two published ones, so a count past any
    /// real table or a year out of reach is refused where it is read (it used to overflow, or to abort
    /// allocating every year up to it).
    @Test("a count above 1,000,000 and a year outside 1990–2100 are errors naming file, line and field")
    func countAndYearOutOfReach() throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,9223372036854775807,1\n"
                + "9223372036854775807,Local authority,R,E06000010,Hull,Placement,Total,12,1\n"
                + "1989,Local authority,R,E06000010,Hull,Placement,Total,12,1")
        defer { directory.remove() }
        #expect(
            Self.issues(directory) == [
                "dfe_cla_by_la_2021_2025.csv:2: number: 9223372036854775807 is above the largest count allowed, 1,000,000",
                "dfe_cla_by_la_2021_2025.csv:3: year: '9223372036854775807' is not a year from 1990 to 2100",
                "dfe_cla_by_la_2021_2025.csv:4: year: '1989' is not a year from 1990 to 2100",
            ])
    }

    /// The forecast starts from the last year the table publishes: a mistyped year must not be it.
    @Test("a year with the figures of only a sliver of the authorities is an error on its first line's year")
    func strayYear() throws {
        let directory = try Self.folder(
            counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,12,1\n"
                + "2024,Local authority,R,E06000011,York,Placement,Total,9,1\n"
                + "2100,Local authority,R,E06000011,York,Placement,Total,9,1")
        defer { directory.remove() }
        #expect(
            Self.issues(directory) == [
                "dfe_cla_by_la_2021_2025.csv:4: year: 2100 has figures for only 1 authority, 2024 for 2: a year with "
                    + "half the authorities' figures or fewer is refused (a stray or cut-short year)"
            ])
        // Every authority in every year reads, and its years are said.
        let whole = try Self.folder(
            counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,12,1\n"
                + "2025,Local authority,R,E06000010,Hull,Placement,Total,12,1")
        defer { whole.remove() }
        #expect(try OfficialData.read(from: whole.path).stockYears == [2024, 2025])
    }

    @Test("the children's trusts file: every bad field named with its line; a register's places must be a count")
    func trustsAndPlaces() throws {
        let directory = try Self.folder(counts: "2024,Local authority,R,E06000010,Hull,Placement,Total,12,1")
        defer { directory.remove() }
        try [
            "la_code,la_name,trust,register_owners,dfe_counts_as,source",
            "E06000010,Hull,Hull Children's Trust,Hull Children's Trust,voluntary,https://example.org/hull",
            "E06000010,Hull,Again,Again Ltd,voluntary,https://example.org/again",
            "E99999999,Nowhere,Trust,Trust Ltd,partly,",
        ].map { $0 + "\n" }.joined().write(
            toFile: directory.file("childrens_trusts_2025.csv"), atomically: true, encoding: .utf8)
        try [
            "urn,provision_type,registration_status,la_code,sector,places,short_break_only,owner,overall_rating",
            "1,Children's home,Active,E06000010,Private,inf,,Owner,Good",
        ].map { $0 + "\n" }.joined().write(
            toFile: directory.file("ofsted_providers_2025.csv"), atomically: true, encoding: .utf8)
        #expect(
            Self.issues(directory) == [
                "ofsted_providers_2025.csv:2: places: 'inf' is not a number of places from 0 to 1,000,000",
                "childrens_trusts_2025.csv:3: la_code: 'E06000010' is listed twice (first on line 2)",
                "childrens_trusts_2025.csv:4: la_code: 'E99999999' is not an authority in the authority list",
                "childrens_trusts_2025.csv:4: dfe_counts_as: 'partly' is neither 'voluntary' nor 'own'",
                "childrens_trusts_2025.csv:4: source: is empty: every trust needs its source",
            ])
    }

    /// Every record of DfE's shipped tables gives the same cell through both readers.
    @Test(
        "DfE's tables read as the scenario CSV layer reads them",
        arguments: ["dfe_cla_by_la_2021_2025.csv", "dfe_cla_flows_by_la_2021_2025.csv"])
    func sameAsScenarioReader(file: String) throws {
        let folder = "\(Fixtures.root)/data"
        let data = try OfficialData.read(from: folder)
        var log = IssueLog()
        let table = try #require(CSVTable.read("\(folder)/\(file)", file: file, required: [], log: &log))
        var compared = 0
        for row in table.rows where row.text("geographic_level") == "Local authority" {
            guard let year = Int(row.text("year")) else { continue }
            let number = row.text("number")
            let expected: OfficialData.Cell = Int(number).map { .number($0) } ?? .suppressed(number)
            let cell = data.cell(year, row.text("la_code"), row.text("group"), row.text("characteristic"))
            if cell != expected {
                Issue.record("\(file):\(row.line): \(String(describing: cell)) read, \(expected) expected")
                break
            }
            compared += 1
        }
        #expect(compared > 30_000)
    }
}
