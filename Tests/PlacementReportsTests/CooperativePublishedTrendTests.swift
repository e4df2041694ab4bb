import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// A co-operative's published figures in `sufficiency`: the trial found the note saying suppressed
/// members are left out while Windsor and Maidenhead's suppressed own-provision count (its children's
/// trust's provision, 2023–2025) counted as none, as `compare` counts it.
@Suite("sufficiency: a co-operative's published figures and how suppressed counts are read")
struct CooperativePublishedTrendTests {
    static let folder = Fixtures.scenario("south-east")

    @Test("Home and Future's own-provision share counts Windsor and Maidenhead's suppressed count as none, and says so")
    func suppressedOwnProvisionCountsAsNone() throws {
        let run = try BuiltTool.run(
            "placement", ["sufficiency", Self.folder, "--cooperative", "home-and-future", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let trend = try #require((root["tables"] as? [String: Any])?["published-trend"] as? [String: Any])
        let rows = try #require(trend["rows"] as? [[String: Any]])
        let published = try #require(rows.first { $0["year"] as? Int == 2025 }?["own_provision_share"] as? Double)
        // By hand from the scenario's actuals.csv: each member's share weighted by its children looked
        // after, Windsor and Maidenhead (E06000040, own-provision cell empty) at none.
        let scenario = try ScenarioLoader.load(from: Self.folder).scenario
        let members = try #require(scenario.cooperatives.first { $0.id == "home-and-future" }).members
        let actuals = scenario.actuals.filter { $0.year == 2025 && members.contains($0.authority) }
        #expect(actuals.count == members.count)
        let windsor = try #require(actuals.first { $0.authority == "E06000040" })
        #expect(windsor.ownProvisionShare == nil && windsor.childrenLookedAfter == 139)
        let children = actuals.compactMap(\.childrenLookedAfter).reduce(0, +)
        let own = actuals.reduce(0.0) { $0 + Double($1.childrenLookedAfter ?? 0) * ($1.ownProvisionShare ?? 0) }
        #expect(abs(published - own / Double(children)) < 5e-7)
        let sections = try #require(root["sections"] as? [[String: Any]])
        let text = sections.flatMap { $0["text"] as? [String] ?? [] }.joined(separator: "\n")
        #expect(
            text.contains(
                "but for an own-provision count DfE suppresses while publishing the member's other shares (Windsor "
                    + "and Maidenhead in 2023 to 2025), which counts as none"), "\(text)")
    }
}
