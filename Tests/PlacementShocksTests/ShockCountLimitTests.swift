import Foundation
import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

/// A shocks file of a hundred thousand shocks ran one stress case each and never finished; one of a
/// million unknown owners printed a million lines.
@Suite("The shocks a file may list, and the problems listed")
struct ShockCountLimitTests {
    static func shocks(_ lines: [String], in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("shocks.yaml")
        try (["shocks:"] + lines.map { "  - \($0)" }).joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a file of 1,000 shocks reads; the 1,001st is refused at its line, in every command")
    func limit() throws {
        var log = IssueLog()
        let text = (["shocks:"] + Array(repeating: "  - close_inadequate: true", count: ShockFile.maximumShocks))
            .joined(separator: "\n")
        let file = ShockFile.parse(text, file: "shocks.yaml", log: &log)
        #expect(!log.hasErrors, "\(log.issues)")
        #expect(file?.shocks.count == 1_000)

        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.shocks(Array(repeating: "close_inadequate: true", count: 1_001), in: directory)
        for command in ["compare", "stress"] {
            let run = try BuiltTool.run("placement", [command, Fixtures.scenario("tiny"), "--shocks", path, "--quiet"])
            #expect(run.status == 1, "\(command): \(run.standardError.prefix(500))")
            #expect(
                run.standardError
                    == "shocks.yaml:1002:5: shocks: shock 1,001 is past the limit: a shocks file lists at most 1,000 "
                    + "shocks (stress solves every mode once for each); split it into several files\n"
                    + "\(path): 1 error; the shocks file is not valid.\n", "\(command)")
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("ten thousand unknown owners: the first 100 listed, then how many more")
    func manyUnknownOwners() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let names = (0..<10_000).map { "Nobody \($0) Ltd" }
        let path = try Self.shocks(["remove_owners: [\(names.joined(separator: ", "))]"], in: directory)
        let run = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--shocks", path, "--quiet"])
        #expect(run.status == 1)
        let lines = run.standardError.split(separator: "\n")
        #expect(lines.count == 102, "\(lines.count) lines")
        // Each name at its own column: "  - remove_owners: [" is 20 characters, and each name before it
        // takes its length and ", ".
        #expect(
            lines.first
                == "shocks.yaml:2:21: shocks[0].remove_owners[0]: no provider of the scenario has the owner 'Nobody 0 Ltd'"
        )
        let column99 = names.prefix(99).reduce(21) { $0 + $1.count + 2 }
        let hundredth =
            "shocks.yaml:2:\(column99): shocks[0].remove_owners[99]: no provider of the scenario has the owner "
            + "'Nobody 99 Ltd'"
        #expect(lines.dropFirst(99).first.map(String.init) == hundredth)
        #expect(
            lines.dropFirst(100).first
                == "… and 9,900 more problems not listed (10,000 errors in all); fix those above and run again")
        #expect(lines.last == "\(path): 10,000 errors; the shocks file is not valid.")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("a scenario's problems past the first 100 are counted, not listed")
    func issueList() {
        let issues = (1...250).map { ScenarioIssue(.error, file: "children.csv", line: $0 + 1, message: "bad") }
        let lines = ScenarioError(issues: issues).description.split(separator: "\n")
        #expect(lines.count == 101)
        #expect(lines[99] == "children.csv:101: bad")
        #expect(lines[100] == "… and 150 more problems not listed (250 errors in all); fix those above and run again")
        #expect(ScenarioError(issues: Array(issues.prefix(100))).description.split(separator: "\n").count == 100)
    }
}
