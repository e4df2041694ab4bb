import Foundation
import PlacementCommands
import TestSupport
import Testing

/// `plan --authority`: one council's view before the whole plan, on tiny-plan at £500,000 (its
/// README: H2, two council-run places in Northtown, and C09, Eastbury's child unplaced without it).
@Suite("plan --authority")
struct PlanFocusTests {
    static func plan(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let run = try BuiltTool.run(
            "placement", ["plan", Fixtures.scenario("tiny-plan"), "--budget", "500000"] + arguments)
        return (run.status, run.standardOutput, run.standardError)
    }

    @Test("Northtown: what is built there, its children in the new places and its measures, first")
    func northtown() throws {
        let (status, output, _) = try Self.plan(["--authority", "Northtown"])
        #expect(status == 0)
        #expect(output.hasPrefix("## Northtown in the plan\n"))
        #expect(output.contains("In Northtown the plan builds 1 home (H2: 2 places, £500,000, 2 children placed)."))
        #expect(output.contains("| Measure | Without plan | With plan |"))
        // The whole plan follows.
        #expect(output.contains("# Capacity plan: tiny-plan, £500,000 by national"))
    }

    @Test("Eastbury builds nothing; its child C09, unplaced without the plan, takes an H2 place in Northtown")
    func eastbury() throws {
        let (status, output, _) = try Self.plan(["--authority", "T00000003"])
        #expect(status == 0)
        #expect(output.contains("The plan builds nothing in Eastbury."))
        #expect(output.contains("1 of Eastbury's children is placed in the plan's new places, all in Northtown."))
        #expect(output.contains("| Unplaced | 1 | 0 |"))
        // The JSON carries the same view as "authority".
        let (_, json, _) = try Self.plan(["--authority", "Eastbury", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let focus = try #require(object["authority"] as? [String: Any])
        #expect(focus["code"] as? String == "T00000003")
        #expect((focus["builds"] as? [String])?.isEmpty == true)
        #expect(focus["children_in_new_places"] as? [String: Int] == ["T00000001": 1])
        #expect((focus["without_plan"] as? [String: Any])?["unplaced"] as? Int == 1)
        #expect((focus["with_plan"] as? [String: Any])?["unplaced"] as? Int == 0)
        #expect(focus["today"] is NSNull)
    }

    /// tiny-plan with Eastbury's children gone, Eastbury in the co-operative and H1 (its home) at
    /// £1,000 a week, H2 dropped. By hand: the co-operative's budget builds H1, and Northtown's second
    /// C06 child leaves P5 (5,500 + 10 × 15 + 250 = 5,900) for it (10 × 25 + 250 − 100 = 400, plus
    /// H1's 1,000 running and 350.04 capital a week): £18,700 falls to £14,549.96.
    @Test("A council with no children of its own is shown for what the plan builds there")
    func councilWithNoChildren() throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        let children = try copy.read("children.csv").split(separator: "\n").filter { !$0.contains("T00000003") }
        try copy.write("children.csv", children.joined(separator: "\n") + "\n")
        try copy.append("cooperatives.csv", line: "north-south,North and South Co-operative,T00000003")
        try copy.write(
            "candidates.csv",
            "id,kind,authority,placement_type,places,units,capital_cost,weekly_cost,years_to_open,life_years\n"
                + "H1,home,T00000003,childrens_home,1,1,300000,1000,2,25\n")
        let arguments = ["plan", copy.path, "--budget", "500000", "--by", "cooperative", "--authority", "Eastbury"]
        let run = try BuiltTool.run("placement", arguments)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("In Eastbury the plan builds 1 home (H1: 1 place, £300,000"))
        #expect(run.standardOutput.contains("Eastbury has no children in the scenario, so no measures of its children"))
        #expect(run.standardOutput.contains("weekly objective £14,550 against £18,700"))
        #expect(!run.standardOutput.contains("| Measure |"))
        let json = try BuiltTool.run("placement", arguments + ["--format", "json"])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let focus = try #require(object["authority"] as? [String: Any])
        #expect(focus["builds"] as? [String] == ["H1"])
        #expect(focus["without_plan"] is NSNull && focus["with_plan"] is NSNull)
    }

    @Test("The report leads with the council's section")
    func report() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("plan")
        let (status, _, _) = try Self.plan(["--authority", "Northtown", "--out", out])
        #expect(status == 0)
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        let sections = markdown.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }
        #expect(sections.first == "## Northtown in the plan")
        #expect(FileManager.default.fileExists(atPath: out + "/report-focus.csv"))
    }

    @Test("A misspelt or foreign authority is a usage error; --compare-policies refuses it")
    func refused() throws {
        let misspelt = try Self.plan(["--authority", "Northtwn"])
        #expect(misspelt.status == 64)
        #expect(misspelt.errors.contains("did you mean Northtown (T00000001)?"))
        #expect(misspelt.output.isEmpty)
        let policies = try Self.plan(["--authority", "Northtown", "--compare-policies"])
        #expect(policies.status == 64)
        #expect(policies.errors.contains("--authority"))
    }
}
