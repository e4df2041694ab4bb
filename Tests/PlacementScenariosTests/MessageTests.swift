import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// How problems read when printed: one line each, located, and never carrying raw control characters.
@Suite("Scenario messages")
struct MessageTests {
    /// A mistyped path said as such; before, every case read "is not a scenario folder".
    @Test("a scenario path that does not exist, or is a file, says which")
    func missingOrFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let missing = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.load(from: folder.file("no-such-scenario"))
        }
        #expect(missing.description.contains("no-such-scenario: does not exist"), "\(missing.description)")
        try "".write(toFile: folder.file("notes.txt"), atomically: true, encoding: .utf8)
        let file = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: folder.file("notes.txt")) }
        #expect(file.description.contains("notes.txt: is a file, not a scenario folder"), "\(file.description)")
    }

    @Test("an escape sequence in a field is shown escaped, never printed raw")
    func escapedControlCharacters() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        // An authority code that sets the terminal's title and rings its bell.
        try copy.append("children.csv", line: "C11,\u{1B}]0;owned\u{07}\u{9B}2J\u{2028},foster,5-9,1,,,")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let text = error.description
        #expect(
            text.contains("home_authority: '\\x1B]0;owned\\x07\\x9B2J\\u{2028}' holds a control character, U+001B"),
            "got: \(text)")
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(!text.contains("\u{2028}"))
    }

    @Test("a huge field is shown by its start and end, with how much was left out, and the reason kept")
    func hugeField() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let huge = String(repeating: "9", count: 100_000)
        try copy.replace("providers.csv", "foster,2,600", with: "foster,\(huge)x,600")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let line = try #require(error.description.split(separator: "\n").first { $0.contains("places") })
        #expect(line.count < 2_000)
        #expect(line.contains("characters left out"))
        #expect(line.hasSuffix("is not a whole number"), "got: \(line)")
    }

    @Test("escaping keeps ordinary text, including non-ASCII letters, as it is")
    func ordinaryText() {
        #expect(
            TerminalSafeText.escaping("Bournemouth, Christchurch & Poole — £1,200 é")
                == "Bournemouth, Christchurch & Poole — £1,200 é")
        #expect(TerminalSafeText.escaping("a\tb\nc\rd\u{7F}\u{202E}") == "a\\tb\\nc\\rd\\x7F\\u{202E}")
    }

    @Test("a YAML syntax error is one line that starts with its location")
    func yamlSyntaxError() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", "  cost_per_mile: 10", with: "  cost_per_mile: [10")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.issues.count == 1)
        let issue = try #require(error.issues.first)
        #expect(issue.line != nil && issue.column != nil)
        #expect(issue.description.hasPrefix("scenario.yaml:\(issue.line!):\(issue.column!): is not valid YAML: "))
        #expect(!issue.description.contains("\n"))
    }

    @Test("YAML nested past libyaml's limit is said without libyaml's API; at the limit it is read")
    func yamlTooDeep() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        try copy.replace("scenario.yaml", "name: tiny", with: "name: tiny\nx: \(nested(2_000))")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        let message = try #require(error.issues.first?.description)
        #expect(message.contains("lists and mappings are nested too deeply to be read (libyaml stops at about 1,000"))
        #expect(!message.contains("yaml_set_max_nest_level"))
        // 500 levels are read (and refused only for the unknown key).
        try copy.replace("scenario.yaml", "x: \(nested(2_000))", with: "x: \(nested(500))")
        let within = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(within.issues.first?.description.contains("is not valid YAML") == false)
    }

    @Test("a control character in scenario.yaml is located at its line and column, and named")
    func yamlControlCharacter() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", "name: tiny", with: "name: \"é\"\ndescription: ab\u{01}c")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(
            error.issues.map(\.description) == [
                "scenario.yaml:2:16: is not valid YAML: control characters are not allowed (U+0001)"
            ])
    }

    /// A manifest edit repeating a key, and where the repeat is.
    struct Repeat: CustomTestStringConvertible, Sendable {
        let name: String
        let old: String
        let new: String
        let location: String
        let message: String
        var testDescription: String { name }
    }

    static let repeats: [Repeat] = [
        Repeat(
            name: "the scenario's name", old: "name: tiny\n", new: "name: tiny\nname: tiny2\n",
            location: "scenario.yaml:2:1",
            message: "a key is given more than once in one mapping: 'name' (first on line 1)"),
        Repeat(
            name: "a policy key", old: "  cost_per_mile: 10", new: "  cost_per_mile: 10\n  cost_per_mile: 11",
            location: "scenario.yaml:16:3",
            message: "a key is given more than once in one mapping: 'cost_per_mile' (first on line 15)"),
        Repeat(
            name: "a quoted key", old: "  cost_per_mile: 10", new: "  \"cost_per_mile\": 10\n  'cost_per_mile': 11",
            location: "scenario.yaml:16:3",
            message: "a key is given more than once in one mapping: 'cost_per_mile' (first on line 15)"),
        Repeat(
            name: "a key given three times, at its first repeat", old: "  cost_per_mile: 10",
            new: "  cost_per_mile: 10\n  cost_per_mile: 11\n  cost_per_mile: 12",
            location: "scenario.yaml:16:3",
            message: "a key is given more than once in one mapping: 'cost_per_mile' (first on line 15)"),
        Repeat(
            name: "two keys repeated, the first named at its repeat",
            old: "  cost_per_mile: 10\n  out_of_area_penalty: 250",
            new: "  cost_per_mile: 10\n  out_of_area_penalty: 250\n  out_of_area_penalty: 260\n  cost_per_mile: 11",
            location: "scenario.yaml:18:3",
            message: "a key is given more than once in one mapping: 'cost_per_mile' (first on line 15)"),
        Repeat(
            name: "a key repeated in two mappings, each named at its own repeat",
            old: "    default: 50\n  keep_existing_placements: false\n  council_order_seed: 2\n  market_margins:\n",
            new: "    default: 50\n    default: 60\n  keep_existing_placements: false\n  council_order_seed: 2\n"
                + "  market_margins:\n    default: 0.1\n    default: 0.2\n",
            location: "scenario.yaml:22:5",
            message: "a key is given more than once in one mapping: 'default' (first on line 21)"),
        Repeat(
            name: "a key in a flow mapping", old: "    default: 50",
            new: "    {default: 50, foster: 20, default: 60}",
            location: "scenario.yaml:21:31",
            message: "a key is given more than once in one mapping: 'default' (first on line 21)"
        ),
    ]

    @Test("a repeated manifest key is reported where it is repeated, with the line of the first", arguments: repeats)
    func repeatedKey(repeat: Repeat) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("scenario.yaml", `repeat`.old, with: `repeat`.new)
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(from: copy.path) }
        #expect(error.issues.count == 1, "got: \(error.description)")
        #expect(
            error.issues.first?.description == "\(`repeat`.location): is not valid YAML: \(`repeat`.message)",
            "got: \(error.description)")
    }
}
