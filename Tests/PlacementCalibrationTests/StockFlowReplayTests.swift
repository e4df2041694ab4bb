import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementCommands
import PlacementReports
import PlacementScenarios
import TestSupport
import Testing

/// A two-authority replay worked by hand. Westhaven and Farport lie about 345 miles apart (5° of
/// latitude), so no child of one is placed in the other: Westhaven's outside placements are all
/// elsewhere, and the fitted behaviour is each authority's alone.
enum TwoAuthorityReplay {
    static let authorities = [
        Authority(
            id: "T00000011", name: "Westhaven", region: "Testshire",
            centroid: Coordinate(latitude: 50.0, longitude: -2.0), areaSquareKilometres: 100, childPopulation: 50_000),
        Authority(
            id: "T00000012", name: "Farport", region: "Testshire",
            centroid: Coordinate(latitude: 55.0, longitude: -2.0), areaSquareKilometres: 100, childPopulation: 40_000),
    ]

    static func figures(_ placements: [PlacementGroup: Double], inside: Int? = nil, outside: Int? = nil)
        -> PublishedPlacementFigures
    {
        var figures = PublishedPlacementFigures()
        figures.total = Int(placements.values.reduce(0, +))
        figures.placements = placements
        figures.inside = inside
        figures.outside = outside
        figures.otherCouncilsChildrenInside = 0
        return figures
    }

    /// 2021: Westhaven's 100 foster children, 80 inside and 20 outside; Farport's 40 foster children
    /// and 10 placed for adoption, all 50 inside.
    static var origin: AsIsYear {
        AsIsYear(
            year: 2021, authorities: authorities,
            figures: [
                figures([.foster: 100], inside: 80, outside: 20),
                figures([.foster: 40, .adoption: 10], inside: 50, outside: 0),
            ],
            places: authorities.map { _ in ResidentialPlaces() })
    }

    static func input(_ year: Int, _ demand: [[PlacementGroup: Double]], _ flows: [PublishedFlowCounts]) -> ReplayInput
    {
        ReplayInput(
            year: AsIsYear(
                year: year, authorities: authorities, figures: demand.map { figures($0) },
                places: authorities.map { _ in ResidentialPlaces() }),
            flows: flows, england: PublishedFlowCounts())
    }

    /// 2022: Westhaven 20 ceased and 30 placement changes, 110 foster children at the end; Farport
    /// 12 ceased (6 adopted) and 8 changes, 44 foster and 8 adoption at the end.
    /// 2023: Westhaven nothing ends, 110 again; Farport 2 ceased, none adopted, no change, 20 foster
    /// and 8 adoption at the end.
    static var inputs: [ReplayInput] {
        [
            input(
                2022, [[.foster: 110], [.foster: 44, .adoption: 8]],
                [
                    PublishedFlowCounts(ceased: 20, adopted: 0, placementChanges: 30),
                    PublishedFlowCounts(ceased: 12, adopted: 6, placementChanges: 8),
                ]),
            input(
                2023, [[.foster: 110], [.foster: 20, .adoption: 8]],
                [
                    PublishedFlowCounts(ceased: 0, adopted: 0, placementChanges: 0),
                    PublishedFlowCounts(ceased: 2, adopted: 0, placementChanges: 0),
                ]),
        ]
    }
}

@Suite("As-is stock-and-flow replay")
struct StockFlowReplayTests {
    static let tolerance = 1e-6

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = StockFlowReplayTests.tolerance) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// Hand-worked. A stock placement ends with the share endings ÷ (endings + the end-of-year
    /// stock) — every placement open in the year equally likely to end. Adoption placements end by
    /// adoption, the other groups share the rest.
    /// 2022, Westhaven: 50 ÷ (50 + 110) = 0.3125 of 100 end: 31.25 endings, 68.75 survivors, 41.25 new.
    /// Farport, adoption: 6 ÷ (6 + 8) = 3/7 of 10 end: 10 × 4/7 = 5.714 survive, 8 − 5.714 = 2.286 new.
    /// Farport, others: (20 − 6) ÷ (14 + 44) = 14/58 of 40 end: 40 × 44/58 = 30.345 survive, 13.655 new.
    /// 2023, Farport: 2 ÷ (2 + 28) of 44 end, leaving 41.07 > 20 foster children: the excess moves on
    /// too, so 20 survive and none is new; adoption keeps its 8.
    /// Westhaven's new placements follow its fitted behaviour, unchanged prior and one group: 80%
    /// inside, so its M2 stays 0.8 (to the calibration's 0.1%).
    /// (The drift from council to agency carers is off here: it would move Westhaven's new foster
    /// children from council carers, all inside, to agencies, some elsewhere.)
    @Test func handWorkedTwoAuthorities() {
        var assumptions = ReplayAssumptions()
        assumptions.inHouseFosterOddsDecline.value = 0
        let replay = StockFlowReplay.replay(
            origin: TwoAuthorityReplay.origin, inputs: TwoAuthorityReplay.inputs, assumptions: assumptions)
        #expect(replay.years.map(\.year) == [2022, 2023])
        let first = replay.years[0]
        let foster = PlacementGroup.foster.rawValue
        let adoption = PlacementGroup.adoption.rawValue
        #expect(Self.close(first.endings[0][foster], 31.25))
        #expect(Self.close(first.survivors[0][foster], 68.75))
        #expect(Self.close(first.newPlacements[0][foster], 41.25))
        #expect(Self.close(first.survivors[1][adoption], 10 * 4 / 7))
        #expect(Self.close(first.newPlacements[1][adoption], 8 - 10 * 4 / 7))
        #expect(Self.close(first.survivors[1][foster], 40 * 44 / 58))
        #expect(Self.close(first.newPlacements[1][foster], 44 - 40 * 44 / 58))
        let second = replay.years[1]
        #expect(Self.close(second.survivors[1][foster], 20))
        #expect(Self.close(second.newPlacements[1][foster], 0))
        #expect(Self.close(second.survivors[1][adoption], 8))
        #expect(Self.close(second.survivors[0][foster], 110))
        for year in replay.years {
            let measures = year.stock.measures
            #expect(abs((measures[0].inAreaShare ?? 0) - 0.8) < 1e-3)
            #expect(abs((measures[1].inAreaShare ?? 0) - 1) < 1e-3)
        }
    }

    /// stock(t+1) = survivors + new placements and survivors + endings = stock(t), per authority and
    /// placement group, every year; the end stock is the next year's start and meets the year's demand.
    @Test(arguments: [false, true])
    func stockIdentity(withResidentialCapacity: Bool) {
        var origin = TinyAsIs.year
        var inputs: [ReplayInput] = []
        if withResidentialCapacity {
            origin.figures[0].placements = [.foster: 6, .homes: 4]
            origin.places = [
                ResidentialPlaces(registered: [.privateSector: 1]), ResidentialPlaces(registered: [.privateSector: 12]),
                ResidentialPlaces(registered: [.privateSector: 6, .council: 2]),
            ]
        }
        for (offset, year) in [2026, 2027, 2028].enumerated() {
            var next = origin.inputsOnly
            next.year = year
            next.figures[0].placements = [.foster: 7 + Double(offset), .homes: 5, .supported: 2]
            next.figures[1].placements = [.foster: 9 - Double(offset), .adoption: 1]
            next.figures[2].placements = [.homes: Double(offset)]
            inputs.append(
                ReplayInput(
                    year: next,
                    flows: [
                        PublishedFlowCounts(ceased: 3, adopted: 0, placementChanges: 4),
                        PublishedFlowCounts(ceased: 2, adopted: 1, placementChanges: nil),
                        PublishedFlowCounts(),
                    ], england: PublishedFlowCounts(ceased: 30, adopted: 3, placementChanges: 50)))
        }
        let replay = StockFlowReplay.replay(origin: origin, inputs: inputs)
        var previous = StockFlowReplayTests.groupSums(replay.baseline.calibrated)
        for (year, input) in zip(replay.years, inputs) {
            let end = StockFlowReplayTests.groupSums(year.stock)
            for a in 0..<3 {
                for g in PlacementGroup.allCases.map(\.rawValue) {
                    #expect(Self.close(year.startStock[a][g], previous[a][g], 1e-9))
                    #expect(Self.close(year.survivors[a][g] + year.endings[a][g], year.startStock[a][g], 1e-9))
                    #expect(Self.close(year.survivors[a][g] + year.newPlacements[a][g], end[a][g], 1e-9))
                    let demand = input.year.figures[a].placements[PlacementGroup(rawValue: g) ?? .other] ?? 0
                    #expect(Self.close(end[a][g], demand, 1e-9))
                    #expect(year.endings[a][g] >= -1e-12 && year.newPlacements[a][g] >= -1e-12)
                }
            }
            previous = end
        }
    }

    static func groupSums(_ allocation: AsIsAllocation) -> [[Double]] {
        var sums = Array(
            repeating: [Double](repeating: 0, count: PlacementGroup.allCases.count), count: allocation.authorities.count
        )
        for row in allocation.stock(minimum: 0) { sums[row.home][row.group.rawValue] += row.children }
        return sums
    }

    /// The drift from council to agency carers lowers the council's share of new foster placements,
    /// more the larger it is, and leaves the stock identity alone.
    @Test func inHouseFosterDrift() {
        var origin = TwoAuthorityReplay.origin
        origin.figures[0].providersTotal = 100
        for provider in ProviderGroup.allCases { origin.figures[0].providers[provider] = 0 }
        origin.figures[0].providers[.ownCouncil] = 60
        origin.figures[0].providers[.privateSector] = 40
        var shares: [Double] = []
        for decline in [0, 0.049, 0.08] {
            var assumptions = ReplayAssumptions()
            assumptions.inHouseFosterOddsDecline.value = decline
            let replay = StockFlowReplay.replay(
                origin: origin, inputs: TwoAuthorityReplay.inputs, assumptions: assumptions)
            shares.append(replay.years[0].stock.measures[0].providerShare(.ownCouncil) ?? 0)
            #expect(Self.close(replay.years[0].endStock[0][PlacementGroup.foster.rawValue], 110))
        }
        #expect(abs(shares[0] - 0.6) < 1e-3)
        #expect(shares[1] < shares[0] - 1e-3 && shares[2] < shares[1] - 1e-3)
        // Four years of a 4.9% yearly fall: the odds factor is 0.951⁴.
        #expect(Self.close(ReplayAssumptions().inHouseFosterFactor(years: 4), 0.951 * 0.951 * 0.951 * 0.951))
        // A stock half of which ends each year was placed a year before the origin on average
        // (placements k years old in proportion ½^k): a new placement in the first year is two years
        // along the decline from the stock's odds.
        #expect(Self.close(FlowRates.meanStockAge(ending: 0.5), 1))
        #expect(Self.close(ReplayAssumptions().inHouseFosterFactor(years: 1, stockAge: 1), 0.951 * 0.951))
    }

    /// The same inputs give the same replay, bit for bit.
    @Test func deterministic() {
        let first = StockFlowReplay.replay(origin: TwoAuthorityReplay.origin, inputs: TwoAuthorityReplay.inputs)
        let second = StockFlowReplay.replay(origin: TwoAuthorityReplay.origin, inputs: TwoAuthorityReplay.inputs)
        for (a, b) in zip(first.years, second.years) {
            #expect(a.stock.stock(minimum: 0) == b.stock.stock(minimum: 0))
            #expect(a.endings == b.endings && a.newPlacements == b.newPlacements)
        }
    }

    /// An authority's suppressed flows take England's: the shares from England's endings over
    /// England's (the authorities') end-of-year stock.
    @Test func suppressedFlowsTakeEngland() {
        let rates = FlowRates(
            flows: PublishedFlowCounts(ceased: nil, adopted: nil, placementChanges: 5), demand: [10, 0, 0, 0, 0, 0],
            england: PublishedFlowCounts(ceased: 40, adopted: 10, placementChanges: 60),
            englandDemand: [90, 0, 0, 0, 10, 0],
            assumptions: ReplayAssumptions())
        // Others: (100 − 10) ÷ (90 + 90) = 0.5; adoption: 10 ÷ (10 + 10) = 0.5.
        #expect(Self.close(rates.endingShare[PlacementGroup.foster.rawValue], 0.5))
        #expect(Self.close(rates.endingShare[PlacementGroup.adoption.rawValue], 0.5))
    }
}

@Suite("placement simulate --backtest")
struct SimulateCommandTests {
    /// `tiny`'s official data for 2024 and 2025 with flows for 2025.
    static func data() throws -> TinyData {
        let data = try TinyData()
        var rows = ["year,geographic_level,la_code,group,characteristic,number"]
        for (code, ceased, changes) in [("T00000001", 3, 4), ("T00000002", 2, 2)] {
            rows.append("2025,Local authority,\(code),Ceased during the year: reason,Total,\(ceased)")
            rows.append("2025,Local authority,\(code),Ceased during the year: reason,Adopted,0")
            rows.append(
                "2025,Local authority,\(code),Placement changes during the year: reason,Total placements changing,\(changes)"
            )
        }
        rows.append("2025,Local authority,T00000003,Ceased during the year: reason,Total,c")
        try (rows.joined(separator: "\n") + "\n").write(
            toFile: data.directory.file(OfficialTables.flowsFile), atomically: true, encoding: .utf8)
        return data
    }

    @Test("the backtest's JSON has the documented shape")
    func jsonShape() throws {
        let data = try Self.data()
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        let flows = try OfficialFlowData.read(from: data.directory.path)
        #expect(flows.flows[2025]?["T00000003"]?.ceased == nil)
        #expect(flows.flows[2025]?["T00000001"]?.endings == 7)
        let origin = try #require(official.year(2024))
        let inputs = try official.replayInputs(after: 2024, through: 2025, flows: flows).get()
        let replay = StockFlowReplay.replay(origin: origin, inputs: inputs)
        let comparisons = try replay.years.map { year in
            FitComparison(
                allocation: year.stock, calibratedOn: 2024, published: try #require(official.year(year.year)),
                calibrationYear: origin)
        }
        let json = BacktestJSON.render(origin: 2024, years: comparisons)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        #expect(years.count == 1)
        #expect(years[0]["year"] as? Int == 2025)
        let authorities = try #require(years[0]["authorities"] as? [[String: Any]])
        #expect(authorities.map { $0["code"] as? String } == ["T00000001", "T00000002", "T00000003"])
        let shares: Set<String> = ["m2_in_area_share", "over_20_miles_share", "own_council_share", "private_share"]
        let measures = try #require(authorities[0]["measures"] as? [String: [String: Any]])
        #expect(Set(measures.keys) == shares)
        for value in measures.values {
            #expect(value.keys.contains("modelled") && value.keys.contains("published"))
        }
        // Northtown published 7 of 10 inside in 2025 and 6 in 2024 (persistence).
        let m2 = try #require(measures["m2_in_area_share"])
        #expect(abs((m2["published"] as? Double ?? 0) - 0.7) < 1e-9)
        #expect(abs((m2["persistence"] as? Double ?? 0) - 0.6) < 1e-9)
        // Over 20 miles is not published for tiny: null, not absent.
        #expect(measures["over_20_miles_share"]?["published"] is NSNull)
        let england = try #require(years[0]["england"] as? [String: Any])
        let englandMeasures = try #require(england["measures"] as? [String: Any])
        #expect(Set(englandMeasures.keys) == shares)
    }

    @Test("--out writes the backtest report and the check")
    func writesFiles() throws {
        let data = try Self.data()
        defer { data.directory.remove() }
        let out = try TemporaryDirectory()
        defer { out.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "simulate", Fixtures.scenario("tiny"), "--backtest", "2024", "--data", data.directory.path, "--out",
            out.path,
        ])
        try command.run()
        for file in ["backtest.html", "backtest.md", "backtest-check.json", "backtest-authorities.csv"] {
            #expect(FileManager.default.fileExists(atPath: out.file(file)))
        }
    }

    /// The backtest replays the published years with the as-is model once: an option of a simulation
    /// ahead would be ignored, so it is refused before anything is read, naming the option.
    @Test(
        "an option the backtest does not use is a usage error (exit 64) naming it",
        arguments: [
            ["--from", "2023"], ["--to", "2026"], ["--modes", "council"], ["--draws", "5"], ["--seed", "3"],
            ["--batches", "2"], ["--plan", "plan.csv"], ["--draws", "1"],
        ])
    func optionNotForBacktest(_ option: [String]) throws {
        let run = try BuiltTool.run(
            "placement", ["simulate", Fixtures.scenario("england-2025"), "--backtest", "2021"] + option)
        #expect(run.status == 64, "\(option): \(run.standardError)")
        #expect(run.standardError.contains("Error: \(option[0]) does not go with --backtest"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("the options the backtest uses parse with it, and two refused ones are named together")
    func optionsForBacktest() throws {
        _ = try PlacementCommand.parseAsRoot([
            "simulate", Fixtures.scenario("tiny"), "--backtest", "2024", "--data", "d", "--format", "json", "--out",
            "o", "--verbose", "--quiet",
        ])
        do {
            _ = try PlacementCommand.parseAsRoot([
                "simulate", Fixtures.scenario("tiny"), "--backtest", "2024", "--modes", "council", "--from", "2023",
            ])
            Issue.record("--modes and --from parsed with --backtest")
        } catch {
            #expect(PlacementCommand.message(for: error).contains("--from, --modes do not go with --backtest"))
        }
    }

    @Test("a year with no later published year is a usage error (exit 64), as any year out of range")
    func nothingToReplay() throws {
        let data = try Self.data()
        defer { data.directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "simulate", Fixtures.scenario("tiny"), "--backtest", "2025", "--data", data.directory.path,
            "--format", "json",
        ])
        #expect(throws: ExitCode.validationFailure) { try command.run() }
    }
}

@Suite("Official distance figures")
struct DistanceFromJointTableTests {
    /// DfE suppresses "more than 20 miles" when only the small "distance not known" count needs
    /// hiding; the joint table's published inside and outside cells (1 + 1) give it exactly.
    @Test func suppressedBandFromJointTable() throws {
        let joint = "Distance between home and placement and locality of placement"
        let data = try TinyData(lookedAfterRows: [
            "2024,Local authority,T00000001,Distance between home and placement,Placed 20 miles or less from home,8",
            "2024,Local authority,T00000001,Distance between home and placement,Placed more than 20 miles from home,c",
            "2024,Local authority,T00000001,\(joint),\"3. Placed inside the LA boundary, more than 20 miles from home\",1",
            "2024,Local authority,T00000001,\(joint),\"4. Placed outside the LA boundary, more than 20 miles from home\",1",
        ])
        defer { data.directory.remove() }
        let official = try OfficialPlacementData.read(from: data.directory.path)
        let figures = try #require(official.figures[2024]?["T00000001"])
        #expect(figures.within20Miles == 8)
        #expect(figures.over20Miles == 2)
        #expect(figures.over20MilesShare == 0.2)
    }
}
