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

    /// The same foster cohorts (C03 1, C04 2, C07 2 = 5; the sibling group S1 never changes) under
    /// `demand_change`, worked by hand: the children leaving are round(5 × (1 − factor)), half away
    /// from zero as a rise rounds, shared in proportion to the counts by largest remainder (ties to
    /// the cohort listed first).
    @Test(
        "Demand falls by a factor: counts worked by hand, rounded as a rise rounds",
        arguments: [
            // 5 × 0.5 = 2.5 → 3 leave, shared 0.6, 1.2, 1.2 → 0, 1, 1 and the last to C03 (0.6): 0, 1, 1 left.
            (
                "0.5", [0, 1, 1], "foster care children −50.0% (× 0.500)",
                "3 fewer children over 3 cohorts (5 before); 1 cohort is left with none"
            ),
            // 5 × 0.1 = 0.5 → 1 leaves (not 0.4999…: 1 − 0.9 is not 0.1 in binary), shared 0.2, 0.4, 0.4: the tie to C04.
            ("0.9", [1, 1, 2], "foster care children −10.0% (× 0.900)", "1 fewer child over 3 cohorts (5 before)"),
            // 5 × 0.3 = 1.5 → 2 leave, shared 0.4, 0.8, 0.8 → 0, 0, 0, then C04 and C07 (0.8 each).
            ("0.7", [1, 1, 1], "foster care children −30.0% (× 0.700)", "2 fewer children over 3 cohorts (5 before)"),
            // Exactly 1: nothing changes, said as a rise of none, as demand_increase says it.
            ("1", [1, 2, 2], "foster care children × 1.000", "0 more children over 3 cohorts (5 before)"),
            // 0: every matching child leaves; the cohorts stay, empty.
            (
                "0", [0, 0, 0], "foster care children −100.0% (× 0.000)",
                "5 fewer children over 3 cohorts (5 before); 3 cohorts are left with none"
            ),
            // Above 1, demand_change grows as demand_increase does: 1.5 → 2, 3, 3.
            ("1.5", [2, 3, 3], "foster care children × 1.500", "3 more children over 3 cohorts (5 before)"),
        ])
    func demandFalls(factor: String, counts: [Int], label: String, detail: String) throws {
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse(
                "shocks: [{demand_change: {placement_type: foster, factor: \(factor)}}]", file: "s.yaml", log: &log))
        #expect(log.issues.isEmpty, "\(log.issues)")
        let (scenario, applied) = try ShockApplication.apply(file, to: Self.tiny, seed: 1)
        #expect([Self.count(scenario, "C03"), Self.count(scenario, "C04"), Self.count(scenario, "C07")] == counts)
        // The sibling group is never split, nor grown.
        #expect([Self.count(scenario, "C01"), Self.count(scenario, "C02")] == [1, 1])
        #expect(scenario.cohorts.count == Self.tiny.cohorts.count)
        #expect(applied.map(\.label) == [label])
        #expect(applied.map(\.detail) == [detail])
    }

    /// Connected carers are the child's relatives, found for the child: tiny with Northtown's two
    /// kinship children and its connected carers' two places, doubled, approves two more places with
    /// the carers; every mode places all four (a fixed stock had left two unplaced in every mode).
    @Test("More kinship children bring their connected carers' places")
    func kinshipRiseApprovesConnectedCarers() throws {
        let scenario = Self.tiny.withNorthtownKinship(places: 2, children: 2)
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse(
                "shocks: [{demand_increase: {placement_type: kinship, factor: 2}}]", file: "s.yaml", log: &log))
        let (shocked, applied) = try ShockApplication.apply(file, to: scenario, seed: 1)
        #expect(Self.count(shocked, "CK") == 4)
        #expect(Self.offer(shocked, "K1", .kinship)?.places == 4)
        #expect(
            applied.map(\.detail) == [
                "2 more children over 1 cohort (2 before); 2 connected-carer places approved with the kinship "
                    + "children (their relatives)"
            ])
        for mode in CommissioningMode.allCases {
            let solved = try PlacementOptimiser.solve(shocked, mode: mode)
            #expect(solved.metrics.total.unplacedByType[.kinship] == nil, "\(mode)")
        }
        // Other types' rises approve nothing.
        let foster = try Self.shocked("shocks: [{demand_increase: {placement_type: foster, children: 2}}]")
        #expect(foster.providers.map { $0.offers } == Self.tiny.providers.map { $0.offers })
    }

    /// A rise after a fall to none: Eastbury's foster cohort C07 emptied, then 5 more of Eastbury's
    /// foster children, who join the emptied cohort (a review: they had matched none and been lost
    /// while the label said 5 more).
    @Test("A rise after a fall to none joins the emptied cohort")
    func riseAfterFallToNone() throws {
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse(
                "shocks: [{demand_change: {placement_type: foster, authorities: [Eastbury], factor: 0}}, "
                    + "{demand_increase: {placement_type: foster, authorities: [Eastbury], children: 5}}]",
                file: "s.yaml", log: &log))
        #expect(log.issues.isEmpty, "\(log.issues)")
        let (scenario, applied) = try ShockApplication.apply(file, to: Self.tiny, seed: 1)
        #expect(Self.count(scenario, "C07") == 5)
        #expect(scenario.childCount == Self.tiny.childCount - 2 + 5)
        #expect(applied.last?.detail == "5 more children over 1 cohort an earlier shock emptied")
    }

    /// A fall by children: three fewer of Eastbury's foster children where it has two is refused
    /// (when the file is read and when applied); two leave it with none, and every mode still solves.
    @Test("Demand falls by children, never below the children there")
    func demandFallsByChildren() throws {
        let scenario = try Self.shocked(
            "shocks: [{demand_change: {placement_type: foster, authorities: [Eastbury], children: -2}}]")
        #expect(Self.count(scenario, "C07") == 0)
        #expect(Self.count(scenario, "C04") == 2)
        // Foster care: S1, C03 and C04 fit in P1, P2 and P3; the children's homes still leave C09 waiting
        // in regional mode (tiny's README): 1 unplaced.
        #expect(try Self.unplaced(scenario, .regional) == 1)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("s.yaml")
        let yaml = "shocks: [{demand_change: {placement_type: foster, authorities: [Eastbury], children: -3}}]"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        let refusal = "s.yaml:1: with the shocks before it, takes away 3 children where the matching cohorts hold 2"
        #expect(throws: ScenarioError.self) { try ShockFile.read(path, against: Self.tiny) }
        do {
            _ = try ShockFile.read(path, against: Self.tiny)
        } catch {
            #expect(error.issues.map(\.description) == [refusal])
        }
        var log = IssueLog()
        let file = try #require(ShockFile.parse(yaml, file: "s.yaml", log: &log))
        #expect(throws: ScenarioError.self) { try ShockApplication.apply(file, to: Self.tiny, seed: 1) }
        let label = try #require(
            ShockFile.parse(
                "shocks: [{demand_change: {authorities: [Eastbury], children: -1}}]", file: "s.yaml", log: &log))
        #expect(label.shocks.map(\.shock.label) == ["1 fewer all children in Eastbury"])
    }

    /// C03 (1 child) kept at P1, Northtown's own carers: half the foster children fewer takes C03's
    /// child (its share 0.6 and the largest remainder, as worked above), who leaves P1; the detail
    /// line says so. C04 and C07 have no current provider.
    @Test("A fall takes children from their current provider, and the detail says how many")
    func demandFallLeavesCurrentProvider() throws {
        var scenario = Self.tiny
        let index = try #require(scenario.cohorts.firstIndex { $0.id.rawValue == "C03" })
        scenario.cohorts[index].currentProvider = ProviderID(rawValue: "P1")
        var log = IssueLog()
        let file = try #require(
            ShockFile.parse(
                "shocks: [{demand_change: {placement_type: foster, factor: 0.5}}]", file: "s.yaml", log: &log))
        let (shocked, applied) = try ShockApplication.apply(file, to: scenario, seed: 1)
        #expect(Self.count(shocked, "C03") == 0)
        #expect(
            applied.map(\.detail) == [
                "3 fewer children over 3 cohorts (5 before); 1 cohort is left with none; 1 child leaves the provider "
                    + "it lives with today, the rest of each cohort staying there"
            ])
    }

    /// The limits: demand_change takes a factor of 0 to 100 and children other than 0; demand_increase
    /// reads as it always has (1 to 100, at least one child), and a fall asked of it names demand_change.
    @Test(
        "Demand change limits",
        arguments: [
            ("demand_change: {factor: -0.1}", "shocks[0].demand_change.factor: -0.1 is out of range (0 to 100)"),
            ("demand_change: {factor: 100.5}", "shocks[0].demand_change.factor: 100.5 is out of range (0 to 100)"),
            (
                "demand_change: {children: 0}",
                "shocks[0].demand_change.children: 0 changes nothing: leave the shock out"
            ),
            (
                "demand_increase: {factor: 0.9}",
                "shocks[0].demand_increase.factor: 0.9 is out of range (1 to 100): demand_increase only adds "
                    + "children; for fewer, write demand_change: {factor: 0.9}"
            ),
            ("demand_increase: {children: -1}", "shocks[0].demand_increase.children: -1 is outside 1–10000000"),
            ("demand_increase: {factor: 101}", "shocks[0].demand_increase.factor: 101 is out of range (1 to 100)"),
        ])
    func demandChangeLimits(shock: String, message: String) {
        var log = IssueLog()
        _ = ShockFile.parse("shocks:\n  - \(shock)\n", file: "s.yaml", log: &log)
        #expect(log.issues.map(\.description).map { $0.drop { $0 != " " }.dropFirst() } == [message[...]])
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
        // A voluntary provider is not run for profit: its price stands.
        #expect(Self.offer(scenario, "P6", .supportedAccommodation)?.weeklyPrice == 1500)
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
