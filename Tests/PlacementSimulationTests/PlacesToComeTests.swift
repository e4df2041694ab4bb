import Foundation
import TestSupport
import Testing

/// Places the flows open at a home with none free for the scenario's children at the start (here a
/// new home registered with none): as-is uses them as the optimised modes do. A review found 40
/// places opened there placing 40 more children under regional and none under as-is.
@Suite("Places opened where the start has none free")
struct PlacesToComeTests {
    /// Manchester's children's-home arrivals far beyond its places, and `places` opened at a new
    /// private home in Manchester in 2026: the children still waiting at the end of 2026, per mode.
    private func waiting(opening places: Int) throws -> [String: Double] {
        let copy = try ScenarioCopy(of: "greater-manchester")
        defer { copy.remove() }
        try copy.append(
            "providers.csv", line: "NEWHOME,New Home,private,,New Ltd,E08000003,childrens_home,0,4000,good,,5,17,,")
        try copy.write(
            "flows.csv",
            "year,authority,placement_type,arrivals,leavers,moves\n2026,E08000003,childrens_home,3000,0,0\n")
        try copy.write(
            "place_changes.csv", "year,provider,placement_type,places\n2026,NEWHOME,childrens_home,\(places)\n")
        let (object, run) = try BuiltTool.placementJSON([
            "simulate", copy.path, "--to", "2026", "--modes", "as-is,regional",
        ])
        let document = try #require(object, "\(run.standardError)")
        let modes = try #require(document["modes"] as? [[String: Any]])
        var result: [String: Double] = [:]
        for mode in modes {
            let years = try #require(mode["years"] as? [[String: Any]])
            let england = try #require(years.last?["england"] as? [String: Any])
            let measures = try #require(england["measures"] as? [String: Any])
            let unplaced = try #require(measures["unplaced"] as? [String: Any])
            result[try #require(mode["mode"] as? String)] = unplaced["mean"] as? Double
        }
        return result
    }

    @Test("40 places opened at a home registered with none place 40 more children under as-is too")
    func asIsUsesThem() throws {
        let without = try waiting(opening: 0)
        let with = try waiting(opening: 40)
        #expect(try #require(without["regional"]) - (with["regional"] ?? 0) == 40)
        #expect(try #require(without["as-is"]) - (with["as-is"] ?? 0) == 40, "\(without) \(with)")
    }
}
