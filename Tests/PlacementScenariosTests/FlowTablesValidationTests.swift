import ArgumentParser
import Foundation
import PlacementCommands
import PlacementScenarios
import TestSupport
import Testing

/// `flows.csv` and `place_changes.csv` are checked when a scenario loads, by the reader `simulate`
/// uses, so `validate` refuses what `simulate` would.
@Suite("Flow tables validation")
struct FlowTablesValidationTests {
    struct Damage: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (ScenarioCopy) throws -> Void
        /// The expected message's start.
        let location: String
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(
            name: "NaN arrivals", edit: { try $0.replace("flows.csv", "foster,1,0,0", with: "foster,NaN,0,0") },
            location: "flows.csv:2:23: arrivals: 'NaN' is not a whole number"),
        Damage(
            name: "a missing column in flows.csv", edit: { try $0.replace("flows.csv", ",moves", with: ",move") },
            location: "flows.csv:1: moves: required column is missing"),
        Damage(
            name: "an unclosed quote in flows.csv",
            edit: { try $0.replace("flows.csv", "2027,T00000001", with: "2027,\"T00000001") },
            location: "flows.csv:4:6: is not valid CSV: a quoted field opened here is never closed"),
        Damage(
            name: "flows.csv not UTF-8",
            edit: { try $0.write("flows.csv", try $0.read("flows.csv") + "2028,T0\u{FFFD}\n") },
            location: "flows.csv:5:8: authority: is not UTF-8 text: byte FF"),
        Damage(
            name: "a missing column in place_changes.csv",
            edit: { try $0.replace("place_changes.csv", ",places", with: ",place") },
            location: "place_changes.csv:1: places: required column is missing"),
        Damage(
            name: "a bad quote in place_changes.csv",
            edit: { try $0.replace("place_changes.csv", "P4,", with: "P\"4,") },
            location: "place_changes.csv:2:7: is not valid CSV: a quote inside a field"),
        Damage(
            name: "place_changes.csv not UTF-8",
            edit: { try $0.write("place_changes.csv", try $0.read("place_changes.csv") + "2028,P\u{FFFD}\n") },
            location: "place_changes.csv:3:7: provider: is not UTF-8 text: byte FF"),
        Damage(
            name: "an unknown provider in place_changes.csv",
            edit: { try $0.replace("place_changes.csv", "P4,", with: "P44,") },
            location: "place_changes.csv:2:6: provider: unknown provider 'P44' (did you mean 'P4'?)"),
        Damage(
            name: "a flow in year 0", edit: { try $0.replace("flows.csv", "2026,T00000001", with: "0,T00000001") },
            location: "flows.csv:2:1: year: '0' is not a year from 1990 to 2100"),
        Damage(
            name: "a flow in 1989", edit: { try $0.replace("flows.csv", "2027,T00000001", with: "1989,T00000001") },
            location: "flows.csv:4:1: year: '1989' is not a year from 1990 to 2100"),
        Damage(
            name: "a flow after 2100", edit: { try $0.replace("flows.csv", "2027,T00000001", with: "2101,T00000001") },
            location: "flows.csv:4:1: year: '2101' is not a year from 1990 to 2100"),
        Damage(
            name: "a place change in 1989", edit: { try $0.replace("place_changes.csv", "2027,P4", with: "1989,P4") },
            location: "place_changes.csv:2:1: year: '1989' is not a year from 1990 to 2100"),
        Damage(
            name: "a flow given twice",
            edit: { try $0.append("flows.csv", line: "2026,T00000001,foster,1,0,0") },
            location:
                "flows.csv:5:1: year: duplicate row for 2026, T00000001, foster (first on line 2); one row per year, "
                + "authority and placement type"),
        // The trial: a million arrivals a row took a simulation past 100 million children.
        Damage(
            name: "arrivals past the children a scenario may hold",
            edit: { copy in
                // tiny's two arrivals, then a million a year from 2030: past ten million on the tenth.
                for year in 2030...2039 { try copy.append("flows.csv", line: "\(year),T00000001,foster,1000000,0,0") }
            },
            location:
                "flows.csv:14:23: arrivals: the file's arrivals add up to 10,000,002 children by this row, past the "
                + "10,000,000 one scenario may hold"),
        Damage(
            name: "a place change given twice",
            edit: { try $0.append("place_changes.csv", line: "2027,P4,Children's home,2") },
            location:
                "place_changes.csv:3:1: year: duplicate row for 2027, P4, childrens_home (first on line 2); one row "
                + "per year, provider and placement type"),
    ]

    /// `damage`'s copy of tiny, with the text of "\u{FFFD}" written as one byte that is not UTF-8.
    private static func damaged(_ damage: Damage) throws -> ScenarioCopy {
        let copy = try ScenarioCopy(of: "tiny")
        try damage.edit(copy)
        for file in ["flows.csv", "place_changes.csv"] {
            let url = URL(fileURLWithPath: copy.directory.file(file))
            let bytes = [UInt8](try Data(contentsOf: url))
            let marker: [UInt8] = [0xEF, 0xBF, 0xBD]
            guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: marker) }) else { continue }
            try Data(bytes[..<start] + [0xFF] + bytes[(start + 3)...]).write(to: url)
        }
        return copy
    }

    @Test("loading refuses it with simulate's own message", arguments: damages)
    func refused(damage: Damage) throws {
        let copy = try Self.damaged(damage)
        defer { copy.remove() }
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.count == 1, "got: \(error.description)")
        #expect(error.errors.first?.description.hasPrefix(damage.location) == true, "got: \(error.description)")
        // The same message from the reader simulate calls, given tiny as it was.
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let simulated = try #require(throws: ScenarioError.self) {
            try FlowTables.read(folder: copy.path, scenario: tiny)
        }
        #expect(simulated.errors.map(\.description) == error.errors.map(\.description))
    }

    @Test("validate exits 1 on a damaged flows.csv")
    func validateExits() throws {
        let copy = try Self.damaged(Self.damages[0])
        defer { copy.remove() }
        var command = try PlacementCommand.parseAsRoot(["validate", copy.path])
        #expect(throws: ExitCode(1)) { try command.run() }
    }

    @Test("tiny's flows load as before")
    func tinyFlows() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let tables = try #require(try FlowTables.read(folder: Fixtures.scenario("tiny"), scenario: tiny))
        #expect(tables.flows.count == 3)
        #expect(
            tables.placeChanges == [
                FlowTables.PlaceChange(year: 2027, provider: "P4", placementType: .childrensHome, places: 1)
            ])
    }

    @Test("place_changes.csv without flows.csv is warned about: a simulation does not read it")
    func placeChangesAlone() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try FileManager.default.removeItem(atPath: copy.directory.file("flows.csv"))
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(
            loaded.warnings.map(\.description) == [
                "place_changes.csv: warning: is not read without flows.csv: a simulation then takes its flows and "
                    + "place changes from the published data"
            ])
    }

    @Test("arrivals of an authority and type no cohort is of are warned about: a simulation leaves them out")
    func arrivalsWithoutACohort() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        // tiny has no supported accommodation in Southvale; Northtown's leavers of it are no arrivals.
        try copy.append("flows.csv", line: "2026,T00000002,supported_accommodation,5,0,0")
        try copy.append("flows.csv", line: "2027,T00000001,supported_accommodation,0,2,0")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(
            loaded.warnings.map(\.description) == [
                "flows.csv:5:40: warning: arrivals: T00000002 has no supported_accommodation children in the scenario's "
                    + "children, so a simulation has no cohort for these 5 arrivals to join: they are left out (add such "
                    + "children to the scenario's children table to simulate them)"
            ])
    }
}
