import ArgumentParser
import Foundation
import PlacementCommands
import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

/// Authorities and co-operatives are found by code or name everywhere, and a miss names the nearest.
@Suite("Names and codes")
struct NameLookupTests {
    static let england = try! ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario

    @Test(
        "an authority by code or name, however written",
        arguments: [
            ("E10000016", "E10000016"), ("e10000016", "E10000016"), ("Kent", "E10000016"), ("KENT", "E10000016"),
            ("Bristol, City of", "E06000023"), ("brighton-and-hove", "E06000043"),
            ("Windsor & Maidenhead", "E06000040"),
        ])
    func authority(text: String, code: String) {
        #expect(NameLookup.authorities(Self.england.authorities).code(of: text) == code)
    }

    @Test("a co-operative by id, name, or name without its qualifier")
    func cooperative() {
        let lookup = NameLookup.cooperatives(Self.england.cooperatives)
        for text in ["home-and-future", "Home and Future (South East)", "Home and Future", "home & future"] {
            #expect(lookup.code(of: text) == "home-and-future", "\(text)")
        }
    }

    /// `Northamptonshire` had been answered with West Northamptonshire alone, `Cumbria` with nothing.
    @Test("a county since split is answered with its successors, by name or code")
    func retiredCounty() {
        let england = NameLookup.authorities(Self.england.authorities)
        for text in ["Cumbria", "cumbria county council", "E10000006", "e10000006"] {
            #expect(england.code(of: text) == nil)
            #expect(
                england.missing(text).hasSuffix(
                    "Cumbria (E10000006) was replaced in 2023 by two councils: Cumberland (E06000063) and "
                        + "Westmorland and Furness (E06000064); give one of them"), "\(text)")
        }
        #expect(
            england.missing("Northamptonshire").contains(
                "North Northamptonshire (E06000061) and West Northamptonshire (E06000062)"))
        let elsewhere = NameLookup.authorities(Array(Self.england.authorities.prefix(3)))
        #expect(elsewhere.missing("Cumbria").hasSuffix("two councils (E06000063, E06000064), neither in the scenario"))
        // Co-operatives are not counties.
        #expect(!NameLookup.cooperatives(Self.england.cooperatives).missing("Cumbria").contains("replaced"))
    }

    @Test("a miss names the nearest with its code")
    func miss() {
        let lookup = NameLookup.authorities(Self.england.authorities)
        #expect(lookup.code(of: "Kentt") == nil)
        // A leading "City of" is the entry's name: London is not the City of London.
        #expect(lookup.code(of: "London") == nil)
        #expect(lookup.code(of: "City of London") == "E09000001")
        for text in ["The City of London", "City of London Council"] {
            #expect(lookup.code(of: text) == "E09000001", "\(text)")
        }
        // "County of" is a formal word too: Herefordshire, not Hertfordshire.
        #expect(lookup.code(of: "County of Herefordshire") == "E06000019")
        #expect(lookup.missing("Kentt") == "no authority 'Kentt' — did you mean Kent (E10000016)?")
        #expect(lookup.missing("E1000016") == "no authority 'E1000016' — did you mean Kent (E10000016)?")
        #expect(lookup.missing("Atlantis") == "no authority 'Atlantis'")
    }

    @Test(
        "a council's formal name is the authority it stands for, where it leaves one",
        arguments: [
            ("Lancashire County Council", "E10000017"), ("Kent County Council", "E10000016"),
            ("Manchester City Council", "E08000003"), ("London Borough of Camden", "E09000007"),
            ("The Royal Borough of Kingston upon Thames", "E09000021"), ("Bristol City Council", "E06000023"),
            // As exports abbreviate them.
            ("Stockport MBC", "E08000007"), ("Kent CC", "E10000016"), ("LB Camden", "E09000007"),
        ])
    func formalName(text: String, code: String) {
        #expect(NameLookup.authorities(Self.england.authorities).code(of: text) == code)
    }

    /// Ofsted's register spells some authorities otherwise than ONS: `Kingston upon Hull` had been
    /// refused with "did you mean Kingston upon Thames?", `Herefordshire` with Hertfordshire.
    @Test("every spelling of the Ofsted register's local_authority column is its la_code")
    func ofstedSpellings() throws {
        let lookup = NameLookup.authorities(Self.england.authorities)
        var log = IssueLog()
        let table = try #require(
            CSVTable.read(
                Fixtures.root + "/data/ofsted_providers_2025.csv", file: "ofsted",
                required: ["la_code", "local_authority"], log: &log))
        var spellings: [String: String] = [:]
        // Welsh authorities (no English code) aside.
        for row in table.rows where !row.text("la_code").isEmpty {
            spellings[row.text("local_authority")] = row.text("la_code")
        }
        #expect(spellings.count > 140)
        for (name, code) in spellings.sorted(by: { $0.key < $1.key }) {
            #expect(lookup.code(of: name) == code, "\(name)")
        }
    }

    @Test(
        "a miss names the one authority whose name holds the words given",
        arguments: [
            ("Hull", "Kingston upon Hull, City of (E06000010)"),
            ("East Riding", "East Riding of Yorkshire (E06000011)"),
            // Before a near spelling of another: Salford, Stockport and Wigan are nearer in letters.
            ("Telford", "Telford and Wrekin (E06000020)"), ("Stockton", "Stockton-on-Tees (E06000004)"),
            ("Wight", "Isle of Wight (E06000046)"),
        ])
    func partOfAName(text: String, suggestion: String) {
        let lookup = NameLookup.authorities(Self.england.authorities)
        #expect(lookup.code(of: text) == nil)
        #expect(lookup.missing(text) == "no authority '\(text)' — did you mean \(suggestion)?")
    }

    @Test("sufficiency --authority and --cooperative take names; a typo is a usage error naming the nearest")
    func commandLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let tiny = Fixtures.scenario("tiny")
        let byName = try BuiltTool.run(
            "placement", ["sufficiency", tiny, "--cooperative", "North & South Co-operative"])
        #expect(byName.status == 0, "\(byName.standardError)")
        #expect(byName.standardOutput.contains("North and South Co-operative"))
        let typo = try BuiltTool.run("placement", ["sufficiency", tiny, "--authority", "Northtwn"])
        #expect(typo.status == 64)
        #expect(typo.standardError.contains("no authority 'Northtwn' — did you mean Northtown (T00000001)?"))
        let cooperative = try BuiltTool.run("placement", ["sufficiency", tiny, "--cooperative", "Nort-South"])
        #expect(cooperative.status == 64)
        #expect(
            cooperative.standardError.contains(
                "no co-operative 'Nort-South' — did you mean North and South Co-operative (north-south)?"))
    }

    @Test("a shocks file names authorities by code or name, with the nearest on a miss")
    func shocks() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        var log = IssueLog()
        let good = try #require(
            ShockFile.parse(
                "shocks:\n  - demand_increase: {authorities: [northtown, T00000002], children: 2}\n", file: "s.yaml",
                log: &log))
        #expect(throws: Never.self) { try ShockApplication.check(good, against: tiny) }
        let bad = try #require(
            ShockFile.parse(
                "shocks:\n  - demand_increase: {authorities: [Easbury], children: 1}\n", file: "s.yaml", log: &log))
        do {
            try ShockApplication.check(bad, against: tiny)
            Issue.record("a misspelt authority was accepted")
        } catch {
            #expect(error.issues.map(\.message) == ["no authority 'Easbury' — did you mean Eastbury (T00000003)?"])
        }
    }

    /// A name the scenario lacks is reported where it stands, as a key's problem is: its line and
    /// column, and the indexed path (`shocks[1].demand_change.authorities[1]`), in a flow list, a block
    /// list and a block mapping alike; a name repeated is reported at each place.
    @Test("a shocks file's unknown names are reported at their line and column, with the indexed path")
    func namesAtTheirPositions() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("bad1.yaml")
        let text = """
            shocks:
              - remove_share: {share: 0.1}
              - demand_change: {authorities: [Northtown, Manchestr], factor: 0.9}
              - remove_owners:
                  - Oak Care Ltd
                  - Nobody Ltd
              - price_change:
                  owner: Brightsid Ltd
                  factor: 1.2
              - demand_increase: {authorities: [Manchestr, Eastbury, Manchestr], children: 1}

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ShockFile.read(path, against: tiny)
            Issue.record("unknown names were accepted")
        } catch {
            // Columns counted by hand: "  - demand_change: {authorities: [Northtown, " is 45 characters;
            // a block list's entry stands after "      - "; a block mapping's value after "      owner: ";
            // "  - demand_increase: {authorities: [" is 36 characters, and "Manchestr, Eastbury, " 21 more.
            #expect(
                error.issues.map { "\($0.file):\($0.line ?? 0):\($0.column ?? 0): \($0.field ?? "")" } == [
                    "bad1.yaml:3:46: shocks[1].demand_change.authorities[1]",
                    "bad1.yaml:6:9: shocks[2].remove_owners[1]",
                    "bad1.yaml:8:14: shocks[3].price_change.owner",
                    "bad1.yaml:10:37: shocks[4].demand_increase.authorities[0]",
                    "bad1.yaml:10:58: shocks[4].demand_increase.authorities[2]",
                ], "\(error.description)")
            #expect(
                error.description.contains(
                    "bad1.yaml:3:46: shocks[1].demand_change.authorities[1]: no authority 'Manchestr'"))
        }
    }

    @Test("a shocks file's unknown names are said with its key problems, in one run")
    func namesWithKeyProblems() throws {
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("shocks.yaml").path
        let text = """
            shocks:
              - demand_increase: {authorities: [Easbury], children: 1}
              - price_change: {sector: private, factor: 1.1, by_owner: true}

            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ShockFile.read(path, against: tiny)
            Issue.record("a file with an unknown key and an unknown authority was accepted")
        } catch {
            // In reading order, though the key was found before the name.
            #expect(error.errors.map(\.line) == [2, 3], "both problems, each at its line: \(error.description)")
            #expect(error.errors.first?.message.contains("Easbury") == true)
            #expect(error.errors.last?.message.contains("by_owner") == true)
            #expect(error.errorCount == "2 errors")
        }
    }
}
