import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// The optima worked out by hand in `Fixtures/scenarios/tiny/README.md`.
@Suite("Hand-worked optima of the tiny scenario")
struct TinyOptimaTests {
    static let scenario = try! ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario

    /// Unit → provider (or "unplaced") → children, as the README lists them.
    typealias Plan = [String: [String: Int]]

    static let sharedChildrensHomes: Plan = [
        "C06": ["P4": 1, "P5": 1], "C05": ["P5": 1], "C09": ["unplaced": 1], "C08": ["P6": 1],
    ]

    /// One mode's optimum as the README works it out.
    struct Optimum: CustomTestStringConvertible, Sendable {
        var mode: CommissioningMode
        var objective: Double
        var plan: Plan
        var testDescription: String { "\(mode.rawValue): \(Int(objective))" }

        init(_ mode: CommissioningMode, _ objective: Double, _ plan: Plan) {
            (self.mode, self.objective, self.plan) = (mode, objective, plan)
        }
    }

    static let expected: [Optimum] = [
        Optimum(
            .council, 123_110,
            [
                "S1": ["P1": 2], "C03": ["P3": 1], "C04": ["P2": 2], "C07": ["P3": 2],
                "C06": ["P4": 1, "P5": 1], "C09": ["P5": 1], "C05": ["unplaced": 1], "C08": ["P6": 1],
            ]
        ),
        Optimum(
            .councilCoordinated, 122_670,
            sharedChildrensHomes.merging(["S1": ["P1": 2], "C03": ["P3": 1], "C04": ["P2": 2], "C07": ["P3": 2]]) {
                $1
            }
        ),
        Optimum(
            .regional, 122_120,
            sharedChildrensHomes.merging(["S1": ["P1": 2], "C03": ["P2": 1], "C04": ["P2": 2], "C07": ["P3": 2]]) {
                $1
            }
        ),
        Optimum(
            .national, 122_100,
            sharedChildrensHomes.merging([
                "S1": ["P1": 2], "C03": ["P2": 1], "C04": ["P2": 2], "C07": ["P2": 1, "P3": 1],
            ]) { $1 }
        ),
    ]

    static func plan(of result: SolvedMode) -> Plan {
        var plan: Plan = [:]
        for decision in result.decisions {
            plan[decision.unitID.description, default: [:]][decision.provider?.id.rawValue ?? "unplaced", default: 0] +=
                decision.children
        }
        return plan
    }

    @Test("each mode's objective and placements equal the hand-worked optimum", arguments: expected)
    func handWorkedOptimum(_ optimum: Optimum) throws {
        let (mode, objective, plan) = (optimum.mode, optimum.objective, optimum.plan)
        let result = try PlacementOptimiser.solve(Self.scenario, mode: mode)
        #expect(result.status == .optimal)
        #expect(approximately(result.objective, objective, tolerance: 1e-6))
        #expect(Self.plan(of: result) == plan)
    }

    @Test("council mode buys in the order the seed draws, and says so")
    func councilOrder() throws {
        let result = try PlacementOptimiser.solve(Self.scenario, mode: .council)
        #expect(result.councilOrder == ["T00000003", "T00000001", "T00000002"])
        var reseeded = Self.scenario
        reseeded.policy.councilOrderSeed = 1
        let other = try PlacementOptimiser.solve(reseeded, mode: .council)
        #expect(other.councilOrder == ["T00000001", "T00000002", "T00000003"])
        // Northtown and Southvale buy Oak House's two places before Eastbury: Eastbury's child waits.
        #expect(approximately(other.objective, 122_670, tolerance: 1e-6))
        #expect(Self.plan(of: other)["C09"] == ["unplaced": 1])
    }

    @Test("unplaced children carry the reason")
    func unplacedReasons() throws {
        let council = try PlacementOptimiser.solve(Self.scenario, mode: .council)
        let waiting = try #require(council.decisions.first { !$0.isPlaced })
        #expect(waiting.unitID == .cohort("C05") && waiting.unplacedReason == "every admissible place is taken")

        var strict = Self.scenario
        strict.policy.minimumRating = .outstanding
        strict.providers.removeAll { $0.id == "P5" }
        let result = try PlacementOptimiser.solve(strict, mode: .regional)
        let reasons = Dictionary(
            result.decisions.filter { !$0.isPlaced }.map { ($0.unitID, $0.unplacedReason ?? "") }, uniquingKeysWith: +)
        #expect(reasons[.cohort("C05")] == "no provider has the specialisms needed (complex_needs)")
        #expect(reasons[.cohort("C03")] == "no provider meets the Ofsted floor (outstanding)")
    }

    /// The trial: with the penalty below every placement's cost, children were said to find every
    /// admissible place taken while 16 places stood empty.
    @Test("a penalty below every placement's cost is named as the reason")
    func penaltyBelowEveryPlacement() throws {
        var cheap = Self.scenario
        // tiny's cheapest place is Southvale's foster care at £550 a week, less the £100 preference for a
        // council's own places: no placement costs the objective under £450.
        cheap.policy.unplacedPenalty = 400
        let result = try PlacementOptimiser.solve(cheap, mode: .national)
        #expect(result.decisions.allSatisfy { !$0.isPlaced })
        // Its 12 children needing a placement (C10 lives with parents), each at the penalty.
        #expect(result.decisions.map(\.children).reduce(0, +) == 12)
        #expect(approximately(result.objective, 400 * 12, tolerance: 1e-6))
        for decision in result.decisions {
            #expect(
                decision.unplacedReason?.hasPrefix(
                    "leaving the child unplaced costs the objective no more (unplaced_penalty, 400 a week) than any "
                        + "admissible placement") == true, "\(decision.unplacedReason ?? "")")
        }
    }

    @Test("a sibling group is placed whole or waits whole, never split")
    func siblingsTogether() throws {
        var scenario = Self.scenario
        for index in scenario.providers.indices where ["P1", "P3"].contains(scenario.providers[index].id) {
            scenario.providers[index].offers[.foster]!.places = 1
        }
        let result = try PlacementOptimiser.solve(scenario, mode: .councilCoordinated)
        let siblings = result.decisions.filter { $0.unitID == .siblingGroup("S1") }
        #expect(siblings.count == 1)
        #expect(siblings[0].children == 2)
        // With one place left at P1 and P3 each, no provider open to Northtown has two: the pair waits
        // together rather than being split.
        #expect(!siblings[0].isPlaced)
    }

    @Test("kept placements stay with their provider and use its places")
    func keptPlacements() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("children.csv", "C07,T00000003,foster,10-15,2,,,", with: "C07,T00000003,foster,10-15,2,,,P2")
        try copy.replace("scenario.yaml", "keep_existing_placements: false", with: "keep_existing_placements: true")
        let scenario = try ScenarioLoader.load(from: copy.path).scenario
        let result = try PlacementOptimiser.solve(scenario, mode: .councilCoordinated)
        let kept = result.decisions.filter { $0.origin == .kept }
        #expect(kept.map(\.unitID) == [.cohort("C07")])
        #expect(kept.first?.children == 2 && kept.first?.provider?.id == "P2")
        // P2 keeps 2 of its 4 places for Eastbury's children; Southvale's two still fit.
        #expect(Self.plan(of: result)["C04"] == ["P2": 2])
        // Kept at P2 (22 miles, out of area, LA-run): 550 + 220 + 250 − 100 = 920 each, instead of 940 at P3.
        #expect(approximately(result.objective, 122_670 - 40, tolerance: 1e-6))
    }
}
