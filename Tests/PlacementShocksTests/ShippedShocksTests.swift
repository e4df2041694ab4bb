import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

@Suite("The shipped shocks files")
struct ShippedShocksTests {
    /// Each shipped file with the shipped scenarios its comment names.
    @Test(
        "Each shipped shocks file reads against every scenario it is for",
        arguments: [
            ("market-stress.yaml", "south-east"), ("market-stress.yaml", "england-2025"),
            ("largest-childrens-home-owners-exit.yaml", "greater-manchester"),
            ("largest-childrens-home-owners-exit.yaml", "south-east"),
            ("largest-childrens-home-owners-exit.yaml", "england-2025"),
        ])
    func readsAgainstItsScenarios(file: String, scenario: String) throws {
        let loaded = try ScenarioLoader.load(from: Fixtures.scenario(scenario)).scenario
        let shocks = try ShockFile.read(Fixtures.root + "/shocks/" + file, against: loaded)
        #expect(!shocks.shocks.isEmpty)
    }

    @Test("uasc: true on a scenario that marks no unaccompanied child says so and what to name instead")
    func unmarkedUnaccompanied() throws {
        let loaded = try ScenarioLoader.load(from: Fixtures.scenario("south-east")).scenario
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("uasc.yaml")
        try "description: x\nshocks:\n  - demand_increase: {authorities: [Kent], uasc: true, factor: 1.5}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ShockFile.read(path, against: loaded)
            Issue.record("a uasc increase read on a scenario with no unaccompanied cohorts")
        } catch {
            #expect(
                error.description.contains("uasc.yaml:3: shocks[0].demand_increase: uasc: true matches no cohort"),
                "\(error)")
            #expect(error.description.contains("supported_accommodation"), "\(error)")
        }
    }
}
