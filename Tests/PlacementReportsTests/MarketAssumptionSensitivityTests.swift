import Foundation
import PlacementScenarios
import PlacementSimulation
import TestSupport
import Testing

/// `compare --sensitivity` in today's market: as-is and every mode again at each end of each market
/// assumption's range.
@Suite("compare --sensitivity, today's market")
struct MarketAssumptionSensitivityTests {
    @Test("each end changes one assumption, to an end of its range; an end equal to the value is not solved")
    func endsChangeOneAssumption() {
        let assumptions = MarketAssumptions()
        let ends = assumptions.ends()
        // Seven assumptions; the short-break places' usable share is 0, its low end.
        #expect(
            ends.map { "\($0.varied.key) \($0.end)" } == [
                "occupancy low", "occupancy high", "short_break_usable_share high", "within_band_miles low",
                "within_band_miles high", "over_band_miles low", "over_band_miles high",
                "beyond_boundary_price_factor low", "beyond_boundary_price_factor high", "council_price_factor low",
                "council_price_factor high", "market_price_factor low", "market_price_factor high",
            ])
        for (varied, end, changed) in ends {
            let range = assumptions[keyPath: varied.keyPath].range
            #expect(changed[keyPath: varied.keyPath].value == (end == "low" ? range.lowerBound : range.upperBound))
            for other in MarketAssumptions.varied where other.key != varied.key {
                #expect(changed[keyPath: other.keyPath] == assumptions[keyPath: other.keyPath])
            }
        }
        #expect(MarketAssumptions.varied.map(\.name) == assumptions.listed.map(\.name))
    }

    /// Greater Manchester. The as-set row is the comparison itself. The price of a place beyond the
    /// boundary moves neither as-is's placements (fitted to today's pattern, not to prices) nor its
    /// shares, and its weekly cost is linear in the price: the rise from 1 to 1.2 is twice the fall
    /// from 1 to 0.9, to the penny.
    @Test("as set is the comparison; as-is is priced, not moved, by the price beyond the boundary")
    func greaterManchester() throws {
        let (object, run) = try BuiltTool.placementJSON([
            "compare", Fixtures.scenario("greater-manchester"), "--sensitivity",
        ])
        let root = try #require(object, "\(run.standardError)")
        let points = try #require(root["market_sensitivity"] as? [[String: Any]])
        #expect(points.count == 14)
        #expect(points[0]["assumption"] is NSNull)
        let today = try #require(
            ((root["as_is"] as? [String: Any])?["metrics"] as? [String: Any])?["total"] as? [String: Any])
        let base = try #require(points[0]["as_is"] as? [String: Any])
        #expect(base["weekly_cost"] as? Double == today["weekly_cost"] as? Double)
        #expect(base["m2_in_area_share"] as? Double == today["m2_in_area_share"] as? Double)
        let modes = try #require(root["modes"] as? [[String: Any]])
        let baseModes = try #require(points[0]["modes"] as? [[String: Any]])
        for (mode, figures) in zip(modes, baseModes) {
            let total = try #require((mode["metrics"] as? [String: Any])?["total"] as? [String: Any])
            #expect(figures["weekly_cost"] as? Double == total["weekly_cost"] as? Double)
        }
        func asIs(_ key: String, _ end: String) throws -> [String: Any] {
            let point = try #require(points.first { $0["assumption"] as? String == key && $0["end"] as? String == end })
            return try #require(point["as_is"] as? [String: Any])
        }
        let low = try asIs("beyond_boundary_price_factor", "low")
        let high = try asIs("beyond_boundary_price_factor", "high")
        for figures in [low, high] {
            #expect(figures["m2_in_area_share"] as? Double == base["m2_in_area_share"] as? Double)
            #expect(figures["m1_own_council_share"] as? Double == base["m1_own_council_share"] as? Double)
        }
        let cost = try #require(base["weekly_cost"] as? Double)
        let rise = try #require(high["weekly_cost"] as? Double) - cost
        let fall = cost - (try #require(low["weekly_cost"] as? Double))
        #expect(rise > 0 && approximately(rise, 2 * fall, tolerance: 0.01))
        // The two price factors split as-is's weekly cost into its council-run part C and the rest M,
        // priced and not moved: at ×0.8 each falls by a fifth of its part, at ×1.25 (councils) C rises
        // by a quarter and at ×1.2 (the market) M by a fifth, and C + M is the whole cost.
        let council = (low: try asIs("council_price_factor", "low"), high: try asIs("council_price_factor", "high"))
        let market = (low: try asIs("market_price_factor", "low"), high: try asIs("market_price_factor", "high"))
        for figures in [council.low, council.high, market.low, market.high] {
            #expect(figures["m2_in_area_share"] as? Double == base["m2_in_area_share"] as? Double)
            #expect(figures["m1_own_council_share"] as? Double == base["m1_own_council_share"] as? Double)
        }
        let councilPart = (cost - (try #require(council.low["weekly_cost"] as? Double))) / 0.2
        let marketPart = (cost - (try #require(market.low["weekly_cost"] as? Double))) / 0.2
        #expect(councilPart > 0 && marketPart > 0 && approximately(councilPart + marketPart, cost, tolerance: 1))
        #expect(
            approximately(try #require(council.high["weekly_cost"] as? Double), cost + 0.25 * councilPart, tolerance: 1)
        )
        #expect(
            approximately(try #require(market.high["weekly_cost"] as? Double), cost + 0.2 * marketPart, tolerance: 1))
        // Councils' places dearer than the market's: council mode uses fewer of them.
        let councilMode = { (point: [String: Any]) throws -> Double in
            let modes = try #require(point["modes"] as? [[String: Any]])
            return try #require(modes.first { $0["mode"] as? String == "council" }?["m1_own_council_share"] as? Double)
        }
        let dearer = try #require(
            points.first { $0["assumption"] as? String == "council_price_factor" && $0["end"] as? String == "high" })
        #expect(try councilMode(dearer) < councilMode(points[0]))
        // Occupancy calibrates again: the places free change, and so does some figure of as-is or a mode.
        let occupancy = try #require(
            points.first { $0["assumption"] as? String == "occupancy" && $0["end"] as? String == "low" })
        #expect(
            "\(occupancy["as_is"]!)\(occupancy["modes"]!)" != "\(points[0]["as_is"]!)\(points[0]["modes"]!)")
        #expect(root["sensitivity"] is [Any])
    }

    @Test("the empty market has no market assumptions to vary")
    func emptyMarket() throws {
        let (object, run) = try BuiltTool.placementJSON([
            "compare", Fixtures.scenario("tiny"), "--sensitivity",
        ])
        let root = try #require(object, "\(run.standardError)")
        #expect(root["market_sensitivity"] == nil)
        #expect(root["sensitivity"] is [Any])
    }
}
