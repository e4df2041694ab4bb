import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// A child's care plan may rule out authorities (`avoid_authorities`): no placement there, in any mode.
@Suite("Locations to avoid")
struct AvoidedAuthorityTests {
    /// `tiny` with an `avoid_authorities` column: `avoided` maps child ids to the codes they avoid.
    static func tiny(avoiding avoided: [String: String]) throws -> Scenario {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let lines = try copy.read("children.csv").split(separator: "\n").map(String.init)
        let edited = lines.enumerated().map { index, line in
            index == 0 ? line + ",avoid_authorities" : line + "," + (avoided[String(line.prefix(3))] ?? "")
        }
        try copy.write("children.csv", edited.joined(separator: "\n") + "\n")
        return try ScenarioLoader.load(from: copy.path).scenario
    }

    @Test(
        "Eastbury's foster children avoiding Eastbury are placed outside it, all of them",
        arguments: [
            CommissioningMode.councilCoordinated, .regional, .national,
        ])
    func placedElsewhere(mode: CommissioningMode) throws {
        // Outside Eastbury there are 6 foster places (P1 2, P2 4) for S1 (2), C04 (2) and C07 (2);
        // C03 can use P3. At £100,000 a week per unplaced child, the optimum places all seven.
        // (In council mode Eastbury may not use the other councils' in-house carers, so C07 would wait.)
        var scenario = try Self.tiny(avoiding: ["C07": "T00000003"])
        scenario.policy.otherCouncilsInHousePlaces = true
        let result = try PlacementOptimiser.solve(scenario, mode: mode).result
        let c07 = result.decisions.filter { $0.cohortIDs.contains("C07") }
        #expect(c07.filter(\.isPlaced).reduce(0) { $0 + $1.children } == 2)
        #expect(c07.allSatisfy { $0.provider?.authority != "T00000003" })
    }

    @Test("a child whose only provider lies where the plan avoids stays unplaced, and the reason says so")
    func onlyProviderAvoided() throws {
        // P6 in Eastbury is the only supported-accommodation provider.
        let scenario = try Self.tiny(avoiding: ["C08": "T00000003;T00000001"])
        #expect(scenario.cohorts.first { $0.id == "C08" }?.avoidedAuthorities == ["T00000003", "T00000001"])
        for mode in CommissioningMode.allCases {
            let result = try PlacementOptimiser.solve(scenario, mode: mode).result
            let c08 = try #require(result.decisions.first { $0.cohortIDs.contains("C08") })
            #expect(!c08.isPlaced)
            #expect(c08.unplacedReason == "every suitable provider is in an authority the child's plan avoids")
        }
    }

    @Test("an unknown authority to avoid is an error naming the nearest")
    func unknownCode() throws {
        #expect(throws: ScenarioError.self) { try Self.tiny(avoiding: ["C08": "T0000003"]) }
        do {
            _ = try Self.tiny(avoiding: ["C08": "T0000003"])
        } catch let error as ScenarioError {
            #expect(error.errors.first?.description.contains("avoid_authorities: unknown authority 'T0000003'") == true)
        }
    }

    @Test("the column is written back only when a child has one, and reads back the same")
    func roundTrip() throws {
        let scenario = try Self.tiny(avoiding: ["C07": "T00000003"])
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try ScenarioWriter.write(scenario, to: folder.file("tagged"))
        let again = try ScenarioLoader.load(from: folder.file("tagged")).scenario
        #expect(again.cohorts.first { $0.id == "C07" }?.avoidedAuthorities == ["T00000003"])
        let plain = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        try ScenarioWriter.write(plain, to: folder.file("plain"))
        let header = try String(contentsOfFile: folder.file("plain/children.csv"), encoding: .utf8).prefix {
            $0 != "\n"
        }
        #expect(!header.contains("avoid_authorities"))
    }
}
