import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

/// What a plan's report says beside its figures, from the policy trial: money left unspent, the
/// commissioning its gains assume, block contracts in the policy comparison, and sensitivity rows
/// that cannot move the plan.
@Suite("plan: the notes beside the figures")
struct PlanNotesTests {
    /// tiny-plan at £1m, national: H2 (£500,000) is built, H1 (£300,000) is not (tiny-plan's README),
    /// so £500,000 is left, enough for H1.
    @Test("money left that would buy another home is said, with why it is not spent")
    func unspent() throws {
        let plan = try CapacityPlanner.plan(TinyPlanTests.scenario, budget: 1_000_000, scope: .national)
        #expect(plan.builds.map(\.candidate.id.rawValue) == ["H2"])
        #expect(
            PlanReport.unspentNote(plan)
                == "1 budget holder (All 3 authorities, one budget) leaves £500,000 unspent, enough for another of its "
                + "homes: a further home would cost more a week, its capital charge included, than it saves of the "
                + "weighted objective.")
        #expect(
            PlanReport.commissioningNote(plan).hasPrefix(
                "The plan's figures are of every child placed afresh under national"))
        // The review: with both homes built (H1 cheap to run), £50m leaves money but no home to build.
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.replace("candidates.csv", "childrens_home,1,1,300000,5000", with: "childrens_home,1,1,300000,1000")
        let cheap = try ScenarioLoader.load(from: copy.path).scenario
        let both = try CapacityPlanner.plan(cheap, budget: 50_000_000, scope: .national)
        #expect(Set(both.builds.map(\.candidate.id.rawValue)) == ["H1", "H2"])
        #expect(PlanReport.unspentNote(both) == nil)
        // At £500,000 H2 takes it all: nothing said.
        #expect(
            PlanReport.unspentNote(try CapacityPlanner.plan(TinyPlanTests.scenario, budget: 500_000, scope: .national))
                == nil)
    }

    /// BlockContractTests: B1 is bought nationally for £208,000, never by councils.
    @Test("the policy comparison says block contracts are revenue councils may not buy")
    func contractsInTheComparison() throws {
        let scenario = try BlockContractTests.scenario()
        let comparison = try PolicyComparison.compare(scenario, budget: 208_000, options: PlanningOptions())
        let note = try #require(comparison.contractsNote)
        #expect(note.hasPrefix("Block contracts take £208,000 under one national plan (bound) of the budget spent"))
        #expect(
            note.contains(
                "`--kinds home,foster_carers` compares them without contracts, and `--kinds home` on capital alone"))
        var capital = PlanningOptions()
        capital.kinds = [.home, .fosterCarers]
        #expect(try PolicyComparison.compare(scenario, budget: 208_000, options: capital).contractsNote == nil)
    }

    /// tiny has no candidates.csv: the default candidates, whose block contracts councils never buy.
    @Test("a council plan's sensitivity leaves out the block contract's terms")
    func councilSensitivity() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        var options = PlanningOptions()
        options.measuresEachBuild = false
        let base = try CapacityPlanner.plan(tiny, budget: 1_000_000, scope: .council, options: options)
        let council = try PlanSensitivity.trace(tiny, base: base, budget: 1_000_000, scope: .council, options: options)
        #expect(!council.points.contains { $0.label.contains("block contract") })
        #expect(council.points.contains { $0.label.contains("running cost") })
        #expect(council.leftOut.contains("block contract term (years)"))
        // --kinds home: the foster assumptions cannot move it either, and are said to be left out.
        var homes = options
        homes.kinds = [.home]
        let homesBase = try CapacityPlanner.plan(tiny, budget: 5_000_000, scope: .national, options: homes)
        let homesOnly = try PlanSensitivity.trace(
            tiny, base: homesBase, budget: 5_000_000, scope: .national, options: homes)
        #expect(!homesOnly.points.contains { $0.label.contains("foster") || $0.label.contains("carer") })
        #expect(homesOnly.leftOut.contains("foster recruitment cost (£ a household)"))
        let national = try CapacityPlanner.plan(tiny, budget: 1_000_000, scope: .national, options: options)
        let traced = try PlanSensitivity.trace(
            tiny, base: national, budget: 1_000_000, scope: .national, options: options)
        #expect(traced.points.contains { $0.label.contains("block contract") })
    }
}
