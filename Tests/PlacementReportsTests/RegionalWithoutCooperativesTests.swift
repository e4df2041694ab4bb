import Foundation
import TestSupport
import Testing

/// An import has no co-operatives: `solve`'s default mode, regional, is then each council alone, and
/// the user is told rather than shown a "regional" result that is council mode under another name.
@Suite("Regional mode without co-operatives")
struct RegionalWithoutCooperativesTests {
    @Test("regional mode on a scenario whose councils belong to no co-operative says so; with one it does not")
    func saysItIsCouncilMode() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        let withCooperative = try BuiltTool.run("placement", ["solve", copy.path, "--format", "json"])
        #expect(withCooperative.status == 0)
        #expect(!withCooperative.standardError.contains("belongs to a co-operative"))
        try copy.write("cooperatives.csv", "cooperative_id,cooperative_name,authority\n")
        let alone = try BuiltTool.run("placement", ["solve", copy.path, "--format", "json"])
        #expect(alone.status == 0, "\(alone.standardError)")
        #expect(
            alone.standardError.contains(
                "regional: no authority with children in tiny belongs to a co-operative (cooperatives.csv), so "
                    + "regional commissioning here is each council commissioning alone"))
        let council = try BuiltTool.run("placement", ["solve", copy.path, "--mode", "council", "--format", "json"])
        #expect(!council.standardError.contains("belongs to a co-operative"))
        // The other commands that solve regional mode say it too, once.
        for arguments in [
            ["compare", copy.path, "--draws", "2", "--format", "json"],
            ["simulate", copy.path, "--modes", "regional", "--to", "2026", "--format", "json"],
            ["plan", copy.path, "--budget", "100000", "--by", "cooperative", "--format", "json"],
        ] {
            let run = try BuiltTool.run("placement", arguments)
            #expect(run.status == 0, "\(arguments[0]): \(run.standardError)")
            #expect(
                run.standardError.components(separatedBy: "regional commissioning here is each council").count == 2,
                "\(arguments[0]): \(run.standardError)")
        }
    }
}
