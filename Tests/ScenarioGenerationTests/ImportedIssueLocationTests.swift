import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

/// A problem found when the imported scenario is loaded back is said at the child's row of the file
/// the user gave, under that file's column: the generated `children.csv` is not theirs to look in.
@Suite("Import problems located in the user's file")
struct ImportedIssueLocationTests {
    static func imported() throws -> CouncilImport {
        let data = try OfficialData.read(from: "\(Fixtures.root)/data")
        let asOf = try #require(CalendarDate(parsing: "2025-03-31"))
        return try CouncilImport.build(
            children: "\(Fixtures.root)/import/rutland-children.csv", file: "rutland-children.csv", data: data,
            options: CouncilImport.Options(authority: "Rutland", asOf: asOf))
    }

    @Test("children.csv's rows and columns become the children file's: placement_type is placement_code")
    func locatedAtTheChild() throws {
        let imported = try Self.imported()
        // children.csv line 3 is the second child, RUT002, on line 3 of the sample; its
        // placement_code starts at column 19 ("RUT002,2016-11-19,").
        let moved = imported.locatedInChildrenFile(
            ScenarioIssue(.warning, file: "children.csv", line: 3, column: 30, field: "placement_type", message: "m"))
        #expect(moved.description == "rutland-children.csv:3:19: warning: placement_code: m")
        // RUT006 (line 7) lives with the agency SC053859: its current provider is the URN's, at column 41.
        let provider = imported.locatedInChildrenFile(
            ScenarioIssue(.warning, file: "children.csv", line: 7, column: 9, field: "current_provider", message: "m"))
        #expect(provider.description == "rutland-children.csv:7:41: warning: provider_urn: m")
        // RUT001 (line 2) gave no URN: its provider came from its code, PR1 at column 22.
        let coded = imported.locatedInChildrenFile(
            ScenarioIssue(.warning, file: "children.csv", line: 2, column: 9, field: "current_provider", message: "m"))
        #expect(coded.description == "rutland-children.csv:2:22: warning: placement_provider: m")
        // Another file's issue is left as it is.
        let other = ScenarioIssue(.warning, file: "providers.csv", line: 3, message: "m")
        #expect(imported.locatedInChildrenFile(other) == other)
    }
}
