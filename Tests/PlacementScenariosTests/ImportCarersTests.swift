import Foundation
import PlacementScenarios
import TestSupport
import Testing

/// `placement import --carers`: the council's foster households, one row each, in place of the
/// estimate of its in-house foster places (`Fixtures/import/rutland-carers.csv` beside the sample).
@Suite("placement import --carers")
struct ImportCarersTests {
    static let carers = "\(Fixtures.root)/import/rutland-carers.csv"
    static let header = "carer_id,places,authority,approved_for,min_age,max_age\n"
    static let childrenHeader =
        "child_id,date_of_birth,placement_code,placement_provider,placement_authority,weekly_cost,sibling_group,needs,carer_id\n"

    private func runImport(_ children: String, carers: String?, out: String) throws -> BuiltTool.Run {
        try BuiltTool.run(
            "placement",
            [
                "import", children, "--authority", "Rutland", "--as-of", "2025-03-31", "--data",
                ImportCommandTests.data,
                "--out", out,
            ] + (carers.map { ["--carers", $0] } ?? []))
    }

    private func currentProviders(_ folder: String) throws -> [String: ProviderID?] {
        let scenario = try ScenarioLoader.load(from: folder).scenario
        return Dictionary(uniqueKeysWithValues: scenario.cohorts.map { ($0.id.rawValue, $0.currentProvider) })
    }

    /// The sample's five in-house foster children: RUT001 (10) and RUT002 (8) fill RC01 (2 places, 5–17);
    /// RUT003 (14) fits no other Rutland household with room but RC03 (disability, 0–17); the sibling
    /// group RUT004 (6) and RUT005 (4) goes together to RC02 (3 places, 0–10). RC04 lives in
    /// Lincolnshire, where none of them does. Their costs, £620, £620 and £640, price every household.
    @Test("the households replace the estimate, the children fitted to them by hand")
    func sampleHouseholds() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("rutland")
        let run = try runImport(ImportCommandTests.sample, carers: Self.carers, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let current = try currentProviders(out)
        #expect(current["RUT001"] == "E06000017-carer-RC01" && current["RUT002"] == "E06000017-carer-RC01")
        #expect(current["RUT003"] == "E06000017-carer-RC03")
        #expect(current["RUT004"] == "E06000017-carer-RC02" && current["RUT005"] == "E06000017-carer-RC02")
        let scenario = try ScenarioLoader.load(from: out).scenario
        let byID = Dictionary(uniqueKeysWithValues: scenario.providers.map { ($0.id.rawValue, $0) })
        // The estimate (five children × 1.1 → 6 places) is gone.
        #expect(byID["E06000017-foster-PR1-E06000017"] == nil)
        let households = scenario.providers.filter { $0.id.rawValue.hasPrefix("E06000017-carer-") }
        #expect(households.map { $0.offers[.foster]?.places } == [2, 3, 1, 2])
        #expect(households.allSatisfy { $0.offers[.foster]?.weeklyPrice == 626.67 })
        #expect(households.allSatisfy { $0.sector == .localAuthority && $0.operatingAuthority == "E06000017" })
        #expect(byID["E06000017-carer-RC02"]?.ageRange == AgeBand(minimum: 0, maximum: 10))
        #expect(byID["E06000017-carer-RC03"]?.specialisms == [.disability, .uasc])
        #expect(byID["E06000017-carer-RC04"]?.authority == "E10000019")
        #expect(
            run.standardError.contains(
                "4 foster households of the council's from rutland-carers.csv: 8 approved places, 5 held by its "
                    + "children today (0 by carer_id, 5 fitted by where they live, needs and ages); 1 approved for disability"
            ))
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(readme.contains("| RC03 | Rutland | 1 | 1 | disability | 0–17 |"))
        #expect(readme.contains("| RC04 | Lincolnshire | 2 | 0 | — | 8–17 |"))
        let solve = try BuiltTool.run("placement", ["solve", out, "--mode", "council", "--format", "json"])
        #expect(solve.status == 0, "\(solve.standardError)")
    }

    /// A child without needs goes to the household approved for none, though a disability-approved
    /// household comes first in the file: its places are kept for the children who need them.
    @Test("specialist households are kept for the children who need them")
    func specialistPlacesKept() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let carers = folder.file("carers.csv")
        try (Self.header + "D1,2,Rutland,disability,0,17\nP1,2,Rutland,,0,17\n").write(
            toFile: carers, atomically: true, encoding: .utf8)
        let children = folder.file("children.csv")
        try
            (Self.childrenHeader
            + "A1,2014-06-02,U4,PR1,Rutland,600,,,\nA2,2012-06-02,U4,PR1,Rutland,600,,disability,\n"
            + "A3,2013-06-02,U4,PR1,Rutland,600,,,\n").write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try runImport(children, carers: carers, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let current = try currentProviders(out)
        #expect(current["A1"] == "E06000017-carer-P1")
        #expect(current["A2"] == "E06000017-carer-D1")
        #expect(current["A3"] == "E06000017-carer-P1")

        // The hardest first: B2, disabled, takes the one disability place though B1, ten and without
        // needs, comes first in the file and fits it too (the other household takes 0–5 only).
        try (Self.header + "D1,1,Rutland,disability,0,17\nP1,1,Rutland,,0,5\n").write(
            toFile: carers, atomically: true, encoding: .utf8)
        try
            (Self.childrenHeader
            + "B1,2014-06-02,U4,PR1,Rutland,600,,,\nB2,2014-06-02,U4,PR1,Rutland,600,,disability,\n")
            .write(toFile: children, atomically: true, encoding: .utf8)
        let hardest = folder.file("hardest")
        let second = try runImport(children, carers: carers, out: hardest)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try currentProviders(hardest)["B2"] == "E06000017-carer-D1")
        #expect(second.standardError.contains("1 child with the council's foster carers (line 2) fit no household"))
    }

    /// `carer_id` names a child's household wherever it lives (the record's placement authority
    /// contradicting it is warned of), and a sibling follows; more children than approved places
    /// raise the places, with a warning.
    @Test("carer_id names the household; more children than places raise them")
    func namedHouseholds() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try
            (Self.childrenHeader + "A1,2014-06-02,U4,PR1,Rutland,600,,,RC04\nA2,2012-06-02,U4,PR1,,600,S1,,RC03\n"
            + "A3,2013-06-02,U4,PR1,,600,S1,,\nA4,2012-06-02,U4,PR1,,600,,complex_needs,RC02\n").write(
                toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try runImport(children, carers: Self.carers, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let current = try currentProviders(out)
        #expect(current["A1"] == "E06000017-carer-RC04")
        #expect(current["A2"] == "E06000017-carer-RC03" && current["A3"] == "E06000017-carer-RC03")
        #expect(
            run.standardError.contains(
                "children.csv:2:22: warning: placement_authority: Rutland, but household RC04 lives in Lincolnshire "
                    + "(rutland-carers.csv); the carers file's is used"))
        #expect(
            run.standardError.contains(
                "2 children with Foster household RC03, Rutland, approved for 1 place in rutland-carers.csv "
                    + "(lines 3, 4): its places are raised to the children"))
        let scenario = try ScenarioLoader.load(from: out).scenario
        #expect(scenario.providers.first { $0.id == "E06000017-carer-RC03" }?.offers[.foster]?.places == 2)
        // A4, 12 with complex needs, lives with RC02 (no approvals, 0–10): taken as approved, and said.
        #expect(
            run.standardError.contains(
                "children.csv:5:42: warning: carer_id: A4 lives with Foster household RC02, Rutland, which "
                    + "rutland-carers.csv does not approve for complex_needs or age 12"), "\(run.standardError)")
        let rc02 = scenario.providers.first { $0.id == "E06000017-carer-RC02" }
        #expect(rc02?.specialisms.contains(.complexNeeds) == true && rc02?.ageRange.maximum == 12)
    }

    /// Children whom no household fits keep the estimate, and the user is told which.
    @Test("children no household fits are placed as without the file, and named")
    func unfittedChildren() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let carers = folder.file("carers.csv")
        try (Self.header + "L1,2,Lincolnshire,,0,17\n").write(toFile: carers, atomically: true, encoding: .utf8)
        let out = folder.file("rutland")
        let run = try runImport(ImportCommandTests.sample, carers: carers, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "5 children with the council's foster carers (lines 2, 3, 4, 5, 6) fit no household in carers.csv "
                    + "with free places where they live, approved for their needs and ages"))
        let scenario = try ScenarioLoader.load(from: out).scenario
        #expect(
            scenario.providers.first { $0.id == "E06000017-foster-PR1-E06000017" }?.offers[.foster]?.places == 6)
    }

    @Test("every problem in either file is reported with its line, column and field, and nothing is written")
    func badFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let carers = folder.file("carers.csv")
        let long = String(repeating: "H", count: 49)
        try
            (Self.header + "RC01,2,Rutland,,5,17\nRC01,0,Narnia,autism,12,3\nRC03,11,,,,\nRC01,3,Rutland,,0,17\n"
            + "\(long),1,,,,\n").write(
                toFile: carers, atomically: true, encoding: .utf8)
        let children = folder.file("children.csv")
        try
            (Self.childrenHeader + "A1,2014-06-02,U4,PR1,Rutland,600,,,ZZ9\nA2,2014-06-02,U1,PR1,Rutland,600,,,RC01\n"
            + "A3,2014-06-02,U4,PR4,Rutland,600,,,RC01\n").write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try runImport(children, carers: carers, out: out)
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        for message in [
            "children.csv:2:36: carer_id: no foster household ZZ9 in carers.csv",
            "children.csv:3:36: carer_id: names foster household RC01, but the child's placement is kinship foster care",
            "children.csv:4:36: carer_id: names the council's foster household RC01, but placement_provider is PR4",
            "carers.csv:3:1: carer_id: duplicate household RC01 (first on line 2)",
            "carers.csv:3:6: places: is 0; leave out a household with no approved places",
            "carers.csv:3:8: authority: no authority 'Narnia'",
            "carers.csv:3:15: approved_for: unknown value 'autism'",
            "carers.csv:3:25: max_age: 3 is below min_age 12",
            "carers.csv:4:6: places: 11 is above the largest allowed, 10",
            // A repeat that is otherwise valid is left out, not made a second provider of one id (a trap).
            "carers.csv:5:1: carer_id: duplicate household RC01 (first on line 2)",
            // The provider id adds the council's code and `-carer-` (16 bytes) within the scenario's 64.
            "carers.csv:6:1: carer_id: '\(long)' is 49 bytes long; at most 48 are allowed",
        ] {
            #expect(run.standardError.contains(message), "\(message)\n\(run.standardError)")
        }
        // Without the carers file, a carer_id is an error of its own.
        let without = try runImport(children, carers: nil, out: out)
        #expect(without.status == 1)
        #expect(
            without.standardError.contains(
                "children.csv:2:36: carer_id: names foster household ZZ9, but no carers file was given (--carers)"))
    }
}
