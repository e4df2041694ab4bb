import Foundation

/// Whether places that open in `opening` and, with a `closing` year, are gone from it are open in
/// `year`: the one reading of a build's years that the plan file, the simulation and the reports share.
public func isOpen(in year: Int, opening: Int, closing: Int?) -> Bool {
    opening <= year && (closing.map { year < $0 } ?? true)
}

/// One row of a plan file (`plan.csv`): a candidate the plan builds, how many units, and the year
/// its places open.
public struct PlannedBuild: Sendable, Hashable {
    public var candidate: CapacityCandidate
    /// Homes or households built (the file's `units`).
    public var units: Int
    /// The calendar year the places take their first child.
    public var openingYear: Int
    /// As the plan that chose it measured them (optional columns, carried for reports): weekly
    /// objective saved, pounds paid a week less, and years to repay the one-off cost.
    public var weeklySaving: Double?
    public var weeklySpendSaving: Double?
    public var paybackYears: Double?
    /// Where the row is, for messages about it once a scenario is known.
    public var file: String
    public var line: Int
    public var authorityColumn: Int?

    public init(
        candidate: CapacityCandidate, units: Int, openingYear: Int, weeklySaving: Double? = nil,
        weeklySpendSaving: Double? = nil, paybackYears: Double? = nil, file: String = "plan.csv", line: Int = 0,
        authorityColumn: Int? = nil
    ) {
        self.candidate = candidate
        self.units = units
        self.openingYear = openingYear
        self.weeklySaving = weeklySaving
        self.weeklySpendSaving = weeklySpendSaving
        self.paybackYears = paybackYears
        self.file = file
        self.line = line
        self.authorityColumn = authorityColumn
    }

    /// Places added: units × places per unit.
    public var places: Int { units * candidate.placesPerUnit }
}

/// Reads and writes plan files: `candidates.csv`'s columns (with `units` the units built) plus
/// `sector` (`local_authority`: the new places are council-run; `private` for a block contract's),
/// `opening_year`, and the optional
/// `weekly_saving`, `weekly_spend_saving` and `payback_years` of the plan that chose them. Every
/// problem is reported with file, line and column, as for a scenario table.
public enum PlanFileReader {
    public static let columns = [
        "id", "kind", "authority", "placement_type", "sector", "places", "units", "capital_cost", "weekly_cost",
        "years_to_open", "opening_year", "life_years", "term_years", "specialisms", "min_age", "max_age",
        "weekly_saving",
        "weekly_spend_saving", "payback_years",
    ]
    static let required = [
        "id", "kind", "authority", "sector", "places", "units", "capital_cost", "weekly_cost", "opening_year",
    ]

    /// The largest plan file read: 10,000 builds of the longest plausible rows (a few hundred bytes
    /// each, 2 KB allowed).
    static let largestFileBytes = 20_000_000

    /// The longest payback a plan file holds, in years; a longer one is written as none ("never").
    public static let longestPaybackYears = 10_000.0

    /// The builds in the file at `path`, named `file` in messages.
    public static func read(_ path: String, file: String) throws(ScenarioError) -> [PlannedBuild] {
        var log = IssueLog()
        // Refused before it is read: a file far past the builds a plan holds (a million rows are some
        // 90 MB) would take gigabytes to parse only to be refused at its 10,001st row.
        if let bytes = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            bytes > largestFileBytes
        {
            log.error(
                file,
                "is \(NumberText.grouped(Double(bytes) / 1_000_000)) MB, more than the \(largestFileBytes / 1_000_000) MB "
                    + "that \(NumberText.grouped(ScenarioLimits.plannedBuilds)) builds, a plan file's most, could take")
            throw ScenarioError(issues: log.issues)
        }
        guard let table = CSVTable.read(path, file: file, required: required, log: &log) else {
            throw ScenarioError(issues: log.issues)
        }
        // plan --out writes these columns alone: another is a damaged or hand-edited file.
        // An empty header cell (a spreadsheet's trailing column) is no column.
        for name in table.header where !name.isEmpty && !columns.contains(name) {
            let suggestion = nearest(to: name, in: columns).map { " (did you mean \($0)?)" } ?? ""
            log.error(
                file, line: 1,
                "unknown column '\(TerminalSafeText.escaping(name))'\(suggestion); a plan file has the columns "
                    + "plan --out writes")
        }
        if table.rows.count > ScenarioLimits.plannedBuilds {
            let first = table.rows[ScenarioLimits.plannedBuilds]
            log.error(
                file, line: first.line,
                "more than \(NumberText.grouped(ScenarioLimits.plannedBuilds)) builds (this row is build "
                    + "\(NumberText.grouped(ScenarioLimits.plannedBuilds + 1)) of \(NumberText.grouped(table.rows.count))); "
                    + "a plan file holds at most \(NumberText.grouped(ScenarioLimits.plannedBuilds))")
            throw ScenarioError(issues: log.issues)
        }
        var builds: [PlannedBuild] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let candidate = CandidateReader.candidate(row, known: .unchecked, log: &log)
            if let sector = row.requiredChoice("sector", Sector.self, log: &log), let kind = candidate?.kind,
                sector != kind.sector
            {
                row.error(
                    "sector", "a \(kind.rawValue) is run by the \(kind.sector.rawValue) sector, not \(sector.rawValue)",
                    log: &log)
                continue
            }
            // A year the simulation can run to (0 or 1 had been read as open from the start).
            var year = row.requiredCount("opening_year", log: &log, maximum: 9999)
            if let opening = year, !OfficialTables.years.contains(opening) {
                row.error("opening_year", OfficialTables.notAYear(row.text("opening_year")), log: &log)
                year = nil
            }
            let saving = row.number("weekly_saving", log: &log)
            let spendSaving = row.number("weekly_spend_saving", log: &log)
            let payback = row.number("payback_years", log: &log, in: 0...longestPaybackYears)
            let id = row.text("id")
            if !id.isEmpty {
                if let first = seen[id] {
                    row.error("id", "duplicate build \(id) (first on line \(first))", log: &log)
                    continue
                }
                seen[id] = row.line
            }
            guard let candidate, let year else { continue }
            builds.append(
                PlannedBuild(
                    candidate: candidate, units: candidate.maximumUnits, openingYear: year, weeklySaving: saving,
                    weeklySpendSaving: spendSaving, paybackYears: payback, file: file, line: row.line,
                    authorityColumn: row.position(of: "authority")))
        }
        if log.hasErrors { throw ScenarioError(issues: log.issues) }
        return builds
    }

    /// The errors of builds whose authority the scenario's `authorities` do not hold, located in the
    /// file; an authority's name says its code (plan files name authorities by code, as `plan` writes).
    public static func unknownAuthorities(_ builds: [PlannedBuild], authorities: [Authority]) -> [ScenarioIssue] {
        let known = Set(authorities.map(\.id))
        let codes = Set(known.map(\.rawValue))
        let codeOfName = Dictionary(
            authorities.map { ($0.name.lowercased(), $0.id.rawValue) }, uniquingKeysWith: { first, _ in first })
        return builds.filter { !known.contains($0.candidate.authority) }.map {
            let given = $0.candidate.authority.rawValue
            let message =
                codeOfName[given.lowercased()].map { "'\(given)' is an authority's name: give its code, \($0)" }
                ?? AuthorityReader.unknownAuthority(given, known: codes)
            return ScenarioIssue(
                .error, file: $0.file, line: $0.line, column: $0.authorityColumn, field: "authority", message: message)
        }
    }

    /// The plan file's text, one row per build, in the order given.
    public static func csv(_ builds: [PlannedBuild]) -> String {
        var writer = CSVWriter(header: columns)
        for build in builds {
            let candidate = build.candidate
            writer.append([
                CSVWriter.spreadsheetText(candidate.id.rawValue), candidate.kind.rawValue,
                candidate.authority.rawValue, candidate.placementType.rawValue, candidate.kind.sector.rawValue,
                String(candidate.placesPerUnit), String(build.units), DecimalNumber.format(candidate.capitalCost),
                DecimalNumber.format(candidate.weeklyCostPerPlace), DecimalNumber.format(candidate.yearsToOpen),
                String(build.openingYear),
                candidate.kind == .blockContract ? "" : DecimalNumber.format(candidate.lifeYears),
                candidate.kind == .blockContract ? DecimalNumber.format(candidate.lifeYears) : "",
                candidate.specialisms.map(\.rawValue).sorted().joined(separator: ";"),
                String(candidate.ageRange.minimum), String(candidate.ageRange.maximum),
                build.weeklySaving.map(decimal) ?? "", build.weeklySpendSaving.map(decimal) ?? "",
                build.paybackYears.map(decimal) ?? "",
            ])
        }
        return writer.text
    }

    private static func decimal(_ value: Double) -> String { NumberText.decimal(value, places: 2) }
}
