import PlacementScenarios

/// Which of the council's listed foster households (`--carers`) each child with its own foster
/// carers lives with. A child's `carer_id` names the household, and its sibling group's; the others
/// (foster, `PR1` or no provider code, no URN) are fitted, a sibling group together, to a household
/// where they live with free places, approved for their needs and ages: the one approved for fewest
/// other needs first, so that specialist places are kept for the children who need them, then in
/// the carers file's order. A child no household fits keeps the provider its codes make.
struct HouseholdFit {
    /// The household each fitted or named child lives with, by child id.
    private(set) var household: [String: ProviderID] = [:]
    /// Children placed by fit, not by `carer_id`.
    private(set) var fitted = 0
    /// Lines of the children with the council's carers whom no household fits.
    private(set) var unfitted: [Int] = []

    init(
        _ records: [ChildRecord], households: [(record: CarerRecord, provider: ProviderID)], carersFile: String?,
        council: AuthorityCode, names: [AuthorityCode: String], table: CSVTable, log: inout IssueLog
    ) {
        var free = Dictionary(uniqueKeysWithValues: households.map { ($0.provider, $0.record.places) })
        let byID = Dictionary(uniqueKeysWithValues: households.map { ($0.record.id, $0) })
        var ofGroup: [String: (provider: ProviderID, line: Int)] = [:]
        for record in records {
            guard let carer = record.carerID else { continue }
            let column = table.column(of: "carer_id", line: record.line)
            func error(_ message: String) {
                log.error(table.file, line: record.line, column: column, field: "carer_id", message)
            }
            guard let carersFile else {
                error("names foster household \(carer), but no carers file was given (--carers)")
                continue
            }
            guard let listed = byID[carer] else {
                error("no foster household \(carer) in \(carersFile)")
                continue
            }
            guard record.type == .foster else {
                error(
                    "names foster household \(carer), but the child's placement is \(record.type.label.lowercased()); "
                        + "only foster placements (U4–U6) live with the council's listed carers")
                continue
            }
            if let urn = record.urn {
                error("names foster household \(carer), and provider_urn names URN \(urn): give one of them")
                continue
            }
            if let code = record.providerCode, code != .ownAuthority {
                error(
                    "names the council's foster household \(carer), but placement_provider is \(code.rawValue) "
                        + "(\(code.meaning))")
                continue
            }
            if let group = record.siblingGroup, let earlier = ofGroup[group], earlier.provider != listed.provider {
                error(
                    "sibling group \(group) lives with another household (line \(earlier.line)); siblings placed "
                        + "together share one")
                continue
            }
            if let place = record.placementAuthority, place != listed.record.authority.rawValue {
                let area = names[listed.record.authority] ?? listed.record.authority.rawValue
                log.warning(
                    table.file, line: record.line, column: table.column(of: "placement_authority", line: record.line),
                    field: "placement_authority",
                    "\(names[AuthorityCode(rawValue: place)] ?? place), but household \(carer) lives in \(area) "
                        + "(\(carersFile)); the carers file's is used")
            }
            household[record.id] = listed.provider
            free[listed.provider, default: 0] -= 1
            if let group = record.siblingGroup { ofGroup[group] = ofGroup[group] ?? (listed.provider, record.line) }
        }
        // Nothing to fit into, or a carers file with errors (its warnings would mislead).
        guard !households.isEmpty, !log.hasErrors else { return }

        // The rest, a sibling group as one: with a named sibling's household, else fitted.
        var units: [[ChildRecord]] = []
        var unitOf: [String: Int] = [:]
        for record in records where Self.withOwnCarers(record) && household[record.id] == nil {
            if let group = record.siblingGroup, let named = ofGroup[group] {
                household[record.id] = named.provider
                free[named.provider, default: 0] -= 1
                continue
            }
            let key = record.siblingGroup.map { "group \($0)" } ?? "child \(record.id)"
            if let unit = unitOf[key] {
                units[unit].append(record)
            } else {
                unitOf[key] = units.count
                units.append([record])
            }
        }
        // Each unit's needs a household must be approved for (every household takes `uasc`).
        let needsOf = units.map { unit in
            unit.reduce(into: Set<Requirement>()) { $0.formUnion($1.needs) }.subtracting([.uasc])
        }
        // The hardest to fit first, so that an easy child does not take the one place a harder one fits:
        // most needs, then the largest group, then the file's order.
        let order = units.indices.sorted { a, b in
            (needsOf[a].count, units[a].count, -a) > (needsOf[b].count, units[b].count, -b)
        }
        for index in order {
            let unit = units[index]
            let needs = needsOf[index]
            let place = unit[0].placementAuthority.map(AuthorityCode.init(rawValue:)) ?? council
            let ages = AgeBand(minimum: unit.map(\.age).min() ?? 0, maximum: unit.map(\.age).max() ?? 17)
            let fitting = households.enumerated().filter { _, listed in
                listed.record.authority == place && free[listed.provider, default: 0] >= unit.count
                    && needs.isSubset(of: listed.record.approvedFor) && listed.record.ages.contains(ages)
            }
            let best = fitting.min { first, second in
                let extra = (first.element.record.approvedFor.subtracting(needs).count, first.offset)
                return extra < (second.element.record.approvedFor.subtracting(needs).count, second.offset)
            }
            guard let best else {
                unfitted += unit.map(\.line)
                continue
            }
            for record in unit { household[record.id] = best.element.provider }
            free[best.element.provider, default: 0] -= unit.count
            fitted += unit.count
        }
        unfitted.sort()
        if let first = unfitted.first {
            log.warning(
                table.file, line: first, column: table.column(of: "carer_id", line: first), field: "carer_id",
                "\(NumberText.counted(unfitted.count, "child", "children")) with the council's foster carers "
                    + "(\(ChildRecords.lineList(unfitted))) fit no household in \(carersFile ?? "the carers file") with "
                    + "free places where they live, approved for their needs and ages: placed as without it (places "
                    + "for the children × \(DecimalNumber.format(Assumptions.inHouseFosterHeadroom))); give each child "
                    + "their household's carer_id")
        }
    }

    /// A child placed with the council's own foster carers and no URN: one a listed household may hold.
    static func withOwnCarers(_ record: ChildRecord) -> Bool {
        record.type == .foster && record.urn == nil && record.carerID == nil
            && (record.providerCode == nil || record.providerCode == .ownAuthority)
    }
}
