import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// Which files a scenario's tables are read from: default names, and never a file outside the folder.
@Suite("Scenario files")
struct ScenarioFilesTests {
    /// tiny's manifest with its `files:` mapping (lines 6–12) removed.
    static func removeFilesMapping(_ copy: ScenarioCopy) throws {
        let lines = try copy.read("scenario.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[5] == "files:" && lines[11] == "  actuals: actuals.csv")
        try copy.write("scenario.yaml", (lines[..<5] + lines[12...]).joined(separator: "\n"))
    }

    @Test("without files:, the optional tables are read from their default names")
    func defaultOptionalTables() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try Self.removeFilesMapping(copy)
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        // cooperatives.csv: one co-operative of two; distances.csv: 9 rows; actuals.csv: 6 rows.
        #expect(scenario.cooperatives.map(\.members) == [["T00000001", "T00000002"]])
        #expect(scenario.distanceOverrides.count == 9)
        #expect(scenario.distanceOverrides[AuthorityPair(from: "T00000002", to: "T00000003")] == 22)
        #expect(scenario.actuals.count == 6)
    }

    @Test("without files: and without the optional files, the scenario loads without them")
    func absentOptionalTables() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try Self.removeFilesMapping(copy)
        for name in ["cooperatives.csv", "distances.csv", "actuals.csv"] {
            try FileManager.default.removeItem(atPath: copy.directory.file(name))
        }
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.cooperatives.isEmpty && scenario.distanceOverrides.isEmpty && scenario.actuals.isEmpty)
    }

    @Test("a table that is a link to a file outside the folder is refused, and its contents never shown")
    func linkOutside() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let outside = try TemporaryDirectory()
        defer { outside.remove() }
        let secret = "code,name,latitude,longitude,area_km2\nSECRET-TOKEN-1234,x,1,1,1\n"
        try secret.write(toFile: outside.file("secret.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: copy.directory.file("authorities.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: copy.directory.file("authorities.csv"), withDestinationPath: outside.file("secret.csv"))
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(
            error.errors.contains {
                $0.description
                    == "scenario.yaml:7:16: files.authorities: 'authorities.csv' is a link to a file outside the scenario folder"
            }, "got: \(error.description)")
        #expect(!error.description.contains("SECRET"))
    }

    @Test("a default-named optional table linking outside the folder is refused by its name")
    func defaultLinkOutside() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try Self.removeFilesMapping(copy)
        try FileManager.default.removeItem(atPath: copy.directory.file("actuals.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: copy.directory.file("actuals.csv"), withDestinationPath: "/etc/hostname")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.map(\.description) == ["actuals.csv: is a link to a file outside the scenario folder"])
    }

    @Test("a link to a table inside the folder is followed")
    func linkInside() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try FileManager.default.createDirectory(
            atPath: copy.directory.file("tables"), withIntermediateDirectories: false)
        try FileManager.default.moveItem(
            atPath: copy.directory.file("children.csv"), toPath: copy.directory.file("tables/children.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: copy.directory.file("children.csv"), withDestinationPath: "tables/children.csv")
        #expect(try ScenarioLoader.load(from: copy.path).scenario.childCount == 13)
    }

    /// A trial's loop of links had been said not to exist.
    @Test("a table that is a link leading to no file is said to be one")
    func brokenLink() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.directory.file("children.csv"))
        try FileManager.default.createSymbolicLink(
            atPath: copy.directory.file("children.csv"), withDestinationPath: "children.csv")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(
            error.description.contains(
                "cannot read the file (it is a link that leads to no file: a loop of links, or a target that does not "
                    + "exist)"), "\(error.description)")
    }

    @Test("a table that is not a regular file is refused without blocking")
    func notRegularFile() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.directory.file("distances.csv"))
        #expect(mkfifo(copy.directory.file("distances.csv"), 0o600) == 0)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.map(\.description) == ["distances.csv: cannot read the file (it is not a regular file)"])
    }
}
