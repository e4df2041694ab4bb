import Foundation
import PlacementCommands
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

/// A block contract worked by hand: tiny-plan with one candidate only, B1 — one children's home place
/// with the market in Eastbury (T3) at £4,000 a week for a one-year term, no set-up cost.
///
/// It draws on the budget for its whole term, 1 place × £4,000 × 52 weeks × 1 year = £208,000, and
/// costs £4,000 a week in the objective whether used or not (no capital charge: no one-off cost).
/// With it, national access: Eastbury's C09 (unplaced without it) takes it in area, paying only
/// 10 × 4 miles = 40 (private: no council-run preference); C06's two children go to P4 (4,420) and
/// P5 (5,900), C05 to P5 (5,530). Sending C06 to B1 instead (25 miles, out of area: 500) and C09 to
/// P4 (4,900) costs 16,830 against 15,890. So 6,250 (foster and supported accommodation, tiny-plan's
/// README) + 15,890 + 4,000 = 26,140, far below 122,100 with C09 unplaced: B1 is bought.
@Suite("Block contracts")
struct BlockContractTests {
    /// tiny-plan with B1 as its only candidate, in a folder the caller removes.
    static func copyWithContract() throws -> ScenarioCopy {
        let copy = try ScenarioCopy(of: "tiny-plan")
        try copy.write(
            "candidates.csv",
            "id,kind,authority,placement_type,places,units,capital_cost,weekly_cost,years_to_open,term_years\n"
                + "B1,block_contract,T00000003,childrens_home,1,1,0,4000,0,1\n")
        return copy
    }

    static func scenario() throws -> Scenario {
        let copy = try copyWithContract()
        defer { copy.remove() }
        return try ScenarioLoader.load(from: copy.path).scenario
    }

    @Test("bought by a national plan with £208,000 (its term's price): objective 26,140")
    func nationalBuysIt() throws {
        let plan = try CapacityPlanner.plan(try Self.scenario(), budget: 208_000, scope: .national)
        #expect(plan.builds.map(\.candidate.id.rawValue) == ["B1"])
        #expect(approximately(plan.objective, 26_140, tolerance: 0.01))
        #expect(approximately(plan.capitalSpent, 208_000, tolerance: 0.01))
        #expect(plan.withPlan.metrics.total.unplaced == 0)
        // The contracted place is the market's: five children with their own council's provision
        // either way, of ten placed in foster and residential care without it and eleven with it.
        #expect(approximately(try #require(plan.withoutPlan.metrics.total.m1OwnAuthorityRunShare), 5.0 / 10))
        #expect(approximately(try #require(plan.withPlan.metrics.total.m1OwnAuthorityRunShare), 5.0 / 11))
    }

    /// M1 is not what the plan minimises: B1 places Eastbury's waiting child with the market, so
    /// own-council M1 falls from 5 of 10 to 5 of 11 between a budget of nothing and £208,000.
    @Test("the frontier says where own-council M1 falls, step by step, and that block contracts bought it")
    func frontierSaysWhyM1Falls() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let copy = try Self.copyWithContract()
        defer { copy.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "plan", copy.path, "--budget", "208000", "--frontier", "0,208000", "--out", directory.file("plan"),
        ])
        try command.run()
        let markdown = try String(contentsOfFile: directory.file("plan") + "/report.md", encoding: .utf8)
        #expect(
            markdown.contains(
                "(50.0% → 45.5%, table frontier): the plan minimises weighted cost, not M1, and the "
                    + "larger budget buys block contracts, market places that are not council-run."), "\(markdown)")
        #expect(!markdown.contains("never falls as the budget grows"))
    }

    /// Eastbury's sufficiency report with B1: no capital, £4,000 a week running whatever the use, of
    /// which the contract's term price (£208,000) is the sum, not a second cost; it counted £208,000
    /// as capital beside the same £4,000 a week, and the opening sentence left the contract out.
    @Test("the sufficiency report's plan section counts a block contract's price once, and names it")
    func sufficiencyCountsItOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let copy = try Self.copyWithContract()
        defer { copy.remove() }
        let plan = try CapacityPlanner.plan(
            try ScenarioLoader.load(from: copy.path).scenario, budget: 208_000, scope: .national)
        let file = directory.file("plan.csv")
        try AdoptedPlan(plan, decidedIn: 2025).csv.write(toFile: file, atomically: true, encoding: .utf8)
        let out = directory.file("report")
        var command = try PlacementCommand.parseAsRoot([
            "sufficiency", copy.path, "--authority", "T00000003", "--mode", "national", "--data", directory.path,
            "--plan", file, "--out", out,
        ])
        try command.run()
        let markdown = try String(contentsOfFile: out + "/sufficiency.md", encoding: .utf8)
        #expect(
            markdown.contains(
                "builds 0 homes and recruits 0 foster households, and takes 1 block contract, in Eastbury: 1 place "
                    + "for £0 of capital, running at £4,000 a week when full (see the last note of this section on "
                    + "how it is counted; the contract's price, £208,000 over its term, among it)."), "\(markdown)")
    }

    /// GLPK took B1 at 207,999 ⁄ 208,000 of a unit as built (within its integrality tolerance),
    /// overspending the budget by £1 and reporting 26,140.46; a plan now never overspends.
    @Test("a pound short of its term's price, nothing is bought")
    func budgetCountsTheTerm() throws {
        let plan = try CapacityPlanner.plan(try Self.scenario(), budget: 207_999, scope: .national)
        #expect(plan.builds.isEmpty)
        #expect(approximately(plan.objective, 122_100, tolerance: 0.01))
    }

    /// B1's capital is in the frontier's capital spent, so its count is beside the homes' and households'.
    @Test("the plan report's frontier counts block contracts, in CSV, Markdown and JSON")
    func frontierCountsThem() throws {
        let copy = try Self.copyWithContract()
        defer { copy.remove() }
        let out = copy.path + "-plan"
        defer { try? FileManager.default.removeItem(atPath: out) }
        var command = try PlacementCommand.parseAsRoot([
            "plan", copy.path, "--budget", "208000", "--frontier", "0,208000", "--out", out,
        ])
        try command.run()
        let rows = try String(contentsOfFile: out + "/report-frontier.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex(of: "block_contracts"), "\(rows.first ?? [])")
        #expect(rows.dropFirst().map { $0[column] } == ["0", "1"])
        #expect(rows.first?[column - 1] == "foster_households")
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("| Foster households | Block contracts | Budget spent |"))
        let json = try String(contentsOfFile: out + "/report.json", encoding: .utf8)
        #expect(json.contains("block_contracts"))
    }

    /// The sensitivity table counts them too: B1 is bought as assumed, its £208,000 a year of the budget.
    @Test("the plan's sensitivity table counts block contracts beside homes and households")
    func sensitivityCountsThem() throws {
        let copy = try Self.copyWithContract()
        defer { copy.remove() }
        let out = copy.path + "-plan"
        defer { try? FileManager.default.removeItem(atPath: out) }
        var command = try PlacementCommand.parseAsRoot([
            "plan", copy.path, "--budget", "208000", "--sensitivity", "--out", out,
        ])
        try command.run()
        let rows = try String(contentsOfFile: out + "/report-sensitivity.csv", encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let column = try #require(rows.first?.firstIndex(of: "block_contracts"), "\(rows.first ?? [])")
        #expect(rows.first?[column - 1] == "foster_households")
        #expect(rows.dropFirst().first?[column] == "1")
    }

    /// Eastbury is in no co-operative, so under `--by cooperative` it plans alone, as a single
    /// council does under `--by council`: neither may commission a block contract.
    @Test("never offered to a single council", arguments: [BudgetScope.council, .cooperative])
    func notForOneCouncil(scope: BudgetScope) throws {
        let plan = try CapacityPlanner.plan(try Self.scenario(), budget: 10_000_000, scope: scope)
        #expect(plan.builds.isEmpty)
        #expect(plan.candidatesConsidered == 0)
        // Left out, and said: a trial's council plan had dropped its contract without a word.
        #expect(plan.contractsNotOffered.map(\.rawValue) == ["B1"])
        let note = try #require(PlanReport.contractsNotOfferedNote(plan))
        #expect(note.hasPrefix("1 block contract (B1) is left out: a block contract is commissioned by a co-operative"))
        #expect(
            note.contains(scope == .council ? "a single council's plan (--by council)" : "a council in no co-operative")
        )
    }
}

/// `simulate --plan` with B1 (a one-year term from 2025): deferred to 2026, the start being today's,
/// it holds Eastbury's waiting child in 2026 and closes in 2027, when the child stays in its place.
@Suite("Block contracts in the simulation")
struct BlockContractSimulationTests {
    @Test("after its term, the contract's child is said apart from the open places, which hold none")
    func childrenPastTheTerm() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let copy = try BlockContractTests.copyWithContract()
        defer { copy.remove() }
        let out = directory.file("plan")
        var plan = try PlacementCommand.parseAsRoot(["plan", copy.path, "--budget", "208000", "--out", out])
        try plan.run()
        let run = try BuiltTool.run(
            "placement", ["simulate", copy.path, "--plan", out + "/plan.csv", "--to", "2027", "--modes", "regional"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(
            run.standardOutput.contains(
                "In 2027 the plan's 0 open places hold 0 children under regional. Children placed under a block "
                    + "contract keep their places after its term ends, until their placement ends (B1): 1 under "
                    + "regional in 2027, beside those in the open places."), "\(run.standardOutput)")
        // The table by year agrees: held in open places 0 in 2027, the contract's child past its term.
        #expect(
            run.standardOutput.contains(
                "| Year | Opening (closing −) | Open | Held in open places: regional | Past term: regional |"))
        #expect(run.standardOutput.contains("| 2026 | 1 | 1 | 1 | 0 |"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("| 2027 | -1 | 0 | 0 | 1 |"), "\(run.standardOutput)")
    }
}
