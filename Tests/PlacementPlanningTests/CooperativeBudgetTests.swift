import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// `plan --cooperative`: one co-operative's own budget. An RCC analyst's `--by cooperative` on the
/// South East gave part of the £10m to Slough, Hampshire and Kent, which are in no co-operative.
@Suite("plan --cooperative")
struct CooperativeBudgetTests {
    @Test("the whole budget is the co-operative's, and it builds in its members alone")
    func oneCooperative() throws {
        let scenario = Fixtures.scenario("south-east")
        let members = Set(
            try String(contentsOfFile: scenario + "/cooperatives.csv", encoding: .utf8).split(separator: "\n")
                .dropFirst().filter { $0.hasPrefix("home-and-future,") }.compactMap { $0.split(separator: ",").last }
                .map(String.init))
        #expect(members.count > 10)
        let (object, run) = try BuiltTool.placementJSON([
            "plan", scenario, "--budget", "10000000", "--cooperative", "Home and Future", "--format", "json",
        ])
        let root = try #require(object, "\(run.standardError)")
        #expect(root["by"] as? String == "cooperative")
        #expect(root["budget_holder"] as? String == "home-and-future")
        let budgets = try #require(root["budgets"] as? [[String: Any]])
        #expect(budgets.count == 1)
        #expect(budgets.first?["budget"] as? Double == 10_000_000)
        let builds = ["homes", "carers", "block_contracts"].flatMap { (root[$0] as? [[String: Any]]) ?? [] }
        #expect(!builds.isEmpty)
        #expect(builds.allSatisfy { members.contains($0["authority"] as? String ?? "") }, "\(builds)")
        let spent = try #require(root["capital_spent"] as? Double)
        #expect(spent <= 10_000_000 && spent > 5_000_000)
        // Shared by children, the same budget goes partly to the councils in no co-operative.
        let (shared, _) = try BuiltTool.placementJSON([
            "plan", scenario, "--budget", "10000000", "--by", "cooperative", "--format", "json",
        ])
        #expect(((shared?["budgets"] as? [[String: Any]])?.count ?? 0) > 1)
        #expect(shared?["budget_holder"] is NSNull)
        // The report's policy comparison shares the budget as each policy would, and says so.
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let report = try BuiltTool.run(
            "placement",
            ["plan", scenario, "--budget", "10000000", "--cooperative", "home-and-future", "--out", folder.path])
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = try String(contentsOfFile: folder.file("report.md"), encoding: .utf8)
        #expect(markdown.contains("This plan is Home and Future (South East)'s alone, with the whole budget"))
    }

    /// One holder's plan prices its own budget: the other holders' rows hold none, and their duals had
    /// priced money the co-operative does not have (a review: £379,953 per £1m beside "a further home
    /// would cost more a week than it saves", where more of the holder's money saves nothing).
    @Test("the value of more budget is the holder's own")
    func holdersOwnDual() throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.append("cooperatives.csv", line: "east,East Only,T00000003")
        func value(_ cooperative: String, budget: String) throws -> Double? {
            let (object, run) = try BuiltTool.placementJSON(
                ["plan", copy.path, "--budget", budget, "--cooperative", cooperative, "--format", "json"])
            return try #require(object, "\(run.standardError)")["value_of_budget_per_million"] as? Double
        }
        // East's home would cost more than it saves: its money is worth nothing more at the margin.
        #expect(try value("east", budget: "1000000") == 0)
        // North and South with none: a home there frees a place for Eastbury's unplaced child.
        #expect(try (value("north-south", budget: "0") ?? 0) > 0)
    }

    @Test(
        "a name that misses, or another --by, is a usage error",
        arguments: [
            ["--cooperative", "nowhere"], ["--cooperative", "home-and-future", "--by", "council"],
        ])
    func refused(arguments: [String]) throws {
        let run = try BuiltTool.run(
            "placement", ["plan", Fixtures.scenario("south-east"), "--budget", "1000000"] + arguments)
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }
}
