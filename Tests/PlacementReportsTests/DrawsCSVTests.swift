import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// `comparison-draws.csv` and `stress-draws.csv`: every draw's measures, from which the reports' means
/// and percentiles must follow when recomputed by hand.
@Suite("Per-draw results")
struct DrawsCSVTests {
    /// R's type 7 percentile: linear between order statistics.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let h = Double(sorted.count - 1) * p
        let low = Int(h.rounded(.down))
        let high = min(low + 1, sorted.count - 1)
        return sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
    }

    @Test("compare --draws: the draws' rows give the JSON's mean and percentiles, and each draw its seeds")
    func comparison() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--draws", "5", "--seed", "7", "--out", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = try PlainCSV.rows(folder.file("comparison-draws.csv"))
        // Four modes, five draws, each with the scenario, one co-operative and three authorities.
        #expect(rows.count == 4 * 5 * 5)
        #expect(rows.first?["case"] == nil)
        for draw in 0..<5 {
            let seeds = DrawSeeds(seed: 7, draw: draw)
            let drawn = rows.filter { $0["draw"] == String(draw + 1) }
            #expect(drawn.count == 20)
            #expect(drawn.allSatisfy { $0["council_order_seed"] == String(seeds.councilOrderSeed) })
            #expect(drawn.allSatisfy { $0["shock_seed"] == String(seeds.shockSeed) })
        }
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.file("comparison-draws.json")))) as? [String: Any])
        let modes = try #require(json["modes"] as? [[String: Any]])
        var checked = 0
        for mode in modes {
            let name = try #require(mode["mode"] as? String)
            let metrics = try #require(mode["metrics"] as? [String: Any])
            for authority in try #require(metrics["authorities"] as? [[String: Any]]) {
                let code = try #require(authority["code"] as? String)
                for measure in ["unplaced", "m2_in_area_share", "weekly_cost"] {
                    let spread = try #require(authority[measure] as? [String: Any])
                    let values = rows.filter { $0["mode"] == name && $0["code"] == code }.compactMap {
                        $0[measure].flatMap(Double.init)
                    }
                    #expect(values.count == 5)
                    let mean = values.reduce(0, +) / Double(values.count)
                    // The CSV rounds shares to six places and pounds to the penny.
                    #expect(approximately(mean, try #require(spread["mean"] as? Double), tolerance: 1e-5))
                    #expect(
                        approximately(
                            Self.percentile(values, 0.1), try #require(spread["p10"] as? Double), tolerance: 1e-5))
                    #expect(
                        approximately(
                            Self.percentile(values, 0.9), try #require(spread["p90"] as? Double), tolerance: 1e-5))
                    checked += 1
                }
            }
        }
        #expect(checked == 4 * 3 * 3)
        // Council mode's buying order is drawn: its draws are not all one (else the test proves little).
        let northtownCouncil = Set(
            rows.filter { $0["mode"] == "council" && $0["code"] == "T00000001" }.map { $0["weekly_cost"] ?? "" })
        #expect(northtownCouncil.count > 1)
    }

    /// An import lists every English council for its places, one with children: a trial's CSV had
    /// 3,040 empty rows of 3,080.
    @Test("an authority with no children in the scenario has no rows")
    func noChildrenNoRows() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let children = try copy.read("children.csv").split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(",T00000003,") }.joined(separator: "\n")
        try copy.write("children.csv", children)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try BuiltTool.run(
            "placement",
            [
                "compare", copy.path, "--draws", "2", "--modes", "council,council-coordinated,regional", "--out",
                folder.path,
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = try PlainCSV.rows(folder.file("comparison-draws.csv"))
        #expect(Set(rows.compactMap { $0["code"] }) == ["", "north-south", "T00000001", "T00000002"])
        // Nor a verdict: "0 of 153 authorities uncertain" had counted an import's other councils.
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: folder.file("comparison-draws.json")))) as? [String: Any])
        let contrasts = try #require(json["contrasts"] as? [[String: Any]])
        #expect(contrasts.count == 2)
        for contrast in contrasts {
            let codes = (contrast["authorities"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
            #expect(codes == ["T00000001", "T00000002"])
        }
    }

    @Test("stress --authority: each case's draws, kept to the authority and its co-operative")
    func stress() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - remove_share: {sector: private, placement_type: childrens_home, share: 0.5}\n"
            .write(toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [
                "stress", Fixtures.scenario("tiny"), "--shocks", folder.file("shocks.yaml"), "--draws", "3",
                "--modes", "regional", "--authority", "Northtown", "--out", folder.file("out"),
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = try PlainCSV.rows(folder.file("out/stress-draws.csv"))
        // Two cases (no shock, the closure), one mode, three draws; the scenario, the co-operative, Northtown.
        #expect(rows.count == 2 * 3 * 3)
        #expect(Set(rows.compactMap { $0["code"] }) == ["", "north-south", "T00000001"])
        #expect(Set(rows.compactMap { $0["case"] }).count == 2)
    }
}
