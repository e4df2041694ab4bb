import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

/// `placement import`: a fictional set of Rutland's children (`Fixtures/import/rutland-children.csv`)
/// becomes a scenario that validates and solves.
@Suite("placement import")
struct ImportCommandTests {
    static let sample = "\(Fixtures.root)/import/rutland-children.csv"
    static let data = "\(Fixtures.root)/data"
    /// Supported accommodation in Newport, on Ofsted's register.
    static let welshProvider = "2754639"

    private func runImport(_ children: String, out: String, _ extra: [String] = []) throws -> BuiltTool.Run {
        try BuiltTool.run(
            "placement",
            ["import", children, "--authority", "Rutland", "--as-of", "2025-03-31", "--data", Self.data, "--out", out]
                + extra)
    }

    @Test("the sample imports, validates and solves with every commissioned child placed")
    func importsAndSolves() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("rutland")
        let run = try runImport(Self.sample, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        // The sample holds 20 of Rutland's 32: the others only hold places, which the summary says.
        #expect(
            run.standardError.contains(
                "note: 20 children, 62.5% of the 32 DfE published for Rutland in 2025: in today's market (compare, "
                    + "sufficiency) the others hold places as Rutland's children do today, but are not placed or measured"
            ))
        for name in ["scenario.yaml", "authorities.csv", "children.csv", "providers.csv", "actuals.csv", "README.md"] {
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)"), "\(name)")
        }
        let scenario = try ScenarioLoader.load(from: out).scenario
        #expect(scenario.authorities.count == 153)
        #expect(scenario.childCount == 20)
        let byID = Dictionary(uniqueKeysWithValues: scenario.cohorts.map { ($0.id.rawValue, $0) })
        // Born 2 June 2014: ten on 31 March 2025 (the eleventh birthday is in June).
        #expect(byID["RUT001"]?.ageBand == AgeBand(minimum: 10, maximum: 10))
        // Born 1 December 2007: seventeen.
        #expect(byID["RUT020"]?.ageBand == AgeBand(minimum: 17, maximum: 17))
        // SSDA903 codes: U1 kinship, K1 secure, H5 supported accommodation, R3 parent and child, S1 school.
        #expect(byID["RUT008"]?.placementType == .kinship)
        #expect(byID["RUT015"]?.placementType == .secureChildrensHome)
        #expect(byID["RUT012"]?.placementType == .supportedAccommodation)
        #expect(byID["RUT016"]?.placementType == .parentAndChild)
        #expect(byID["RUT014"]?.placementType == .residentialSchool)
        #expect(byID["RUT017"]?.placementType == .placedWithParents)
        #expect(byID["RUT004"]?.siblingGroup == "SIB1" && byID["RUT005"]?.siblingGroup == "SIB1")
        #expect(byID["RUT012"]?.requirements == [.uasc])
        // locations_to_avoid by name: Leicester.
        #expect(byID["RUT010"]?.avoidedAuthorities == ["E06000016"])
        // By URN: the children's home in Leicestershire, priced at the child's £6,450 (written "£6,450").
        #expect(byID["RUT010"]?.currentProvider == "URN2738824")
        let home = scenario.providers.first { $0.id == "URN2738824" }
        #expect(home?.offers[.childrensHome]?.weeklyPrice == 6450)
        #expect(home?.specialisms.contains(.complexNeeds) == true)
        // Every provider takes asylum-seeking children; the other needs only where such a child lives.
        #expect(scenario.providers.allSatisfy { $0.specialisms.contains(.uasc) })
        #expect(scenario.providers.filter { $0.specialisms.contains(.complexNeeds) }.count == 1)
        // The fostering agency: two children at £1,050 and £1,080.50, so £1,065.25; places 2 ÷ 0.84 → 3.
        let agency = scenario.providers.first { $0.id == "URN SC053859" || $0.id == "URNSC053859" }
        #expect(agency?.offers[.foster]?.weeklyPrice == 1065.25)
        #expect(agency?.offers[.foster]?.places == 3)
        // In-house foster carers in Rutland: five children (two of them siblings) × 1.1 → 6 places.
        let inHouse = scenario.providers.first { $0.id == "E06000017-foster-PR1-E06000017" }
        #expect(inHouse?.offers[.foster]?.places == 6)
        #expect(inHouse?.operatingAuthority == "E06000017")

        let validate = try BuiltTool.run("placement", ["validate", out])
        #expect(validate.status == 0)
        // Every commissioned child's current provider has a place for it, so placing everyone is
        // feasible and, at £100,000 a week per unplaced child, the optimum leaves nobody unplaced.
        let solve = try BuiltTool.run("placement", ["solve", out, "--mode", "council", "--format", "json"])
        #expect(solve.status == 0, "\(solve.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(solve.standardOutput.utf8)) as? [String: Any]
        let total = (json?["metrics"] as? [String: Any])?["total"] as? [String: Any]
        #expect(total?["children"] as? Int == 17)
        #expect(total?["unplaced"] as? Int == 0)
        // The comparison's published figures are Rutland's alone: the 152 authorities listed for their
        // places were said to have "no published figure" and be left out.
        let report = folder.file("compare")
        let compare = try BuiltTool.run("placement", ["compare", out, "--modes", "council", "--out", report])
        #expect(compare.status == 0, "\(compare.standardError)")
        let markdown = try String(contentsOfFile: report + "/report.md", encoding: .utf8)
        #expect(markdown.contains("Published figures are DfE's for children looked after at 31 March 2025"))
        #expect(!markdown.contains("no published figure"))
        // As-is is the records' placements, not the calibration's: every one of the 17 commissioned
        // children (all but those placed with parents, for adoption, and in independent living) names
        // its provider.
        #expect(markdown.contains("As-is is today's placements: 17 children where their records place them"))
    }

    /// An agency's URN is its office (Jay Fostering, SC053859, in Leicestershire); a child whose record
    /// places it in Rutland lives with the agency's carers there. The office's authority overrode it,
    /// so ten of a Kent export's agency children counted in area, 18.9 miles from home.
    /// An import holds every council (for distances and today's market) and one council's children:
    /// the simulation's authorities are those with children, not 152 empty rows.
    @Test("simulate on an import reports its council alone")
    func simulateOnAnImport() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("rutland")
        let run = try runImport(Self.sample, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let (object, simulated) = try BuiltTool.placementJSON(["simulate", out, "--to", "2026"])
        let root = try #require(object, "\(simulated.standardError)")
        let modes = try #require(root["modes"] as? [[String: Any]])
        #expect(modes.count == 5)
        for mode in modes {
            let years = try #require(mode["years"] as? [[String: Any]])
            #expect(years.count == 2)
            for year in years {
                let authorities = try #require(year["authorities"] as? [[String: Any]])
                #expect(authorities.map { $0["code"] as? String } == ["E06000017"], "\(mode["mode"] ?? "")")
            }
        }
    }

    @Test("a fostering agency's child is placed where the record says, not at the agency's office")
    func agencyCarersWhereTheRecordSays() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try
            ("child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn,weekly_cost\n"
            + "X1,2013-07-21,U6,PR4,Rutland,SC053859,1050\nX2,2012-07-21,U6,PR4,Leicestershire,SC053859,1000\n").write(
                toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try runImport(children, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let scenario = try ScenarioLoader.load(from: out).scenario
        let current = Dictionary(uniqueKeysWithValues: scenario.cohorts.map { ($0.id.rawValue, $0.currentProvider) })
        #expect(current["X1"] == "URNSC053859-E06000017")
        #expect(current["X2"] == "URNSC053859")
        let carers = try #require(scenario.providers.first { $0.id == "URNSC053859-E06000017" })
        #expect(carers.authority == "E06000017")
        #expect(carers.offers[.foster]?.weeklyPrice == 1050)
        #expect(scenario.providers.first { $0.id == "URNSC053859" }?.authority == "E10000018")
        // The summary's parts add up to the providers written: the office and its carers in Rutland
        // are both named by a child's URN.
        let total = scenario.providers.count
        #expect(
            run.standardError.contains(
                "\(NumberText.grouped(total)) providers: \(NumberText.grouped(total - 2)) from Ofsted's register"),
            "\(run.standardError)")
        #expect(run.standardError.contains("2 more named by URN, 0 made from provider codes"))
    }

    /// A child whose URN names an entry the market leaves out lives there today: a suspended private
    /// home in Medway (2784250) and Reading's children's trust's fostering service (2502331, run for
    /// Reading, voluntary as DfE counts the trust). Neither row gives a provider code; each is kept
    /// with its entry's sector, operator and area, not taken as the council's own provision in area.
    @Test("a URN the market leaves out keeps the register's sector and area; one outside England needs a code")
    func urnsOutsideTheMarket() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        let header =
            "child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn,weekly_cost\n"
        try (header + "A1,2010-01-01,K2,,,2784250,6000\nA4,2012-01-01,U6,,Reading,2502331,900\n").write(
            toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try runImport(children, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("2 children's URNs name register entries not in the market"))
        let scenario = try ScenarioLoader.load(from: out).scenario
        let current = Dictionary(uniqueKeysWithValues: scenario.cohorts.map { ($0.id.rawValue, $0.currentProvider) })
        #expect(current["A1"] == "URN2784250")
        #expect(current["A4"] == "URN2502331")
        let home = try #require(scenario.providers.first { $0.id == "URN2784250" })
        #expect(home.sector == .private && home.operatingAuthority == nil && home.authority == "E06000035")
        #expect(home.offers[.childrensHome]?.places == 1)
        let agency = try #require(scenario.providers.first { $0.id == "URN2502331" })
        #expect(
            agency.sector == .voluntary && agency.operatingAuthority == "E06000038" && agency.authority == "E06000038")
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(readme.contains("- A1: URN 2784250 (Children's home, suspended)"))
        #expect(
            readme.contains("- A4: URN 2502331 (Independent Fostering Agency, a children's trust's fostering service)"))

        try (header + "A5,2010-01-01,K2,,,WALES,6000\n").replacingOccurrences(of: "WALES", with: Self.welshProvider)
            .write(toFile: children, atomically: true, encoding: .utf8)
        let welsh = try runImport(children, out: folder.file("welsh"))
        #expect(welsh.status == 1)
        #expect(
            welsh.standardError.contains(
                "children.csv:2:20: provider_urn: URN \(Self.welshProvider) is registered outside England"),
            "\(welsh.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("welsh")))
        // With a provider code (and where the child lives), the code places the child, as without a URN.
        try (header + "A5,2010-01-01,H5,PR4,Leicestershire,WALES,1500\n")
            .replacingOccurrences(of: "WALES", with: Self.welshProvider)
            .write(toFile: children, atomically: true, encoding: .utf8)
        let coded = try runImport(children, out: folder.file("coded"))
        #expect(coded.status == 0, "\(coded.standardError)")
        #expect(coded.standardError.contains("1 child's URN names a register entry outside England"))
        let placed = try ScenarioLoader.load(from: folder.file("coded")).scenario
        let provider = try #require(placed.providers.first { $0.id == placed.cohorts.first?.currentProvider })
        #expect(provider.sector == .private && provider.authority == "E10000018")
        // A code without the placement's authority would place the child in the council's own area.
        try (header + "A5,2010-01-01,H5,PR2,,WALES,1500\n")
            .replacingOccurrences(of: "WALES", with: Self.welshProvider)
            .write(toFile: children, atomically: true, encoding: .utf8)
        let unlocated = try runImport(children, out: folder.file("unlocated"))
        #expect(unlocated.status == 1)
        #expect(
            unlocated.standardError.contains("provider_urn: URN \(Self.welshProvider) is registered outside England"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("unlocated")))
    }

    /// Northamptonshire Children's Trust serves North and West Northamptonshire; its fostering
    /// service (2615433) is registered in West Northamptonshire. A North Northamptonshire child with
    /// it is with the council's own trust: run for North Northamptonshire, voluntary as DfE counts it.
    @Test("a trust serving several councils runs its kept service for the importing council")
    func trustOfSeveralCouncils() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try
            ("child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn\n"
            + "N1,2012-01-01,U4,PR1,North Northamptonshire,2615433\n").write(
                toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let run = try BuiltTool.run(
            "placement",
            [
                "import", children, "--authority", "North Northamptonshire", "--as-of", "2025-03-31", "--data",
                Self.data, "--out", out,
            ])
        #expect(run.status == 0, "\(run.standardError)")
        // DfE counts the trust's placements as voluntary: the PR1 is warned of, the service is not another council's.
        #expect(!run.standardError.contains("West Northamptonshire"), "\(run.standardError)")
        let scenario = try ScenarioLoader.load(from: out).scenario
        let current = try #require(scenario.cohorts.first { $0.id == "N1" }?.currentProvider)
        let service = try #require(scenario.providers.first { $0.id == current })
        #expect(service.operatingAuthority == "E06000061")
        #expect(service.sector == .voluntary)
    }

    /// The calibration puts some of a council's own-carer children in neighbouring authorities, and
    /// today's market moves a generated council's carers there; an import's records say where its
    /// carers are, so as-is keeps every child where the record places it (it put 15 of these 100
    /// Bolton children in Lancashire, as-is M2 85%).
    @Test("an import's own carers stay where the records place them: as-is keeps every child there")
    func ownCarersWhereTheRecordsSay() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        let rows = (1...100).map { "B\($0),2012-01-01,U4,PR1,Bolton\n" }.joined()
        try ("child_id,date_of_birth,placement_code,placement_provider,placement_authority\n" + rows).write(
            toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("scenario")
        let imported = try BuiltTool.run(
            "placement",
            ["import", children, "--authority", "Bolton", "--as-of", "2025-03-31", "--data", Self.data, "--out", out])
        #expect(imported.status == 0, "\(imported.standardError)")
        let run = try BuiltTool.run(
            "placement", ["compare", out, "--data", Self.data, "--modes", "council", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let asIs = try #require(object["as_is"] as? [String: Any])
        let total = try #require((asIs["metrics"] as? [String: Any])?["total"] as? [String: Any])
        #expect(total["m2_in_area_share"] as? Double == 1, "\(total)")
        // The report says whence today's placements come: the records, not a calibration.
        let results = folder.file("compared")
        let report = try BuiltTool.run(
            "placement", ["compare", out, "--data", Self.data, "--modes", "council", "--out", results, "--quiet"])
        #expect(report.status == 0, "\(report.standardError)")
        let markdown = try String(contentsOfFile: results + "/report.md", encoding: .utf8)
        #expect(markdown.contains("Today (as-is, as the children's records place them): M2 100.0%"))
        #expect(!markdown.contains("calibrated on 2025)"))
        // One council's national plan is named for it.
        let (planned, planRun) = try BuiltTool.placementJSON([
            "plan", out, "--data", Self.data, "--budget", "500000", "--by", "national",
        ])
        let budgets = try #require(planned?["budgets"] as? [[String: Any]], "\(planRun.standardError)")
        #expect(budgets.map { $0["name"] as? String } == ["Bolton, one budget"])
    }

    /// A European spreadsheet's export, separated by semicolons, said as such: it listed every
    /// required column as missing.
    /// Quoted fields too (Python's and some spreadsheets' exports quote every field): they failed as
    /// CSV ("text after the closing quote") before the separator was looked at.
    @Test(
        "a file separated by semicolons or tabs is said to be, once, its fields quoted or not",
        arguments: [";", "\t"], [false, true])
    func otherSeparator(separator: String, quoted: Bool) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        let quote = { (fields: [String]) in fields.map { quoted ? "\"\($0)\"" : $0 }.joined(separator: separator) }
        try (quote(["child_id", "date_of_birth", "placement_code"]) + "\n" + quote(["X1", "2013-07-21", "U6"]) + "\n")
            .write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(run.standardError.contains("children.csv:1: the header is one column separated by "))
        #expect(!run.standardError.contains("required column is missing"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    /// A heading the import does not read, whose values would be dropped without a word, when it
    /// looks like a column the file lacks; the sample's own columns with one heading changed.
    @Test(
        "a heading that looks like a column the import reads is warned of, naming the column",
        arguments: [
            ("provider_urn", "URN", "urn", "`provider_urn`"),
            ("weekly_cost", "Weekly Cost (£)", "weekly_cost_(£)", "`weekly_cost`"),
            ("sibling_group", "sibling grp", "sibling_grp", "`sibling_group`"),
            // Where the child lives, never the places to avoid (which would bar the child from it).
            ("placement_authority", "Location", "location", "`placement_authority`"),
            ("placement_provider", "Provider", "provider", "`placement_provider`"),
        ])
    func lookalikeHeading(column: String, heading: String, field: String, meant: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let children = folder.file("children.csv")
        let header = try #require(sample.split(separator: "\n", maxSplits: 1).first)
        #expect(header.contains(column))
        try sample.replacingOccurrences(of: column, with: heading).write(
            toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(
            run.standardError.contains(
                "\(field): is not a column the import reads, so its values are ignored: did you mean \(meant)?"),
            "\(run.standardError)")
        // The sample's own headings, all read, are warned of by none.
        let plain = try runImport(Self.sample, out: folder.file("plain"))
        #expect(plain.status == 0)
        #expect(!plain.standardError.contains("is not a column the import reads"))
    }

    /// A spreadsheet column whose heading was deleted but whose values stayed: dropped without a word.
    @Test("values under an empty heading are warned of once, at the first, and the import goes on")
    func valuesWithoutHeading() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try
            ("child_id,date_of_birth,placement_code,,placement_provider\n"
            + "X1,2013-07-21,U4,,PR1\nX2,2012-07-21,U4,kept aside,PR1\n").write(
                toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "children.csv:3:18: warning: a value in a column with no heading (column 4), which is not read"),
            "\(run.standardError)")
    }

    /// `local_authority` is usually the child's home council and `provider_name` a name: pointing
    /// them at `placement_authority` or a provider column would mislead.
    @Test("headings that share only a generic word with a column are not warned of")
    func genericWords() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        let edited =
            [lines[0] + ",local_authority,provider_name"]
            + lines.dropFirst().map { $0.isEmpty ? $0 : $0 + ",Rutland,Oak" }
        let children = folder.file("children.csv")
        try edited.joined(separator: "\n").write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardError.contains("is not a column the import reads"), "\(run.standardError)")
    }

    /// A spreadsheet's export with empty cells after the last heading (Excel keeps a formatted
    /// column's place), and an Ofsted URN lowered by hand: both read as the sample does.
    @Test("trailing empty headings are ignored, and a lower-case URN is Ofsted's")
    func spreadsheetHabits() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        #expect(sample.contains("SC053859"))
        let edited = sample.split(separator: "\n").map { $0 + ",," }.joined(separator: "\n") + "\n"
        let children = folder.file("children.csv")
        try edited.replacingOccurrences(of: "SC053859", with: "sc053859").write(
            toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("edited"))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardError.contains("column with no heading"), "\(run.standardError)")
        let original = try runImport(Self.sample, out: folder.file("original"))
        #expect(original.status == 0)
        for file in ["children.csv", "providers.csv"] {
            let written = try String(contentsOfFile: folder.file("edited/\(file)"), encoding: .utf8)
            #expect(
                written == (try String(contentsOfFile: folder.file("original/\(file)"), encoding: .utf8)), "\(file)")
        }
    }

    @Test("every problem is reported with file, line and column, and nothing is written")
    func problemsAreLocated() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        Child ID,Date of Birth,Placement Code,Placement Provider,Placement Authority,Provider URN,Weekly Cost
        A1,2012-02-30,U4,PR1,,,
        A2,2012-02-01,U9,PR1,,,
        A3,2012-02-01,U4,PR1,M1,,
        A4,2012-02-01,K2,PR4,,99999999,
        A5,2001-02-01,U4,PR1,,,
        A6,2012-02-01,U4,,,,
        A7,2012-02-01,U4,PR1,Rutlnd,,1 050
        A8,2012-02-01,K2,PR4,,URN,
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("out")
        let run = try runImport(children, out: out)
        #expect(run.status == 1)
        let errors = run.standardError
        #expect(errors.contains("children.csv:2:4: date_of_birth: '2012-02-30' is not a date"))
        #expect(errors.contains("children.csv:3:15: placement_code: unknown placement code 'U9' (did you mean 'U1'?)"))
        #expect(errors.contains("children.csv:4:22: placement_authority: 'M1' looks like a postcode district"))
        #expect(errors.contains("children.csv:5:23: provider_urn: URN 99999999 is not in Ofsted's register"))
        #expect(errors.contains("children.csv:6:4: date_of_birth: the child is 24 on 2025-03-31"))
        #expect(errors.contains("children.csv:7:18: placement_provider: is empty"))
        #expect(
            errors.contains(
                "children.csv:8:22: placement_authority: no authority 'Rutlnd' — did you mean Rutland (E06000017)?"))
        #expect(errors.contains("children.csv:8:30: weekly_cost: '1 050' is not an amount"))
        #expect(errors.contains("children.csv:9:23: provider_urn: 'URN' gives no URN after its prefix"), "\(errors)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("a file of a header and no rows is refused at line 1, and nothing is written")
    func noChildren() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try "child_id,date_of_birth,placement_code,placement_provider\n".write(
            toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("out")
        let run = try runImport(children, out: out)
        #expect(run.status == 1)
        #expect(run.standardError.contains("children.csv:1: no children"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("an unquoted £1,050.50 is said as a number split at its comma, not as a file of no rows")
    func unquotedThousands() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try "child_id,date_of_birth,placement_code,placement_provider,weekly_cost\nR1,2014-06-02,U4,PR1,£1,050.50\n"
            .write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("out")
        let run = try runImport(children, out: out)
        #expect(run.status == 1)
        #expect(
            run.standardError.contains(
                "children.csv:2: has 6 fields; the header has 5 ('£1,050.50' looks like one number split at its commas")
        )
        #expect(!run.standardError.contains("no children"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(
        "a child under 16 in supported accommodation or independent living, and ids differing only in case, are warned of"
    )
    func suspiciousRows() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,placement_authority
        A1,2010-04-01,H5,PR4,Rutland
        B1,2008-01-01,U4,PR1,Rutland
        b1,2008-01-01,U4,PR1,Rutland
        C1,2012-01-01,P2,PR4,Rutland
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("out")
        let run = try runImport(children, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        // Born 1 April 2010: 14 on 31 March 2025.
        #expect(
            run.standardError.contains(
                "children.csv:2:15: warning: placement_code: supported accommodation for a child of 14"),
            "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "children.csv:4:1: warning: child_id: b1 differs from B1 (line 3) only in letter case"))
        #expect(
            run.standardError.contains(
                "children.csv:5:15: warning: placement_code: independent living for a child of 13"))
        #expect(try ScenarioLoader.load(from: out).scenario.childCount == 4)
    }

    @Test("an unknown placement_authority is reported once, not again as empty")
    func unknownPlacementAuthorityOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,placement_authority
        A1,2012-02-01,U4,PR2,Nowhereshire
        A2,2012-02-01,U4,PR2,
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(run.standardError.contains("children.csv:2:22: placement_authority: no authority 'Nowhereshire'"))
        #expect(!run.standardError.contains("children.csv:2:22: placement_authority: is empty"))
        // Left empty, it is reported as empty.
        #expect(run.standardError.contains("children.csv:3:22: placement_authority: is empty; PR2"))
    }

    @Test("an unknown placement_provider is reported once, not again as empty")
    func unknownProviderCodeOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider
        A1,2012-01-01,U4,PR9
        A2,2012-01-01,U4,PR 1
        A3,2012-01-01,K2,private
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        let errors = run.standardError
        #expect(errors.contains("children.csv:2:18: placement_provider: unknown provider code 'PR9'"))
        #expect(errors.contains("children.csv:3:18: placement_provider: unknown provider code 'PR 1'"))
        #expect(errors.contains("children.csv:4:18: placement_provider: unknown provider code 'private'"))
        #expect(!errors.contains("is empty"), "\(errors)")
        #expect(errors.contains("3 errors; nothing was written"), "\(errors)")
    }

    @Test("sibling groups are matched ignoring letter case, and a group of one child is a warning")
    func siblingGroups() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,sibling_group
        A1,2012-01-01,U4,PR1,sib-a
        A2,2013-01-01,U4,PR1,SIB-A
        A3,2014-01-01,U4,PR1,SIB-B
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let out = folder.file("out")
        let run = try runImport(children, out: out)
        #expect(run.status == 0, "\(run.standardError)")
        let byID = Dictionary(
            uniqueKeysWithValues: try ScenarioLoader.load(from: out).scenario.cohorts.map { ($0.id.rawValue, $0) })
        // The group keeps the spelling of its first child's row.
        #expect(byID["A1"]?.siblingGroup == "sib-a" && byID["A2"]?.siblingGroup == "sib-a")
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(readme.contains("Sibling groups: 2"), "\(readme)")
        #expect(
            run.standardError.contains(
                "children.csv:4:22: warning: sibling_group: sibling group SIB-B has one child"),
            "\(run.standardError)")
        #expect(!run.standardError.contains("sibling group sib-a has one child"))
    }

    /// Such a child is taken to be in the council's area, counted in area (M2): said once, with how many.
    @Test("outside providers' children with neither placement_authority nor provider_urn are one warning")
    func unlocatedPlacements() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn
        A1,2012-01-01,U4,PR1,,
        A2,2013-01-01,K2,PR4,,
        A3,2014-01-01,U5,PR5,Leicestershire,
        A4,2010-01-01,R1,PR4,,
        A5,2011-01-01,U4,PR4,,
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 0, "\(run.standardError)")
        // A1 is with the council's own carers (in area as a rule); A3 says where; A4 (R1, a residential
        // care home) is of a type no mode places.
        #expect(
            run.standardError.contains(
                "children.csv:3:22: warning: placement_authority: is empty for 2 children placed with a private, "
                    + "voluntary or other public provider and no provider_urn (lines 3, 6): taken to be in the "
                    + "council's own area"),
            "\(run.standardError)")
        #expect(run.standardError.components(separatedBy: "placement_authority: is empty").count == 2)
    }

    /// The register decides who runs a place and where it is (M1 and M2 follow), so a record it
    /// contradicts is said, line by line: the import had used the register's silently. Ofsted's file
    /// of 31 March 2025: SC457308 and SC460063 are Cambian homes in East Riding, SC035543 East Riding's
    /// own home, 2538267 a private home registered for 1 place.
    @Test("a provider code, placement authority or count the URN's register entry contradicts is a warning")
    func recordsTheRegisterContradicts() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn
        C1,2010-01-01,K2,PR1,East Riding of Yorkshire,SC457308
        C2,2010-01-01,K2,PR4,East Riding of Yorkshire,SC035543
        C3,2010-01-01,K2,PR4,East Riding of Yorkshire,2538267
        C4,2010-01-01,K2,PR4,East Riding of Yorkshire,2538267
        C5,2010-01-01,K2,PR4,Leeds,SC460063
        C6,2010-01-01,K2,PR4,East Riding of Yorkshire,SC460063
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [
                "import", children, "--authority", "East Riding of Yorkshire", "--as-of", "2025-03-31", "--data",
                Self.data,
                "--out", folder.file("out"),
            ])
        #expect(run.status == 0, "\(run.standardError)")
        for warning in [
            "children.csv:2:18: warning: placement_provider: PR1 (own local authority), but URN SC457308 is private "
                + "(Cambian Childcare Limited) in Ofsted's register; the register's is used",
            "children.csv:3:18: warning: placement_provider: PR4 (private provision), but URN SC035543 is local "
                + "authority (East Riding of Yorkshire) in Ofsted's register",
            "children.csv:4:47: warning: provider_urn: 2 children with",
            "registered for 1 place (lines 4, 5): its places are raised to the children",
            "children.csv:6:22: warning: placement_authority: Leeds, but URN SC460063 is registered in East Riding of "
                + "Yorkshire; the register's is used",
        ] {
            #expect(run.standardError.contains(warning), "\(warning)\n\(run.standardError)")
        }
        // C6 agrees with the register: nothing said of line 7.
        #expect(!run.standardError.contains("children.csv:7:"), "\(run.standardError)")
    }

    /// An export without the column had one "is empty" error per child (217 in a real-sized file).
    @Test("no placement_provider column is one error for the file, with the children it leaves without a provider")
    func noProviderColumn() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_authority,provider_urn
        A1,2012-01-01,U4,,
        A2,2013-01-01,U4,,
        A3,2013-01-01,P1,,
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(
            run.standardError.contains(
                "children.csv:1: placement_provider: no placement_provider column, and 2 children in a commissioned "
                    + "placement have no provider_urn either (lines 2, 3)"),
            "\(run.standardError)")
        #expect(!run.standardError.contains("is empty"), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    /// A case-management export's headings: the required columns missing had hidden the hints.
    @Test("required columns missing under other headings are errors, each heading with the column it looks like")
    func requiredColumnsUnderOtherHeadings() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try "Child Ref,DOB,Placement Type,placement_provider\nA1,2012-01-01,U4,PR1\n"
            .write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        for line in [
            "children.csv:1: date_of_birth: required column is missing",
            "children.csv:1:1: warning: child_ref: is not a column the import reads, so its values are ignored: did "
                + "you mean `child_id`?",
            "children.csv:1:11: warning: dob: is not a column the import reads, so its values are ignored: did you "
                + "mean `date_of_birth`?",
            "children.csv:1:15: warning: placement_type: is not a column the import reads, so its values are "
                + "ignored: did you mean `placement_code`?",
        ] {
            #expect(run.standardError.contains(line), "\(line)\n\(run.standardError)")
        }
    }

    /// An authority given but not found is its own error: the warning had counted it as empty.
    @Test("an unknown placement_authority is an error, not one of the empty cells the warning counts")
    func unknownPlacementAuthorityIsNotEmpty() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("children.csv")
        try """
        child_id,date_of_birth,placement_code,placement_provider,placement_authority,provider_urn
        A1,2012-01-01,U4,PR4,,
        A2,2013-01-01,U4,PR4,Atlantis,
        """.write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(run.standardError.contains("no authority 'Atlantis'"), "\(run.standardError)")
        #expect(
            run.standardError.contains("placement_authority: is empty for 1 child placed with a private, ")
                && run.standardError.contains("no provider_urn (line 2):"),
            "\(run.standardError)")
    }

    /// A newcomer running the tool from their own folder got "Fixtures/data: no such folder".
    @Test("without --data, import and compare find the shipped tables from any working folder")
    func shippedDataFromAnyFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let imported = try BuiltTool.run(
            "placement",
            ["import", Self.sample, "--authority", "Rutland", "--as-of", "2025-03-31", "--out", "rutland", "--quiet"],
            workingDirectory: folder.path)
        #expect(imported.status == 0, "\(imported.standardError)")
        let compared = try BuiltTool.run(
            "placement", ["compare", "rutland", "--modes", "council", "--format", "json"],
            workingDirectory: folder.path)
        #expect(compared.status == 0, "\(compared.standardError)")
        // Today's market, calibrated on the shipped tables: as-is is there.
        #expect(compared.standardOutput.contains("\"as_is\""), "\(compared.standardOutput.prefix(400))")
    }

    @Test("a file that is not UTF-8 (Excel's Windows CSV) is located to its field, with the remedy")
    func windowsText() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("l1.csv")
        // £650 as Windows-1252 writes it: the byte A3.
        try Data(
            Array("child_id,date_of_birth,placement_code,placement_provider,weekly_cost\nA1,2012-01-01,U4,PR1,".utf8)
                + [0xA3] + Array("650\n".utf8)
        ).write(to: URL(fileURLWithPath: children))
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(
            run.standardError.contains(
                "l1.csv:2:22: weekly_cost: is not UTF-8 text: byte A3 ('£' in Windows-1252"),
            "\(run.standardError)")
        #expect(run.standardError.contains("CSV UTF-8"), "\(run.standardError)")
    }

    /// Excel's "Unicode Text" and PowerShell write UTF-16: it was "byte FF ('ÿ' in Windows-1252)".
    @Test("a UTF-16 file is said to be UTF-16, either byte order", arguments: [false, true])
    func utf16(bigEndian: Bool) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let children = folder.file("u16.csv")
        let text = "child_id,date_of_birth,placement_code\nA1,2012-01-01,U4\n"
        let units = Array(text.utf16).flatMap { unit in
            bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try Data((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + units).write(to: URL(fileURLWithPath: children))
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 1)
        #expect(run.standardError.contains("u16.csv:1:1: is UTF-16 text"), "\(run.standardError)")
        #expect(run.standardError.contains("\"CSV UTF-8 (Comma delimited)\""), "\(run.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test("an unknown council is a usage error naming the nearest")
    func unknownCouncil() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try BuiltTool.run(
            "placement",
            [
                "import", Self.sample, "--authority", "Rutlande", "--as-of", "2025-03-31", "--data", Self.data,
                "--out", folder.file("out"),
            ])
        #expect(run.status == 64)
        #expect(run.standardError.contains("no authority 'Rutlande' — did you mean Rutland (E06000017)?"))
    }

    @Test("locations_to_avoid naming where the child is placed today is warned of, at the field")
    func avoidingWhereTheChildLives() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let children = folder.file("children.csv")
        // RUT010 lives at a children's home in Leicestershire (URN 2738824), avoiding Leicester.
        try sample.replacingOccurrences(of: "complex_needs,Leicester\n", with: "complex_needs,Leicestershire\n")
            .write(toFile: children, atomically: true, encoding: .utf8)
        let run = try runImport(children, out: folder.file("out"))
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardError.contains(
                "children.csv:11:73: warning: locations_to_avoid: names Leicestershire, where RUT010 is placed today"),
            "\(run.standardError)")
        // Said once: the written scenario's own check (avoid_authorities) is not repeated.
        #expect(!run.standardError.contains("an authority its plan avoids"), "\(run.standardError)")
        // The sample's own avoidance (Leicester) is not where RUT010 lives: no warning.
        let plain = try runImport(Self.sample, out: folder.file("plain"))
        #expect(!plain.standardError.contains("locations_to_avoid: names"))
    }

    @Test("an --as-of centuries off is a usage error, and nothing is written", arguments: ["0000-01-01", "2999-12-31"])
    func asOfOutOfRange(asOf: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("out")
        let run = try BuiltTool.run(
            "placement",
            ["import", Self.sample, "--authority", "Rutland", "--as-of", asOf, "--data", Self.data, "--out", out])
        #expect(run.status == 64)
        #expect(run.standardError.contains("--as-of must be a date from 2000 to 2100; got '\(asOf)'"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("an empty --name is a usage error, not a fault of the import", arguments: ["", "  "])
    func emptyName(name: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try runImport(Self.sample, out: folder.file("out"), ["--name", name])
        #expect(run.status == 64)
        #expect(run.standardError.contains("--name must not be empty"))
        #expect(!run.standardError.contains("fault of the import"))
    }

    @Test(
        "a damaged row of the authority list is an error in that file, not a fault of the import",
        arguments: [
            ("E06000017,857,Rutland,", "E06000017,857,,", "la_name: is required"),
            // Outside the areas a scenario accepts, which the imported scenario would fail (exit 2).
            (
                ",382.0,8012", ",2000000,8012",
                "area_km2: must be an area in square kilometres from 0.01 to 1,000,000; got '2000000'"
            ),
            (
                ",382.0,8012", ",382.0,-5",
                "children_0_17_2024: must be a whole number of children from 0 to 1,000,000; got '-5'"
            ),
            // Above the scenario loader's cap, which the imported scenario would fail (exit 2).
            (
                ",382.0,8012", ",382.0,9223372036854775807",
                "children_0_17_2024: must be a whole number of children from 0 to 1,000,000; got '9223372036854775807'"
            ),
        ])
    func damagedAuthorityList(original: String, damaged: String, message: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = folder.file("data")
        try FileManager.default.copyItem(atPath: Self.data, toPath: data)
        let list = "\(data)/england_local_authorities.csv"
        let text = try String(contentsOfFile: list, encoding: .utf8)
        #expect(text.contains(original))
        try text.replacingOccurrences(of: original, with: damaged).write(
            toFile: list, atomically: false, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement",
            [
                "import", Self.sample, "--authority", "E06000017", "--as-of", "2025-03-31", "--data", data, "--out",
                folder.file("out"),
            ])
        #expect(run.status == 1)
        #expect(run.standardError.contains("england_local_authorities.csv:55: \(message)"), "\(run.standardError)")
        #expect(!run.standardError.contains("fault of the import"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("out")))
    }

    @Test(
        "dates and ages",
        arguments: [
            ("2014-06-02", "2025-03-31", 10), ("31/03/2007", "2025-03-31", 18), ("2008-02-29", "2025-02-28", 16),
            ("2008-02-29", "2025-03-01", 17),
        ])
    func ages(birth: String, day: String, age: Int) throws {
        let born = try #require(CalendarDate(parsing: birth))
        let asOf = try #require(CalendarDate(parsing: day))
        #expect(asOf.age(bornOn: born) == age)
    }

    /// Spreadsheets export a date of birth as a date-time at midnight; any other time is no date of birth.
    @Test(
        "a midnight time after a date is read as the date; another time is refused",
        arguments: [
            ("2012-03-14 00:00:00", "2012-03-14"), ("14/03/2012 00:00", "2012-03-14"),
            ("2012-03-14T00:00:00Z", "2012-03-14"), ("2012-03-14T00:00:00.000", "2012-03-14"),
            ("14/03/2012 0:00", "2012-03-14"), ("2012-03-14 0:00:00", "2012-03-14"), ("14/03/2012 0:30", nil),
            ("2012-03-14 09:30:00", nil), ("2012-03-14 00:00:01", nil), ("2012-03-14T", nil), ("2012-03-14 ", nil),
        ])
    func midnight(written: String, day: String?) {
        #expect(CalendarDate(parsing: written)?.description == day)
    }
}
