import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// A scenario may list authorities with no children and no providers (an imported council's lists
/// all of England's): the Markdown leaves their rows of zeros out, the JSON keeps every authority.
@Suite("Per-authority rows of the Markdown")
struct AuthorityRowsTests {
    @Test("an authority with neither children nor providers has no row in solve's or compare's Markdown")
    func emptyAuthorityLeftOut() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.append("authorities.csv", line: "T00000009,Emptyham,Testshire,53.60,-2.00,100,10000")
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        #expect(scenario.authorities.contains { $0.name == "Emptyham" })
        let solved = try CommissioningMode.allCases.map { try PlacementOptimiser.solve(scenario, mode: $0) }
        let single = ResultMarkdown.mode(solved[0])
        #expect(!single.contains("Emptyham"))
        #expect(single.contains("Northtown (T00000001)"))
        let compared = ResultMarkdown.comparison(solved, scenario: scenario)
        #expect(!compared.contains("Emptyham"))
        #expect(compared.contains("| Eastbury |"))
        #expect(ResultJSON.mode(solved[0]).contains("Emptyham"))
        #expect(ResultJSON.comparison(solved, scenario: scenario).contains("Emptyham"))
    }
}
