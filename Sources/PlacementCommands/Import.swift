import ArgumentParser
import Foundation
import PlacementScenarios
import ScenarioGeneration

extension PlacementCommand {
    /// `placement import CHILDREN.csv --authority NAME_OR_CODE --as-of DATE`: a council's own children,
    /// one row each, turned into a scenario folder.
    public struct Import: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Turn a council's one-row-per-child CSV (docs/import-template.md) into a scenario folder.",
            discussion: """
                Reads child id, date of birth, DfE SSDA903 placement and provider codes, placing authority, \
                Ofsted URN, weekly cost, sibling group and needs; writes scenario.yaml, authorities.csv (England's \
                153), children.csv, providers.csv (the Ofsted register around the council and the children's \
                current providers), actuals.csv and a README.md of every assumption, all or nothing. Every \
                problem in the file is reported with its line and column, and nothing is written.
                """)

        @Argument(
            help: "The children file: one row per child, as docs/import-template.md describes.",
            completion: .file(extensions: ["csv"]))
        var children: String

        @Option(help: "The council looking after the children: its name or GSS code.")
        var authority: String

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("The day ages are counted at.", valueName: "YYYY-MM-DD"))
        var asOf: String

        @Option(help: "The scenario folder to write (default: the scenario's name, in the current folder).")
        var out: String?

        @Option(help: "The scenario's name (default: the council's name and the date).")
        var name: String?

        @Option(
            parsing: .unconditional,
            help: "Registered providers located within this many miles of the council join the market. (default: 75)",
            transform: DecimalOption.parse)
        var radius: Double = 75

        @Option(help: "The folder with the official tables (default: Fixtures/data; see its README.md).")
        var data: String?

        @Option(
            help: ArgumentHelp(
                "The council's foster households, one row each (carer_id, places, authority, approved_for, min_age, "
                    + "max_age; docs/import-template.md): its in-house foster places, in place of an estimate.",
                valueName: "carers.csv"),
            completion: .file(extensions: ["csv"]))
        var carers: String?

        @OptionGroup var quietOption: QuietOption

        public init() {}

        /// The years `--as-of` may fall in.
        static let asOfYears = 2000...2100

        public func validate() throws {
            guard let day = CalendarDate(parsing: asOf) else {
                throw ValidationError(
                    "--as-of must be a date such as 2025-03-31; got '\(TerminalSafeText.escaping(asOf))'")
            }
            // Ages are counted at it against today's register: a date centuries off is a typing slip.
            guard Self.asOfYears.contains(day.year) else {
                throw ValidationError(
                    "--as-of must be a date from \(Self.asOfYears.lowerBound) to \(Self.asOfYears.upperBound); got '\(asOf)'"
                )
            }
            guard radius.isFinite, (0...1000).contains(radius) else {
                throw ValidationError("--radius must be a number of miles from 0 to 1000; got \(radius)")
            }
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("--name must not be empty: give the scenario's name, or leave --name out")
            }
            if let name, let problem = IdentifierRules.problem(name) {
                throw ValidationError("--name '\(TerminalSafeText.escaping(name))' \(problem)")
            }
        }

        public func run() throws {
            let data = self.data ?? DataFolder.shipped
            try ModeRunner.prepareOutput(
                out, command: nil, quiet: quietOption.quiet, reading: [children, data] + (carers.map { [$0] } ?? []),
                kind: .scenario)
            try DataFolder.require(data, named: self.data != nil)
            let official = try readingInput { () throws(ScenarioError) in
                try Progress.shared.run("reading \(data)") { () throws(ScenarioError) in
                    try OfficialData.read(from: data)
                }
            }
            let lookup = NameLookup(kind: .authority, entries: official.authorities.map { ($0.code, $0.name) })
            guard lookup.index(of: authority) != nil else {
                printToStandardError("--authority: \(lookup.missing(authority))")
                throw ExitCode.validationFailure
            }
            guard let day = CalendarDate(parsing: asOf) else {
                throw ValidationError("--as-of must be a date such as 2025-03-31; got '\(asOf)'")
            }
            var options = CouncilImport.Options(authority: authority, asOf: day, name: name)
            options.radiusMiles = radius
            let imported: CouncilImport
            do {
                imported = try CouncilImport.build(
                    children: children, file: (children as NSString).lastPathComponent,
                    carers: carers.map { ($0, ($0 as NSString).lastPathComponent) }, data: official, options: options)
            } catch {
                printToStandardError(error.description)
                let files = [children] + (carers.map { [$0] } ?? [])
                printToStandardError("\(files.joined(separator: " and ")): \(error.errorCount); nothing was written.")
                throw invalidInputExitCode
            }
            for warning in imported.warnings { printToStandardError(warning.description) }
            try Self.check(imported)
            let destination = out ?? imported.scenario.name
            if out == nil {
                try ModeRunner.checkOutput(destination, option: "the scenario's folder", command: nil, kind: .scenario)
            }
            try ModeRunner.write(imported.files, into: destination, command: nil, kind: .scenario)
            for line in imported.summary { printToStandardError(line) }
            try printToStandardOutput(
                "Scenario written to \(TerminalSafeText.escaping(destination)); check it with: placement validate "
                    + TerminalSafeText.escaping(destination))
        }

        /// The folder is loaded back before it is written, so that `placement validate` accepts it.
        private static func check(_ imported: CouncilImport) throws {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("placement-import-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                for (name, text) in imported.files {
                    try text.write(
                        toFile: (folder as NSString).appendingPathComponent(name), atomically: false, encoding: .utf8)
                }
            } catch {
                printToStandardError("cannot check the scenario: \(error.localizedDescription)")
                throw failureExitCode
            }
            do {
                let loaded = try ScenarioLoader.load(from: folder)
                // The import has already said, in its own words, where a child lives in an area it avoids.
                for warning in loaded.warnings where warning.field != "avoid_authorities" {
                    printToStandardError(imported.locatedInChildrenFile(warning).description)
                }
            } catch {
                printToStandardError(
                    "the imported scenario does not validate (a fault of the import):\n\(error.description)")
                throw failureExitCode
            }
        }
    }
}
