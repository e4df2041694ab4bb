import Foundation
import PlacementPlanning
import PlacementScenarios
import TestSupport
import Testing

/// The policy comparison on tiny-plan: £500,000 buys H2 (the README's hand-worked plan) only when one
/// plan holds the whole budget; shared among councils or co-operatives by children looked after, no
/// share reaches a home's capital.
@Suite("The same budget, three ways")
struct PolicyComparisonTests {
    @Test("only the national plan can afford a home; every sentence quotes the table")
    func tinyPlan() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny-plan")).scenario
        let comparison = try PolicyComparison.compare(scenario, budget: 500_000, options: PlanningOptions())
        #expect(comparison.plans.map(\.scope) == [.council, .cooperative, .national])
        #expect(comparison.plans.map { $0.builds.map(\.candidate.id.rawValue) } == [[], [], ["H2"]])
        #expect(comparison.plans[2].withPlan.metrics.total.unplaced == 0)
        #expect(comparison.plans[2].withoutPlan.metrics.total.unplaced == 1)
        let markdown = comparison.markdown
        let table = markdown.components(separatedBy: "## In one sentence")[0]
        let sentences = markdown.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(sentences.count == 6)
        for sentence in sentences {
            // Every figure of a sentence is a cell of the table.
            for figure in sentence.split(separator: " ").filter({ $0.first?.isNumber == true }) {
                let cell = figure.trimmingCharacters(in: CharacterSet(charactersIn: ";."))
                #expect(table.contains(cell), "\(cell) of “\(sentence)”")
            }
        }
        #expect(markdown.contains("unplaced children: grant shared among councils 1 → 1"))
        #expect(markdown.contains("the largest improvement is under one national plan (bound)"))
    }
}
