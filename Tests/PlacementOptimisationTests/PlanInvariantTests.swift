import LinearProgramming
import PlacementOptimisation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

/// Properties every plan must have, whatever the scenario: checked on the shipped scenarios small
/// enough to solve in a test.
@Suite("Plans respect the model on shipped scenarios")
struct PlanInvariantTests {
    static let scenarios = ["tiny", "greater-manchester", "south-east", "england-2025"]

    @Test(
        "every child placed once or counted unplaced; no capacity exceeded; in-house places only where the mode opens them",
        arguments: scenarios)
    func invariants(name: String) throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario(name)).scenario
        var objectives: [CommissioningMode: Double] = [:]
        for mode in CommissioningMode.allCases {
            let result = try PlacementOptimiser.solve(scenario, mode: mode)
            #expect(result.status == .optimal)
            objectives[mode] = result.objective
            try checkPlan(result, scenario)
        }
        let order = CommissioningMode.allCases.reversed().map { objectives[$0]! }
        for (tighter, looser) in zip(order, order.dropFirst()) {
            #expect(
                tighter <= looser + 1e-6 * max(1, abs(looser)), "national ≤ regional ≤ council-coordinated ≤ council")
        }
    }

    func checkPlan(_ result: SolvedMode, _ scenario: Scenario) throws {
        var childrenOfCohort: [CohortID: Int] = [:]
        var used: [String: Int] = [:]
        var objective = 0.0
        let cooperative = Dictionary(
            scenario.cooperatives.flatMap { c in c.members.map { ($0, c.id) } }, uniquingKeysWith: { a, _ in a })
        for decision in result.decisions {
            objective += decision.objectiveCostPerChild * Double(decision.children)
            // A sibling group's decision covers all its cohorts; a cohort's only itself.
            let members = scenario.cohorts.filter { decision.cohortIDs.contains($0.id) }
            if members.count == 1 {
                childrenOfCohort[members[0].id, default: 0] += decision.children
            } else {
                #expect(decision.children == members.reduce(0) { $0 + $1.count })
                for member in members { childrenOfCohort[member.id, default: 0] += member.count }
            }
            guard let provider = decision.provider else { continue }
            used["\(provider.id)/\(decision.placementType.rawValue)", default: 0] += decision.children
            // A kinship child's connected carers are its own council's, in every mode.
            if decision.placementType == .kinship, decision.origin == .optimised,
                let operating = provider.operatingAuthority
            {
                #expect(operating == decision.homeAuthority, "\(decision.unitID) with \(provider.id)")
            }
            if provider.isLocalAuthorityRun, let operating = provider.operatingAuthority,
                operating != decision.homeAuthority, decision.origin == .optimised
            {
                let sameCooperative =
                    cooperative[operating] != nil && cooperative[operating] == cooperative[decision.homeAuthority]
                // Secure welfare places are allocated across England, whoever commissions.
                let allowed =
                    result.mode == .national || (result.mode == .regional && sameCooperative)
                    || scenario.policy.otherCouncilsInHousePlaces || decision.placementType == .secureChildrensHome
                #expect(allowed, "\(decision.unitID) uses \(provider.id) in \(result.mode.rawValue) mode")
            }
        }
        for cohort in scenario.cohorts where cohort.placementType.isCommissioned {
            #expect(childrenOfCohort[cohort.id] == cohort.count, "cohort \(cohort.id)")
        }
        for provider in scenario.providers {
            for (type, offer) in provider.offers {
                #expect((used["\(provider.id)/\(type.rawValue)"] ?? 0) <= offer.places, "\(provider.id) \(type)")
            }
        }
        #expect(approximately(objective, result.objective, tolerance: 1e-9))
    }

    @Test(
        "an exported model re-solved by glpsol gives the reported objective",
        arguments: ["tiny", "greater-manchester", "synthetic 0.3 × England"])
    func glpsolAgrees(name: String) throws {
        // tiny has a sibling group: its foster model is a MIP, solved to optimality either way.
        let scenario =
            name.hasPrefix("synthetic")
            ? SyntheticScenarioBuilder.build(seed: 11, scale: 0.3)
            : try ScenarioLoader.load(from: Fixtures.scenario(name)).scenario
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for mode in [CommissioningMode.councilCoordinated, .regional, .national] {
            let result = try PlacementOptimiser.solve(scenario, mode: mode)
            let models = PlacementOptimiser.models(of: scenario, mode: mode)
            #expect(models.count == 1)
            let mps = directory.file("\(mode.rawValue).mps")
            try models[0].model.write(to: mps)
            #expect(approximately(try Glpsol.objective(ofFreeMPS: mps), result.objective, tolerance: 1e-9))
            let lp = directory.file("\(mode.rawValue).lp")
            try models[0].model.write(to: lp)
            #expect(approximately(try Glpsol.objective(ofCPLEXLP: lp), result.objective, tolerance: 1e-9))
        }
    }
}

@Suite("Time limits")
struct TimeLimitTests {
    @Test("a time limit stops with a feasible plan and says so")
    func stoppedEarly() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario
        let optimal = try PlacementOptimiser.solve(scenario, mode: .regional)
        let stopped = try PlacementOptimiser.solve(
            scenario, mode: .regional, options: OptimiserOptions(timeLimit: .milliseconds(1)))
        #expect(stopped.status == .timeLimit(gap: nil))
        #expect(stopped.objective >= optimal.objective)
        try PlanInvariantTests().checkPlan(stopped, scenario)
    }
}

@Suite("Pooling interchangeable providers is exact")
struct PoolingExactnessTests {
    static let scenarios: [(String, Scenario)] = [
        ("greater-manchester", try! ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario),
        ("synthetic 0.3 × England", SyntheticScenarioBuilder.build(seed: 11, scale: 0.3)),
    ]

    @Test("the pooled models reach the plain formulation's optimum", arguments: 0..<2)
    func sameOptimum(index: Int) throws {
        let (name, scenario) = Self.scenarios[index]
        var plain = OptimiserOptions()
        plain.poolsInterchangeableProviders = false
        for mode in [CommissioningMode.councilCoordinated, .regional, .national] {
            let fast = try PlacementOptimiser.solve(scenario, mode: mode)
            let direct = try PlacementOptimiser.solve(scenario, mode: mode, options: plain)
            #expect(fast.statistics.columns < direct.statistics.columns, "\(name) \(mode.rawValue)")
            #expect(approximately(fast.objective, direct.objective, tolerance: 1e-6), "\(name) \(mode.rawValue)")
            try PlanInvariantTests().checkPlan(direct, scenario)
        }
    }
}

@Suite("Sibling-heavy models stop with a useful plan")
struct SiblingHeavyTests {
    /// Greater Manchester's providers with 45 sibling groups of two to five children needing a
    /// children's home: bin packing into homes of two to four places.
    static func siblingHeavy() throws -> Scenario {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("greater-manchester")).scenario
        var random = SeededRandom(seed: 5)
        scenario.cohorts = (1...45).flatMap { group -> [Cohort] in
            let size = [2, 3, 3, 4, 4, 5][random.next(below: 6)]
            let home = scenario.authorities[random.next(below: scenario.authorities.count)].id
            let id = SiblingGroupID(rawValue: "S\(group)")
            return [
                Cohort(
                    id: CohortID(rawValue: "S\(group)-older"), homeAuthority: home, placementType: .childrensHome,
                    ageBand: AgeBand(minimum: 11, maximum: 15), siblingGroup: id, count: size - 1),
                Cohort(
                    id: CohortID(rawValue: "S\(group)-younger"), homeAuthority: home, placementType: .childrensHome,
                    ageBand: AgeBand(minimum: 8, maximum: 10), siblingGroup: id, count: 1),
            ]
        }
        return scenario
    }

    @Test("stopped before the LP relaxation ends, the greedy plan is reported, not everyone unplaced")
    func greedyPlanWhenStopped() throws {
        let scenario = try Self.siblingHeavy()
        let stopped = try PlacementOptimiser.solve(
            scenario, mode: .regional, options: OptimiserOptions(timeLimit: .milliseconds(1)))
        #expect(stopped.status == .timeLimit(gap: nil))
        #expect(stopped.metrics.total.placed > 0)
        try PlanInvariantTests().checkPlan(stopped, scenario)
    }

    @Test("stopped during branch-and-cut, the plan places every child and carries its gap")
    func stoppedWithGap() throws {
        let scenario = try Self.siblingHeavy()
        var options = OptimiserOptions()
        options.integerTimeLimit = .seconds(2)
        let solved = try PlacementOptimiser.solve(scenario, mode: .regional, options: options)
        #expect(solved.metrics.total.unplaced == 0)
        if case .timeLimit(let gap) = solved.status {
            let gap = try #require(gap)
            #expect(gap >= 0 && gap < 1)
        }
        try PlanInvariantTests().checkPlan(solved, scenario)
    }

    @Test("a deadline that has passed before building stops the mode with a feasible plan")
    func deadlineBeforeBuilding() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario
        var options = OptimiserOptions()
        options.deadline = Deadline(ContinuousClock.now - .seconds(1))
        let stopped = try PlacementOptimiser.solve(scenario, mode: .regional, options: options)
        #expect(stopped.status == .timeLimit(gap: nil))
        try PlanInvariantTests().checkPlan(stopped, scenario)
    }
}
