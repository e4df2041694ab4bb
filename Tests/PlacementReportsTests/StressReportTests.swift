import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementReports

/// The stress report says which shocks file it tested, by the file's own description.
@Suite("Stress report")
struct StressReportTests {
    @Test(
        "Changes in children are signed and grouped by thousands, with a tenth where a mean has one",
        arguments: [
            (1_334.83, "+1,334.8"), (-1_234.56, "-1,234.6"), (1_334, "+1,334"), (0.5, "+0.5"), (-0.04, "0"),
            (-0.5, "-0.5"), (12.05, "+12.1"),
        ])
    func signedChanges(value: Double, text: String) {
        #expect(StressReport.signed(value) == text)
    }

    @Test("The shocks file's description is under the title, on one line, escaped in HTML")
    func description() throws {
        let scenario = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let report = StressReport(
            scenario: scenario, cases: [], shocks: "exit of the 10 largest\nprivate <owners>", seed: 1)
        let markdown = MarkdownReport.render(report.document, stem: "stress")
        #expect(markdown.contains("_Shocks: exit of the 10 largest private \\<owners\\>. Scenario "))
        // Markdown's own characters stay text: an underscore cannot end the emphasis.
        let underscored = StressReport(scenario: scenario, cases: [], shocks: "a_b *c*", seed: 1)
        #expect(MarkdownReport.render(underscored.document, stem: "stress").contains("_Shocks: a\\_b \\*c\\*. "))
        let html = HTMLReport.render(report.document)
        #expect(html.contains("Shocks: exit of the 10 largest private &lt;owners&gt;. Scenario "))
        let plain = StressReport(scenario: scenario, cases: [], shocks: "", seed: 1)
        // No market stated, none claimed: the key is left out rather than read as the empty market.
        #expect(!plain.json.contains("\"market\""))
        #expect(!MarkdownReport.render(plain.document, stem: "stress").contains("Shocks:"))
    }

    @Test("two runs write byte-identical files: the time taken goes to stderr, not into the report")
    func identicalFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let shocks = folder.file("shocks.yaml")
        try "shocks:\n  - remove_share: {sector: private, placement_type: childrens_home, share: 0.5}\n"
            .write(toFile: shocks, atomically: true, encoding: .utf8)
        for name in ["first", "second"] {
            let run = try BuiltTool.run(
                "placement",
                ["stress", Fixtures.scenario("tiny"), "--shocks", shocks, "--draws", "3", "--out", folder.file(name)])
            #expect(run.status == 0, "\(run.standardError)")
            #expect(run.standardError.contains("solved in "))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.file("first")).sorted()
        #expect(names.contains("stress.md"))
        // On tiny both runs may take "0.0 s"; the time must not be in the files at all.
        let markdown = try String(contentsOfFile: folder.file("first") + "/stress.md", encoding: .utf8)
        #expect(!markdown.contains("Solved in"))
        for name in names {
            let first = FileManager.default.contents(atPath: folder.file("first") + "/" + name)
            #expect(first == FileManager.default.contents(atPath: folder.file("second") + "/" + name), "\(name)")
        }
    }

    /// A random closure's as-is is its first draw's alone: a trial read its p10 and p90 (the figure
    /// itself) as a band of no width.
    @Test("as-is after a random closure has no percentiles; without one, its one figure is its own band")
    func asIsFirstDrawHasNoBand() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let shocks = folder.file("shocks.yaml")
        try "shocks:\n  - remove_share: {sector: private, placement_type: childrens_home, share: 0.2}\n"
            .write(toFile: shocks, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [
                "stress", Fixtures.scenario("greater-manchester"), "--shocks", shocks, "--draws", "2", "--modes",
                "regional", "--format", "csv",
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = run.standardOutput.split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        let unplaced = try #require(rows.first?.firstIndex(of: "unplaced"))
        let asIs = rows.filter { $0.count > unplaced + 2 && $0[1] == "as-is" }
        #expect(asIs.count == 2, "\(run.standardOutput)")
        // No shock: today's placements, one figure with no spread.
        #expect(asIs.first.map { $0[unplaced + 1] == $0[unplaced] && $0[unplaced + 2] == $0[unplaced] } == true)
        // The closure's first draw: the mean alone.
        #expect(asIs.last.map { !$0[unplaced].isEmpty && $0[unplaced + 1].isEmpty && $0[unplaced + 2].isEmpty } == true)
    }

    /// An exit that leaves children unplaced lowers the weekly cost (their price drops out of it): the
    /// summary says so, where it happens only; and it says why council mode's figures over draws are
    /// not `compare`'s (the buying order is drawn anew).
    @Test(
        "the summary warns that unplaced children drop out of the weekly cost, only where a shock leaves more",
        arguments: [
            ("remove_largest_owners: {sector: private, placement_type: childrens_home, count: 1}", true),
            ("price_change: {sector: private, factor: 1.1}", false),
        ])
    func unplacedLeaveTheWeeklyCost(shock: String, warned: Bool) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - \(shock)\n".write(toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement", ["stress", Fixtures.scenario("tiny"), "--shocks", folder.file("shocks.yaml")])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("Weekly cost counts placed children only") == warned)
        #expect(
            run.standardOutput.contains("Where places run short, the total left without a place is the surer") == warned
        )
        #expect(run.standardOutput.contains("Council mode's buying order is drawn anew in each draw"))
        #expect(run.standardOutput.contains("1 draw each from seed 1"))
        // One draw: council mode's buying order was drawn once, and the report says so.
        #expect(run.standardOutput.contains("One draw: under council commissioning which council a shortfall"))
        // Each shocked case against no shock, mode by mode, where the shock leaves more unplaced: Oak
        // House's 2 places go, so 2 more children wait in every mode (1 → 3; tiny's README, Shocks).
        #expect(
            run.standardOutput.contains("leaves, against no shock (means): council +2 unplaced and 0 over 20 miles;")
                == warned)
        // Unplaced children and children over 20 miles are charted apart, never added.
        #expect(run.standardOutput.contains("Children left unplaced, mean over draws, by case and mode"))
        #expect(run.standardOutput.contains("Children placed over 20 miles away, mean over draws, by case and mode"))
        #expect(!run.standardOutput.contains("unplaced or placed over 20 miles"))
        #expect(!run.standardOutput.contains("Under council commissioning a shock can leave fewer children unplaced"))
    }

    /// Private prices 15% higher leave 13 fewer of England's children unplaced under council
    /// commissioning (councils buy in turn, and dearer places change what earlier councils take): the
    /// summary says it is the buying order, not a benefit of the shock.
    @Test func fewerUnplacedUnderCouncilCommissioningIsSaidToBeTheBuyingOrder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - price_change: {sector: private, factor: 1.15}\n".write(
            toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            ["stress", Fixtures.scenario("england-2025"), "--shocks", folder.file("shocks.yaml"), "--modes", "council"])
        #expect(run.status == 0, "\(run.standardError)")
        // As-is first: a price change moves no child of today's placements.
        #expect(
            run.standardOutput.contains("against no shock (means): as-is 0 unplaced and 0 over 20 miles; council -"))
        #expect(run.standardOutput.contains("Under council commissioning a shock can leave fewer children unplaced"))
        // The table gives as-is's rows too: a price change moves no child, so every count and share of
        // today's placements is the same with and without it (only the weekly cost and profit move).
        let table = run.standardOutput.components(separatedBy: "**Each case and mode for england-2025**")
        let asIsRows = (table.count > 1 ? table[1] : "").split(separator: "\n")
            .prefix { !$0.hasPrefix("**") }.filter { $0.contains("| as-is |") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
        try #require(asIsRows.count == 2, "\(run.standardOutput)")
        #expect(asIsRows[0][0] == "no shock")
        #expect(asIsRows[0][2..<17] == asIsRows[1][2..<17])
        #expect(asIsRows[0][17] != asIsRows[1][17])
    }

    /// A council's lead reads its own children: `--authority` adds their figures case by case to the
    /// summary (of the 2 more children Oak House's exit leaves unplaced, tiny's README, 1 is Northtown's,
    /// in every mode) and
    /// keeps its rows alone in the table by authority; a misspelt name is a usage error.
    @Test func oneAuthoritysChildrenCaseByCase() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - remove_owners: [Oak Care Ltd]\n".write(
            toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        func stress(_ authority: String, _ more: [String] = []) throws -> BuiltTool.Run {
            try BuiltTool.run(
                "placement",
                ["stress", Fixtures.scenario("tiny"), "--shocks", folder.file("shocks.yaml"), "--authority", authority]
                    + more)
        }
        let run = try stress("Northtown")
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("- Northtown's children, no shock (means): council "))
        #expect(
            run.standardOutput.contains(
                "- Northtown's children, Oak Care Ltd leaves (means): council 1 unplaced and 1 over 20 miles (against "
                    + "no shock: +1 and 0);"))
        let rows = run.standardOutput.components(separatedBy: "\n").filter { $0.hasPrefix("| no shock | ") }
        #expect(rows.contains { $0.contains("| Northtown | T00000001 |") })
        #expect(!rows.contains { $0.contains("| Southvale |") || $0.contains("| Eastbury |") })
        let misspelt = try stress("Northtwn")
        #expect(misspelt.status == 64)
        #expect(misspelt.standardError.contains("did you mean Northtown (T00000001)?"))
        // The JSON holds the same scopes as the tables: Northtown and its co-operative alone.
        let json = try stress("Northtown", ["--format", "json"])
        #expect(json.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(object["authority"] as? String == "T00000001")
        let cases = try #require(object["cases"] as? [[String: Any]])
        for entry in cases {
            let modes = try #require((entry["results"] as? [String: Any])?["modes"] as? [[String: Any]])
            for mode in modes {
                let metrics = try #require(mode["metrics"] as? [String: Any])
                let codes = (metrics["authorities"] as? [[String: Any]])?.map { $0["code"] as? String }
                #expect(codes == ["T00000001"])
            }
        }
        // A well-formed code of no authority in the scenario is not taken for a misspelling of the nearest.
        let foreign = try stress("e09000001")
        #expect(foreign.status == 64)
        #expect(foreign.standardError.contains("no authority 'e09000001' in the scenario; there are Northtown"))
        #expect(!foreign.standardError.contains("did you mean"))
        // A co-operative where one council is asked for: said so, with its members.
        let cooperative = try stress("north-south")
        #expect(cooperative.status == 64)
        #expect(cooperative.standardError.contains("is a co-operative, not an authority; give one of its members: "))
        // Eastbury belongs to no co-operative: said of it, not of the scenario.
        let eastbury = try stress("Eastbury")
        #expect(eastbury.standardOutput.contains("Eastbury belongs to no co-operative."))
        #expect(!eastbury.standardOutput.contains("The scenario has no co-operative"))
    }
}

/// An RCC analyst could not tell which placement type a stress test's unplaced children needed
/// without `compare --format json`.
@Suite("Stress: unplaced children by placement type")
struct StressUnplacedByTypeTests {
    @Test("each case and mode's children without a place by type add up to its unplaced")
    func addsUp() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - remove_largest_owners: {sector: private, placement_type: childrens_home, count: 1}\n"
            .write(toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [
                "stress", Fixtures.scenario("tiny"), "--shocks", folder.file("shocks.yaml"), "--draws", "3", "--out",
                folder.file("out"),
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let byType = try PlainCSV.rows(folder.file("out/stress-unplaced-by-type.csv"))
        let total = try PlainCSV.rows(folder.file("out/stress-total.csv"))
        // Two cases, each with four modes (tiny has no as-is).
        #expect(byType.count == 8)
        #expect(byType.contains { Double($0["unplaced_childrens_home"] ?? "") ?? 0 > 0 })
        for row in byType {
            let sum = row.filter { $0.key.hasPrefix("unplaced_") }.values.compactMap(Double.init).reduce(0, +)
            let match = try #require(total.first { $0["case"] == row["case"] && $0["mode"] == row["mode"] })
            #expect(abs(sum - (Double(match["unplaced"] ?? "") ?? -1)) < 1e-9, "\(row)")
        }
    }
}

/// `stress --plan`: a plan's places open after each case's shocks, as `compare --plan --draws`
/// opens them. tiny-plan's H2 (Northtown, 2 children's-home places, opening 2027) takes Eastbury's
/// child C09, unplaced without it under national commissioning (tiny-plan's README).
@Suite("stress --plan")
struct StressPlanTests {
    @Test("the plan's places take the child no place could, in every case; not before they open")
    func planned() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try "shocks:\n  - price_change: {sector: private, factor: 1.1}\n"
            .write(toFile: folder.file("shocks.yaml"), atomically: true, encoding: .utf8)
        let scenario = Fixtures.scenario("tiny-plan")
        func unplaced(_ extra: [String]) throws -> [String] {
            let run = try BuiltTool.run(
                "placement",
                ["stress", scenario, "--shocks", folder.file("shocks.yaml"), "--modes", "national", "--format", "csv"]
                    + extra)
            #expect(run.status == 0, "\(run.standardError)")
            return run.standardOutput.split(separator: "\n").dropFirst().map {
                String($0.split(separator: ",", omittingEmptySubsequences: false)[2])
            }
        }
        let plan = scenario + "/plan-h2-2027.csv"
        #expect(try unplaced([]) == ["1.000", "1.000"])
        #expect(try unplaced(["--plan", plan]) == ["0.000", "0.000"])
        #expect(try unplaced(["--plan", plan, "--open-by", "2026"]) == ["1.000", "1.000"])
        let markdown = try BuiltTool.run(
            "placement", ["stress", scenario, "--shocks", folder.file("shocks.yaml"), "--plan", plan])
        #expect(markdown.standardOutput.hasPrefix("# tiny-plan with plan plan-h2-2027.csv"))
    }
}
