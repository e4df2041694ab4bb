/// Reads `candidates.csv`: one row per candidate home or group of foster households a plan may build.
///
/// Columns: `id`, `kind` (`home`, `foster_carers` or `block_contract`), `authority`,
/// `placement_type` (default by kind), `places` (per home, household or contract), `units` (at most,
/// default 1), `capital_cost` (£ per unit), `weekly_cost` (£ per place per week: running cost,
/// allowance, or a contract's price), `years_to_open` (default 0), `life_years` (default 25 for a
/// home, 8 for carers; not for a contract), `term_years` (a block contract's term, required for one
/// and only for one), `specialisms`, `min_age`, `max_age`.
enum CandidateReader {
    /// Years over which a unit's one-off cost is annualised when the file gives none.
    static func defaultLifeYears(_ kind: CapacityCandidate.Kind) -> Double {
        switch kind {
        case .home: 25
        case .fosterCarers: 8
        case .blockContract: 1
        }
    }

    static func candidates(_ table: CSVTable, known: KnownCodes, log: inout IssueLog) -> [CapacityCandidate] {
        var candidates: [CapacityCandidate] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            let candidate = self.candidate(row, known: known, log: &log)
            let id = row.text("id")
            if !id.isEmpty {
                if let first = seen[id] {
                    row.error("id", "duplicate candidate \(id) (first on line \(first))", log: &log)
                    continue
                }
                seen[id] = row.line
            }
            if let candidate { candidates.append(candidate) }
        }
        return candidates
    }

    /// One row's candidate, or `nil` with its problems logged. `known`: the authorities a candidate
    /// may name; unchecked when the file is read apart from a scenario (a plan file), whose authorities
    /// are checked against a scenario later.
    static func candidate(_ row: CSVTable.Row, known: KnownCodes, log: inout IssueLog) -> CapacityCandidate? {
        let id = row.identifier("id", log: &log)
        let kind = row.requiredChoice("kind", CapacityCandidate.Kind.self, log: &log)
        let authority = row.required("authority", log: &log)
        if let authority, known.lacks(authority) {
            row.error("authority", AuthorityReader.unknownAuthority(authority, known: known.listed), log: &log)
        }
        let type = row.choice("placement_type", PlacementType.self, log: &log) ?? kind?.defaultType
        if let type, let kind, !kind.allowedTypes.contains(type) {
            let reason =
                type == .secureChildrensHome
                ? "secure children's homes are commissioned nationally and are not built by a single council"
                : "a \(kind.rawValue) candidate offers \(kind.allowedTypes.map(\.rawValue).joined(separator: ", "))"
            row.error("placement_type", "\(type.rawValue): \(reason)", log: &log)
        }
        let places = row.requiredCount("places", log: &log)
        if places == 0 {
            row.error("places", "a candidate must add at least one place", log: &log)
        }
        let units = row.count("units", log: &log) ?? 1
        if units == 0 {
            row.error("units", "a candidate must allow at least one unit", log: &log)
        }
        // A candidate's units become one provider, held to what a row of providers.csv may give.
        let fits = (places ?? 0) * units <= CSVTable.largestCount
        if let places, !fits {
            row.error(
                "units",
                "\(NumberText.grouped(units)) units of \(NumberText.grouped(places)) places are "
                    + "\(NumberText.grouped(places * units)) places, past the "
                    + "\(NumberText.grouped(CSVTable.largestCount)) one provider may hold (each row's places "
                    + "become one provider)",
                log: &log)
        }
        let capital = row.requiredNumber("capital_cost", log: &log, in: 0...1_000_000_000)
        let weekly = row.requiredNumber("weekly_cost", log: &log, in: 0...1_000_000)
        let years = row.number("years_to_open", log: &log, in: 0...50) ?? 0
        var life = row.number("life_years", log: &log, in: 1...100)
        let term = row.number("term_years", log: &log, in: 0.1...50)
        if kind == .blockContract {
            if !row.text("life_years").isEmpty {
                row.error("life_years", "a block contract runs for term_years, not life_years", log: &log)
            }
            if row.text("term_years").isEmpty { row.error("term_years", "a block contract needs a term", log: &log) }
            life = term
        } else if kind != nil, !row.text("term_years").isEmpty {
            row.error("term_years", "only a block contract has a term", log: &log)
        }
        let specialisms = row.choices("specialisms", Requirement.self, log: &log)
        let minimumAge = row.count("min_age", log: &log) ?? 0
        let maximumAge = row.count("max_age", log: &log) ?? 17
        if minimumAge > maximumAge {
            row.error("max_age", "\(maximumAge) is below min_age \(minimumAge)", log: &log)
        }
        guard let id, let kind, let authority, !known.lacks(authority), let type,
            kind.allowedTypes.contains(type),
            let places, places > 0, units > 0, fits, let capital, let weekly, minimumAge <= maximumAge,
            kind != .blockContract || term != nil, kind == .blockContract || row.text("term_years").isEmpty,
            kind != .blockContract || row.text("life_years").isEmpty
        else { return nil }
        return CapacityCandidate(
            id: CandidateID(rawValue: id), kind: kind, authority: AuthorityCode(rawValue: authority),
            placementType: type, placesPerUnit: places, maximumUnits: units, capitalCost: capital,
            weeklyCostPerPlace: weekly, yearsToOpen: years, lifeYears: life ?? defaultLifeYears(kind),
            specialisms: specialisms, ageRange: AgeBand(minimum: minimumAge, maximum: maximumAge))
    }
}
