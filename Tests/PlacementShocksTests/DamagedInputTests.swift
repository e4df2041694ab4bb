import Foundation
import TestSupport
import Testing

/// Input that once trapped the process is an error naming its file and line, exit 1, and nothing
/// solved: shocks that stack past what a scenario may hold, and a damaged official table.
@Suite("Damaged and stacked input")
struct DamagedInputTests {
    static func shocks(_ lines: [String], in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("shocks.yaml")
        try (["shocks:"] + lines.map { "  - \($0)" }).joined(separator: "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(
        "shocks that stack past the scenario's limits name the shock that crosses them",
        arguments: [
            (Array(repeating: "demand_increase: {factor: 100}", count: 9), 4, "10,000,003 children"),
            (Array(repeating: "price_change: {factor: 100}", count: 200), 3, "£55,000,000 a week"),
            // Cuts of 99% stack too: the third prices tiny's cheapest place (£550) under a penny.
            (
                Array(repeating: "price_change: {factor: 0.01}", count: 164), 4,
                "under the £0.01 a paid place may fall to"
            ),
        ])
    func stackedShocks(lines: [String], line: Int, what: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.shocks(lines, in: directory)
        for extra in [[], ["--draws", "2"]] {
            let run = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--shocks", path] + extra)
            #expect(run.status == 1, "\(run.standardError)")
            #expect(run.standardError.contains("shocks.yaml:\(line): with the shocks before it"))
            #expect(run.standardError.contains(what))
        }
    }

    /// The floor is of the places a cut reprices: a council's 50p place is no private provider's.
    @Test("a cut to private prices is checked against private prices only")
    func cutChecksItsOwnPrices() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("providers.csv", "foster,2,600,good", with: "foster,2,0.5,good")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try Self.shocks(["price_change: {sector: private, factor: 0.01}"], in: directory)
        let run = try BuiltTool.run("placement", ["compare", copy.path, "--shocks", path, "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
    }

    /// A copy of the official data with `change` made to one of its files.
    static func damagedData(_ file: String, in directory: TemporaryDirectory, _ change: (inout [String]) -> Void)
        throws -> String
    {
        let data = directory.file("data")
        try FileManager.default.copyItem(atPath: "\(Fixtures.root)/data", toPath: data)
        let path = "\(data)/\(file)"
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        change(&lines)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return data
    }

    @Test("an authority listed twice in the official list is an error at its line, in every reader")
    func duplicatedAuthority() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = try String(
            contentsOfFile: "\(Fixtures.root)/data/england_local_authorities.csv", encoding: .utf8)
        let manchesterLine =
            try #require(
                original.components(separatedBy: "\n").firstIndex { $0.hasPrefix("E08000003,") }) + 1
        let data = try Self.damagedData("england_local_authorities.csv", in: directory) { lines in
            if let manchester = lines.firstIndex(where: { $0.hasPrefix("E08000003,") }) {
                lines.insert(lines[manchester], at: manchester + 1)
            }
        }
        for arguments in [
            ["baseline", Fixtures.scenario("greater-manchester"), "--data", data],
            ["generate", "real", "--data", data, "--out", directory.file("generated")],
        ] {
            let run = try BuiltTool.run("placement", arguments)
            #expect(run.status == 1, "\(arguments[0]): \(run.standardError)")
            #expect(
                run.standardError.contains(
                    "england_local_authorities.csv:\(manchesterLine + 1): la_code: E08000003 is listed again "
                        + "(first on line \(manchesterLine))"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("generated")))
    }

    @Test("a registered-places cell beyond any count is an error at its line, not an empty data folder")
    func hugePlaces() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var damagedLine = 0
        let data = try Self.damagedData("ofsted_places_by_la_2021_2025.csv", in: directory) { lines in
            let index = try! #require(lines.firstIndex { $0.contains(",E08000003,") })
            var fields = lines[index].components(separatedBy: ",")
            fields[fields.count - 1] = "1e308"
            lines[index] = fields.joined(separator: ",")
            damagedLine = index + 1
        }
        let run = try BuiltTool.run(
            "placement", ["simulate", Fixtures.scenario("greater-manchester"), "--data", data, "--to", "2026"])
        #expect(run.status == 1, "\(run.standardError)")
        #expect(run.standardError.contains("ofsted_places_by_la_2021_2025.csv:\(damagedLine): places: '1e308'"))
    }

    @Test("--out may not replace the scenario the run reads, though an imported scenario is a result set")
    func outputHoldingTheScenario() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let scenario = directory.file("imported")
        try FileManager.default.copyItem(atPath: Fixtures.scenario("tiny"), toPath: scenario)
        // What `import` wrote before scenarios had a marker of their own carries the result-set marker.
        #expect(FileManager.default.createFile(atPath: scenario + "/.placement-output", contents: Data()))
        for out in [scenario, directory.path] {
            let run = try BuiltTool.run("placement", ["compare", scenario, "--out", out])
            #expect(run.status == 64, "\(run.standardError)")
            #expect(run.standardError.contains("which this run reads"))
        }
        #expect(FileManager.default.fileExists(atPath: scenario + "/scenario.yaml"))
        #expect(FileManager.default.fileExists(atPath: scenario + "/children.csv"))
    }

    @Test("an empty --out is a usage error before anything is solved")
    func emptyOut() throws {
        let run = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--out", ""])
        #expect(run.status == 64, "\(run.standardError)")
        #expect(run.standardError.contains("--out: give the folder to write"))
    }
}
