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
        #expect(output.contains("In Northtown the plan builds 1 home (H2: 2 places, £500,000, 2.0 children placed)."))
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
