import Foundation
import PlacementCalibration
import PlacementScenarios
import TestSupport
import Testing

@Suite("Ofsted's places table")
struct PlacesTableTests {
    /// The trial: a mistyped `la_code` in Ofsted's places table dropped its places from today's market
    /// without a word. A retired county (Cumbria, split in 2023) is not mistyped.
    @Test("an authority the list lacks is an error, a retired county is not")
    func unknownAuthorityInThePlacesTable() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        let rows = [
            "year,la_code,provision_type,sector,short_break_only,places",
            "2025,T00000001,Children's home,Private,no,4",
            "2021,E10000006,Children's home,Private,no,6",
            "2025,X123,Children's home,Private,no,5",
        ]
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: data.directory.file(OfficialTables.placesFile), atomically: true, encoding: .utf8)
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        }
        #expect(
            error.issues.map(\.description) == [
                "ofsted_places_by_la_2021_2025.csv:4: la_code: 'X123' is not an authority in "
                    + "england_local_authorities.csv (nor a county since split in two): its places would be left out "
                    + "of today's market"
            ])
    }

    /// Without a readable authority list there is nothing to check codes against: its own error is said,
    /// not one for every row of the places table.
    @Test("without the authority list, the places table's codes are not questioned")
    func noAuthorityList() throws {
        let data = try TinyData()
        defer { data.directory.remove() }
        try
            (["year,la_code,provision_type,sector,short_break_only,places", "2025,X123,Children's home,Private,no,5"]
            .joined(separator: "\n") + "\n").write(
                toFile: data.directory.file(OfficialTables.placesFile), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: data.directory.file(OfficialTables.authoritiesFile))
        let error = try #require(throws: ScenarioError.self) {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        }
        #expect(!error.issues.contains { $0.description.contains("is not an authority") }, "\(error.issues)")
        #expect(error.issues.contains { $0.description.hasPrefix(OfficialTables.authoritiesFile) })
        // A list of its header alone names no authority either: nothing to check against.
        try (OfficialTable.authorityColumns.joined(separator: ",") + "\n").write(
            toFile: data.directory.file(OfficialTables.authoritiesFile), atomically: true, encoding: .utf8)
        do {
            _ = try OfficialPlacementData.read(from: data.directory.path)
        } catch {
            #expect(!error.issues.contains { $0.description.contains("is not an authority") }, "\(error.issues)")
        }
    }
}
