import PlacementPlanning
import PlacementScenarios
import TestSupport
import Testing

/// The capacity plans worked out by hand in `Fixtures/scenarios/tiny-plan/README.md`.
@Suite("Hand-worked capacity plans of tiny-plan")
struct TinyPlanTests {
    static let scenario = try! ScenarioLoader.load(from: Fixtures.scenario("tiny-plan")).scenario
    /// Figures are in pounds to the cent.
    static let tolerance = 0.01

    struct Case: CustomTestStringConvertible, Sendable {
        var budget: Double
        var objective: Double
        var built: [String]
        var testDescription: String { "£\(Int(budget)): \(built.isEmpty ? "nothing" : built.joined(separator: ", "))" }
    }

    static let cases = [
        Case(budget: 0, objective: 122_100, built: []),
        Case(budget: 300_000, objective: 27_390.04, built: ["H1"]),
        Case(budget: 500_000, objective: 26_703.40, built: ["H2"]),
        Case(budget: 800_000, objective: 26_703.40, built: ["H2"]),
    ]

    @Test("the optimal plan and its objective", arguments: cases)
    func optimum(_ expected: Case) throws {
        let plan = try CapacityPlanner.plan(Self.scenario, budget: expected.budget, scope: .national)
        #expect(plan.status == .optimal)
        #expect(abs(plan.objective - expected.objective) < Self.tolerance)
        #expect(plan.builds.map(\.candidate.id.rawValue) == expected.built)
        #expect(plan.builds.allSatisfy { $0.units == 1 })
        #expect(abs(plan.baselineObjective - 122_100) < Self.tolerance)
        #expect(plan.bestBound <= plan.objective + Self.tolerance)
    }

    @Test("H2's saving is the unplaced penalty's, and in money it costs £4,100 a week: no payback")
    func savingIsHonest() throws {
        let plan = try CapacityPlanner.plan(Self.scenario, budget: 500_000, scope: .national)
        let build = try #require(plan.builds.first)
        #expect(abs(build.weeklySaving - 95_396.60) < Self.tolerance)
        #expect(abs(build.weeklySpendSaving - -4_100) < Self.tolerance)
        #expect(build.paybackYears == nil)
        #expect(abs(build.weeklyCapitalCharge - 583.40) < Self.tolerance)
        #expect(abs(build.childrenNoLongerUnplaced - 1) < 1e-9)
        #expect(plan.withPlan.metrics.total.unplaced == 0)
        #expect(plan.withoutPlan.metrics.total.unplaced == 1)
    }

    @Test("the capital charge is the annuity of the cost")
    func capitalCharge() {
        #expect(abs(CapitalCharge.weekly(300_000, rate: 0.035, lifeYears: 25) - 350.04) < Self.tolerance)
        #expect(abs(CapitalCharge.weekly(52_000, rate: 0, lifeYears: 10) - 100) < 1e-9)
    }
}

@Suite("Plan status")
struct PlanStatusTests {
    @Test("a search stopped at the requested gap is reported as proven within it, not as stopped by time")
    func gapReachedIsProven() throws {
        var options = PlanningOptions()
        options.relativeMIPGap = 0.9
        let plan = try CapacityPlanner.plan(TinyPlanTests.scenario, budget: 500_000, scope: .national, options: options)
        #expect(plan.status == .optimal)
        #expect(plan.relativeGap <= 0.9)
    }
}
