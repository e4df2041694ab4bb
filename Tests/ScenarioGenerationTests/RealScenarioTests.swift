import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

@Suite("Real-data scenarios built from the official data")
struct RealScenarioTests {
    static let data = "\(Fixtures.root)/data"
    static let england = try! ScenarioLoader.load(from: Fixtures.scenario("england-2025")).scenario

    /// DfE's national 2025 figures, read straight from the file (rounded by DfE to the nearest 10).
    static func nationalFigure(_ characteristic: String) throws -> Int {
        var log = IssueLog()
        let table = try #require(
            CSVTable.read(
                "\(data)/dfe_cla_by_la_2021_2025.csv", file: "dfe", required: ["year", "group", "characteristic"],
                log: &log))
        let row = try #require(
            table.rows.first {
                $0.text("year") == "2025" && $0.text("geographic_level") == "National"
                    && $0.text("group") == "Placement"
                    && $0.text("characteristic") == characteristic
            })
        return try #require(Int(row.text("number")))
    }

    @Test("the generator rebuilds the shipped scenarios byte for byte")
    func reproducible() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for generated in try RealScenarioBuilder.build(from: Self.data) {
            try generated.write(into: directory.path)
            let shipped = Fixtures.scenario(generated.folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/\(generated.folder)")
            #expect(Set(files) == Set(try FileManager.default.contentsOfDirectory(atPath: shipped)))
            for file in files {
                let rebuilt = FileManager.default.contents(atPath: "\(directory.path)/\(generated.folder)/\(file)")
                #expect(
                    rebuilt == FileManager.default.contents(atPath: "\(shipped)/\(file)"), "\(generated.folder)/\(file)"
                )
            }
        }
    }

    @Test("every shipped scenario validates", arguments: ["tiny", "greater-manchester", "south-east", "england-2025"])
    func validates(name: String) throws {
        let loaded = try ScenarioLoader.load(from: Fixtures.scenario(name))
        #expect(
            loaded.scenario.authorities.count
                == ["tiny": 3, "greater-manchester": 10, "south-east": 19, "england-2025": 153][name])
    }

    @Test("england-2025 reproduces DfE's national children by placement type")
    func nationalTotals() throws {
        func children(_ types: Set<PlacementType>) -> Int {
            Self.england.cohorts.filter { types.contains($0.placementType) }.reduce(0) { $0 + $1.count }
        }
        let comparisons: [(Set<PlacementType>, [String])] = [
            ([.foster, .kinship], ["Foster placements"]),
            ([.childrensHome, .secureChildrensHome], ["Secure homes and children's homes"]),
            (
                [.supportedAccommodation],
                ["Independent and semi-independent living arrangements/supported accommodation"]
            ),
            ([.residentialSchool], ["Residential schools"]),
            ([.placedWithParents], ["Placed with parents or other person with parental responsibility"]),
            ([.placedForAdoption], ["Placed for adoption"]),
            ([.other], ["Other placements", "Other residential settings"]),
            (Set(PlacementType.allCases), ["Total"]),
        ]
        for (types, characteristics) in comparisons {
            let published = try characteristics.reduce(0) { $0 + (try Self.nationalFigure($1)) }
            // Within 1%, or within DfE's rounding to the nearest 10 for the small categories.
            let tolerance = max(0.01 * Double(published), 5.0 * Double(characteristics.count))
            #expect(
                abs(Double(children(types) - published)) <= tolerance,
                "\(characteristics): \(children(types)) vs \(published)")
        }
    }

    @Test("england-2025 holds every registered place of the active children's homes")
    func childrensHomePlaces() throws {
        var log = IssueLog()
        let register = try #require(
            CSVTable.read(
                "\(Self.data)/ofsted_providers_2025.csv", file: "register", required: ["provision_type", "places"],
                log: &log))
        let registered = register.rows.filter {
            $0.text("provision_type") == "Children's home" && $0.text("registration_status") == "Active"
        }.reduce(0) { $0 + Int(Double($1.text("places"))!) }
        #expect(registered == 14_244)
        let modelled = Self.england.providers.compactMap { $0.offers[.childrensHome]?.places }.reduce(0, +)
        #expect(modelled == registered)
    }

    @Test("co-operatives: the two pathfinders as constituted and compact groups elsewhere, each council in one at most")
    func cooperatives() throws {
        let cooperatives = Self.england.cooperatives
        #expect((17...23).contains(cooperatives.count))
        let members = cooperatives.flatMap(\.members)
        #expect(Set(members).count == members.count)
        let gm = try #require(cooperatives.first { $0.id == "greater-manchester" })
        #expect(gm.members == (1...10).map { AuthorityCode(rawValue: String(format: "E080000%02d", $0)) })
        let homeAndFuture = try #require(cooperatives.first { $0.id == "home-and-future" })
        #expect(homeAndFuture.members.count == 16)
        #expect(homeAndFuture.members.contains("E06000046"))  // Isle of Wight
        for outsider: AuthorityCode in ["E10000014", "E10000016", "E06000039"] { #expect(!members.contains(outsider)) }
        #expect(members.count == 150)
        for cooperative in cooperatives where cooperative.name.hasSuffix("(modelled)") {
            #expect((5...10).contains(cooperative.members.count), "\(cooperative.id)")
            let regions = Set(
                cooperative.members.compactMap { code in Self.england.authorities.first { $0.id == code }?.region })
            #expect(regions.count == 1)
        }
    }

    @Test("suppressed cells are estimated and listed, never read as zero")
    func suppressedCells() throws {
        let estimates = try String(
            contentsOfFile: Fixtures.scenario("england-2025") + "/estimates.csv", encoding: .utf8)
        // Hartlepool's residential-school count is suppressed in 2025 (c).
        #expect(estimates.contains("E06000001,\"Placement: Residential schools, 2025\""))
        // City of London's total is suppressed: its 2024 total stands in.
        #expect(estimates.contains("E09000001,\"Placement: Total, 2025\",7,\"suppressed: the 2024 total"))
        let actuals = Self.england.actuals.filter { $0.authority == "E09000001" && $0.year == 2025 }
        #expect(actuals.count == 1 && actuals[0].childrenLookedAfter == nil)
    }
}
