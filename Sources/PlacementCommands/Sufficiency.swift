import ArgumentParser
import Foundation
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

extension PlacementCommand {
    /// `placement sufficiency SCENARIO (--authority CODE | --cooperative ID | --all)`: the section 22G
    /// sufficiency report of an authority, a co-operative or every authority.
    public struct Sufficiency: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Write section 22G sufficiency reports: demand against places, gaps, and where new in-house "
                + "places would help most.",
            discussion: """
                When the scenario's authorities have published figures in --data, the mode solves today's \
                market and the summary and current provision show the scope's children today (as-is) beside \
                it (--empty-market: every place empty and free, no as-is). The report shows the demand forecast (children looked after to five years past DfE's last \
                published year, with 80% intervals) when the scenario's authorities are in DfE's tables in \
                --data. With --plan FILE (plan.csv from plan --out), a section "What the plan adds": the \
                homes and carers it builds in scope and the scope's measures without and with it. With \
                --simulate-to YEAR, a section "Projected placements": the scenario simulated as simulate does \
                it from \(Simulate.defaultFrom) to YEAR under as-is and the report's mode (the plan's places, \
                with --plan, opening in their own years), the scope's own children's M1, M2, share over 20 \
                miles, weekly cost and unplaced children each year. With --out, writes sufficiency.html, sufficiency.md, sufficiency.json and a CSV per table into \
                the folder; with --all, one folder per authority (named by its code) and an index. Without \
                --out, prints one report as Markdown or JSON.
                """)

        @Argument(help: "The scenario folder (with scenario.yaml).")
        var scenario: String

        @Option(help: "An authority's GSS code (or its name).")
        var authority: String?

        @Option(help: "A co-operative, by its id or its name.")
        var cooperative: String?

        @Flag(help: "Every authority with children in the scenario, each in its own folder.")
        var all = false

        @Option(
            help:
                "The commissioning mode solved for the report (default: regional for a co-operative, else council-coordinated)."
        )
        var mode: CommissioningMode?

        @Option(
            help: ArgumentHelp(
                "The folder with DfE's tables, for today's market and the demand forecast (default: the "
                    + "scenario's ../../data, else Fixtures/data; see Fixtures/data/README.md)."))
        var data: String?

        @OptionGroup var options: SolvingOptionsPrinting<ReportFormat>

        @OptionGroup var shockOptions: ShockOptions

        @OptionGroup var planFile: PlanFileOptions

        @OptionGroup var market: MarketOptions

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Project placements to this year: the scenario simulated from \(Simulate.defaultFrom) under as-is "
                    + "and the report's mode (section \"Projected placements\").", valueName: "YEAR"))
        var simulateTo: Int?

        @Option(parsing: .unconditional, help: "With --simulate-to: seeded draws of each mode.")
        var draws = 1

        public init() {}

        public func validate() throws {
            let scopes = [authority != nil, cooperative != nil, all].filter { $0 }.count
            guard scopes == 1 else {
                throw ValidationError("name exactly one of --authority CODE, --cooperative ID or --all")
            }
            if options.out == nil, all {
                throw ValidationError("--all writes one folder per authority: give --out DIR")
            }
            if let simulateTo, !(Simulate.defaultFrom < simulateTo && simulateTo - Simulate.defaultFrom <= 30) {
                throw ValidationError(
                    "--simulate-to must be a year after \(Simulate.defaultFrom), at most 30 years after it")
            }
            guard (1...1_000).contains(draws) else { throw ValidationError("--draws must be 1 to 1,000") }
            if draws != 1, simulateTo == nil { throw ValidationError("--draws needs --simulate-to YEAR") }
        }

        public func run() throws {
            let started = ContinuousClock.now
            try ModeRunner.prepareOutput(
                options.out, command: Self._commandName, quiet: options.quiet,
                reading: [scenario, data, shockOptions.shocks, planFile.plan])
            let marketData = MarketData(named: data, scenario: self.scenario, options: market)
            let data = marketData.folder
            let loaded = try loadScenario(scenario)
            let scenario = try shockOptions.apply(to: loaded)
            let shocked = shockOptions.shocks != nil
            let scopes: [SufficiencyReport.Scope] =
                if let authority { [.authority(authority)] } else if let cooperative {
                    [.cooperative(cooperative)]
                } else { try everyAuthorityWithChildren(in: scenario) }
            // Check the scope before solving, so that a typo fails at once.
            let members = try scopes.flatMap { try memberCodes(of: $0, in: scenario) }
            let mode = self.mode ?? (cooperative == nil ? .councilCoordinated : .regional)
            let adopted = try planFile.adopted(for: scenario)
            // Today's market and placements, from the official data when the authorities have figures there.
            // Today's market is before the shocks; they strike it as they strike each draw's, and the
            // mode solves (and the report describes) what they leave.
            let todays = try marketData.baseline(for: loaded)
            let baseline = shocked ? todays.afterShocks(scenario) : todays
            let solvedScenario = baseline.scenario(or: scenario)
            let result = try ModeRunner.solve(solvedScenario, mode: mode, options: options, started: started)
            let context = Progress.shared.run("pricing new in-house places") {
                SufficiencyReport.Context(result, authorities: members)
            }
            var reports = try Progress.shared.run("building reports", total: scopes.count) {
                try scopes.map { scope in
                    defer { Progress.shared.advance() }
                    return try SufficiencyReport(scope, context: context)
                }
            }
            if let adopted {
                let effect = try Progress.shared.run("solving with the adopted plan") {
                    try adopted.effect(on: solvedScenario, members: Set(members), openBy: planFile.openBy) {
                        try ModeRunner.solve($0, mode: mode, options: options, started: started)
                    }
                }
                for index in reports.indices { reports[index].planEffect = effect }
            }
            let asIs = baseline.comparison(
                Progress.shared.run("fitting today's placements") {
                    shocked ? todays.todaysPlacements(after: scenario) : todays.todaysPlacements()
                })
            if let simulateTo {
                let projection = try Progress.shared.run("simulating to \(simulateTo)") {
                    try SufficiencyProjections.make(
                        loaded, folder: self.scenario, data: data, from: Simulate.defaultFrom, to: simulateTo,
                        mode: mode, draws: draws, plan: adopted, calibrated: baseline.allocation,
                        shocked: shocked ? scenario : nil)
                }
                for index in reports.indices { reports[index].projection = projection }
            }
            let outlooks = Progress.shared.run("forecasting demand") {
                SufficiencyOutlooks.make(scopes, scenario: scenario, data: data)
            }
            for (index, outlook) in outlooks.enumerated() {
                reports[index].outlook = outlook
                reports[index].asIs = asIs
                reports[index].shocked = shocked
            }
            guard let out = options.out else {
                try Self.printReport(reports[0].document, stem: "sufficiency", as: options.format ?? .markdown)
                return
            }
            if all {
                let codes = scopes.map { scope -> String in
                    if case .authority(let code) = scope { code } else { "" }
                }
                let set = Self.allReports(reports, codes: codes, context: context)
                try ModeRunner.write(set, to: out)
                try ModeRunner.confirm(
                    "\(set.folders.count) sufficiency report\(set.folders.count == 1 ? "" : "s") written under "
                        + "\(TerminalSafeText.escaping(out)); "
                        + "index: \(TerminalSafeText.escaping(out))/index.html", printing: options.format?.outputFormat)
                if let format = options.format {
                    try Self.printReport(SufficiencyIndex.document(context), stem: "index", as: format)
                }
            } else {
                try ModeRunner.write(reports[0].files, into: out, command: Self._commandName)
                try ModeRunner.confirm(
                    "Sufficiency report written: \(TerminalSafeText.escaping(out))/sufficiency.html (and .md, .json, CSV tables)",
                    printing: options.format?.outputFormat)
                if let format = options.format {
                    try Self.printReport(reports[0].document, stem: "sufficiency", as: format)
                }
            }
        }

        /// A report on stdout in `format`.
        static func printReport(_ document: ReportDocument, stem: String, as format: ReportFormat) throws {
            try printToStandardOutput(
                format == .json ? TabularReport.json(document) : MarkdownReport.render(document, stem: stem),
                terminator: "")
        }

        /// The index and one folder per authority, named by its code made a safe file name (distinct,
        /// never `.`, `..` or a path), so that no code can write outside `--out` or over another report.
        static func allReports(
            _ reports: [SufficiencyReport], codes: [String], context: SufficiencyReport.Context
        ) -> OutputSet {
            let indexNames = ReportFiles.names(SufficiencyIndex.document(context), stem: "index")
            let folders = OutputName.distinct(codes, reserved: Set(indexNames + [OutputFolder.markerName]))
            let folderOf = Dictionary(zip(codes, folders), uniquingKeysWith: { first, _ in first })
            var set = OutputSet(command: Self._commandName)
            set.add(
                ReportFiles.files(SufficiencyIndex.document(context, folderOf: { folderOf[$0] ?? $0 }), stem: "index"))
            for (report, folder) in zip(reports, folders) { set.add(report.files, in: folder) }
            return set
        }

        /// `--all`: every authority with children; the others (an imported council's scenario holds
        /// every English authority, for their places) would have empty reports.
        private func everyAuthorityWithChildren(in scenario: Scenario) throws -> [SufficiencyReport.Scope] {
            let authorities = SufficiencyReport.authoritiesWithChildren(in: scenario)
            guard !authorities.isEmpty else {
                printToStandardError(
                    "\(TerminalSafeText.escaping(self.scenario)): no authority has children in the scenario, so there is "
                        + "no report")
                // The scenario's content, not how the command was called: an input error.
                throw invalidInputExitCode
            }
            let without = scenario.ownAuthorities.count - authorities.count
            if without > 0 {
                printToStandardError(
                    "note: \(without) of the scenario's \(scenario.ownAuthorities.count) authorities "
                        + "\(without == 1 ? "has" : "have") no children in it and get\(without == 1 ? "s" : "") no report"
                )
            }
            return authorities.map { .authority($0.id.rawValue) }
        }

        private func memberCodes(of scope: SufficiencyReport.Scope, in scenario: Scenario) throws -> [AuthorityCode] {
            do {
                return try SufficiencyReport.resolve(scope, in: scenario).members
            } catch {
                throw UsageFailure.report("\(self.scenario): \(error.description)", in: Self.self)
            }
        }
    }
}
