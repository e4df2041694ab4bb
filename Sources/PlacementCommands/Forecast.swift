import ArgumentParser
import Foundation
import OutputFiles
import PlacementForecasting
import PlacementScenarios
import ScenarioGeneration

extension PlacementCommand {
    /// `placement forecast`: children looked after per authority and placement type in the years
    /// ahead, with intervals, or a backtest against published years.
    public struct Forecast: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Forecast children looked after per authority and placement type, with 80% and 95% intervals.",
            discussion: """
                Fitted on DfE's published figures from --data (2021 to the last published year, or to \
                --backtest). With a SCENARIO, the forecast is shown for its authorities and co-operatives, \
                and --children-for YEAR --scenario-out DIR writes the scenario with its children scaled to \
                the forecast of YEAR.
                """)

        @Argument(help: "A scenario folder: forecast its authorities and co-operatives (optional).")
        var scenario: String?

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Option(
            name: .customLong("to"), parsing: .unconditional,
            help: ArgumentHelp(
                "The last year forecast (default 2030).",
                discussion: "Not with --backtest, which checks every published year after its origin."))
        var toOption: Int?

        /// The last year forecast.
        var to: Int { toOption ?? 2030 }

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Fit on the years up to this one only and compare the later years with what was published, "
                    + "beside persistence and a straight line."))
        var backtest: Int?

        @Option(help: "How to print: markdown, json or csv.")
        var format: OutputFormat = .markdown

        @Option(
            help: ArgumentHelp(
                "A folder to write forecast.csv, forecast.json and forecast.html into (with --backtest, also "
                    + "backtest.md and backtest.csv), replacing it whole.",
                discussion:
                    "The folder must be absent, empty, or an earlier result set of this command; it appears complete or not "
                    + "at all."))
        var out: String?

        @Option(
            parsing: .unconditional, help: "Seed of the interval bootstrap: the same seed gives the same intervals.")
        var seed: UInt64 = 1

        @Option(
            name: .customLong("children-for"), parsing: .unconditional,
            help: "Write the scenario's children for this forecast year.")
        var childrenFor: Int?

        @Option(name: .customLong("scenario-out"), help: "The scenario folder --children-for writes.")
        var scenarioOut: String?

        @Option(
            help: ArgumentHelp(
                "Only this authority (its code or name) and, with a SCENARIO, the co-operatives it belongs to.",
                valueName: "CODE|NAME"))
        var authority: String?

        @Option(
            help: ArgumentHelp(
                "Only this co-operative of the SCENARIO (its id or name): its total and its members.",
                valueName: "ID|NAME"))
        var cooperative: String?

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func validate() throws {
            try SeedRange.check(seed)
            // Which years the data publish is known only once they are read (`history`): here, a year at all.
            let years = "\(OfficialTables.years.lowerBound) to \(OfficialTables.years.upperBound)"
            if let backtest, !OfficialTables.years.contains(backtest) {
                throw ValidationError(
                    "--backtest must be a year from \(years), with published years before and after it")
            }
            if backtest != nil && toOption != nil {
                // A backtest checks the published years after its origin; a year past them has nothing to check.
                throw ValidationError(
                    "--to goes without --backtest: a backtest forecasts every published year after its origin")
            }
            guard OfficialTables.years.contains(to) else {
                throw ValidationError(
                    "--to must be a year after the last published year and at most \(Self.maximumHorizon) years after "
                        + "it; got \(to)")
            }
            if (childrenFor == nil) != (scenarioOut == nil) {
                throw ValidationError("--children-for and --scenario-out go together")
            }
            if cooperative != nil && scenario == nil {
                throw ValidationError("--cooperative needs a SCENARIO whose co-operatives are read")
            }
            if cooperative != nil && authority != nil {
                throw ValidationError("give --authority or --cooperative, not both")
            }
            if childrenFor != nil && scenario == nil {
                throw ValidationError("--children-for needs a SCENARIO whose children are scaled")
            }
            if let childrenFor, backtest != nil || childrenFor > to || !OfficialTables.years.contains(childrenFor) {
                throw ValidationError("--children-for must be a forecast year, at most --to, without --backtest")
            }
        }

        public func run() throws {
            quietOption.apply()
            let data = self.data ?? scenario.map(Baseline.defaultData(for:)) ?? DataFolder.shipped
            try ModeRunner.prepareOutput(out, command: Self._commandName, reading: [scenario, data])
            if let out, let scenarioOut, OutputFolder.overlap(out, scenarioOut) {
                printToStandardError(
                    "--scenario-out \(scenarioOut): --out \(out) is the same folder, or one holds the other; "
                        + "each is replaced whole, so give two separate folders")
                throw ExitCode.validationFailure
            }
            try ModeRunner.checkOutput(
                scenarioOut, option: "--scenario-out", command: nil, reading: [scenario, data], kind: .scenario)
            let loaded = try scenario.map { try loadScenario($0, solving: false) }
            try DataFolder.require(data, named: self.data != nil)
            let official = try readingInput { () throws(ScenarioError) in try OfficialData.read(from: data) }
            let history = try Self.history(official, backtest: backtest, to: to, childrenFor: childrenFor)
            var settings = ForecastSettings()
            settings.seed = seed
            let forecast: DemandForecast
            var backtestResult: Backtest?
            if let backtest {
                let result = Backtest.run(history, origin: backtest, settings: settings)
                backtestResult = result
                forecast = result.forecast
            } else {
                forecast = DemandForecast.make(history, origin: history.lastYear, through: to, settings: settings)
            }
            var authorities = forecast.authorities
            var cooperatives: [DemandForecast.ScopeForecast] = []
            if let loaded {
                let codes = Set(loaded.authorities.map(\.id.rawValue))
                authorities = authorities.filter { codes.contains($0.code) }
                cooperatives = Self.cooperatives(of: loaded, in: forecast, data: data)
                // Scored over all the scenario's co-operatives, as the authorities' coverage is over all authorities.
                backtestResult?.scoreCooperatives(cooperatives)
            }
            if let authority {
                let lookup = NameLookup(kind: .authority, entries: authorities.map { ($0.code, $0.name) })
                guard let code = lookup.code(of: authority) else {
                    // A co-operative named where one council is asked for: said so, with the option for it.
                    if let loaded, let index = NameLookup.cooperatives(loaded.cooperatives).index(of: authority) {
                        throw UsageFailure.report(
                            "--authority: '\(loaded.cooperatives[index].name)' is a co-operative, not an authority; "
                                + "give --cooperative \(loaded.cooperatives[index].id.rawValue) for its total and "
                                + "its members, or one of its members", in: Self.self)
                    }
                    throw UsageFailure.report("--authority: \(lookup.missing(authority))", in: Self.self)
                }
                authorities = authorities.filter { $0.code == code }
                cooperatives = cooperatives.filter { $0.members.contains(code) }
            }
            if let cooperative, let loaded {
                let lookup = NameLookup.cooperatives(loaded.cooperatives)
                guard let index = lookup.index(of: cooperative) else {
                    throw UsageFailure.report("--cooperative: \(lookup.missing(cooperative))", in: Self.self)
                }
                let chosen = loaded.cooperatives[index]
                let members = Set(chosen.members.map(\.rawValue))
                authorities = authorities.filter { members.contains($0.code) }
                cooperatives = cooperatives.filter { $0.code == chosen.id.rawValue }
            }
            // The scaled scenario before anything is written: one the forecast cannot scale at all
            // (none of its authorities is DfE's) is refused, not written as an unchanged copy.
            var scaled: (scenario: Scenario, warnings: [String])?
            if let childrenFor, scenarioOut != nil, let loaded {
                let scaling = ScenarioScaling.scale(loaded, forecast: forecast, history: history, year: childrenFor)
                let homes = Set(loaded.cohorts.map(\.homeAuthority))
                // Refused before the per-authority warnings, which would say the children are kept.
                guard homes.isEmpty || scaling.warnings.count < homes.count else {
                    printToStandardError(
                        "--children-for \(childrenFor): none of \(loaded.name)'s authorities is in the forecast (it "
                            + "forecasts the authorities of DfE's tables in \(data)), so no scenario is written")
                    throw invalidInputExitCode
                }
                // Named children (an import's: one each, with a current provider or a sibling group)
                // cannot be scaled by multiplying counts: that copies a child and grows a sibling group.
                let individual = loaded.cohorts.filter { $0.siblingGroup != nil || $0.currentProvider != nil }
                guard individual.isEmpty else {
                    printToStandardError(
                        "--children-for \(childrenFor): \(loaded.name) holds \(individual.count) individual children "
                            + "(with a current provider or a sibling group, as `placement import` writes them); "
                            + "scaling their counts would copy named children and grow sibling groups, so no "
                            + "scenario is written: the forecast's children for \(childrenFor) are in its output")
                    throw invalidInputExitCode
                }
                for warning in scaling.warnings { printToStandardError(warning) }
                scaled = scaling
            }
            var sets: [(set: OutputSet, destination: String)] = []
            if let out {
                var results = OutputSet(command: Self._commandName)
                results.add(
                    ForecastFiles.files(
                        forecast, history: history, authorities: authorities, cooperatives: cooperatives,
                        backtest: backtestResult))
                sets.append((results, out))
            }
            if let scaled, let scenarioOut { sets.append((ScenarioWriter.set(scaled.scenario), scenarioOut)) }
            try ModeRunner.write(sets)
            switch format {
            case .json:
                try printToStandardOutput(
                    ForecastOutput.json(
                        forecast, authorities: authorities, cooperatives: cooperatives, backtest: backtestResult),
                    terminator: "")
            case .csv:
                // A backtest's result is its comparison, as in Markdown; its forecasts are in the JSON
                // and in `--out`'s forecast.csv.
                try printToStandardOutput(
                    backtestResult.map(BacktestOutput.csv)
                        ?? ForecastOutput.csv(forecast, scopes: [forecast.england] + authorities + cooperatives),
                    terminator: "")
            case .markdown:
                try printToStandardOutput(
                    backtestResult.map(BacktestOutput.markdown)
                        ?? ForecastOutput.markdown(forecast, authorities: authorities, cooperatives: cooperatives),
                    terminator: "")
            }
        }

        /// The scenario's co-operatives as the forecast can give them, each its members' sum. Where
        /// some of a scenario's authorities are not DfE's (a synthetic scenario such as `tiny`), it
        /// says so: a co-operative with no member in the tables is left out rather than shown as a
        /// row of blanks, and one with some is said to be the others' sum.
        static func cooperatives(
            of scenario: Scenario, in forecast: DemandForecast, data: String
        ) -> [DemandForecast.ScopeForecast] {
            let forecastCodes = Set(forecast.authorities.map(\.code))
            let unknown = scenario.authorities.filter { !forecastCodes.contains($0.id.rawValue) }
            if !unknown.isEmpty {
                let names = unknown.prefix(5).map(\.name).joined(separator: ", ") + (unknown.count > 5 ? ", …" : "")
                printToStandardError(
                    "\(scenario.name): warning: \(unknown.count) of its \(scenario.authorities.count) authorities "
                        + "(\(names)) are not in DfE's tables in \(data), so the forecast has no figures for them"
                        + (unknown.count == scenario.authorities.count ? "; England's forecast is shown alone" : ""))
            }
            return scenario.cooperatives.compactMap { cooperative in
                let missing = cooperative.members.filter { !forecastCodes.contains($0.rawValue) }
                guard missing.count < cooperative.members.count else { return nil }
                if !missing.isEmpty {
                    printToStandardError(
                        "\(cooperative.name): warning: its forecast is the sum of \(cooperative.members.count - missing.count) "
                            + "of its \(cooperative.members.count) members; \(missing.count) are not in DfE's tables")
                }
                return forecast.cooperative(cooperative)
            }
        }

        /// The furthest `--to` may reach past the last published year (2040 from 2025's figures).
        static let maximumHorizon = 15

        /// The history to fit, once the tables are known to publish the years the forecast (or the
        /// backtest) needs and `--to` and `--children-for` lie after the origin; otherwise the reason,
        /// and exit 64, as the other commands refuse a year without published figures. Nothing is
        /// written before.
        static func history(
            _ official: OfficialData, backtest: Int?, to: Int, childrenFor: Int?
        ) throws -> ForecastHistory {
            let history: ForecastHistory
            do throws(ForecastDataError) {
                if let backtest { try ForecastYears.requireBacktest(backtest, of: official) }
                history = try HistoryBuilder.build(official)
            } catch {
                // What the data publish, said as `baseline` and `simulate` say a year they lack: a usage
                // error, framed as one.
                throw UsageFailure.report(error.description, in: Self.self)
            }
            for (option, year) in [("--to", to), ("--children-for", childrenFor ?? to)] where year <= history.lastYear {
                throw UsageFailure.report(
                    "\(option) \(year): the forecast starts from the last published year, \(history.lastYear); "
                        + "give a later year", in: Self.self)
            }
            // A stock-and-flow projection damped towards the last count says little past this.
            guard to <= history.lastYear + maximumHorizon else {
                throw UsageFailure.report(
                    "--to \(to): at most \(maximumHorizon) years after the last published year, \(history.lastYear)",
                    in: Self.self)
            }
            return history
        }
    }
}
