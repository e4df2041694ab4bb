import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

/// A candidate in an authority with no children of its own has no budget holder, so it is never
/// built: the plan had left it out without a word.
@Suite("plan: candidates no budget holder covers")
struct UnheldCandidateTests {
    @Test("a home in an authority with no children is never built, and the plan says so")
    func unheld() throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.append("authorities.csv", line: "T00000004,Westford,Testshire,53.45,-2.40,120,20000")
        try copy.append("candidates.csv", line: "H3,home,T00000004,childrens_home,2,1,400000,4800,2,25")
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        for scope in BudgetScope.allCases {
            let plan = try CapacityPlanner.plan(scenario, budget: 1_000_000, scope: scope)
            #expect(plan.candidatesNoOneHolds == ["H3"], "\(scope)")
            #expect(!plan.builds.contains { $0.candidate.id == "H3" })
        }
        let plan = try CapacityPlanner.plan(scenario, budget: 1_000_000, scope: .national)
        #expect(
            PlanReport.unheldCandidatesNote(plan)
                == "1 candidate (H3) lies in an authority with no children of its own in the scenario, which no "
                + "budget holder covers: it is never built.")
        // tiny-plan's own candidates all have a holder.
        let shipped = try ScenarioLoader.load(from: Fixtures.scenario("tiny-plan")).scenario
        #expect(try CapacityPlanner.plan(shipped, budget: 1_000_000, scope: .national).candidatesNoOneHolds.isEmpty)
    }
}
