import Foundation
import PlacementCalibration
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// Without a flows file, a simulation's children follow the demand forecast: each year's arrivals
/// replace the year's leavers and add the forecast change. Before, the starting year's starts and
/// leavers were carried forward as counts, so one year's net change repeated every year (Wigan
/// 594 → 229 children by 2030, Milton Keynes +74 a year) while `forecast` had both about flat.
@Suite("simulate: children follow the demand forecast")
struct SimulationDemandPathTests {
    /// `tiny` × 100: Northtown has 200 children's-home and 300 foster children (its 100 placed with
    /// parents are not commissioned) of 600 looked after; DfE's year has 240 starts, 240 leavers and
    /// 120 placement changes, so 0.3 leave per child from the stock (0.4 × 0.75) and 0.1 move (0.2 × 0.5).
    static func flows(path: DemandPath?) throws -> SimulationFlows {
        var scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        for index in scenario.cohorts.indices { scenario.cohorts[index].count *= 100 }
        let northtown = AuthorityCode(rawValue: "T00000001")
        let official = OfficialFlowData(flows: [
            2025: [
                northtown: PublishedFlowCounts(started: 240, ceased: 240, placementChanges: 120),
                OfficialTables.englandCode: PublishedFlowCounts(started: 0, ceased: 0, placementChanges: 0),
            ]
        ])
        return official.scenarioFlows(
            scenario, year: 2025, lookedAfter: [northtown: 600], englandLookedAfter: 600, years: 2026...2027,
            assumptions: SimulationAssumptions(), path: path)
    }

    static func northtown(_ flows: SimulationFlows, _ year: Int, _ type: PlacementType) throws -> FlowCounts {
        try #require(flows.years[year]?[FlowKey(authority: AuthorityCode(rawValue: "T00000001"), placementType: type)])
    }

    /// Foster grows by 10% then 20% of the start, children's homes stay then fall 10%:
    /// 2026: leavers 0.3 × 500 = 150 shared 200 : 300 → 60 homes, 90 foster; moves 20, 30;
    ///       arrivals homes 200 − 200 + 60 = 60, foster 330 − 300 + 90 = 120.
    /// 2027: from 200 and 330, leavers 0.3 × 530 = 159 → 60 and 99; moves 53 → 20 and 33;
    ///       arrivals homes 180 − 200 + 60 = 40, foster 360 − 330 + 99 = 129.
    @Test("worked by hand: arrivals replace leavers and add the forecast change")
    func handWorked() throws {
        let path = DemandPath(source: "test") { authority, type, year in
            guard authority.rawValue == "T00000001" else { return nil }
            switch (type, year) {
            case (.foster, 2026): return 1.1
            case (.foster, 2027): return 1.2
            case (.childrensHome, 2027): return 0.9
            default: return 1
            }
        }
        let flows = try Self.flows(path: path)
        #expect(try Self.northtown(flows, 2026, .childrensHome) == FlowCounts(arrivals: 60, leavers: 60, moves: 20))
        #expect(try Self.northtown(flows, 2026, .foster) == FlowCounts(arrivals: 120, leavers: 90, moves: 30))
        #expect(try Self.northtown(flows, 2027, .childrensHome) == FlowCounts(arrivals: 40, leavers: 60, moves: 20))
        #expect(try Self.northtown(flows, 2027, .foster) == FlowCounts(arrivals: 129, leavers: 99, moves: 33))
        #expect(flows.source.hasPrefix("test; DfE's 2025 leavers and placement changes"))
    }

    /// A forecast that falls faster than children leave: no child is sent away, so the stock follows
    /// what the flows leave, and the next year's leavers are counted on it (foster halves in 2026):
    /// 2026: foster arrivals max(0, 150 − 300 + 90) = 0, so 210 stay, not 150.
    /// 2027: leavers 0.3 × (200 + 210) = 123 → 60 homes and 63 foster; foster arrivals
    ///       max(0, 150 − 210 + 63) = 3, reaching 150. Counted on the path's 150, 45 would arrive.
    /// A type forecast to none keeps losing its leavers (0.3 of what is left), never frozen; a factor
    /// past any real count keeps the start's children (it trapped converting to Int).
    @Test(
        "a falling forecast, one falling to none, and an absurd factor",
        arguments: [(0.5, 0, 90, 3, 63), (0, 0, 90, 0, 63), (1e300, 90, 90, 90, 90)])
    func fallingPaths(growth: Double, arrivals2026: Int, leavers2026: Int, arrivals2027: Int, leavers2027: Int)
        throws
    {
        let path = DemandPath(source: "test") { _, type, _ in type == .foster ? growth : 1 }
        let flows = try Self.flows(path: path)
        let first = try Self.northtown(flows, 2026, .foster), second = try Self.northtown(flows, 2027, .foster)
        #expect((first.arrivals, first.leavers) == (arrivals2026, leavers2026))
        #expect((second.arrivals, second.leavers) == (arrivals2027, leavers2027))
    }

    /// Without a path (a starting year the forecast cannot be fitted from) the year's flows are
    /// carried forward: starts net of those who leave within the year, 0.4 − 0.4 × 0.25 = 0.3 a
    /// child, the same counts each year.
    @Test("without a path the starting year's flows are carried forward")
    func carriedForward() throws {
        let flows = try Self.flows(path: nil)
        for year in [2026, 2027] {
            #expect(try Self.northtown(flows, year, .childrensHome) == FlowCounts(arrivals: 60, leavers: 60, moves: 20))
            #expect(try Self.northtown(flows, year, .foster) == FlowCounts(arrivals: 90, leavers: 90, moves: 30))
        }
    }

    /// Greater Manchester to 2030 with DfE's tables: every council's simulated children grow as
    /// `forecast` says its children looked after will, within 3 points (the simulation counts the
    /// commissioned types only, whose mix differs from all children's).
    @Test("Greater Manchester 2025–2030: each council's children grow as forecast says")
    func greaterManchesterFollowsTheForecast() throws {
        let scenario = Fixtures.scenario("greater-manchester")
        let (simulation, run) = try BuiltTool.placementJSON([
            "simulate", scenario, "--to", "2030", "--modes", "as-is",
        ])
        let years = try #require(
            ((simulation?["modes"] as? [[String: Any]])?.first?["years"] as? [[String: Any]]), "\(run.standardError)")
        func children(_ year: [String: Any]) throws -> [String: Double] {
            let authorities = try #require(year["authorities"] as? [[String: Any]])
            return Dictionary(
                uniqueKeysWithValues: try authorities.map { authority in
                    let measures = try #require(authority["measures"] as? [String: Any])
                    let mean = try #require((measures["children"] as? [String: Any])?["mean"] as? Double)
                    return (try #require(authority["code"] as? String), mean)
                })
        }
        let start = try children(try #require(years.first)), end = try children(try #require(years.last))
        let (forecast, forecastRun) = try BuiltTool.placementJSON(["forecast", scenario, "--to", "2030"])
        let authorities = try #require(forecast?["authorities"] as? [[String: Any]], "\(forecastRun.standardError)")
        let published = try OfficialLookedAfter.totals2025()
        #expect(start.count == 10)
        var compared = 0
        for authority in authorities {
            let code = try #require(authority["code"] as? String)
            let first = try #require(start[code], "\(code)"), last = try #require(end[code], "\(code)")
            compared += 1
            let year2030 = try #require((authority["years"] as? [[String: Any]])?.last)
            let total = try #require((year2030["total"] as? [String: Any])?["forecast"] as? Double)
            let forecastGrowth = total / (try #require(published[code]))
            #expect(
                abs(last / first - forecastGrowth) < 0.03, "\(code): \(first) → \(last), forecast ×\(forecastGrowth)")
        }
        #expect(compared == 10)
    }
}

/// DfE's published children looked after at 31 March 2025 per authority, read from the shipped table.
private enum OfficialLookedAfter {
    static func totals2025() throws -> [String: Double] {
        var log = IssueLog()
        let table = try #require(
            OfficialTable.read(
                OfficialTables.lookedAfterFile, in: Fixtures.root + "/data",
                required: ["year", "la_code", "group", "characteristic", "number"], log: &log))
        var totals: [String: Double] = [:]
        for row in table.rows
        where row.text("year") == "2025" && row.text("group") == "Age group" && row.text("characteristic") == "Total" {
            if let count = Double(row.text("number")) { totals[row.text("la_code")] = count }
        }
        return totals
    }
}
