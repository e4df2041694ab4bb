import Foundation
import PlacementCommands
import PlacementPlanning
import PlacementScenarios
import TestSupport
import Testing

/// `plan --out`: the plan report beside plan.json, plan.md and plan.csv, on tiny-plan at £500,000.
@Suite("The plan report")
struct PlanReportTests {
    @Test("report.html, .md, .json and a CSV per table; the map, the frontier and every policy sentence's figures")
    func tinyPlan() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("plan")
        var command = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny-plan"), "--budget", "500000", "--out", out,
        ])
        try command.run()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        for name in [
            "plan.json", "plan.md", "plan.csv", "report.html", "report.md", "report.json", "report-frontier.csv",
            "report-by-authority.csv", "report-by-cooperative.csv", "report-policies.csv", "report-assumptions.csv",
        ] {
            #expect(files.contains(name), "\(name)")
        }
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("Where the new places go"))
        // tiny-plan gives its own candidates: their weekly costs are the file's, and no sentence on
        // what a default candidate would run at.
        let runningCosts = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(!runningCosts.contains("runs at its council's in-house price"))
        // The frontier (0, £250,000, £500,000, £1m): H2 is affordable from £500,000 (tiny-plan's README).
        let frontier = try String(contentsOfFile: out + "/report-frontier.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(frontier.map { $0[0] } == ["0.00", "250000.00", "500000.00", "1000000.00"])
        #expect(frontier.map { $0[3] } == ["0", "0", "1", "1"])
        // Every authority with children has a row, Southvale and Eastbury without builds too: their
        // children's M1 and M2 move with others' new places (Eastbury's M2 67% → 50%).
        let byAuthority = try String(contentsOfFile: out + "/report-by-authority.csv", encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(byAuthority.map { $0[0] } == ["Northtown", "Southvale", "Eastbury"])
        #expect(byAuthority.map { $0[2] } == ["1", "0", "0"])
        #expect(byAuthority.last.map { [$0[10], $0[11]] } == ["0.666667", "0.500000"])
        // And the report says why: H2 places C09, who had no place, out of Eastbury.
        let report = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(
            report.contains(
                "M2 falls with the plan for Eastbury (66.7% → 50.0%): children who had no place are placed, some out "
                    + "of area (M2 is of the children placed)."), "\(report)")
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        #expect(markdown.contains("Own-council M1 never falls as the budget grows (table frontier)."))
        // The national plan gains most M2 from a lower start; the others end higher, and the sentence
        // says both.
        #expect(
            markdown.contains(
                "the largest improvement is under one national plan (bound) (+2.3 pts, against no change under "
                    + "grant shared among councils and co-operatives plan for members); the best with the plan is under "
                    + "grant shared among councils and co-operatives plan for members (81.8%) (table policies)."))
        // H2 places two children who had no place, so the prices paid rise (tiny-plan's README): its
        // weighted saving is not money, and both summaries say so.
        let note = "1 build saves nothing of the weekly prices paid: chosen for the objective's weights"
        #expect(markdown.contains(note))
        #expect(try String(contentsOfFile: out + "/plan.md", encoding: .utf8).contains(note))
        // Every figure of a policy sentence is a cell of the policies table.
        let section = try #require(markdown.components(separatedBy: "## The same budget, three ways").last)
            .components(separatedBy: "\n## ")[0]
        let table = section.split(separator: "\n").filter { $0.hasPrefix("|") }.joined(separator: "\n")
        let sentences = section.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(sentences.count == 6)
        for sentence in sentences {
            #expect(sentence.hasSuffix("(table policies)."))
            let parts = sentence.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
            for figure in parts.split(separator: " ")
            where figure.first?.isNumber == true || figure.first == "£" {
                let cell = figure.trimmingCharacters(in: CharacterSet(charactersIn: ";."))
                #expect(table.contains("| \(cell) |"), "\(cell) of “\(sentence)”")
            }
        }
    }

    /// The default candidates run at their council's in-house price: by hand from tiny's providers, the
    /// in-house children's home P4 £4,500 against Oak House £5,500; in-house foster P1 £600 and P2 £550
    /// (median £575) against Brightside £900.
    @Test("the default candidates' running cost against the market, said per type")
    func runningCosts() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("plan")
        var command = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny"), "--budget", "500000", "--out", out,
        ])
        try command.run()
        let markdown = try String(contentsOfFile: out + "/report.md", encoding: .utf8)
        // Northtown's home P4 prices every council's home (the others run none: the median in-house
        // price, P4's); foster: Northtown P1 £600, Southvale P2 £550, Eastbury the median £575.
        #expect(
            markdown.contains(
                "A new children's home place runs at its council's in-house price of the type: £4,500 a week, the "
                    + "median of 3 councils' candidates, against the market's £5,500: it saves £1,000 "
                    + "a week before its capital, distance and place"), "\(markdown)")
        #expect(
            markdown.contains(
                "£575 a week, the median of 3 councils' candidates, against the market's £900: it saves £325 a week"))
    }

    /// The trial: Southampton's M2 fell 12 points under the South East's co-operative plan, which recruits
    /// carers there, and neither the report nor its section said why (the note spoke only of councils where
    /// nothing is built).
    @Test("a council whose M2 falls though the plan builds there is named, with why")
    func m2FallsThoughBuilt() throws {
        let run = try BuiltTool.run(
            "placement",
            [
                "plan", Fixtures.scenario("south-east"), "--budget", "20000000", "--by", "cooperative", "--authority",
                "Southampton",
            ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("In Southampton the plan builds 19 foster households"))
        #expect(
            run.standardOutput.contains(
                "Southampton's M2 falls with the plan (74.7% → 66.1%): under regional access the plan's new places "
                    + "free in-house places outside its area"), "\(run.standardOutput)")
        #expect(run.standardOutput.contains("| M2 in area | 43.3% | 74.7% | 66.1% |"))
    }

    /// A finance trial added the budget (which pays a block contract's prices over its term) to the
    /// weekly spend with the plan (which holds the same places' prices): the summary now says how much
    /// of the week is the contracts', from plan.json's own figures.
    @Test("the weekly spend says how much of it the budget already pays for block contracts")
    func contractsWithinWeeklySpend() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("plan")
        let run = try BuiltTool.run(
            "placement", ["plan", Fixtures.scenario("greater-manchester"), "--budget", "10000000", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/plan.json")))
                as? [String: Any])
        let contracts = try #require(root["block_contracts"] as? [[String: Any]])
        #expect(!contracts.isEmpty)
        let weekly = contracts.reduce(0.0) { $0 + (($1["weekly_running_cost"] as? Double) ?? 0) }
        let spend = try #require(root["weekly_spend"] as? Double)
        func pounds(_ value: Double) -> String { "£" + NumberText.grouped(Int(value.rounded())) }
        #expect(
            run.standardOutput.contains(
                "weekly spend \(pounds(spend)) (\(pounds(weekly)) a week of it block contracts' places, which the "
                    + "budget pays over the contracts' terms: \(pounds(spend - weekly)) a week besides)"),
            "\(run.standardOutput)")
        // The contract's places end with its term, and a shorter term looks cheaper: said.
        #expect(run.standardOutput.contains("a block contract's places end with its term (3 years)"))
    }

    /// The trial: four councils' shares reached a home, built none and left £0.7m each unspent, and
    /// nothing said so. Every unspent pound is now in a note: the notes' sums and the spend make the budget.
    @Test("every unspent pound of council shares is accounted for in the notes")
    func unspentAccountedFor() throws {
        let run = try BuiltTool.run(
            "placement",
            [
                "plan", Fixtures.scenario("greater-manchester"), "--budget", "10000000", "--by", "council", "--kinds",
                "home,foster_carers",
            ])
        #expect(run.status == 0, "\(run.standardError)")
        let text = run.standardOutput
        // No contract, no note on their terms.
        #expect(!text.contains("a block contract's places end with its term"))
        func pounds(after prefix: String, before suffix: String) -> Double? {
            guard let start = text.range(of: prefix), let end = text[start.upperBound...].range(of: suffix) else {
                return nil
            }
            return Double(text[start.upperBound..<end.lowerBound].replacingOccurrences(of: ",", with: ""))
        }
        let spent = try #require(pounds(after: "foster households for £", before: ":"))
        let short = try #require(pounds(after: "so they build none (£", before: " of it is left unspent)"))
        let left = try #require(
            pounds(after: "budget holders leave £", before: " unspent, less than their cheapest home"))
        #expect(approximately(spent + short + left, 10_000_000, tolerance: 1), "\(text)")
        // The budget's dual is the relaxation's, which builds fractions: beside money whole builds leave
        // unspent, the rate says why it is not zero (a trial read the two as a contradiction).
        #expect(text.contains("the relaxation may build a fraction of a home or household"))
        // With carers alone there is no home to compare the money left with: said as such.
        let carers = try BuiltTool.run(
            "placement",
            [
                "plan", Fixtures.scenario("greater-manchester"), "--budget", "3000000", "--by", "council", "--kinds",
                "foster_carers",
            ])
        #expect(
            carers.standardOutput.contains(
                "10 budget holders leave £660,000 unspent with no home left to build (none a candidate, or every one "
                    + "built)"), "\(carers.standardOutput)")
        #expect(carers.standardOutput.contains("foster households for £2,340,000"))
    }

    /// £500,000 shared by children looked after: Northtown £230,769, Southvale £115,385, Eastbury
    /// £153,846, each below a home's £795,000 (3 places × £265,000).
    @Test("--by council says when the shares are too small for a home, and names the holders")
    func sharesTooSmallForAHome() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny"), "--budget", "500000", "--by", "council", "--out", directory.file("plan"),
        ])
        try command.run()
        let markdown = try String(contentsOfFile: directory.file("plan") + "/report.md", encoding: .utf8)
        // Pooled, £500,000 still buys no home: no advice to pool. The carers it recruits cost £20,000 (the
        // plan's builds), so £480,000 is left: said, where "the money goes to carers" had read as all of it.
        #expect(markdown.contains("for £20,000"), "\(markdown)")
        #expect(
            markdown.contains(
                "No budget holder's share (Northtown, Southvale and Eastbury) reaches the cheapest home open to it "
                    + "(from £795,000), so none builds one (£480,000 of it is left unspent); even pooled, the whole budget "
                    + "would not reach one."), "\(markdown)")
        // Nationally the £500,000 is one pot, still short of a home: said as the budget's.
        var national = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny"), "--budget", "500000", "--out", directory.file("national"),
        ])
        try national.run()
        let one = try String(contentsOfFile: directory.file("national") + "/report.md", encoding: .utf8)
        #expect(one.contains("The budget does not reach the cheapest home (from £795,000), so the plan builds none"))
        // £1,000,000 shared by children looked after: every share short, the whole enough for a home.
        var larger = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny"), "--budget", "1000000", "--by", "council", "--out",
            directory.file("larger"),
        ])
        try larger.run()
        let pooled = try String(contentsOfFile: directory.file("larger") + "/report.md", encoding: .utf8)
        #expect(
            pooled.contains(
                "pooled (--by cooperative or --by national, --compare-policies), the money could buy homes."))
    }

    @Test("a budget of 0 has a one-point frontier, said as such, not a claim about a budget growing")
    func noBudget() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var command = try PlacementCommand.parseAsRoot([
            "plan", Fixtures.scenario("tiny-plan"), "--budget", "0", "--out", directory.file("plan"),
        ])
        try command.run()
        let markdown = try String(contentsOfFile: directory.file("plan") + "/report.md", encoding: .utf8)
        #expect(markdown.contains("The frontier has one budget, so there is nothing to compare along it."))
        #expect(!markdown.contains("never falls as the budget grows"))
    }

    @Test(
        "--sensitivity re-solves at each end of the discount rate's range (the only assumption a file's candidates leave)"
    )
    func sensitivity() throws {
        let scenario = TinyPlanTests.scenario
        let base = try CapacityPlanner.plan(scenario, budget: 500_000, scope: .national)
        let trace = try PlanSensitivity.trace(
            scenario, base: base, budget: 500_000, scope: .national, options: PlanningOptions())
        #expect(trace.points.map(\.end) == ["low", "high"])
        // H2's capital charge at 1.5% and 5% over 25 years: £500,000 × 0.048 / 52 and × 0.070952 / 52;
        // the rest of the objective (26,120) is unchanged, H2 still chosen.
        let low = 500_000 * 0.015 / (1 - pow(1.015, -25)) / 52
        let high = 500_000 * 0.05 / (1 - pow(1.05, -25)) / 52
        #expect(approximately(trace.points[0].plan.objective, 26_120 + low, tolerance: 0.01))
        #expect(approximately(trace.points[1].plan.objective, 26_120 + high, tolerance: 0.01))
        #expect(trace.points.allSatisfy { $0.plan.builds.map(\.candidate.id.rawValue) == ["H2"] })
    }
}
