import ArgumentParser
import LinearProgramming
import PlacementOptimisation
import PlacementPlanning
import PlacementReports
import PlacementScenarios
import PlacementShocks
import PlacementSimulation

extension PlacementCommand {
    /// `placement compare SCENARIO`: several modes side by side.
    public struct Compare: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Solve several commissioning modes and compare M1, M2, distance, cost and unmet need.",
            discussion: """
                When the scenario's authorities have DfE's published figures in --data, today's placements \
                (as-is: the as-is baseline calibrated on the latest published year, carried onto the \
                scenario's providers) are shown beside the modes, and each mode as a change from them. The \
                modes then solve today's market: residential places × occupancy (short-break-only places \
                counting nothing), less the places children from outside the scenario hold, with the places \
                beyond its boundary its children use today. --empty-market treats every place as empty and free.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        @OptionGroup var modeList: ModeListOptions

        @OptionGroup var options: SolvingOptions

        @OptionGroup var drawOptions: DrawOptions

        @OptionGroup var planFile: PlanFileOptions

        @OptionGroup var market: MarketOptions

        @Option(
            help: "The folder with the official CSV files (default: the scenario's ../../data, else Fixtures/data).")
        var data: String?

        @Flag(
            help: ArgumentHelp(
                "Also solve every mode with each of the policy's weights (cost per mile, out-of-area penalty, "
                    + "council-run preference, weight on price) at each end of a wide range, the others as set; in "
                    + "today's market, also as-is and every mode with each market assumption (occupancy, short-break "
                    + "places, places beyond the boundary, council-run and market prices) at each end of its range."))
        var sensitivity = false

        public init() {}

        public func validate() throws {
            if sensitivity, drawOptions.draws != nil {
                throw ValidationError("--sensitivity solves one draw; leave out --draws, or run them apart")
            }
        }

        public func run() throws {
            let started = ContinuousClock.now
            let modes = try modeList.parsed
            try ModeRunner.prepareOutput(
                options.out, command: Self._commandName, quiet: options.quiet,
                reading: [scenario, data, drawOptions.shocks, planFile.plan])
            let marketData = MarketData(named: data, scenario: scenario, options: market)
            let unplanned = try loadScenario(scenario)
            // After the scenario has loaded beside the read.
            try marketData.requireReadable(for: unplanned)
            let adopted = try planFile.adopted(for: unplanned)
            let loaded = planFile.apply(adopted, to: unplanned)
            let shockFile = try drawOptions.shockFile(for: loaded)
            if let draws = drawOptions.draws {
                ModeRunner.sayRegionalWithoutCooperatives(loaded, modes: modes)
                // Today's market of the scenario as loaded; each draw rebuilds it after its shocks.
                let baseline = try marketData.baseline(for: loaded)
                try runDraws(
                    draws, scenario: unplanned, planned: adopted, shocks: shockFile, modes: modes, market: baseline,
                    started: started)
                return
            }
            // Shocks strike today's providers; a plan's places open after them, as in `simulate` and
            // `sufficiency`.
            let (shockedToday, applied) = try drawOptions.shocked(unplanned, by: shockFile)
            for shock in applied { printToStandardError("shock: \(shock.label): \(shock.detail)") }
            let scenario = planFile.apply(adopted, to: shockedToday, announcing: false)
            // Today's market is before the shocks; they strike it as they strike each draw's, and the
            // modes solve (and the reports describe) what they leave.
            let todays = try marketData.baseline(for: loaded)
            // Today's placements are today's: a plan's places are not built yet.
            let shocked = shockFile == nil ? nil : shockedToday
            let unshocked = adopted == nil ? nil : unplanned
            // With shocks and a plan: the plan's scenario now, whose places the displaced may take.
            let plannedNow =
                shocked != nil && adopted != nil ? planFile.apply(adopted, to: unplanned, announcing: false) : nil
            /// The modes and as-is in `market` (today's, before any shock): the market the modes solved
            /// (after the shocks), their results, today's placements.
            func solve(in market: MarketBaseline, notes: Bool) throws -> (
                MarketBaseline, [SolvedMode], TodaysPlacements?
            ) {
                let solvedMarket = shockFile == nil ? market : market.afterShocks(scenario)
                let (results, today) = try Self.solve(
                    modes, in: solvedMarket.scenario(or: scenario), notes: notes,
                    fitting: {
                        if let shocked {
                            // The children the shocks displace may take the plan's places, as in `simulate`.
                            market.todaysPlacements(
                                after: shocked, today: unshocked,
                                planned: plannedNow.map { (places: market.newPlaces(of: $0), shocked: scenario) })
                        } else {
                            market.todaysPlacements(today: unshocked)
                        }
                    }, options: options, started: started)
                return (solvedMarket, results, today)
            }
            let (baseline, results, today) = try solve(in: todays, notes: true)
            let solvedScenario = baseline.scenario(or: scenario)
            let asIs = baseline.comparison(today)
            let weights =
                try sensitivity
                ? Self.weightSensitivity(results, in: solvedScenario, options: options, started: started) : nil
            var market: MarketAssumptionSensitivity?
            if sensitivity, let today, let assumptions = baseline.market?.assumptions {
                var points: [MarketAssumptionSensitivity.Point] = []
                for (varied, end, changed) in assumptions.ends() {
                    let (_, solved, asIs) = try Progress.shared.run("sensitivity: \(varied.key) \(end)") {
                        try solve(in: marketData.baseline(todays, with: changed, for: loaded), notes: false)
                    }
                    points.append(
                        MarketAssumptionSensitivity.Point(
                            assumption: varied.name, key: varied.key, end: end,
                            value: changed[keyPath: varied.keyPath].value,
                            asIs: asIs?.metrics.total, modes: solved.map { ($0.mode, $0.metrics.total) }))
                }
                market = MarketAssumptionSensitivity(
                    base: results.map { ($0.mode, $0.metrics.total) }, baseAsIs: today.metrics.total, points: points)
            }
            let json = ResultJSON.comparison(
                results, scenario: scenario, asIs: asIs, sensitivity: weights, marketSensitivity: market)
            let markdown = ResultMarkdown.comparison(
                results, scenario: scenario, asIs: asIs, sensitivity: weights, marketSensitivity: market)
            let metrics = ResultCSV.metrics(results, scenario: scenario, asIs: asIs.asIs)
            if let out = options.out {
                var files = [("comparison.json", json), ("comparison.md", markdown), ("metrics.csv", metrics)]
                for result in results {
                    files.append(("placements-\(result.mode.rawValue).csv", ResultCSV.placements(result.result)))
                }
                if let today = asIs.asIs {
                    files.append(
                        ("placements-as-is.csv", ResultCSV.placements(today.decisions, mode: AsIsComparison.label)))
                }
                var report = ComparisonReport(results, scenario: scenario, asIs: asIs)
                report.shocked = !applied.isEmpty
                report.sensitivity = weights
                report.marketSensitivity = market
                files += report.files
                try ModeRunner.write(files, into: out, command: Self._commandName)
                // On stderr, so that the comparison printed on stdout stays clean for a pipe.
                printToStandardError("\(files.count) files written to \(out); the report is \(out)/report.html")
            }
            switch options.printed {
            case .markdown: try printToStandardOutput(markdown, terminator: "")
            case .json: try printToStandardOutput(json, terminator: "")
            case .csv: try printToStandardOutput(metrics, terminator: "")
            }
        }

        /// The modes (several at once), and today's placements (`fitToday`) fitted on a thread of
        /// their own beside them.
        private static func solve(
            _ modes: [CommissioningMode], in scenario: Scenario, notes: Bool,
            fitting fitToday: @escaping @Sendable () -> TodaysPlacements?, options: SolvingOptions,
            started: ContinuousClock.Instant
        ) throws -> ([SolvedMode], TodaysPlacements?) {
            enum Work: Sendable {
                case modes([SolvedMode])
                case asIs(TodaysPlacements?)
            }
            let parts = DedicatedThreads.map(2, maximumThreads: 2) { part -> Work in
                guard part == 0 else { return .asIs(fitToday()) }
                return .modes(
                    try ModeRunner.solve(scenario, modes: modes, options: options, started: started, notes: notes))
            }
            var results: [SolvedMode] = []
            var today: TodaysPlacements?
            for part in parts {
                switch try part.get() {
                case .modes(let solved): results = solved
                case .asIs(let placements): today = placements
                }
            }
            return (results, today)
        }

        /// `--sensitivity`: every mode solved again at each end of each policy weight's range, in the
        /// same market (the scenario the modes solved).
        private static func weightSensitivity(
            _ results: [SolvedMode], in scenario: Scenario, options: SolvingOptions, started: ContinuousClock.Instant
        ) throws -> PolicyWeightSensitivity {
            let modes = results.map(\.mode)
            var points: [PolicyWeightSensitivity.Point] = []
            for (weight, end, value) in PolicyWeightSensitivity.ends(of: scenario.policy) {
                var varied = scenario
                varied.policy[keyPath: weight.keyPath] = value
                let solved = try Progress.shared.run("sensitivity: \(weight.key) \(end)") {
                    try ModeRunner.solve(varied, modes: modes, options: options, started: started, notes: false)
                }
                points.append(
                    PolicyWeightSensitivity.Point(
                        weight: weight.label, key: weight.key, end: end, value: value,
                        modes: solved.map { ($0.mode, $0.metrics.total) }))
            }
            return PolicyWeightSensitivity(base: results.map { ($0.mode, $0.metrics.total) }, points: points)
        }

        /// `--draws N`: every mode in N seeded draws on all cores, summarised.
        /// `scenario` is today's (without an adopted plan): each draw's shocks strike it, and the
        /// plan's places open after them.
        private func runDraws(
            _ draws: Int, scenario: Scenario, planned adopted: AdoptedPlan?, shocks: ShockFile?,
            modes: [CommissioningMode], market baseline: MarketBaseline, started: ContinuousClock.Instant
        ) throws {
            let openBy = planFile.openBy
            var opening: (@Sendable (Scenario) -> Scenario)?
            if let adopted {
                opening = { @Sendable (drawn: Scenario) -> Scenario in drawn.applying(adopted, openBy: openBy) }
            }
            let results = try DrawRunning.run(
                scenario, shocks: shocks, modes: modes, draws: draws, seed: drawOptions.seed, options: options,
                market: baseline, started: started, opening: opening)
            // The report is titled by the first draw's scenario: shocked, then planned.
            let (shocked, applied) = try drawOptions.shocked(scenario, by: shocks)
            let titled = planFile.apply(adopted, to: shocked, announcing: false)
            let comparison = DrawComparison(
                results, scenario: titled, seed: drawOptions.seed, shocks: applied,
                market: baseline.drawMarket(shocked: shocks != nil))
            if let out = options.out {
                let files =
                    [
                        ("comparison-draws.json", comparison.json),
                        ("comparison-draws.csv", DrawsCSV.csv([.init(label: nil, results: results)])),
                    ] + comparison.files
                try ModeRunner.write(files, into: out, command: Self._commandName)
                printToStandardError("\(files.count) files written to \(out); the report is \(out)/report.html")
            }
            switch options.printed {
            case .markdown:
                try printToStandardOutput(MarkdownReport.render(comparison.document, stem: "report"), terminator: "")
            case .json: try printToStandardOutput(comparison.json, terminator: "")
            case .csv: try printToStandardOutput(comparison.csv, terminator: "")
            }
        }
    }
}
