import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// A control character in any name, code or value a scenario defines is refused, once, with file,
/// line, field and the character's code point: reports print names as they are on stdout.
@Suite("Control characters in scenario files")
struct ControlCharacterTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let edit: @Sendable (ScenarioCopy) throws -> Void
        /// The expected message's start.
        let location: String
        var testDescription: String { name }

        /// `old` replaced by `new` in `file`.
        init(_ name: String, _ file: String, _ old: String, _ new: String, location: String) {
            self.name = name
            self.edit = { try $0.replace(file, old, with: new) }
            self.location = location
        }

        init(_ name: String, edit: @escaping @Sendable (ScenarioCopy) throws -> Void, location: String) {
            self.name = name
            self.edit = edit
            self.location = location
        }
    }

    static let cases: [Case] = [
        Case(
            "ESC in an authority's name", "authorities.csv", "Northtown,", "North\u{1B}[31mtown,",
            location: "authorities.csv:2:11: name: 'North\\x1B[31mtown' holds a control character, U+001B"),
        Case(
            "a C1 control in a co-operative's name", "cooperatives.csv", "North and South", "North\u{9B}South",
            location: "cooperatives.csv:2:13: cooperative_name: 'North\\x9BSouth Co-operative' holds a control"),
        Case(
            "DEL in a provider's owner", "providers.csv", "Oak Care Ltd", "Oak\u{7F} Care Ltd",
            location: "providers.csv:6:23: owner: 'Oak\\x7F Care Ltd' holds a control character, U+007F"),
        Case(
            "a quoted line break in a provider's name", "providers.csv", "Oak House,", "\"Oak\nHouse\",",
            location: "providers.csv:6:4: name: 'Oak\\nHouse' holds a control character, U+000A"),
        Case(
            "BEL in a child's id", "children.csv", "C03,", "C\u{07}03,",
            location: "children.csv:4:1: id: 'C\\x0703' holds a control character, U+0007"),
        Case(
            "a tab inside a provider's name", "providers.csv", "Oak House,", "Oak\tHouse,",
            location: "providers.csv:6:4: name: 'Oak\\tHouse' holds a control character, U+0009"),
        Case(
            "NUL in a flow's authority", "flows.csv", "2027,T00000001", "2027,T0000\u{0}0001",
            location: "flows.csv:4:6: authority: 'T0000\\x000001' holds a control character, U+0000"),
        Case(
            "ESC in a place change's provider", "place_changes.csv", "P4", "P\u{1B}4",
            location: "place_changes.csv:2:6: provider: 'P\\x1B4' holds a control character, U+001B"),
        Case(
            "ESC in the scenario's name", "scenario.yaml", "name: tiny", "name: \"ti\\eny\"",
            location: "scenario.yaml:1:7: name: 'ti\\x1Bny' holds a control character, U+001B"),
        Case(
            "ESC in the scenario's description",
            edit: { copy in
                let text = try copy.read("scenario.yaml")
                let start = try #require(text.range(of: "description: >"))
                let end = try #require(text.range(of: "files:"))
                try copy.write(
                    "scenario.yaml",
                    text.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "description: \"a\\eb\"\n"))
            },
            location: "scenario.yaml:2:14: description: 'a\\x1Bb' holds a control character, U+001B"),
    ]

    @Test("refused once, with file, line, field and code point", arguments: cases)
    func refused(case: Case) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try `case`.edit(copy)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.errors.count == 1, "got: \(error.description)")
        #expect(error.errors.first?.description.hasPrefix(`case`.location) == true, "got: \(error.description)")
        #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test("a column the readers ignore may hold a line break, and a block description its line ends")
    func ignoredColumn() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let lines = try copy.read("authorities.csv").split(separator: "\n").enumerated().map { index, line in
            line + (index == 0 ? ",notes" : ",\"two\nlines\"")
        }
        try copy.write("authorities.csv", lines.joined(separator: "\n") + "\n")
        let loaded = try ScenarioLoader.load(from: copy.path)
        #expect(loaded.scenario.authorities.count == 3)
        #expect(loaded.scenario.description.contains("\n"))
    }

    @Test("the built tool prints nothing raw: the error on stderr escaped, nothing on stdout")
    func builtTool() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("authorities.csv", "Northtown,", with: "North\u{1B}[31mtown,")
        let run = try BuiltTool.run("placement", ["validate", copy.path])
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
        #expect(!run.standardError.contains("\u{1B}"))
        #expect(
            run.standardError.contains("authorities.csv:2:11: name: 'North\\x1B[31mtown' holds a control character"))
    }
}

@Suite("Control characters: the code points")
struct ControlCharacterSetTests {
    @Test("exactly Unicode's general category Cc")
    func categoryCc() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let refused = ControlCharacters.problem("a\(Character(scalar))b") != nil
            #expect(refused == (scalar.properties.generalCategory == .control), "U+\(String(value, radix: 16))")
        }
    }
}

/// Official data may carry a control character in a name (a tab in an Ofsted owner's): a scenario
/// written from it has a space there, so that its own loader takes it back.
@Suite("Scenarios written from names with control characters")
struct WrittenNameTests {
    @Test func aTabInAnOwnersNameIsWrittenAsASpaceAndLoadsBack() throws {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        scenario.providers[0].owner = "Homes\tLtd"
        scenario.providers[0].name = "Home\u{1B}[31m one"
        scenario.authorities[0].name = "North\u{85}town"
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("written")
        try ScenarioWriter.write(scenario, to: out)
        let loaded = try ScenarioLoader.load(from: out).scenario
        #expect(loaded.providers[0].owner == "Homes Ltd")
        #expect(loaded.providers[0].name == "Home [31m one")
        #expect(loaded.authorities[0].name == "North town")
    }
}
