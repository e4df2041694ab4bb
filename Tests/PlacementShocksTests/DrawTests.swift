import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementShocks

/// Draws: verdicts that the buying order decides are reported uncertain, and a seed gives the same
/// figures every time.
@Suite("Seeded draws and robust verdicts")
struct DrawTests {
    /// Westham and Easton each have one child needing a children's home and no home of their own;
    /// the one private place lies 17 miles from Easton and 25 from Westham. In `council` mode the
    /// council that buys first takes it; jointly, Easton (nearer) does. So going from council to
    /// regional, Westham is unchanged when it bought second and loses when it bought first; Easton
    /// gains or is unchanged likewise: neither verdict can be stated.
    static let contested: Scenario = {
        func authority(_ code: String, _ name: String, longitude: Double) -> Authority {
            Authority(
                id: AuthorityCode(rawValue: code), name: name, region: "Test",
                centroid: Coordinate(latitude: 53, longitude: longitude), areaSquareKilometres: 100)
        }
        return Scenario(
            name: "contested",
            authorities: [
                authority("T1", "Westham", longitude: -2.0), authority("T2", "Easton", longitude: -1.0),
                authority("T3", "Middle", longitude: -1.4),
            ],
            cohorts: [
                Cohort(id: "W", homeAuthority: "T1", placementType: .childrensHome),
                Cohort(id: "E", homeAuthority: "T2", placementType: .childrensHome),
            ],
            providers: [
                Provider(
                    id: "P", name: "Middle House", sector: .private, owner: "Middle Ltd", authority: "T3",
                    offers: [.childrensHome: .init(places: 1, weeklyPrice: 5000)])
            ])
    }()

    static func draws(_ scenario: Scenario, shocks: ShockFile? = nil, draws: Int = 20, seed: UInt64 = 1) throws
        -> DrawResults
    {
        try DrawRunner.run(
            scenario, shocks: shocks, modes: CommissioningMode.allCases, draws: draws, seed: seed,
            options: OptimiserOptions(), threads: 2)
    }

    @Test("A council whose result depends on the buying order is reported uncertain")
    func orderDependentIsUncertain() throws {
        let results = try Self.draws(Self.contested)
        let json =
            try JSONSerialization.jsonObject(
                with: Data(DrawsJSON.comparison(results, scenario: Self.contested, seed: 1).utf8)) as? [String: Any]
        let contrasts = try #require(json?["contrasts"] as? [[String: Any]])
        let councilToRegional = try #require(contrasts.first { $0["from"] as? String == "council" })
        let authorities = try #require(councilToRegional["authorities"] as? [[String: Any]])
        let westham = try #require(authorities.first { $0["name"] as? String == "Westham" })
        let easton = try #require(authorities.first { $0["name"] as? String == "Easton" })
        #expect(westham["verdict"] as? String == "uncertain")
        #expect(easton["verdict"] as? String == "uncertain")
        // Both orders occurred: Westham lost in some draws and was unchanged in others.
        let shares = try #require(westham["shares"] as? [String: Double])
        #expect(Set(shares.keys) == ["loses", "unchanged"])
        #expect(approximately(shares.values.reduce(0, +), 1))
        // No co-operative: pooling changes nothing, in every draw.
        let pooling = try #require(contrasts.first { $0["from"] as? String == "council-coordinated" })
        let pooled = try #require(pooling["authorities"] as? [[String: Any]])
        #expect(pooled.allSatisfy { $0["verdict"] as? String == "unchanged" && $0["share"] as? Double == 1 })
    }

    @Test("Every measure carries mean, p10 and p90; one child unplaced in every draw of every mode")
    func spreads() throws {
        let results = try Self.draws(Self.contested, draws: 8)
        let json =
            try JSONSerialization.jsonObject(
                with: Data(DrawsJSON.comparison(results, scenario: Self.contested, seed: 1).utf8)) as? [String: Any]
        let modes = try #require(json?["modes"] as? [[String: Any]])
        #expect(modes.count == 4)
        for mode in modes {
            let total = try #require((mode["metrics"] as? [String: Any])?["total"] as? [String: Any])
            for measure in DrawMeasure.allCases {
                let spread = try #require(total[measure.rawValue] as? [String: Any], "\(measure)")
                #expect(Set(spread.keys) == ["mean", "p10", "p90"])
            }
            #expect((total["unplaced"] as? [String: Double]) == ["mean": 1, "p10": 1, "p90": 1])
        }
        // Joint modes have nothing random: solved once each; council once per draw.
        #expect(results.solves == 8 + 3)
    }

    @Test("The same seed gives the same draws; another seed other orders")
    func determinism() throws {
        let shocks = ShockFile(
            shocks: [LocatedShock(.removeShare(sector: nil, placementType: .foster, share: 0.3), file: "x", line: 1)])
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        let first = try Self.draws(tiny, shocks: shocks, draws: 6, seed: 7)
        let second = try Self.draws(tiny, shocks: shocks, draws: 6, seed: 7)
        #expect(
            DrawsJSON.comparison(first, scenario: tiny, seed: 7)
                == DrawsJSON.comparison(second, scenario: tiny, seed: 7))
        #expect(first.seeds == second.seeds)
        #expect(first.seeds != (try Self.draws(tiny, shocks: shocks, draws: 6, seed: 8)).seeds)
        // Draw d uses numbers 2d and 2d + 1 of the seed's stream.
        var stream = SeededRandom(seed: 7)
        let numbers = (0..<12).map { _ in stream.next() }
        #expect(first.seeds.flatMap { [$0.councilOrderSeed, $0.shockSeed] } == numbers)
    }

    @Test("A shocks file that is not YAML is said in one line, with where")
    func brokenYAML() {
        var log = IssueLog()
        _ = ShockFile.parse("shocks:\n  - price_rise: {factor: 2\n", file: "shocks.yaml", log: &log)
        let issue = log.issues.first
        #expect(issue?.line != nil)
        #expect(issue?.description.hasPrefix("shocks.yaml:\(issue?.line ?? 0):") == true, "\(log.issues)")
        #expect(issue?.description.contains("is not valid YAML") == true)
        #expect(issue?.description.contains("\n") == false)
    }

    @Test("An empty optional description is no description")
    func emptyDescription() throws {
        var log = IssueLog()
        let file = ShockFile.parse(
            "description:\nshocks:\n  - price_change: {factor: 1.1}\n", file: "shocks.yaml", log: &log)
        #expect(log.issues.isEmpty, "\(log.issues)")
        #expect(file?.description == "")
    }

    /// The trial: a NUL at the end was taken by libyaml as the end of the text, and the file accepted.
    @Test("A control character in a shocks file is an error at its line and column")
    func controlCharacter() {
        var log = IssueLog()
        let file = ShockFile.parse(
            "shocks:\n  - price_change: {sector: private, factor: 1.1}\n\u{0}", file: "shocks.yaml", log: &log)
        #expect(file == nil)
        #expect(
            log.issues.map(\.description) == [
                "shocks.yaml:3:1: is not valid YAML: control characters are not allowed (U+0000)"
            ])
    }

    @Test("Shocks-file problems are reported with the file and line")
    func fileErrors() throws {
        let yaml = """
            shocks:
              - remove_largest_owners: {sector: privat, count: 0}
              - price_rise: {factor: 2}
              - demand_increase: {factor: 2, children: 3}
              - price_change: {factor: 0}
            """
        var log = IssueLog()
        _ = ShockFile.parse(yaml, file: "shocks.yaml", log: &log)
        let lines = log.issues.map { "\($0.line ?? 0): \($0.field ?? "")" }
        #expect(
            lines == [
                "2: shocks[0].remove_largest_owners.sector", "2: shocks[0].remove_largest_owners.count",
                "3: shocks[1].price_rise", "4: shocks[2].demand_increase", "5: shocks[3].price_change.factor",
            ])
        // A price cut to nothing would make places free.
        #expect(log.issues.last?.description.contains("0 is out of range (0.01 to 100)") == true, "\(log.issues)")
        #expect(
            log.issues[0].description.hasPrefix("shocks.yaml:2:37: shocks[0].remove_largest_owners.sector: unknown"))
        // Names are checked against the scenario.
        let tiny = try ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario
        var named = IssueLog()
        let file = try #require(
            ShockFile.parse(
                "shocks:\n  - remove_owners: [Oak Care]\n  - demand_increase: {authorities: [Kent], children: 1}\n",
                file: "s.yaml", log: &named))
        #expect(throws: ScenarioError.self) { try ShockApplication.check(file, against: tiny) }
        do {
            try ShockApplication.check(file, against: tiny)
        } catch {
            // Each name at its line and column, with the indexed path the other errors give.
            #expect(error.issues.map(\.line) == [2, 3])
            #expect(error.issues.map(\.column) == [21, 37])
            #expect(
                error.issues.map(\.field) == ["shocks[0].remove_owners[0]", "shocks[1].demand_increase.authorities[0]"])
            #expect(error.issues[0].message.contains("did you mean 'Oak Care Ltd'"))
        }
    }

    /// An owner is suggested only when it names the same company: a name near by edits alone
    /// ('Keys Childcare Limited', six edits from 'Cambian Childcare Limited') gets no suggestion.
    @Test func anOwnerIsSuggestedOnlyWhenItsFirstWordIsAlike() {
        let owners = ["Cambian Childcare Limited", "Oak Care Ltd"]
        #expect(
            ShockApplication.unknownOwner("Cambian Childcare Ltd", suggesting: owners)
                == "no provider of the scenario has the owner 'Cambian Childcare Ltd' (did you mean 'Cambian Childcare Limited'?)"
        )
        #expect(
            ShockApplication.unknownOwner("Cambain Childcare Limited", suggesting: owners).hasSuffix(
                "(did you mean 'Cambian Childcare Limited'?)"))
        #expect(
            ShockApplication.unknownOwner("Keys Childcare Limited", suggesting: owners)
                == "no provider of the scenario has the owner 'Keys Childcare Limited'")
        // A nearer owner of another company does not hide the same company's; 'The' is no first word.
        #expect(
            ShockApplication.unknownOwner("Keys Care Ltd", suggesting: ["Keys Care Limited", "Kids Care Ltd"])
                .hasSuffix("(did you mean 'Keys Care Limited'?)"))
        #expect(
            ShockApplication.unknownOwner("Partnership Of Care Today", suggesting: ["The Partnership Of Care Today"])
                .hasSuffix("(did you mean 'The Partnership Of Care Today'?)"))
    }

    @Test("The command line: compare --shocks --draws prints JSON with spreads; a bad file exits 1")
    func commandLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let good = directory.file("exit.yaml")
        try "shocks: [{remove_largest_owners: {sector: private, placement_type: childrens_home, count: 10}}]\n"
            .write(toFile: good, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--shocks", good, "--draws", "4", "--format", "json"])
        #expect(run.status == 0, "\(run.standardError)")
        let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        let regional = try #require((json?["modes"] as? [[String: Any]])?.first { $0["mode"] as? String == "regional" })
        let total = try #require((regional["metrics"] as? [String: Any])?["total"] as? [String: Any])
        #expect((total["unplaced"] as? [String: Double])?["mean"] == 3)
        // tiny has fewer private children's-home owners than ten: every one leaves, and the shock says so.
        let once = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--shocks", good])
        #expect(once.status == 0, "\(once.standardError)")
        #expect(
            once.standardError.contains("such places in the scenario, so every one leaves"), "\(once.standardError)")
        let bad = directory.file("bad.yaml")
        try "shocks: [{remove_owners: [Nobody]}]\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let failed = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--shocks", bad])
        #expect(failed.status == 1)
        #expect(
            failed.standardError.contains(
                "bad.yaml:1:27: shocks[0].remove_owners[0]: no provider of the scenario has the owner 'Nobody'"))
        #expect(failed.standardOutput.isEmpty)
    }
}
