import PlacementScenarios

/// One row of the import template (`docs/import-template.md`): a child looked after by the council.
struct ChildRecord {
    var line: Int
    var id: String
    var age: Int
    var type: PlacementType
    var providerCode: PlacementCodes.ProviderCode?
    /// Where the child is placed (a GSS code), when given.
    var placementAuthority: String?
    /// Whether the record names a placement authority at all (found or not).
    var placementAuthorityGiven = false
    /// The Ofsted URN of the provider the child lives with, when given.
    var urn: String?
    var weeklyCost: Double?
    var siblingGroup: String?
    var needs: Set<Requirement>
    /// Authorities the child must not be placed in (GSS codes).
    var avoid: [String]
    /// The council's foster household the child lives with (the carers file's `carer_id`), when given.
    var carerID: String? = nil
}

/// Reads the import template's rows, reporting every problem with the file's line and column.
enum ChildRecords {
    static let required = ["child_id", "date_of_birth", "placement_code"]
    /// The columns read when present (`docs/import-template.md`).
    static let optional = [
        "placement_provider", "placement_authority", "provider_urn", "weekly_cost", "sibling_group", "needs",
        "locations_to_avoid", "carer_id",
    ]

    /// Words of a case-management export's headings that name a column the import reads by other words.
    static let lookalikeWords: [Substring: String] = [
        "dob": "date_of_birth", "birth": "date_of_birth", "ref": "child_id", "reference": "child_id",
        "type": "placement_code", "location": "placement_authority",
    ]

    /// Warns of each column the import does not read whose heading looks like one it reads and the file
    /// lacks (`URN` for `provider_urn`, `Weekly Cost (£)` for `weekly_cost`): its values would be
    /// dropped without a word. Other columns (a case-management export's many) are ignored quietly.
    static func warnOfLookalikeColumns(_ table: CSVTable, log: inout IssueLog) {
        let absent = (required + optional).filter { !table.header.contains($0) }
        let read = Set(required + optional)
        // Words several columns share, or a heading shares with other things, say nothing of which one
        // it meant: `local_authority` is usually the child's home council, `provider_name` a name.
        let shared: Set<Substring> = ["placement", "authority", "provider"]
        for (name, column) in zip(table.header, table.headerColumns) where !name.isEmpty && !read.contains(name) {
            let words = Set(name.split(separator: "_").filter { $0.count >= 3 }).subtracting(shared)
            var meant = absent.filter { column in
                !words.isDisjoint(with: column.split(separator: "_"))
                    || words.contains { lookalikeWords[$0] == column }
            }
            // A heading that is one shared word (`Provider`) may mean any column with it.
            if meant.isEmpty, shared.contains(Substring(name)) {
                meant = absent.filter { $0.split(separator: "_").contains(Substring(name)) }
            }
            if meant.isEmpty, let typo = nearest(to: name, in: absent) { meant = [typo] }
            // Only a heading that says so may be read as places to avoid: `Location` is where the child
            // lives, and renamed to locations_to_avoid would bar the child from it.
            if !words.contains("avoid") { meant.removeAll { $0 == "locations_to_avoid" } }
            guard !meant.isEmpty else { continue }
            log.warning(
                table.file, line: 1, column: column, field: name,
                "is not a column the import reads, so its values are ignored: did you mean "
                    + meant.map { "`\($0)`" }.joined(separator: " or ") + "? (docs/import-template.md)")
        }
    }

    static func read(
        _ table: CSVTable, asOf: CalendarDate, authorities: NameLookup, registered: Set<String>, log: inout IssueLog
    ) -> [ChildRecord] {
        guard !table.rows.isEmpty else {
            // A header alone would make a scenario with nobody to place; rows refused are said already.
            if !log.hasErrors { log.error(table.file, line: 1, "no children: the file has a header and no rows") }
            return []
        }
        var records: [ChildRecord] = []
        var seen: [String: Int] = [:]
        // Ids differing only in letter case are kept apart (systems may tell them apart) but warned of.
        var seenIgnoringCase: [String: (id: String, line: Int)] = [:]
        // A group's ids match ignoring letter case, as placement and provider codes do; the group is
        // written as its first row spells it.
        var groupSpelling: [String: String] = [:]
        let hasProviderColumn = table.header.contains("placement_provider")
        var withoutProvider: [Int] = []
        for row in table.rows {
            let id = row.identifier("child_id", log: &log)
            if let id, let first = seen[id] {
                row.error("child_id", "duplicate child \(id) (first on line \(first))", log: &log)
            } else if let id {
                seen[id] = row.line
                if let first = seenIgnoringCase[id.lowercased()] {
                    row.warning(
                        "child_id",
                        "\(id) differs from \(first.id) (line \(first.line)) only in letter case: taken as two children",
                        log: &log)
                } else {
                    seenIgnoringCase[id.lowercased()] = (id, row.line)
                }
            }
            let age = Self.age(row, asOf: asOf, log: &log)
            let type = Self.placementType(row, log: &log)
            let providerCode = Self.providerCode(row, log: &log)
            let independent = row.optionalText("placement_code").map(PlacementCodes.isIndependentLiving) ?? false
            if let age, type == .supportedAccommodation || independent, age < 16 {
                // Care Planning, Placement and Case Review (England) (Amendment) Regulations 2021.
                row.warning(
                    "placement_code",
                    "\(independent ? "independent living" : "supported accommodation") for a child of \(age): "
                        + "placing a child under 16 in independent or semi-independent accommodation is unlawful "
                        + "since September 2021; check the date of birth or the code",
                    log: &log)
            }
            let placementText = row.optionalText("placement_authority")
            let placementGiven = !(placementText ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            let placement = placementText.flatMap {
                Self.authority($0, column: "placement_authority", row: row, authorities: authorities, log: &log)
            }
            // Ofsted's URNs are upper case (`SC053859`); a spreadsheet may have lowered them.
            let urn = row.optionalText("provider_urn").map { text in
                let upper = text.uppercased()
                return upper.hasPrefix("URN") ? String(upper.dropFirst(3)).trimmingCharacters(in: .whitespaces) : upper
            }
            if let urn, urn.isEmpty {
                row.error(
                    "provider_urn", "'\(row.optionalText("provider_urn") ?? "")' gives no URN after its prefix",
                    log: &log)
            } else if let urn, !registered.contains(urn) {
                row.error(
                    "provider_urn",
                    "URN \(urn) is not in Ofsted's register of 31 March 2025 (ofsted_providers_2025.csv); leave it empty "
                        + "and give placement_provider instead",
                    log: &log)
            }
            var cost: Double?
            if let text = row.optionalText("weekly_cost") {
                if let amount = DecimalNumber.parseAmount(text), (0...1_000_000).contains(amount) {
                    cost = amount
                } else {
                    row.error("weekly_cost", "'\(text)' is not an amount from £0 to £1,000,000 a week", log: &log)
                }
            }
            let group = row.optionalText("sibling_group").flatMap {
                row.checkedIdentifier("sibling_group", $0, log: &log)
            }.map { spelling in
                groupSpelling[spelling.lowercased(), default: spelling]
            }
            if let group { groupSpelling[group.lowercased()] = group }
            let needs = row.choices("needs", Requirement.self, log: &log)
            let avoid = row.text("locations_to_avoid").split(separator: ";").compactMap {
                Self.authority(
                    String($0), column: "locations_to_avoid", row: row, authorities: authorities, log: &log)
            }
            // Only when nothing was given: an unknown code is reported once, in providerCode(_:log:).
            // Without the column at all, once for the file, below.
            if let type, type.isCommissioned, urn == nil, !hasProviderColumn {
                withoutProvider.append(row.line)
            } else if let type, type.isCommissioned, urn == nil, row.optionalText("placement_provider") == nil {
                row.error(
                    "placement_provider",
                    "is empty; give the SSDA903 provider code (PR1 own council … PR5 voluntary) or the provider's "
                        + "Ofsted URN",
                    log: &log)
            }
            // Only when nothing was given: an authority given but not found is reported once, above.
            if providerCode == .otherAuthority, !placementGiven, urn == nil {
                row.error(
                    "placement_authority", "is empty; PR2 (another council's placement) needs the council placing",
                    log: &log)
            }
            let carer = row.optionalText("carer_id").flatMap { row.checkedIdentifier("carer_id", $0, log: &log) }
            guard let id, let age, let type else { continue }
            records.append(
                ChildRecord(
                    line: row.line, id: id, age: age, type: type, providerCode: providerCode,
                    placementAuthority: placement, placementAuthorityGiven: placementGiven,
                    urn: urn.flatMap { registered.contains($0) ? $0 : nil },
                    weeklyCost: cost, siblingGroup: group, needs: needs, avoid: avoid, carerID: carer))
        }
        if !withoutProvider.isEmpty {
            log.error(
                table.file, line: 1, field: "placement_provider",
                "no placement_provider column, and \(NumberText.counted(withoutProvider.count, "child", "children")) "
                    + "in a commissioned placement \(withoutProvider.count == 1 ? "has" : "have") no provider_urn either "
                    + "(\(lineList(withoutProvider))); add the column with each child's SSDA903 provider code (PR0–PR5) (docs/import-template.md)"
            )
        }
        checkSiblingGroups(records, table: table, log: &log)
        warnOfUnlocatedPlacements(records, table: table, log: &log)
        return records
    }

    /// One warning for the children placed with an outside provider (PR3 to PR5) whose record says
    /// neither where (`placement_authority`) nor with whom (`provider_urn`): they are taken to be in
    /// the council's own area, which counts them in area (M2), so a user should know how many. An
    /// authority given but not found is its own error, not an empty cell.
    private static func warnOfUnlocatedPlacements(_ records: [ChildRecord], table: CSVTable, log: inout IssueLog) {
        let outside: Set<PlacementCodes.ProviderCode> = [.otherPublic, .private, .voluntary]
        let unlocated = records.filter { record in
            record.type.isCommissioned && record.urn == nil && !record.placementAuthorityGiven
                && record.providerCode.map(outside.contains) == true
        }
        guard let first = unlocated.first else { return }
        log.warning(
            table.file, line: first.line, column: table.column(of: "placement_authority", line: first.line),
            field: "placement_authority",
            "is empty for \(NumberText.counted(unlocated.count, "child", "children")) placed with a private, "
                + "voluntary or other public provider and no provider_urn (\(lineList(unlocated.map(\.line)))): taken to be in the council's own area, so "
                + "counted as placed in area (M2); give the authority the child lives in, or the provider's URN")
    }

    /// The file's lines a message is about, the first five of them: "line 2", "lines 2, 3, 4, 5, 6 …".
    static func lineList(_ lines: [Int]) -> String {
        (lines.count == 1 ? "line " : "lines ") + lines.prefix(5).map(String.init).joined(separator: ", ")
            + (lines.count > 5 ? " …" : "")
    }

    private static func age(_ row: CSVTable.Row, asOf: CalendarDate, log: inout IssueLog) -> Int? {
        guard let text = row.required("date_of_birth", log: &log) else { return nil }
        guard let birth = CalendarDate(parsing: text) else {
            row.error(
                "date_of_birth",
                "'\(text)' is not a date such as 2012-03-31 or 31/03/2012 (a time after it only if midnight)",
                log: &log)
            return nil
        }
        guard birth <= asOf else {
            row.error("date_of_birth", "\(birth) is after the reference date \(asOf) (--as-of)", log: &log)
            return nil
        }
        let age = asOf.age(bornOn: birth)
        guard age <= 17 else {
            row.error(
                "date_of_birth",
                "the child is \(age) on \(asOf) (--as-of); only children under 18 are looked after", log: &log)
            return nil
        }
        return age
    }

    private static func placementType(_ row: CSVTable.Row, log: inout IssueLog) -> PlacementType? {
        guard let text = row.required("placement_code", log: &log) else { return nil }
        if let type = PlacementCodes.placementType(text) { return type }
        if PlacementCodes.isTemporaryMove(text) {
            row.error(
                "placement_code",
                "\(text) is a temporary move; give the code of the child's main placement", log: &log)
            return nil
        }
        let codes = PlacementCodes.placementTypes.map(\.code)
        var message = "unknown placement code '\(text)'"
        if let suggestion = nearest(to: text.uppercased(), in: codes) { message += " (did you mean '\(suggestion)'?)" }
        row.error(
            "placement_code",
            message + "; expected an SSDA903 code (\(codes.joined(separator: ", "))) or a placement type", log: &log)
        return nil
    }

    private static func providerCode(_ row: CSVTable.Row, log: inout IssueLog) -> PlacementCodes.ProviderCode? {
        guard let text = row.optionalText("placement_provider") else { return nil }
        if let code = PlacementCodes.ProviderCode(rawValue: text.uppercased()) { return code }
        let codes = PlacementCodes.ProviderCode.allCases.map(\.rawValue)
        row.error(
            "placement_provider",
            "unknown provider code '\(text)'; expected one of \(codes.joined(separator: ", "))", log: &log)
        return nil
    }

    /// An authority named by GSS code or name. Postcode districts would need ONS's postcode
    /// directory, which the tool does not ship, so they are refused with that reason.
    private static func authority(
        _ text: String, column: String, row: CSVTable.Row, authorities: NameLookup, log: inout IssueLog
    ) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let code = authorities.code(of: trimmed) { return code }
        if looksLikePostcode(trimmed) {
            let what = looksLikePostcodeDistrict(trimmed) ? "a postcode district" : "a postcode"
            row.error(
                column,
                "'\(trimmed)' looks like \(what); give the authority's name or GSS code (postcodes are "
                    + "not looked up: the tool ships no postcode directory)",
                log: &log)
        } else {
            row.error(column, authorities.missing(trimmed), log: &log)
        }
        return nil
    }

    /// A postcode district (`SK4`) or a full postcode (`SK4 1AA`, `SK41AA`): a district, then a digit
    /// and two letters.
    static func looksLikePostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { $0 != " " }
        guard !looksLikePostcodeDistrict(compact) else { return true }
        let scalars = Array(compact.unicodeScalars)
        guard scalars.count >= 5 else { return false }
        let inward = scalars.suffix(3)
        let letter = { (scalar: Unicode.Scalar) in ("A"..."Z").contains(scalar) }
        guard let digit = inward.first, ("0"..."9").contains(digit), inward.dropFirst().allSatisfy(letter) else {
            return false
        }
        return looksLikePostcodeDistrict(String(String.UnicodeScalarView(scalars.dropLast(3))))
    }

    /// `M1`, `SW1A`, `CT21`: one or two letters, a digit, then an optional digit or letter.
    static func looksLikePostcodeDistrict(_ text: String) -> Bool {
        let scalars = Array(text.uppercased().unicodeScalars)
        let letters = scalars.prefix { ("A"..."Z").contains($0) }.count
        guard (1...2).contains(letters), scalars.count > letters, scalars.count <= letters + 2 else { return false }
        let rest = scalars[letters...]
        guard let first = rest.first, ("0"..."9").contains(first) else { return false }
        return rest.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) }
    }

    /// A sibling group is placed together, in one placement type, with one provider. A group of one
    /// child is almost always a mistyped id, so it is warned of (the child is placed alone either way).
    private static func checkSiblingGroups(_ records: [ChildRecord], table: CSVTable, log: inout IssueLog) {
        var first: [String: ChildRecord] = [:]
        let ids = Dictionary(records.map { ($0.id.lowercased(), $0.line) }, uniquingKeysWith: { a, _ in a })
        let sizes = Dictionary(records.compactMap(\.siblingGroup).map { ($0, 1) }, uniquingKeysWith: +)
        for record in records {
            guard let group = record.siblingGroup else { continue }
            let column = table.column(of: "sibling_group", line: record.line)
            if sizes[group] == 1 {
                log.warning(
                    table.file, line: record.line, column: column, field: "sibling_group",
                    "sibling group \(group) has one child; give each sibling placed together the same id (letter "
                        + "case aside), or leave sibling_group empty")
            }
            if let line = ids[group.lowercased()] {
                log.error(
                    table.file, line: record.line, column: column, field: "sibling_group",
                    "sibling group \(group) has the id of the child on line \(line); give groups their own ids")
            }
            guard let earlier = first[group] else {
                first[group] = record
                continue
            }
            if earlier.type != record.type {
                log.error(
                    table.file, line: record.line, column: column, field: "sibling_group",
                    "sibling group \(group) mixes \(earlier.type.rawValue) (line \(earlier.line)) and "
                        + "\(record.type.rawValue); siblings placed together share one placement type")
            } else if !record.type.isCommissioned {
                log.error(
                    table.file, line: record.line, column: column, field: "sibling_group",
                    "only commissioned placement types are placed as sibling groups")
            }
        }
    }
}
