import PlacementOptimisation
import PlacementScenarios
import PlacementShocks
import TestSupport
import Testing

/// One shock of each kind on `tiny`, against figures worked by hand from its tables
/// (`Fixtures/scenarios/tiny/README.md`; the shocked optima are worked there under "Shocks").
@Suite("Shocks applied to the tiny scenario")
struct TinyShockTests {
    static let tiny = try! ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario

    static func shocked(_ yaml: String, scenario: Scenario = tiny, seed: UInt64 = 1) throws -> Scenario {
        var log = IssueLog()
        let file = try #require(ShockFile.parse(yaml, file: "shocks.yaml", log: &log))
        #expect(log.issues.isEmpty, "\(log.issues)")
        return try ShockApplication.apply(file, to: scenario, seed: seed).scenario
    }

    /// Which shocks set some providers' prices apart (the note on prices alike by sector names them): a
    /// price change of one sector or one owner, a cap on profits; not a change of every price alike.
    @Test(
        "a shock sets prices apart only where it prices some providers differently",
        arguments: [
            ("price_change: {factor: 1.1}", false), ("price_change: {sector: private, factor: 1.1}", true),
            ("price_change: {owner: Oak Care Ltd, factor: 1.1}", true), ("cap_profits: {margin: 0.1}", true),
            ("remove_owners: [Oak Care Ltd]", false),
        ])
    func setsPricesApart(shock: String, apart: Bool) throws {
        var log = IssueLog()
        let file = try #require(ShockFile.parse("shocks:\n  - \(shock)\n", file: "shocks.yaml", log: &log))
        #expect(log.issues.isEmpty, "\(log.issues)")
        let applied = try ShockApplication.apply(file, to: Self.tiny, seed: 1).applied
        #expect(applied.map(\.setsPricesApart) == [apart])
    }

    static func offer(_ scenario: Scenario, _ provider: String, _ type: PlacementType) -> Provider.Offer? {
        scenario.providers.first { $0.id.rawValue == provider }?.offers[type]
    }

    static func count(_ scenario: Scenario, _ cohort: String) -> Int? {
        scenario.cohorts.first { $0.id.rawValue == cohort }?.count
    }

    static func unplaced(_ scenario: Scenario, _ mode: CommissioningMode) throws -> Int {
        try PlacementOptimiser.solve(scenario, mode: mode).metrics.total.unplaced
    }

    @Test("The largest private children's-home owner leaves: Oak House goes, three children's-home children wait")
    func largestOwners() throws {
        let scenario = try Self.shocked(
            "shocks: [{remove_largest_owners: {sector: private, placement_type: childrens_home, count: 10}}]")
        // Oak Care Ltd is the only private owner of children's homes: P5 (its only offer) goes.
        #expect(scenario.providers.map(\.id.rawValue) == ["P1", "P2", "P3", "P4", "P6"])
        // Only P4 (1 place, Northtown) is left for four children: regional places one C06 child there.
        #expect(try Self.unplaced(scenario, .regional) == 3)
    }

    /// With no sector the market's owners are ranked, never a council: Brightside Ltd 5 places, then
    /// Eastbury Trust and Oak Care Ltd 2 each, the tie by name. Counting councils, Southvale Council
    /// (4) would have been second.
    @Test("The two largest owners with no sector given: Brightside and Eastbury Trust, not a council")
    func largestOwnersAreTheMarkets() throws {
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse("shocks: [{remove_largest_owners: {count: 2}}]", file: "s.yaml", log: &log))
        let (scenario, applied) = try ShockApplication.apply(file, to: Self.tiny, seed: 1)
        #expect(scenario.providers.map(\.id.rawValue) == ["P1", "P2", "P4", "P5"])
        #expect(applied.map(\.label) == ["2 largest non-council owners in the scenario leave"])
        #expect(
            applied.first?.detail.hasPrefix("2 owners leave, 7 places: Brightside Ltd (5), Eastbury Trust (2)") == true)
        // Oak Care Ltd stays with as many places as Eastbury Trust leaves with: the cut is by name.
        #expect(
            applied.first?.detail.hasSuffix(
                "; the largest owner staying holds 2 places against the smallest leaving's 2, so where the list is cut "
                    + "is not a difference of size") == true, "\(applied.first?.detail ?? "")")
        // The one largest owner (5 places) against the next (2): a ranking, nothing said.
        let one = try #require(
            ShockFile.parse("shocks: [{remove_largest_owners: {count: 1}}]", file: "s.yaml", log: &log))
        #expect(try ShockApplication.apply(one, to: Self.tiny, seed: 1).applied.first?.detail.contains("cut") == false)
    }

    /// A comparison, a plan and a sufficiency report made under a shock say so in their title, so that
    /// none can be taken for today's.
    @Test(
        "Reports made under --shocks name the shocks",
        arguments: [
            ["compare", "--modes", "council,regional"], ["plan", "--budget", "100000"],
            ["sufficiency", "--authority", "Northtown"], ["compare", "--modes", "council,regional", "--draws", "2"],
        ])
    func reportsNameTheShocks(command: [String]) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shocks = directory.file("shocks.yaml")
        try "shocks: [{remove_owners: [Brightside Ltd]}]\n".write(toFile: shocks, atomically: true, encoding: .utf8)
        let out = directory.file("out")
        let run = try BuiltTool.run(
            "placement",
            [command[0], Fixtures.scenario("tiny")] + command.dropFirst() + ["--shocks", shocks, "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let name = command[0] == "sufficiency" ? "sufficiency.md" : "report.md"
        let report = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
        #expect(report.contains("tiny after Brightside Ltd leaves"), "\(report.prefix(300))")
    }

    /// The draws' summary names the random shocks among what each draw draws only where a shock is
    /// random: an owner's exit is the same in every draw.
    @Test(
        "The draws say they draw the random shocks only when one is random",
        arguments: [
            ("remove_owners: [Brightside Ltd]", false), ("remove_share: {placement_type: foster, share: 0.4}", true),
        ])
    func randomShocksNamedOnlyWhenRandom(shock: String, random: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let shocks = directory.file("shocks.yaml")
        try "shocks:\n  - \(shock)\n".write(toFile: shocks, atomically: true, encoding: .utf8)
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--draws", "2", "--shocks", shocks])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("buying order in council mode and the random shocks") == random)
    }

    @Test("Named owners leave: without Brightside, Eastbury's two foster children have no place in regional mode")
    func namedOwners() throws {
        let scenario = try Self.shocked("shocks:\n  - remove_owners: [brightside ltd]\n")
        #expect(Self.offer(scenario, "P3", .foster) == nil)
        // Foster: S1 → P1, C03 and C04 → P2; C07 (2, Eastbury) may not use P1 or P2 regionally. Plus C09.
        #expect(try Self.unplaced(scenario, .regional) == 3)
    }

    @Test("Half of private foster places close: 2.5 rounds to 3 of P3's 5")
    func share() throws {
        let scenario = try Self.shocked(
            "shocks: [{remove_share: {sector: private, placement_type: foster, share: 0.5}}]", seed: 99)
        #expect(Self.offer(scenario, "P3", .foster)?.places == 2)
        #expect(Self.offer(scenario, "P2", .foster)?.places == 4)
    }

    @Test("A random share is drawn place by place: the count is exact and the seed decides which")
    func shareAcrossOffers() throws {
        let yaml = "shocks: [{remove_share: {placement_type: foster, share: 0.4}}]"
        // Foster places: P1 2, P2 4, P3 5 = 11; 0.4 × 11 = 4.4 → 4 removed.
        for seed: UInt64 in [1, 2, 3] {
            let scenario = try Self.shocked(yaml, seed: seed)
            let left = scenario.providers.compactMap { $0.offers[.foster]?.places }.reduce(0, +)
            #expect(left == 7)
            #expect(try Self.shocked(yaml, seed: seed).providers == scenario.providers)
        }
    }

    @Test("Prices change by sector and by owner")
    func prices() throws {
        let scenario = try Self.shocked("shocks: [{price_change: {sector: private, factor: 1.1}}]")
        #expect(approximately(Self.offer(scenario, "P3", .foster)?.weeklyPrice ?? 0, 990))
        #expect(approximately(Self.offer(scenario, "P5", .childrensHome)?.weeklyPrice ?? 0, 6050))
        #expect(Self.offer(scenario, "P1", .foster)?.weeklyPrice == 600)
        #expect(Self.offer(scenario, "P6", .supportedAccommodation)?.weeklyPrice == 1500)
        let owned = try Self.shocked("shocks: [{price_change: {owner: Oak Care Ltd, factor: 2}}]")
        #expect(Self.offer(owned, "P5", .childrensHome)?.weeklyPrice == 11000)
        #expect(Self.offer(owned, "P3", .foster)?.weeklyPrice == 900)
    }

    @Test("Demand rises by children in a named authority, or by a factor shared by largest remainder")
    func demand() throws {
        let kent = try Self.shocked(
            "shocks: [{demand_increase: {placement_type: foster, authorities: [Eastbury], children: 3}}]")
        #expect(Self.count(kent, "C07") == 5)
        #expect(Self.count(kent, "C04") == 2)
        // C07's five and C03's one share P3's five places: one child waits, plus C09.
        #expect(try Self.unplaced(kent, .councilCoordinated) == 2)
        // Foster cohorts outside sibling groups: C03 1, C04 2, C07 2 = 5; × 1.5 → 3 more, split 0.6, 1.2,
        // 1.2 → 0, 1, 1 and the last to the largest remainder (C03).
        let scaled = try Self.shocked("shocks: [{demand_increase: {placement_type: foster, factor: 1.5}}]")
        #expect([Self.count(scaled, "C03"), Self.count(scaled, "C04"), Self.count(scaled, "C07")] == [2, 3, 3])
        #expect(Self.count(scaled, "C01") == 1)
    }

    @Test("Homes judged inadequate close")
    func inadequate() throws {
        var scenario = Self.tiny
        let index = try #require(scenario.providers.firstIndex { $0.id.rawValue == "P6" })
        scenario.providers[index].rating = .inadequate
        let shocked = try Self.shocked("shocks: [{close_inadequate: true}]", scenario: scenario)
        #expect(!shocked.providers.contains { $0.id.rawValue == "P6" })
        #expect(shocked.providers.count == 5)
        // Unshocked, the inadequate home is already below the Ofsted floor; shocked, it is gone either way.
        #expect(try Self.unplaced(shocked, .regional) == 2)
    }

    @Test("Profits capped at 10%: price × (1 − market margin) ÷ 0.9 where lower, margins capped")
    func profits() throws {
        let scenario = try Self.shocked("shocks: [{cap_profits: {margin: 0.1}}]")
        #expect(approximately(Self.offer(scenario, "P3", .foster)?.weeklyPrice ?? 0, 810))  // 900 × 0.81 ÷ 0.9
        // 5,500 × 0.774 ÷ 0.9
        #expect(approximately(Self.offer(scenario, "P5", .childrensHome)?.weeklyPrice ?? 0, 4730))
        #expect(approximately(Self.offer(scenario, "P6", .supportedAccommodation)?.weeklyPrice ?? 0, 1275 / 0.9))
        #expect(Self.offer(scenario, "P1", .foster)?.weeklyPrice == 600)
        #expect(scenario.policy.marketMargin(for: .childrensHome) == 0.1)
        #expect(scenario.policy.marketMargin(for: .supportedAccommodation) == 0.1)
    }

    @Test("Shocks combine in file order")
    func order() throws {
        let doubledThenCapped = try Self.shocked(
            "shocks:\n  - price_change: {sector: private, factor: 2}\n  - cap_profits: {margin: 0.1}\n")
        #expect(approximately(Self.offer(doubledThenCapped, "P3", .foster)?.weeklyPrice ?? 0, 1620))
        let cappedThenDoubled = try Self.shocked(
            "shocks:\n  - cap_profits: {margin: 0.1}\n  - price_change: {sector: private, factor: 2}\n")
        #expect(approximately(Self.offer(cappedThenDoubled, "P3", .foster)?.weeklyPrice ?? 0, 1620))
        let both = try Self.shocked(
            "shocks:\n  - remove_owners: [Oak Care Ltd]\n  - remove_share: {placement_type: foster, share: 1}\n")
        #expect(both.providers.map(\.id.rawValue) == ["P4", "P6"])
    }
}
