import Testing

@testable import PlacementPlanning

/// `plan.md` prints pounds as every report does: a saving that rounds to nothing is £0, never £-0.
@Suite("Pounds in the plan's Markdown")
struct PlanPoundsTests {
    @Test(
        "as NumberText.pounds: grouped, the sign before the pound, no negative zero",
        arguments: [(-0.3, "£0"), (-0.0, "£0"), (0.4, "£0"), (-1_234.4, "-£1,234"), (1_234_567.6, "£1,234,568")])
    func pounds(value: Double, text: String) {
        #expect(PlanMarkdown.pounds(value) == text)
    }
}
