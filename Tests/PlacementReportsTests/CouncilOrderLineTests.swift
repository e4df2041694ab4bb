import PlacementOptimisation
import PlacementReports
import Testing

@Suite("The council mode's buying order in Markdown")
struct CouncilOrderLineTests {
    @Test("The order names the councils' codes, as the JSON's council_order does")
    func namesCodes() throws {
        let scenario = GoldenFileTests.scenario
        let result = try PlacementOptimiser.solve(scenario, mode: .council)
        let order = result.result.councilOrder.map(\.rawValue)
        try #require(!order.isEmpty)
        let markdown = ResultMarkdown.mode(result)
        #expect(markdown.contains("Councils bought from the market in this order: \(order.joined(separator: ", "))."))
        #expect(!markdown.contains("JoinedSequence"))
    }
}
