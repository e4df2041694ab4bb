import Foundation
import PlacementOptimisation
import PlacementPlanning
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementSimulation

/// `simulate --plan`: the home H2 of `plan-h2-2027.csv` opening in 2027, worked by hand in
/// `Fixtures/scenarios/tiny-plan/README.md` (Years ahead with the plan).
@Suite("A plan's places opening in the simulation (tiny-plan)")
struct TinyPlanSimulationTests {
    static let folder = Fixtures.scenario("tiny-plan")

    static func simulation(withPlan: Bool) throws -> Simulation {
        let loaded = try ScenarioLoader.load(from: folder).scenario
        let tables = try #require(try FlowTables.read(folder: folder, scenario: loaded))
        var scenario = loaded
        var openings = CapacityOpenings()
        if withPlan {
            let adopted = try AdoptedPlan.read(from: URL(fileURLWithPath: folder + "/plan-h2-2027.csv"))
            try adopted.check(against: loaded)
            let plan = SimulationPlan(adopted, scenario: loaded, from: 2025)
            scenario = plan.scenario
            openings = plan.openings
        }
        let now = openings.scenario(scenario, in: 2025)
        let start = try SimulationStart.solved(scenario, by: .council, openings: openings, from: 2025)
        let flows = SimulationFlows(tables).opening(openings, after: 2025, through: 2027)
        return Simulation(scenario: now, flows: flows, start: start, from: 2025, to: 2027)
    }

    static func councilHomes(_ outcome: YearOutcome) -> Int {
        outcome.vacancies[.localAuthority]?[.childrensHome] ?? 0
    }

    @Test("H2's two places open in 2027, whole, not before", arguments: CommissioningMode.allCases)
    func capacity(mode: CommissioningMode) throws {
        let simulation = try Self.simulation(withPlan: true)
        #expect(simulation.flows.placeChanges[2027]?.map(\.places) == [2])
        #expect(simulation.flows.placeChanges[2026] == nil)
        let years = try simulation.run(.optimised(mode), seed: 1).years
        // Council-run children's home vacancies: P4's one place is full from the start; in 2027 H2
        // takes the Northtown child waiting since 2026 and keeps one place free.
        #expect(years.map(Self.councilHomes) == [0, 0, 1])
    }

    @Test("Every mode places the waiting Northtown child in H2 in 2027", arguments: CommissioningMode.allCases)
    func handWorked(mode: CommissioningMode) throws {
        let with = try Self.simulation(withPlan: true).run(.optimised(mode), seed: 1).years
        let without = try Self.simulation(withPlan: false).run(.optimised(mode), seed: 1).years
        // 2025 and 2026: nothing differs before H2 opens.
        #expect(with.map(\.year) == [2025, 2026, 2027])
        #expect(approximately(with[0].objective, 123_110))
        #expect(approximately(with[1].objective, 223_110))
        #expect(approximately(without[1].objective, 223_110))
        // 2027 without the plan: the Eastbury leaver's 940 goes, both children still wait.
        #expect(approximately(without[2].objective, 222_170))
        #expect(without[2].metrics.total.unplaced == 2)
        // With it: 223,110 − 940 − 100,000 + H2's 4,800 + 20 − 100 = 126,890.
        let last = with[2]
        #expect(approximately(last.objective, 126_890))
        #expect(last.metrics.total.placed == 11)
        #expect(last.metrics.total.unplaced == 1)
        // H2's places: none before it opens, then the waiting child in one of its two.
        #expect(with.map { $0.plannedPlacesHeld.values.reduce(0, +) } == [0, 0, 1])
        #expect(last.plannedPlacesHeld == ["plan-H2": 1])
        #expect(without.allSatisfy { $0.plannedPlacesHeld.isEmpty })
        #expect(approximately(last.metrics.total.m2InAreaShare ?? -1, 8.0 / 11))
        #expect(approximately(last.metrics.total.m1OwnAuthorityRunShare ?? -1, 6.0 / 10))
        let homes = FlowKey(authority: "T00000001", placementType: .childrensHome)
        #expect(last.ledger[homes]?.start == 3 && last.ledger[homes]?.end == 3)
        #expect(with.dropFirst().allSatisfy { $0.ledger.values.allSatisfy(\.balances) })
    }

    /// As-is weights by hand: each cohort draws equally among the providers offering its placement
    /// type and its requirements (H2 included once the plan adds it).
    static func equalWeights(_ scenario: Scenario) -> [[Propensity]] {
        scenario.cohorts.map { cohort in
            scenario.providers.indices.filter { p in
                let provider = scenario.providers[p]
                return provider.offers[cohort.placementType] != nil
                    && cohort.requirements.isSubset(of: provider.specialisms)
            }
            .map { Propensity(provider: $0, weight: 1) }
        }
    }

    @Test("As-is sees the same new places: nothing differs until H2 opens, then the waiting child takes one")
    func asIs() throws {
        let loaded = try ScenarioLoader.load(from: Self.folder).scenario
        let tables = try #require(try FlowTables.read(folder: Self.folder, scenario: loaded))
        let adopted = try AdoptedPlan.read(from: URL(fileURLWithPath: Self.folder + "/plan-h2-2027.csv"))
        let plan = SimulationPlan(adopted, scenario: loaded, from: 2025)
        func run(_ scenario: Scenario, _ openings: CapacityOpenings) throws -> [YearOutcome] {
            // tiny has no published figures: the council optimum's start, with as-is weights given here.
            var start = try SimulationStart.solved(scenario, by: .council, openings: openings, from: 2025)
            start.propensity = Self.equalWeights(scenario)
            let flows = SimulationFlows(tables).opening(openings, after: 2025, through: 2027)
            return try Simulation(
                scenario: openings.scenario(scenario, in: 2025), flows: flows, start: start, from: 2025, to: 2027
            ).run(.asIs, seed: 3).years
        }
        let with = try run(plan.scenario, plan.openings)
        let without = try run(loaded, CapacityOpenings())
        for index in 0..<2 {
            #expect(approximately(with[index].objective, without[index].objective))
            #expect(with[index].metrics.total.unplaced == without[index].metrics.total.unplaced)
        }
        // In 2027 H2's two usable places are the only new ones: the waiting Northtown child takes one
        // (its only vacancy); C05 needs complex-needs care, which H2 does not offer, and keeps waiting.
        // As in every mode: 223,110 − 940 − 100,000 + 4,720 = 126,890.
        #expect(without[2].metrics.total.unplaced == 2)
        #expect(with[2].metrics.total.unplaced == 1)
        #expect(Self.councilHomes(with[2]) - Self.councilHomes(without[2]) == 1)
        #expect(approximately(with[2].objective, 126_890))
        #expect(with.dropFirst().allSatisfy { $0.ledger.values.allSatisfy(\.balances) })
    }

    @Test("A block contract's places close when its term ends; a build open by the start is in the start")
    func openingAndClosing() {
        let openings = CapacityOpenings([
            CapacityOpening(provider: "A", placementType: .foster, places: 3, year: 2025),
            CapacityOpening(provider: "B", placementType: .foster, places: 2, year: 2026, closingYear: 2028),
            CapacityOpening(provider: "C", placementType: .childrensHome, places: 4, year: 2029),
        ])
        let changes = openings.placeChanges(after: 2025, through: 2029)
        #expect(changes[2025] == nil)
        #expect(changes[2026]?.map(\.places) == [2])
        #expect(changes[2028]?.map(\.places) == [-2])
        // A new home's four places, whole, as the plan counts them: empty when it opens, no occupancy
        // (it had counted 4 × 0.83 = 3).
        #expect(changes[2029]?.map(\.places) == [4])
        // Open from its year until its term ends: B in 2026 and 2027, not 2028 (it had read the other
        // way round, so a contract opening in the first year was never open).
        #expect(openings.openings.map { $0.isOpen(in: 2026) } == [true, true, false])
        #expect(openings.openings.map { $0.isOpen(in: 2028) } == [true, false, false])
    }

    @Test("A plan's block contract closes after its term, rounded up to whole years; homes stay open")
    func blockContractTerm() {
        func build(_ kind: CapacityCandidate.Kind, term: Double) -> PlannedBuild {
            PlannedBuild(
                candidate: CapacityCandidate(
                    id: "B", kind: kind, authority: "T00000001", placementType: .childrensHome, placesPerUnit: 2,
                    maximumUnits: 1, capitalCost: 0, weeklyCostPerPlace: 5_000, yearsToOpen: 1, lifeYears: term),
                units: 1, openingYear: 2026)
        }
        #expect(SimulationPlan.closingYear(of: build(.blockContract, term: 2.5)) == 2029)
        #expect(SimulationPlan.closingYear(of: build(.blockContract, term: .infinity)) == nil)
        #expect(SimulationPlan.closingYear(of: build(.blockContract, term: 0)) == 2026)
        #expect(SimulationPlan.closingYear(of: build(.home, term: 25)) == nil)
        // Open from its year until its term ends (`--open-by` and simulate agree): a 3-year contract
        // from 2026 is open in 2026–2028; a home stays open.
        let contract = build(.blockContract, term: 3)
        #expect([2025, 2026, 2028, 2029].map(contract.isOpen(in:)) == [false, true, true, false])
        #expect(build(.home, term: 25).isOpen(in: 2060))
    }
}

@Suite("placement simulate --plan")
struct SimulatePlanCommandTests {
    static let header =
        "id,kind,authority,placement_type,sector,places,units,capital_cost,weekly_cost,years_to_open,opening_year\n"

    /// The trial: a plan's block contract opening in 2025, the starting year, took two of today's
    /// children into it, so `simulate --plan` did not start from `compare`'s as-is.
    @Test("A build opening in the starting year opens at the first step: the start is today's, as without the plan")
    func openingInTheStartingYear() throws {
        let copy = try ScenarioCopy(of: "tiny-plan")
        defer { copy.remove() }
        try copy.write(
            "plan-2025.csv", Self.header + "H2,home,T00000001,childrens_home,local_authority,2,1,500000,4800,0,2025\n")
        func run(_ plan: [String]) throws -> [String: Any] {
            let (status, output, error) = try PlacementProcess.run(
                ["simulate", copy.path, "--to", "2026", "--modes", "council", "--format", "json"] + plan)
            #expect(status == 0, "\(error)")
            return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        }
        func years(_ object: [String: Any]) -> [[String: Any]] {
            ((object["modes"] as? [[String: Any]])?.first?["years"] as? [[String: Any]]) ?? []
        }
        func objective(_ year: [String: Any]) -> Double? { (year["objective"] as? [String: Any])?["mean"] as? Double }
        let with = try run(["--plan", copy.path + "/plan-2025.csv"])
        let without = try run([])
        // tiny-plan's README: £123,110 today, the Northtown child waiting for a home.
        #expect(objective(years(without)[0]) == 123_110)
        #expect(objective(years(with)[0]) == 123_110)
        let held = years(with)[0]["plan_places_held"] as? [String: Any]
        #expect((held?["total"] as? [String: Any])?["mean"] as? Double == 0)
        let plan = try #require(with["plan"] as? [String: Any])
        #expect((plan["builds"] as? [[String: Any]])?.map { $0["opening_year"] as? Int } == [2026])
        #expect((plan["builds"] as? [[String: Any]])?.map { $0["plan_opening_year"] as? Int } == [2025])
        #expect((plan["places_by_year"] as? [[String: Any]])?.map { $0["open"] as? Int } == [0, 2])
        // From 2026 the waiting child has H2.
        #expect(objective(years(with)[1]).map { $0 < objective(years(without)[1]) ?? 0 } == true)
        let (_, markdown, _) = try PlacementProcess.run([
            "simulate", copy.path, "--to", "2026", "--modes", "council", "--plan", copy.path + "/plan-2025.csv",
        ])
        #expect(
            markdown.contains(
                "The plan opens H2 in 2025, the first year: it opens at the start of the next step instead, as the "
                    + "simulation starts from today's placements, made before the plan"), "\(markdown)")
    }

    /// The review: a build of a year before --from had been moved past --from too, and a block
    /// contract whose term had ended came back.
    @Test("A build opening before the starting year keeps its year and is open from the start")
    func openingBeforeTheStartingYear() throws {
        let (status, output, error) = try PlacementProcess.run([
            "simulate", TinyPlanSimulationTests.folder, "--from", "2028", "--to", "2029", "--modes", "council",
            "--format", "json", "--plan", TinyPlanSimulationTests.folder + "/plan-h2-2027.csv",
        ])
        #expect(status == 0, "\(error)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let plan = try #require(object["plan"] as? [String: Any])
        let builds = try #require(plan["builds"] as? [[String: Any]])
        #expect(builds.map { $0["opening_year"] as? Int } == [2027])
        #expect(builds.map { $0["plan_opening_year"] as? Int } == [2027])
        #expect((plan["places_by_year"] as? [[String: Any]])?.map { $0["open"] as? Int } == [2, 2])
        // Open before the start, it opens in none of the simulated years (the review: the first year
        // had said "Opening 2").
        #expect((plan["places_by_year"] as? [[String: Any]])?.map { $0["opening"] as? Int } == [0, 0])
    }

    @Test("The JSON and the report say which plan was applied and its places per year")
    func reported() throws {
        let (status, output, _) = try PlacementProcess.run([
            "simulate", TinyPlanSimulationTests.folder, "--to", "2027", "--modes", "regional", "--format", "json",
            "--plan", TinyPlanSimulationTests.folder + "/plan-h2-2027.csv",
        ])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(plan["file"] as? String == "plan-h2-2027.csv")
        let builds = try #require(plan["builds"] as? [[String: Any]])
        #expect(builds.map { $0["id"] as? String } == ["H2"])
        let years = try #require(plan["places_by_year"] as? [[String: Any]])
        #expect(years.map { $0["open"] as? Int } == [0, 0, 2])
        let (_, markdown, _) = try PlacementProcess.run([
            "simulate", TinyPlanSimulationTests.folder, "--to", "2027", "--modes", "regional",
            "--plan", TinyPlanSimulationTests.folder + "/plan-h2-2027.csv",
        ])
        #expect(markdown.contains("## Capacity plan"))
        #expect(markdown.contains("plan-h2-2027.csv"))
        // Whether the plan's places are used: H2's two, one holding the waiting Northtown child.
        #expect(markdown.contains("In 2027 the plan's 2 open places hold 1 child under regional."), "\(markdown)")
        // H2's empty place runs at its £4,800 a week whoever fills it: said beside the prices paid.
        #expect(
            markdown.contains(
                "Their empty places in homes and block contracts cost, a week in 2027, £4,800 under regional: running "
                    + "costs paid with no child placed"))
        let regional = try #require((object["modes"] as? [[String: Any]])?.first)
        let held = try #require((regional["years"] as? [[String: Any]])?.last?["plan_places_held"] as? [String: Any])
        #expect((held["total"] as? [String: Any])?["mean"] as? Double == 1)
        #expect(((held["builds"] as? [String: Any])?["H2"] as? [String: Any])?["p90"] as? Double == 1)
        // H2's one empty place at £4,800 a week, as the report says.
        #expect(held["empty_places_weekly_cost"] as? Double == 4_800)
    }

    @Test("--verbose says the timings on stderr and leaves the report as it is")
    func verboseTimings() throws {
        let arguments = ["simulate", TinyPlanSimulationTests.folder, "--to", "2027", "--modes", "regional,council"]
        let (status, quiet, _) = try PlacementProcess.run(arguments + ["--format", "json"])
        let (verboseStatus, verbose, errors) = try PlacementProcess.run(arguments + ["--format", "json", "--verbose"])
        #expect(status == 0 && verboseStatus == 0)
        #expect(verbose == quiet)
        let line = try #require(errors.split(separator: "\n").first { $0.hasPrefix("prepared") }, "\(errors)")
        #expect(line.contains("simulated 2025–2027, 2 modes × 1 draw in "), "\(line)")
    }

    @Test("The CSV gives each measure in its style: shares as fractions, not rounded to 0 or 1")
    func csvKeepsShares() throws {
        let arguments = ["simulate", TinyPlanSimulationTests.folder, "--to", "2027", "--modes", "regional"]
        let (status, csv, _) = try PlacementProcess.run(arguments + ["--format", "csv"])
        #expect(status == 0)
        let lines = csv.split(separator: "\n").map(String.init)
        let header = try #require(lines.first).split(separator: ",").map(String.init)
        let measureColumn = try #require(header.firstIndex(of: "measure"))
        let scopeColumn = try #require(header.firstIndex(of: "scope"))
        let m2 = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .filter {
                $0.count == header.count && $0[measureColumn] == "m2_in_area_share" && $0[scopeColumn] == "total"
            }
        #expect(!m2.isEmpty)
        // tiny's M2 lies strictly between none and all in every year: a value of 0 or 1 would be the rounding.
        for row in m2 {
            let value = try #require(Double(row[measureColumn + 1]), "\(row)")
            #expect(value > 0 && value < 1, "\(row)")
        }
        // Children are counted as `compare` counts them: those needing a commissioned placement (the
        // count once subtracted the children placed with parents or for adoption a second time).
        let (_, json, _) = try PlacementProcess.run([
            "compare", TinyPlanSimulationTests.folder, "--modes", "regional", "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let mode = try #require((object["modes"] as? [[String: Any]])?.first)
        let total = try #require((mode["metrics"] as? [String: Any])?["total"] as? [String: Any])
        let compared = try #require(total["children"] as? Int)
        let notCommissioned = try #require(total["not_commissioned"] as? Int)
        #expect(notCommissioned > 0, "tiny-plan has children placed with parents or for adoption")
        let children = lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        .first { $0.count == header.count && $0[measureColumn] == "children" && $0[scopeColumn] == "total" }
        let simulated = try #require(children.flatMap { Double($0[measureColumn + 1]) })
        #expect(simulated == Double(compared))
    }

    @Test(
        "A bad plan file fails with file, line and field, exit 1 and no output",
        arguments: [
            ("H9,home,T00000009,childrens_home,local_authority,2,1,500000,4800,2,2027\n", "authority"),
            ("H2,home,T00000001,childrens_home,local_authority,2,1,500000,4800,2,soon\n", "opening_year"),
        ])
    func badPlan(row: String, field: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("plan.csv")
        try (Self.header + row).write(toFile: path, atomically: true, encoding: .utf8)
        let out = directory.file("out")
        let (status, output, errors) = try PlacementProcess.run([
            "simulate", TinyPlanSimulationTests.folder, "--to", "2027", "--plan", path, "--out", out,
        ])
        #expect(status == 1)
        #expect(output.isEmpty)
        #expect(errors.contains("plan.csv:2:"))
        #expect(errors.contains(field))
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
