import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// The sufficiency report's needs analysis on `tiny`, worked by hand from its children.csv and
/// providers.csv.
@Suite("Sufficiency: children's needs")
struct SufficiencyNeedsTests {
    static func report(_ authority: String, scenario: Scenario = GoldenFileTests.scenario) throws -> ReportDocument {
        let result = try PlacementOptimiser.solve(scenario, mode: .councilCoordinated)
        let context = SufficiencyReport.Context(result, authorities: scenario.authorities.map(\.id))
        return try SufficiencyReport(.authority(authority), context: context).document
    }

    /// Each row's label and children.
    static func children(_ table: ReportTable) -> [String: Double] {
        Dictionary(
            uniqueKeysWithValues: table.rows.map { row in
                guard case .text(let label) = row[0], case .number(let count?, _) = row[1] else {
                    Issue.record("row \(row) has no label or no children")
                    return ("", 0)
                }
                return (label, count)
            })
    }

    static func table(_ id: String, in document: ReportDocument) -> ReportTable? {
        document.tables.first { $0.id == id }
    }

    /// Northtown: C01 (0–4) and C02 (5–9) are sibling group S1, placed together; C03 foster 10–15;
    /// C06 two children's-home children 10–15. C10 is placed with parents: not commissioned.
    @Test("Children count at their own age, a sibling group's members each at theirs")
    func ages() throws {
        let document = try Self.report("T00000001")
        let ages = try #require(Self.table("needs-by-age", in: document))
        #expect(
            Self.children(ages) == ["0 to 4, not recorded finer": 1, "5 to 9": 1, "10 to 15": 3])
        // No zero rows beside a wider band: "1 to 4: 0" would deny a child whose age is only known as 0 to 4.
        // The rows add up to the gaps table's children.
        let gaps = try #require(Self.table("gaps", in: document))
        #expect(Self.children(gaps).values.reduce(0, +) == 5)
        // No need is recorded for Northtown's children: said, with no table of "none" rows.
        #expect(Self.table("needs-by-need", in: document) == nil)
        let section = try #require(document.sections.first { $0.heading == "Children's needs" })
        #expect(
            section.blocks.contains {
                if case .paragraph(let text) = $0 { text.hasPrefix("The scenario records no needs") } else { false }
            })
    }

    /// Southvale's C05 (children's home, complex needs) can go only to Oak House (P5, 2 places, complex
    /// needs) in Southvale. A child with complex needs and a disability needs both specialisms: no
    /// provider offers disability, so that child is in both rows and unplaced.
    @Test("A need's row counts its children, their outcome and the places offering it")
    func needs() throws {
        var scenario = GoldenFileTests.scenario
        scenario.cohorts.append(
            Cohort(
                id: CohortID("C11"), homeAuthority: AuthorityCode("T00000002"), placementType: .childrensHome,
                ageBand: AgeBand(minimum: 12, maximum: 12), requirements: [.complexNeeds, .disability]))
        let document = try Self.report("T00000002", scenario: scenario)
        let needs = try #require(Self.table("needs-by-need", in: document))
        #expect(
            Self.children(needs) == [
                "Disability: children's home": 1, "Complex needs: children's home": 2,
                "No need recorded: foster care": 2,
            ])
        let complex = try #require(needs.rows.first { $0[0] == .text("Complex needs: children's home") })
        let column = { (key: String) in needs.columns.firstIndex { $0.key == key }! }
        #expect(complex[column("unplaced")] == .count(1))
        #expect(complex[column("m2_in_area_share")] == .share(1))
        #expect(complex[column("specialist_places_in_area")] == .count(2))
        #expect(complex[column("specialist_in_house_places")] == .count(0))
        let disability = try #require(needs.rows.first { $0[0] == .text("Disability: children's home") })
        #expect(disability[column("unplaced")] == .count(1))
        #expect(disability[column("specialist_places_in_area")] == .count(0))
        // The 12-year-old is counted in DfE's group 10 to 15 with C05.
        let ages = try #require(Self.table("needs-by-age", in: document))
        #expect(Self.children(ages) == ["Under 1": 0, "1 to 4": 0, "5 to 9": 2, "10 to 15": 2, "16 and over": 0])
        let summary = try #require(document.sections.first)
        guard case .bullets(let bullets) = try #require(summary.blocks.first) else {
            Issue.record("the summary has no bullets")
            return
        }
        #expect(
            bullets.contains(
                "Children with a recorded need under council-coordinated commissioning: 1 with a disability "
                    + "(none placed, 1 without a place); 2 with complex needs (of those placed, 100.0% in area, "
                    + "1 without a place) (a child with two needs counts in both); see Children's needs."))
    }

    /// A sufficiency lead's export held under-16s in supported accommodation, which the import warns
    /// of and the report had not said.
    @Test("children under 16 in supported accommodation are named as unlawfully placed")
    func underSixteen() throws {
        var scenario = GoldenFileTests.scenario
        scenario.cohorts.append(
            Cohort(
                id: CohortID("C12"), homeAuthority: AuthorityCode("T00000003"), placementType: .supportedAccommodation,
                ageBand: AgeBand(minimum: 15, maximum: 15), count: 2))
        let document = try Self.report("T00000003", scenario: scenario)
        let section = try #require(document.sections.first { $0.heading == "Children's needs" })
        let said = section.blocks.contains {
            if case .paragraph(let text) = $0 {
                text.hasPrefix(
                    "2 children under 16 need supported accommodation in the scenario: placing a child "
                        + "under 16 in independent or semi-independent accommodation is unlawful since September 2021")
            } else {
                false
            }
        }
        #expect(said)
        // Eastbury's own 16-17-year-old in supported accommodation (C08) is not among them.
        let plain = try Self.report("T00000003")
        #expect(!MarkdownReport.render(plain, stem: "s").contains("under 16 need"))
    }

    /// DfE's count by age group beside the scenario's, and its count of asylum-seeking children: a
    /// sufficiency lead checking an import's coverage had to look them up. Manchester's five groups add
    /// up to the 1,280 children looked after its actuals.csv gives for 2025.
    @Test("DfE's children looked after by age group, and asylum-seeking children, beside the scenario's")
    func publishedBeside() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let scenario = Fixtures.scenario("greater-manchester")
        let run = try BuiltTool.run(
            "placement", ["sufficiency", scenario, "--authority", "Manchester", "--quiet", "--out", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = try String(contentsOfFile: folder.file("sufficiency-needs-by-age.csv"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(",published_children_looked_after") == true)
        let groups = lines.filter { line in
            ["Under 1,", "1 to 4,", "5 to 9,", "10 to 15,", "16 and over,"].contains { line.hasPrefix($0) }
        }
        #expect(groups.count == 5)
        let published = groups.compactMap { $0.split(separator: ",", omittingEmptySubsequences: false).last }
            .compactMap { Double($0) }.reduce(0, +)
        let actual = try String(contentsOfFile: scenario + "/actuals.csv", encoding: .utf8).split(separator: "\n")
            .first { $0.hasPrefix("E08000003,2025,") }?.split(separator: ",")[2]
        #expect(published == actual.flatMap { Double($0) })
        let markdown = try String(contentsOfFile: folder.file("sufficiency.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "unaccompanied asylum-seeking children looked after by Manchester at 31 March 2025; "
                    + "the scenario records 0 with that need."))
    }
}
