/// Reads `providers.csv`: one row per provider and placement type; rows sharing an `id` are one
/// provider and must agree on its own fields (name, sector, authority, operator, owner, location,
/// judgement, specialisms and ages).
enum ProviderReader {
    /// `authorities`: those read, by code, to question locations far outside their authority.
    static func providers(
        _ table: CSVTable, known: KnownCodes, authorities: [String: Authority] = [:], log: inout IssueLog
    ) -> [Provider] {
        var providers: [Provider] = []
        var index: [String: Int] = [:]
        var offerLines: [String: Int] = [:]
        var firstLines: [String: Int] = [:]
        for row in table.rows {
            let issuesBefore = log.issues.count
            let id = row.identifier("id", log: &log)
            if let id, id.hasPrefix(Provider.plannedIDPrefix) {
                row.error(
                    "id", "ids beginning \(Provider.plannedIDPrefix) are kept for a capacity plan's new places",
                    log: &log)
            }
            let sector = row.requiredChoice("sector", Sector.self, log: &log)
            let authority = row.required("authority", log: &log)
            if let authority, known.lacks(authority) {
                row.error(
                    "authority",
                    AuthorityReader.unknownAuthority(authority, known: known.listed), log: &log)
            }
            var operating = row.optionalText("operating_authority")
            if let code = operating, known.lacks(code) {
                row.error(
                    "operating_authority",
                    AuthorityReader.unknownAuthority(code, known: known.listed), log: &log)
            }
            if sector == .localAuthority, operating == nil { operating = authority }
            // A children's trust runs a council's services as a voluntary or other public body: a
            // private provider is no council's own service.
            if sector == .private, operating != nil {
                row.error(
                    "operating_authority",
                    "a private provider has no operating authority (only councils' and children's trusts' services)",
                    log: &log)
            }
            let type = row.requiredChoice("placement_type", PlacementType.self, log: &log)
            if let type, !type.isCommissioned {
                row.error(
                    "placement_type",
                    "\(type.rawValue) is not a commissioned placement type", log: &log)
            }
            let places = row.requiredCount("places", log: &log)
            let price = row.requiredNumber("weekly_price", log: &log, in: 0...ScenarioLimits.weeklyPrice)
            let location = coordinate(row, log: &log)
            if let location, let authority, let area = authorities[authority],
                let problem = LocationCheck.problem(location, in: area)
            {
                row.warning("latitude", problem, log: &log)
            }
            let rating = ofstedRating(row, log: &log)
            let specialisms = row.choices("specialisms", Requirement.self, log: &log)
            let ages = ageRange(row, log: &log)
            guard let id, let sector, let authority, !known.lacks(authority), let type, type.isCommissioned,
                let places, let price, let ages
            else { continue }
            let offer = Provider.Offer(places: places, weeklyPrice: price)
            if let existing = index[id] {
                let first = providers[existing]
                // The provider's own fields are one provider's: a later row's differing value would be
                // dropped without a word (its location, owner or judgement), so it is an error. A row with
                // an error of its own (a rating or coordinate that does not read) is not compared again.
                let rowHasErrors = log.issues[issuesBefore...].contains { $0.severity == .error }
                for (field, same) in [
                    ("name", first.name == (row.optionalText("name") ?? id)), ("sector", first.sector == sector),
                    ("authority", first.authority.rawValue == authority),
                    ("operating_authority", first.operatingAuthority?.rawValue == operating),
                    ("owner", first.owner == row.text("owner")),
                    ("latitude", first.location?.latitude == location?.latitude),
                    ("longitude", first.location?.longitude == location?.longitude),
                    ("ofsted_rating", first.rating == rating), ("specialisms", first.specialisms == specialisms),
                    ("min_age", first.ageRange.minimum == ages.minimum),
                    ("max_age", first.ageRange.maximum == ages.maximum),
                ] where !same && !rowHasErrors {
                    row.error(
                        field,
                        "differs from provider \(id)'s first row (line \(firstLines[id] ?? 0)); a provider's own "
                            + "fields are the same on each of its rows", log: &log)
                }
                if let line = offerLines["\(id)|\(type.rawValue)"] {
                    row.error(
                        "placement_type",
                        "provider \(id) lists \(type.rawValue) twice (first on line \(line))", log: &log)
                    continue
                }
                providers[existing].offers[type] = offer
            } else {
                index[id] = providers.count
                firstLines[id] = row.line
                providers.append(
                    Provider(
                        id: ProviderID(rawValue: id), name: row.optionalText("name") ?? id, sector: sector,
                        operatingAuthority: operating.map(AuthorityCode.init(rawValue:)), owner: row.text("owner"),
                        authority: AuthorityCode(rawValue: authority), location: location, offers: [type: offer],
                        rating: rating, specialisms: specialisms, ageRange: ages))
            }
            offerLines["\(id)|\(type.rawValue)"] = row.line
        }
        return providers
    }

    /// Ofsted's own wording is accepted too ("Requires improvement to be good", blank for not yet inspected).
    private static func ofstedRating(_ row: CSVTable.Row, log: inout IssueLog) -> OfstedRating {
        let text = CSVTable.Row.normalise(row.text("ofsted_rating"))
        switch text {
        case "": return .notYetInspected
        case "requires_improvement_to_be_good": return .requiresImprovement
        default: return row.choice("ofsted_rating", OfstedRating.self, log: &log) ?? .notYetInspected
        }
    }

    static func coordinate(_ row: CSVTable.Row, prefix: String = "", log: inout IssueLog) -> Coordinate? {
        let latitude = row.number(prefix + "latitude", log: &log, in: -90...90)
        let longitude = row.number(prefix + "longitude", log: &log, in: -180...180)
        if (latitude == nil) != (longitude == nil),
            !row.text(prefix + "latitude").isEmpty || !row.text(prefix + "longitude").isEmpty
        {
            let missing = latitude == nil ? "latitude" : "longitude"
            if row.text(prefix + missing).isEmpty {
                row.error(
                    prefix + missing,
                    "is empty while the other coordinate is given", log: &log)
            }
        }
        guard let latitude, let longitude else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    private static func ageRange(_ row: CSVTable.Row, log: inout IssueLog) -> AgeBand? {
        let minimum = row.count("min_age", log: &log) ?? 0
        let maximum = row.count("max_age", log: &log) ?? 17
        guard minimum <= maximum else {
            row.error("max_age", "\(maximum) is below min_age \(minimum)", log: &log)
            return nil
        }
        return AgeBand(minimum: minimum, maximum: maximum)
    }
}
