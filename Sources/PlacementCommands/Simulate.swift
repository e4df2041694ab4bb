import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementOptimisation
import PlacementPlanning
import PlacementReports
import PlacementScenarios
import PlacementSimulation

extension PlacementCommand {
    /// `placement simulate SCENARIO`: years ahead, new placements made by each mode.
    public struct Simulate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Simulate years ahead: children arriving and leaving, new placements made by each mode.",
            discussion: """
                Starts from today's placements (the calibrated as-is baseline of --from carried onto the \
                scenario's providers; for a scenario without published figures, the council mode's \
                optimum) and moves through each year to --to: placements end (children leave care, \
                placements break down), children arrive, places open and close, and each mode makes the \
                new placements in batches into vacancies only. The flows come from the scenario's own \
                flows.csv and place_changes.csv when it has them, else from DfE's tables: leavers and \
                placement changes at --from's rates, and arrivals that keep each authority's children \
                by placement type on the demand forecast fitted up to --from (placement forecast; a \
                --from with fewer than three published years up to it carries its starts forward). \
                With --draws, every mode runs for several seeded \
                draws (which placements end, arrival order, councils' buying order) on all cores.

                With --shocks FILE: the shocks strike at the start of the first year, after today's \
                placements are made: every child keeps its placement while its place remains, and the \
                children the shocks displace (or add) wait, each mode placing them from the first year on, as-is by \
                today's pattern (a scenario without published figures starts from the council optimum in \
                what the shocks leave). Random shocks are drawn once, with --seed, the same in every draw.

                With --plan FILE (plan.csv from plan --out): each build's places open at the start of its \
                opening year's step (a build opening in --from at the start of the first step, as today's \
                placements are made before the plan; a block contract's close when its term ends), the same \
                for every mode, as-is included.

                With --backtest YEAR instead: the as-is model calibrated on YEAR only, replayed to the last \
                published year with each year's published starts, ceased, placement changes, children by \
                placement group and registered places, against each year's published M2, over-20-miles, \
                own-council and private shares per authority, beside persistence (YEAR's published figure) \
                and the straight-line trend (through the published figures of YEAR up to the year before). \
                It takes --data, --format, --out, --verbose and --quiet; the options of a simulation ahead \
                (--from, --to, --modes, --draws, --seed, --batches, --plan) are a usage error with it.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        /// The starting year when none is given: the last year DfE's tables publish.
        static let defaultFrom = 2025

        @Option(parsing: .unconditional, help: "The starting year: today's stock (default: \(defaultFrom)).")
        var from: Int?

        /// `--from`, or its default when not given (said so in messages).
        var startYear: Int { from ?? Self.defaultFrom }

        /// The last year when none is given.
        static let defaultTo = 2030

        @Option(parsing: .unconditional, help: "The last year simulated (default: \(defaultTo)).")
        var to: Int?

        /// `--to`, or its default.
        var endYear: Int { to ?? Self.defaultTo }

        @Option(help: "Comma-separated modes, from as-is, council, council-coordinated, regional and national.")
        var modes: String?

        // --to, --draws, --seed and --batches are optional so that the backtest can tell one given from
        // its default (and refuse it); the defaults are these.
        static let defaultDraws = 1
        static let defaultSeed: UInt64 = 1
        static let defaultBatches = 4

        @Option(parsing: .unconditional, help: "Seeded draws of every mode (default: \(defaultDraws)).")
        var draws: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "The draws' seed: each draw takes its own numbers of one random stream from it, as compare --draws "
                    + "does (default: \(defaultSeed))."))
        var seed: UInt64?

        @Option(parsing: .unconditional, help: "Batches of new placements a year (default: \(defaultBatches)).")
        var batches: Int?

        var drawCount: Int { draws ?? Self.defaultDraws }
        var firstSeed: UInt64 { seed ?? Self.defaultSeed }
        var batchesPerYear: Int { batches ?? Self.defaultBatches }

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Option(
            help: ArgumentHelp(
                "How the result is printed: markdown (the default without --out), json or csv; with --out, only "
                    + "when given."))
        var format: OutputFormat?

        @Option(help: "A folder to write the trajectory report into (HTML, Markdown, JSON, CSV).")
        var out: String?

        @Option(
            help: ArgumentHelp(
                "A plan file (plan.csv from plan --out): its homes and foster households open in their opening years.",
                valueName: "FILE"))
        var plan: String?

        @Option(
            help: ArgumentHelp(
                "A shocks file (YAML): provider exits, price and demand changes striking at the start of the first "
                    + "year (random ones drawn with --seed).",
                valueName: "FILE"))
        var shocks: String?

        @Option(
            parsing: .unconditional,
            help: "Backtest the as-is replay from this published year to the last (calibrated on it only).")
        var backtest: Int?

        @Flag(help: "Print timings to stderr (and the backtest's convergence).")
        var verbose = false

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func validate() throws {
            try SeedRange.check(seed)
            if let backtest {
                let given = [
                    ("--from", from != nil), ("--to", to != nil), ("--modes", modes != nil), ("--draws", draws != nil),
                    ("--seed", seed != nil), ("--batches", batches != nil), ("--plan", plan != nil),
                    ("--shocks", shocks != nil),
                ].filter(\.1).map(\.0)
                guard given.isEmpty else {
                    throw ValidationError(
                        "\(given.joined(separator: ", ")) \(given.count == 1 ? "does" : "do") not go with --backtest: "
                            + "the backtest replays the published years after \(backtest) with the as-is model, once "
                            + "(it takes --data, --format, --out, --verbose and --quiet)")
                }
            }
            for (option, year) in [("--from", startYear), ("--to", endYear)] where !(2000...2100).contains(year) {
                throw ValidationError("\(option) must be a year from 2000 to 2100 (got \(year))")
            }
            guard startYear <= endYear else {
                throw ValidationError("--to \(endYear) is before the starting year, \(startYear)")
            }
            guard endYear - startYear <= 30 else {
                throw ValidationError(
                    "--from and --to are \(endYear - startYear) years apart; at most 30 are simulated")
            }
            guard (1...1_000).contains(drawCount) else { throw ValidationError("--draws must be 1 to 1,000") }
            guard (1...52).contains(batchesPerYear) else { throw ValidationError("--batches must be 1 to 52") }
            _ = try requestedModes()
        }

        func requestedModes() throws -> [SimulatedMode]? {
            guard let modes else { return nil }
            return try CommaList.choices(
                modes, option: "--modes", what: "mode", from: SimulatedMode.allCases.map { ($0.name, $0) })
        }

        public func run() throws {
            quietOption.apply()
            if let backtest { return try runBacktest(from: backtest) }
            try ModeRunner.prepareOutput(out, command: Self._commandName, reading: [scenario, data, plan, shocks])
            if let data { try DataFolder.require(data, named: true) }
            let loaded = try loadScenario(scenario)
            let adopted = try plan.map { try PlanFileOptions.read($0, for: loaded) }
            let planned = adopted.map { SimulationPlan($0, scenario: loaded, from: startYear) }
            // Shocks strike today's providers at the start; a plan's places open as planned after them.
            let shockFile = try DrawOptions.shockFile(shocks, for: loaded)
            let (shockedScenario, applied) = try DrawOptions.shocked(loaded, by: shockFile, seed: firstSeed)
            for shock in applied { printToStandardError("shock: \(shock.label): \(shock.detail)") }
            let shocked = shockFile.map { _ in
                adopted.map { SimulationPlan($0, scenario: shockedScenario, from: startYear).scenario }
                    ?? shockedScenario
            }
            var assumptions = SimulationAssumptions()
            assumptions.batchesPerYear = batchesPerYear
            let preparing = Date()
            let inputs = try SimulationInputs.prepare(
                planned?.scenario ?? loaded, folder: self.scenario,
                data: data ?? Baseline.defaultData(for: self.scenario), from: startYear, to: endYear,
                assumptions: assumptions, openings: planned?.openings ?? CapacityOpenings(), shocked: shocked,
                fromOption: from == nil ? "the default --from" : "--from", command: Self.self)
            let scenario = inputs.scenario
            let chosen =
                try requestedModes() ?? (inputs.start.propensity == nil ? [] : [.asIs])
                + CommissioningMode.allCases.map(SimulatedMode.optimised)
            if chosen.contains(.asIs), inputs.start.propensity == nil {
                printToStandardError(
                    "\(self.scenario): as-is needs the calibrated baseline, and the scenario's authorities have no "
                        + "published figures; choose optimised modes")
                throw invalidInputExitCode
            }
            ModeRunner.sayRegionalWithoutCooperatives(
                scenario, modes: chosen.compactMap { if case .optimised(let mode) = $0 { mode } else { nil } })
            let simulation = Simulation(
                scenario: scenario, flows: inputs.flows, start: inputs.start, from: startYear, to: endYear,
                assumptions: assumptions)
            let simulating = Date()
            let results: SimulationDraws
            do {
                results = try SimulationDraws(simulation, modes: chosen, draws: drawCount, seed: firstSeed)
            } catch {
                printToStandardError("\(scenario.name): \(error.description)")
                throw failureExitCode
            }
            if verbose {
                printToStandardError(
                    "prepared (read, calibrated) in \(Elapsed.seconds(from: preparing, to: simulating)) s; simulated \(startYear)–\(endYear), "
                        + "\(NumberText.counted(chosen.count, "mode", "modes")) × \(NumberText.counted(drawCount, "draw", "draws")) "
                        + "in \(Elapsed.seconds(from: simulating)) s")
            }
            let notes = SimulationNotes(
                start: inputs.start.method, flows: inputs.flows.source, batchesPerYear: batchesPerYear,
                assumptions: assumptions.listed.map {
                    ($0.name, $0.assumption.value, $0.assumption.range, $0.assumption.source)
                }, plan: planned?.note(years: startYear...endYear), startsInTodaysMarket: inputs.start.propensity != nil
            )
            let report = TrajectoryReport(results, scenario: scenario, notes: notes)
            let json = TrajectoryJSON.render(results, scenario: scenario, notes: notes)
            if let out {
                var files = ReportFiles.files(report.document, stem: "trajectory")
                    .filter { !$0.name.hasSuffix(".json") }
                files.append(("trajectory.json", json))
                files.append(("trajectory.csv", TabularReport.csv(report.longTable)))
                try ModeRunner.write(files, into: out, command: Self._commandName)
                try ModeRunner.confirm(
                    "Simulation written: \(out)/trajectory.html (and .md, .json, .csv)", printing: format)
                guard format != nil else { return }
            }
            switch format ?? .markdown {
            case .json: try printToStandardOutput(json, terminator: "")
            case .markdown:
                try printToStandardOutput(MarkdownReport.render(report.document, stem: "trajectory"), terminator: "")
            case .csv: try printToStandardOutput(TabularReport.csv(report.longTable), terminator: "")
            }
        }
    }
}
