import Foundation
import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// `compare --sensitivity`: every mode again at each end of each policy weight's range.
@Suite("compare --sensitivity")
struct PolicyWeightSensitivityTests {
    static func json(_ extra: [String] = []) throws -> [String: Any] {
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--sensitivity", "--format", "json"] + extra)
        #expect(run.status == 0, "\(run.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    }

    @Test("the weights as set match the modes solved; each end is the mode solved with that one weight changed")
    func endsAreSolvesWithOneWeightChanged() throws {
        let object = try Self.json()
        let points = try #require(object["sensitivity"] as? [[String: Any]])
        // tiny's policy: £10 a mile, £250 out of area, £100 council-run preference, price weight 1:
        // none and three times each of the first three, half and twice the last.
        #expect(points.count == 9)
        #expect(
            points.dropFirst().map { "\($0["weight"]!) \($0["end"]!) \($0["value"]!)" } == [
                "cost_per_mile low 0", "cost_per_mile high 30", "out_of_area_penalty low 0",
                "out_of_area_penalty high 750", "local_authority_preference low 0",
                "local_authority_preference high 300",
                "price_weight low 0.5", "price_weight high 2",
            ])
        // As set: the comparison's own modes.
        let modes = try #require(object["modes"] as? [[String: Any]])
        let base = try #require(points.first?["modes"] as? [[String: Any]])
        #expect(base.map { $0["mode"] as? String } == modes.map { $0["mode"] as? String })
        // An end against an independent solve of tiny with that weight changed.
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        scenario.policy.outOfAreaPenalty = 750
        let high = try #require(
            points.first { $0["weight"] as? String == "out_of_area_penalty" && $0["end"] as? String == "high" })
        for figures in try #require(high["modes"] as? [[String: Any]]) {
            let mode = try #require(CommissioningMode(rawValue: figures["mode"] as? String ?? ""))
            let solved = try PlacementOptimiser.solve(scenario, mode: mode).metrics.total
            #expect(figures["weekly_cost"] as? Double == solved.weeklyCost)
            // JSON's text holds a share to its last digit or so.
            #expect(
                approximately(
                    figures["m2_in_area_share"] as? Double ?? -1, solved.m2InAreaShare ?? -2, tolerance: 1e-12))
            #expect(figures["unplaced"] as? Int == solved.unplaced)
        }
    }

    @Test("without --sensitivity the JSON has no sensitivity key; with --draws it is a usage error")
    func optIn() throws {
        let plain = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])
        #expect(object["sensitivity"] == nil)
        let draws = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--sensitivity", "--draws", "2"])
        #expect(draws.status == 64)
        #expect(draws.standardError.contains("--sensitivity solves one draw"))
    }
}
