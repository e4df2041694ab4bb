import ArgumentParser
import Foundation
import PlacementCommands
import TestSupport
import Testing

@Suite("placement sufficiency")
struct SufficiencyCommandTests {
    static func run(_ arguments: [String]) throws {
        var command = try PlacementCommand.parseAsRoot(["sufficiency", Fixtures.scenario("tiny")] + arguments)
        try command.run()
    }

    @Test("--all writes an index and one folder per authority")
    func all() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.run(["--all", "--out", directory.path])
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries.filter { $0.hasPrefix("T") } == ["T00000001", "T00000002", "T00000003"])
        #expect(["index.html", "index.md", "index.json", "index-authorities.csv"].allSatisfy(entries.contains))
        for code in ["T00000001", "T00000002", "T00000003"] {
            #expect(FileManager.default.fileExists(atPath: directory.file("\(code)/sufficiency.html")))
        }
        let index = try String(contentsOfFile: directory.file("index-authorities.csv"), encoding: .utf8)
        #expect(index.contains("T00000003/sufficiency.html"))
    }

    /// An import of part of a caseload put 127 modelled children beside DfE's 1,699 without a word.
    @Test("The summary says what share of the published children the scenario holds, when far from all")
    func coverage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Self.run(["--all", "--out", directory.path])
        func summary(_ code: String) throws -> String {
            try String(contentsOfFile: directory.file("\(code)/sufficiency.md"), encoding: .utf8)
        }
        // Tiny's children.csv against its actuals.csv: Northtown 6 of 15 (2025); Eastbury 4 of 6, its
        // 2025 count unpublished, so 2024's.
        #expect(
            try summary("T00000001").contains(
                "The scenario holds 6 of Northtown's children (every placement type), 40.0% of the 15 DfE published "
                    + "as looked after at 31 March 2025"))
        #expect(try summary("T00000003").contains("4 of Eastbury's children (every placement type), 66.7% of the 6"))
        // Greater Manchester's scenario is built from the published counts: no such sentence.
        let manchester = try TemporaryDirectory()
        defer { manchester.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", Fixtures.scenario("greater-manchester"), "--authority", "Manchester", "--quiet", "--out",
            manchester.path,
        ])
        try command.run()
        let report = try String(contentsOfFile: manchester.file("sufficiency.md"), encoding: .utf8)
        #expect(!report.contains("The scenario holds"))
    }

    @Test(
        "An unknown authority fails before anything is written",
        arguments: [
            ["--authority", "T00000009"], ["--cooperative", "nowhere"],
        ])
    func unknownScope(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("reports")
        #expect(throws: ExitCode.validationFailure) { try Self.run(arguments + ["--out", out]) }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Exactly one scope must be named", arguments: [[String](), ["--all", "--authority", "T00000001"]])
    func oneScope(arguments: [String]) {
        #expect(throws: (any Error).self) {
            _ = try PlacementCommand.parseAsRoot(
                ["sufficiency", Fixtures.scenario("tiny"), "--out", "/tmp/x"] + arguments)
        }
    }
}

@Suite("A co-operative's analyst at the command line")
struct CooperativeScopeTests {
    @Test("--cooperative takes the name as well as the id, and solves regional commissioning by default")
    func byNameAndRegional() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", Fixtures.scenario("tiny"), "--cooperative", "north and south co-operative", "--out",
            directory.path,
        ])
        try command.run()
        let report = try String(contentsOfFile: directory.file("sufficiency.md"), encoding: .utf8)
        #expect(report.contains("North and South Co-operative"))
        #expect(report.contains("solved under regional commissioning"))
    }

    /// Greater Manchester's only residential school is rated inadequate: its 17 places read as supply
    /// for 3 children, all unplaced. Oak House (tiny's private home, 2 places) rated inadequate
    /// moves from the private column to its own.
    @Test("places below the Ofsted floor are counted apart from the places in area", arguments: [false, true])
    func belowTheFloor(inadequate: Bool) throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        if inadequate {
            try copy.replace(
                "providers.csv", "childrens_home,2,5500,outstanding", with: "childrens_home,2,5500,inadequate")
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", copy.path, "--authority", "T00000002", "--out", directory.path, "--quiet",
        ])
        try command.run()
        let lines = try String(contentsOfFile: directory.file("sufficiency-demand-and-supply.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(lines.first)
        let home = try #require(lines.first { $0.first == "Children's home" })
        let value = { (key: String) in header.firstIndex(of: key).map { home[$0] } }
        #expect(value("in_area_private") == (inadequate ? "0" : "2"))
        #expect(value("in_area_places") == (inadequate ? "0" : "2"))
        #expect(value("in_area_below_ofsted_floor") == (inadequate ? "2" : "0"))
    }

    @Test("placement --version prints the version and succeeds")
    func version() throws {
        let run = try BuiltTool.run("placement", ["--version"])
        #expect(run.status == 0)
        #expect(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == PlacementCommand.version)
    }
}

/// A council's imported scenario holds every authority whose places its children may use; most
/// have no children in it.
@Suite("An authority with places but no children")
struct ChildlessAuthorityTests {
    /// `tiny` without Eastbury's three children: Eastbury keeps its providers.
    static func eastburyWithoutChildren() throws -> ScenarioCopy {
        let copy = try ScenarioCopy(of: "tiny")
        for line in [
            "C07,T00000003,foster,10-15,2,,,\n", "C08,T00000003,supported_accommodation,16-17,1,,,\n",
            "C09,T00000003,childrens_home,16-17,1,,,\n",
        ] {
            try copy.replace("children.csv", line, with: "")
        }
        return copy
    }

    @Test("a report of it is refused, naming the authorities with children; --all leaves it out")
    func sufficiency() throws {
        let copy = try Self.eastburyWithoutChildren()
        defer { copy.remove() }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let refused = try BuiltTool.run(
            "placement", ["sufficiency", copy.path, "--authority", "Eastbury", "--out", directory.file("one")])
        #expect(refused.status == 64)
        #expect(
            refused.standardError.contains(
                "Eastbury (T00000003) has no children in the scenario: its places are in the market, but a "
                    + "report of one council is of its own children; authorities with children: Northtown, "
                    + "Southvale"), "\(refused.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("one")))
        let all = try BuiltTool.run("placement", ["sufficiency", copy.path, "--all", "--out", directory.file("all")])
        #expect(all.status == 0, "\(all.standardError)")
        #expect(
            all.standardError.contains(
                "note: 1 of the scenario's 3 authorities has no children in it and gets no report"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.file("all"))
        #expect(entries.filter { $0.hasPrefix("T") }.sorted() == ["T00000001", "T00000002"])
        // The index links only the reports written.
        let index = try String(contentsOfFile: directory.file("all/index-authorities.csv"), encoding: .utf8)
        #expect(index.contains("T00000002/sufficiency.html"))
        #expect(!index.contains("T00000003"), "\(index)")
    }

    @Test("solve's and compare's tables by authority leave it out; their JSON keeps it")
    func tables() throws {
        let copy = try Self.eastburyWithoutChildren()
        defer { copy.remove() }
        let solve = try BuiltTool.run("placement", ["solve", copy.path, "--mode", "council"])
        #expect(solve.status == 0, "\(solve.standardError)")
        #expect(solve.standardOutput.contains("| Northtown (T00000001) |"))
        #expect(!solve.standardOutput.contains("Eastbury"))
        let compare = try BuiltTool.run("placement", ["compare", copy.path])
        #expect(compare.status == 0, "\(compare.standardError)")
        #expect(compare.standardOutput.contains("| Southvale |"))
        #expect(!compare.standardOutput.contains("| Eastbury |"))
        let json = try BuiltTool.run("placement", ["solve", copy.path, "--mode", "council", "--format", "json"])
        #expect(json.standardOutput.contains("T00000003"))
        // The comparison report's tables and counts by authority alike.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let report = try BuiltTool.run("placement", ["compare", copy.path, "--out", directory.file("report")])
        #expect(report.status == 0, "\(report.standardError)")
        let table = try String(contentsOfFile: directory.file("report/report-authority-m2.csv"), encoding: .utf8)
        #expect(table.contains("Southvale") && !table.contains("Eastbury"), "\(table)")
        let markdown = try String(contentsOfFile: directory.file("report/report.md"), encoding: .utf8)
        #expect(markdown.contains("Against council commissioning, of 2 authorities"), "\(markdown)")
    }
}
