import Foundation
import PlacementScenarios

/// A council's own children, one row each (the import template, `docs/import-template.md`), turned
/// into a scenario: England's 153 authorities, the children with ages at a reference date and DfE
/// placement codes mapped to placement types, and a market of Ofsted-registered providers around
/// the council, the children's current providers and the council's own services. Every assumption
/// goes into the scenario's README.
public struct CouncilImport: Sendable {
    /// What the import was asked to do.
    public struct Options: Sendable {
        /// The council, by name or GSS code.
        public var authority: String
        /// The day ages are counted at.
        public var asOf: CalendarDate
        /// The scenario's name (default: the council's name and the date).
        public var name: String?
        /// Children's homes, supported accommodation and other registered providers located within
        /// this distance of the council's centroid join the market (secure homes and residential
        /// schools from anywhere).
        public var radiusMiles: Double = 75

        public init(authority: String, asOf: CalendarDate, name: String? = nil) {
            self.authority = authority
            self.asOf = asOf
            self.name = name
        }
    }

    /// The scenario and its README.
    public var scenario: Scenario
    public var readme: String
    /// Short lines for the terminal: what was assumed.
    public var summary: [String]
    /// What in the children file looked wrong without stopping the import (a sibling group of one child).
    public var warnings: [ScenarioIssue]
    /// The children file's name, and where in it each cohort's child is (the scenario's order).
    var childrenFile: String
    var childLocations: [ChildLocation]

    /// A child's row in the children file, and where each column read starts on it.
    struct ChildLocation {
        var line: Int
        var columns: [String: Int]
        /// Whether the row gave a provider URN (else its provider came from the provider code).
        var hasURN: Bool
    }

    /// The generated `children.csv`'s columns as the children file names them.
    static let importedColumn: [String: String] = [
        "id": "child_id", "placement_type": "placement_code", "age_band": "date_of_birth", "requirements": "needs",
        "sibling_group": "sibling_group", "current_provider": "provider_urn", "avoid_authorities": "locations_to_avoid",
    ]

    /// `issue`, found when the written scenario is loaded back, moved from the generated `children.csv`
    /// to the child's row of the children file the user gave (a user has no other file to look in).
    public func locatedInChildrenFile(_ issue: ScenarioIssue) -> ScenarioIssue {
        guard issue.file == "children.csv", let line = issue.line, childLocations.indices.contains(line - 2) else {
            return issue
        }
        let child = childLocations[line - 2]
        var field = issue.field.flatMap { Self.importedColumn[$0] }
        // A current provider comes from the URN where one is given, else from the provider code.
        if field == "provider_urn", !child.hasURN { field = "placement_provider" }
        return ScenarioIssue(
            issue.severity, file: childrenFile, line: child.line, column: field.flatMap { child.columns[$0] },
            field: field, message: issue.message)
    }

    /// The tables as files, with the README: a complete scenario folder.
    public var files: [(name: String, text: String)] { ScenarioWriter.files(scenario) + [("README.md", readme)] }

    /// Reads the children file at `path` (shown as `file` in messages) and builds the scenario, or
    /// throws every problem found in it.
    /// `carers`, when given, is the council's foster households (path, and name shown in messages).
    public static func build(
        children path: String, file: String, carers: (path: String, file: String)? = nil, data: OfficialData,
        options: Options
    ) throws(ScenarioError) -> CouncilImport {
        let authorities = data.authorities.map {
            Authority(
                id: AuthorityCode(rawValue: $0.code), name: $0.name, region: $0.region,
                centroid: Coordinate(latitude: $0.latitude, longitude: $0.longitude),
                areaSquareKilometres: $0.areaSquareKilometres, childPopulation: $0.children)
        }
        let lookup = NameLookup.authorities(authorities)
        guard let councilIndex = lookup.index(of: options.authority) else {
            throw ScenarioError(issues: [
                ScenarioIssue(.error, file: "--authority", message: lookup.missing(options.authority))
            ])
        }
        let council = authorities[councilIndex]
        var log = IssueLog()
        let registered = Set(data.register.map(\.urn))
        guard let table = CSVTable.read(path, file: file, required: ChildRecords.required, log: &log) else {
            // A required column missing: the headings may still say which one was meant (`DOB`).
            var ignored = IssueLog()
            if let headings = CSVTable.read(path, file: file, required: [], log: &ignored) {
                ChildRecords.warnOfLookalikeColumns(headings, log: &log)
            }
            throw ScenarioError(issues: log.issues)
        }
        ChildRecords.warnOfLookalikeColumns(table, log: &log)
        let records = ChildRecords.read(
            table, asOf: options.asOf, authorities: lookup, registered: registered, log: &log)
        var market = MarketBuilder(council: council, authorities: authorities, data: data, options: options)
        if let carers {
            if let carersTable = CSVTable.read(
                carers.path, file: carers.file, required: CarerRecords.required, log: &log)
            {
                let households = CarerRecords.read(carersTable, council: council.id, authorities: lookup, log: &log)
                market.addHouseholds(households, file: carers.file)
            }
        }
        market.place(records, file: file, table: table, log: &log)
        if log.hasErrors { throw ScenarioError(issues: log.issues) }

        let cohorts = records.map { record in
            Cohort(
                id: CohortID(rawValue: record.id), homeAuthority: council.id, placementType: record.type,
                ageBand: AgeBand(minimum: record.age, maximum: record.age), requirements: record.needs,
                siblingGroup: record.siblingGroup.map(SiblingGroupID.init(rawValue:)),
                currentProvider: market.currentProvider[record.id], count: 1,
                avoidedAuthorities: Set(record.avoid.map(AuthorityCode.init(rawValue:))))
        }
        let name = options.name ?? Self.slug(council.name) + "-" + options.asOf.description
        let scenario = Scenario(
            name: name,
            description: "\(council.name)'s children looked after on \(options.asOf), imported from \(file), "
                + "with Ofsted-registered providers within \(DecimalNumber.format(options.radiusMiles)) miles and the children's "
                + "current providers.",
            authorities: authorities, cohorts: cohorts, providers: market.providers,
            actuals: PublishedFigures.actuals(data).filter { $0.authority == council.id },
            policy: Assumptions.policy)
        let notes = ImportNotes(
            council: council, file: file, options: options, records: records, market: market, scenario: scenario)
        let rowAt = Dictionary(table.rows.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let located = Set(importedColumn.values + ["placement_provider"])
        let locations = records.map { record in
            ChildLocation(
                line: record.line,
                columns: Dictionary(
                    uniqueKeysWithValues: located.compactMap { name in
                        rowAt[record.line]?.position(of: name).map { (name, $0) }
                    }), hasURN: record.urn != nil)
        }
        return CouncilImport(
            scenario: scenario, readme: notes.readme, summary: notes.summary,
            warnings: ScenarioError(issues: log.issues).issues, childrenFile: file, childLocations: locations)
    }

    /// `Kent` → `kent`, `Bristol, City of` → `bristol-city-of`.
    static func slug(_ name: String) -> String {
        CSVTable.Row.normalise(name.replacingOccurrences(of: ",", with: " ")).replacingOccurrences(of: "_", with: "-")
    }
}
