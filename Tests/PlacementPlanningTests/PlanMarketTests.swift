import Foundation
import TestSupport
import Testing

/// `plan` works in today's market, as `compare`'s modes do: with no budget, the plan's figures
/// without new capacity are the mode's own, in today's market by default and in the empty market
/// with `--empty-market`; and the two markets differ.
@Suite("The plan in today's market")
struct PlanMarketTests {
    static func object(_ arguments: [String]) throws -> [String: Any] {
        let (object, run) = try BuiltTool.placementJSON(arguments)
        return try #require(object, "\(run.standardError)")
    }

    @Test("Greater Manchester, £0 by co-operative: the plan's baseline is compare's regional mode, market by market")
    func baselineIsTheModeInTheSameMarket() throws {
        let scenario = Fixtures.scenario("greater-manchester")
        var objectives: [Double] = []
        for market in [[], ["--empty-market"]] {
            let plan = try Self.object(["plan", scenario, "--budget", "0", "--by", "cooperative"] + market)
            let compare = try Self.object(["compare", scenario, "--modes", "regional"] + market)
            let mode = try #require((compare["modes"] as? [[String: Any]])?.first)
            let planned = try #require(plan["baseline_objective"] as? Double)
            #expect(plan["mode"] as? String == "regional")
            #expect(approximately(planned, try #require(mode["objective"] as? Double)))
            let without = try #require(plan["without_plan"] as? [String: Any])
            let total = try #require((mode["metrics"] as? [String: Any])?["total"] as? [String: Any])
            #expect(
                approximately(
                    try #require(without["m2_in_area_share"] as? Double),
                    try #require(total["m2_in_area_share"] as? Double)))
            objectives.append(planned)
        }
        // The markets differ: today's has fewer free places (occupancy, other councils' children) but
        // agency carers where they live, near the children, rather than at the agencies' offices.
        #expect(abs(objectives[0] - objectives[1]) > 1_000)
    }
}
