import ArgumentParser
import Foundation
import LinearProgramming
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import PlacementShocks

extension PlacementCommand {
    /// `placement stress SCENARIO --shocks FILE`: every mode under the scenario as it is, each shock
    /// alone and all shocks together, over seeded draws.
    public struct Stress: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Stress-test commissioning modes against shocks: provider exits, price and demand changes.",
            // --shocks is shared with compare and sufficiency, where it is optional; here it is not.
            usage: "placement stress [<options>] <scenario> --shocks <shocks>",
            discussion: """
                When the scenario's authorities have DfE's published figures in --data, every case solves \
                today's market, as compare does: in each draw the shocks strike the scenario first, then the \
                places free for its own children are worked out on what remains (usable places less those \
                children from outside hold today, with the places beyond its boundary its children use \
                today). --empty-market treats every place as empty and free.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        @OptionGroup var modeList: ModeListOptions

        @OptionGroup var options: SolvingOptions

        @OptionGroup var drawOptions: DrawOptions

        @OptionGroup var market: MarketOptions

        @OptionGroup var planFile: PlanFileOptions

        @Option(
            help: ArgumentHelp(
                "Report for one authority (GSS code or name): its children's figures case by case in the "
                    + "summary, and its rows alone (and its co-operative's) in the tables by scope.",
                valueName: "CODE|NAME"))
        var authority: String?

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        public init() {}

        public func validate() throws {
            guard drawOptions.shocks != nil else { throw ValidationError("stress needs --shocks FILE") }
        }

        public func run() throws {
            let started = ContinuousClock.now
            let modes = try modeList.parsed
            try ModeRunner.prepareOutput(
                options.out, command: Self._commandName, quiet: options.quiet,
                reading: [scenario, data, drawOptions.shocks, planFile.plan])
            let marketData = MarketData(named: data, scenario: self.scenario, options: market)
            let scenario = try loadScenario(scenario)
            guard let file = try drawOptions.shockFile(for: scenario) else { return }
            ModeRunner.sayRegionalWithoutCooperatives(scenario, modes: modes)
            var focus: [AuthorityCode] = []
            if let authority {
                do {
                    focus = try SufficiencyReport.resolve(.authority(authority), in: scenario).members
                } catch {
                    throw UsageFailure.report("\(self.scenario): \(error.description)", in: Self.self)
                }
            }
            let baseline = try marketData.baseline(for: scenario)
            let today = baseline.todaysPlacements()
            // A plan's places open after each case's shocks (which strike today's providers), as
            // `compare --plan --draws` opens them; today's placements are made before the plan.
            let adopted = try planFile.adopted(for: scenario)
            let titled = planFile.apply(adopted, to: scenario)
            let openBy = planFile.openBy
            // The weights the plan's places get, fitted once for every case.
            let newPlaces = adopted == nil ? nil : baseline.newPlaces(of: titled)
            let opening = adopted.map { adopted in
                { @Sendable (drawn: Scenario) -> Scenario in drawn.applying(adopted, openBy: openBy) }
            }
            var variants: [(label: String, file: ShockFile?)] = [("no shock", nil)]
            for located in file.shocks {
                variants.append((located.shock.label, ShockFile(shocks: [located])))
            }
            if file.shocks.count > 1 { variants.append(("all shocks together", file)) }
            let draws = drawOptions.draws ?? 1
            var cases: [StressReport.Case] = []
            for variant in variants {
                let results = try DrawRunning.run(
                    scenario, shocks: variant.file, modes: modes, draws: draws, seed: drawOptions.seed,
                    options: options, market: baseline, started: started, opening: opening)
                let (shocked, applied) = try drawOptions.shocked(scenario, by: variant.file)
                // Today's placements kept where the shocks leave their places (as `compare --shocks` shows
                // them), the displaced free to take the plan's places.
                let planned = adopted.map { _ in
                    (places: newPlaces, shocked: planFile.apply(adopted, to: shocked, announcing: false))
                }
                let asIs =
                    variant.file == nil
                    ? today : baseline.todaysPlacements(after: shocked, from: today, planned: planned)
                cases.append(
                    StressReport.Case(
                        label: variant.label, applied: applied, results: results, asIs: asIs?.metrics,
                        asIsDisplacement: asIs?.shockDisplacement))
            }
            // The time goes to stderr, not into the files: the same input gives byte-identical files.
            let seconds = (ContinuousClock.now - started).seconds
            printToStandardError("solved in \(NumberText.decimal(seconds, places: 1)) s")
            var report = StressReport(
                scenario: titled, cases: cases, shocks: file.description, seed: drawOptions.seed,
                market: baseline.drawMarket(shocked: true))
            report.focus = focus
            if let out = options.out {
                let files = report.files
                try ModeRunner.write(files, into: out, command: Self._commandName)
                printToStandardError("\(files.count) files written to \(out); the report is \(out)/stress.html")
            }
            switch options.printed {
            case .markdown:
                try printToStandardOutput(MarkdownReport.render(report.document, stem: "stress"), terminator: "")
            case .json: try printToStandardOutput(report.json, terminator: "")
            case .csv: try printToStandardOutput(TabularReport.csv(report.document.tables[0]), terminator: "")
            }
        }
    }
}
