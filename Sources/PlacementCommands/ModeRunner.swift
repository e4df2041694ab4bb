import ArgumentParser
import Foundation
import LinearProgramming
import PlacementOptimisation
import PlacementReports
import PlacementScenarios

/// Solves modes for the commands, turning solver errors into exit code 2 and printing statistics
/// when asked.
enum ModeRunner {
    /// `started`: when the command started, from which its time limit runs.
    static func solve<Format>(
        _ scenario: Scenario, mode: CommissioningMode, options: SolvingOptionsPrinting<Format>,
        started: ContinuousClock.Instant
    ) throws -> SolvedMode {
        let solved = Result { () throws(OptimiserError) in
            try Progress.shared.run("solving \(mode.rawValue) mode") { () throws(OptimiserError) in
                try PlacementOptimiser.solve(scenario, mode: mode, options: options.optimiserOptions(started: started))
            }
        }
        return try report(solved, scenario: scenario, mode: mode, options: options)
    }

    /// Several modes at once, as many as `--threads` (default: the cores), each on a thread of its own:
    /// a mode's serial steps (building its problem, assembling its result) and its largest placement
    /// type leave a core idle that another mode fills. The results, and what is said about them on
    /// stderr, come in the order of `modes`; each mode's result is the same as solved alone.
    /// `notes`: whether the notes about the scenario (regional mode without co-operatives) are said;
    /// a re-solve of the same scenario (a sensitivity's) leaves them to the first.
    static func solve<Format>(
        _ scenario: Scenario, modes: [CommissioningMode], options: SolvingOptionsPrinting<Format>,
        started: ContinuousClock.Instant, notes: Bool = true
    ) throws -> [SolvedMode] {
        let concurrent = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let solved = DedicatedThreads.map(modes.count, maximumThreads: concurrent) { index in
            try Progress.shared.run("solving \(modes[index].rawValue) mode") { () throws(OptimiserError) in
                try PlacementOptimiser.solve(
                    scenario, mode: modes[index], options: options.optimiserOptions(started: started))
            }
        }
        return try zip(modes, solved).map { mode, result in
            let typed = result.mapError { error -> OptimiserError in
                error as? OptimiserError ?? .brokenInvariant(String(describing: error))
            }
            return try report(typed, scenario: scenario, mode: mode, options: options, notes: notes)
        }
    }

    /// An import, or a scenario without cooperatives.csv: regional mode is there and means nothing
    /// more than each council alone, which is said on stderr rather than shown as a third answer.
    static func sayRegionalWithoutCooperatives(_ scenario: Scenario, modes: [CommissioningMode]) {
        guard modes.contains(.regional), !scenario.hasCooperativeWithChildren else { return }
        printToStandardError(
            "regional: no authority with children in \(TerminalSafeText.escaping(scenario.name)) belongs to a "
                + "co-operative (cooperatives.csv), so regional commissioning here is each council commissioning alone")
    }

    /// A mode's result, or its error said on stderr as exit code 2; a stop at the time limit and, with
    /// `--verbose`, the statistics said on stderr.
    private static func report<Format>(
        _ solved: Result<SolvedMode, OptimiserError>, scenario: Scenario, mode: CommissioningMode,
        options: SolvingOptionsPrinting<Format>, notes: Bool = true
    ) throws -> SolvedMode {
        let result: SolvedMode
        switch solved {
        case .success(let value): result = value
        case .failure(let error):
            printToStandardError("\(scenario.name), \(mode.rawValue) mode: \(error.description)")
            throw failureExitCode
        }
        if notes { sayRegionalWithoutCooperatives(scenario, modes: [mode]) }
        if case .timeLimit(let gap) = result.status {
            // Quiet output would read as an optimum: say so wherever the result is printed.
            let bound = gap.map { String(format: "within %.2f%% of the best bound", $0 * 100) } ?? "with no bound known"
            printToStandardError(
                "\(mode.rawValue): stopped at the time limit; the plan is feasible, \(bound), not proven optimal")
        }
        if options.verbose {
            let s = result.statistics
            printToStandardError(
                "\(mode.rawValue): \(result.status.label), \(s.models) model(s), \(s.rows) rows, \(s.columns) columns, "
                    + "\(s.nonzeros) nonzeros, \(s.iterations) iterations; build \(Elapsed.seconds(s.buildSeconds)) s, "
                    + "GLPK \(Elapsed.seconds(s.solveSeconds)) s (summed over threads), wall \(Elapsed.seconds(s.wallSeconds)) s"
            )
        }
        return result
    }

    /// Where the files went: on stdout, or on stderr when stdout carries the result (`--format`).
    static func confirm(_ line: String, printing format: OutputFormat?) throws {
        if format == nil { try printToStandardOutput(line) } else { printToStandardError(line) }
    }

    /// Before anything is solved: installs the interrupt clean-up and checks that `--out` may be
    /// replaced (absent, empty, or an earlier result set of `command`) and can be written there, else a usage error.
    /// `inputs`: what the run reads (its scenario, data, plan, shocks), which `--out` may not replace.
    /// `command`: the command writing results (`compare`), which replaces only its own; nil for a scenario.
    static func prepareOutput(
        _ out: String?, command: String?, quiet: Bool = false, reading inputs: [String?] = [],
        kind: OutputKind = .results
    ) throws {
        InterruptHandling.install()
        Progress.shared.silence(quiet)
        try checkOutput(out, option: "--out", command: command, reading: inputs, kind: kind)
    }

    /// Checks one output folder option as ``prepareOutput(_:command:quiet:reading:kind:)`` does,
    /// naming `option` in the error (a usage error, exit 64).
    static func checkOutput(
        _ folder: String?, option: String, command: String?, reading inputs: [String?] = [],
        kind: OutputKind = .results
    ) throws {
        guard let folder else { return }
        guard !folder.trimmingCharacters(in: .whitespaces).isEmpty else {
            printToStandardError("\(option): give the folder to write, not an empty name")
            throw ExitCode.validationFailure
        }
        do {
            try OutputFolder.checkReplaceable(
                folder, keeping: inputs.compactMap { $0 }, kind: kind, command: command)
            try OutputFolder.checkWritable(folder)
        } catch {
            printToStandardError("\(option) \(error.description)")
            throw ExitCode.validationFailure
        }
    }

    /// Writes a result set into `directory`, replacing it whole (see ``OutputFolder``).
    static func write(_ set: OutputSet, to directory: String) throws {
        try write([(set, directory)])
    }

    /// Writes several sets all or nothing (`generate real`'s three scenarios; `forecast`'s results
    /// and scenario): none is put in place until every one is written.
    static func write(_ sets: [(set: OutputSet, destination: String)]) throws {
        guard !sets.isEmpty else { return }
        InterruptHandling.install()
        do {
            let files = sets.reduce(0) { $0 + $1.set.files.count }
            try Progress.shared.run("writing \(files) files") { () throws(OutputError) in
                try OutputFolder.write(sets)
            }
        } catch {
            let kinds = Set(sets.map(\.set.kind))
            let what =
                kinds == [.scenario]
                ? (sets.count == 1 ? "the scenario" : "the scenarios")
                : kinds == [.results] ? "results" : "results and the scenario"
            printToStandardError("cannot write \(what): \(error.description)")
            throw failureExitCode
        }
    }

    /// Writes files as one set of `kind` into `directory`; `command` as for ``prepareOutput(_:command:quiet:reading:kind:)``.
    static func write(
        _ files: [(name: String, text: String)], into directory: String, command: String?,
        kind: OutputKind = .results
    ) throws {
        var set = OutputSet(kind: kind, command: command)
        set.add(files)
        try write(set, to: directory)
    }
}
