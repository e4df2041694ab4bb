import PlacementScenarios

/// The providers of an imported council's scenario: Ofsted-registered providers around the council
/// (and secure homes and residential schools from anywhere), each child's current provider by URN,
/// and, for children placed without a URN, one provider per placement type, SSDA903 provider code
/// and place, with the children there as its places.
struct MarketBuilder {
    let council: Authority
    private(set) var providers: [Provider] = []
    /// The provider each commissioned child lives with now, by child id.
    private(set) var currentProvider: [String: ProviderID] = [:]
    /// Register providers in the market before any child is placed.
    private(set) var registeredNearby = 0
    /// Providers added because a child lives there (register entries outside the radius, fostering
    /// agencies) or made from the export's provider codes.
    /// Providers in the market because a child's URN names them (outside the radius, fostering
    /// agencies and their carers where a child lives), counted once the market is final.
    private(set) var addedByURN = 0
    private var namedByURN: Set<ProviderID> = []
    private(set) var madeFromCodes: [(provider: Provider, children: Int, rule: String)] = []
    /// Offers priced from the children's weekly costs, and at the default prices.
    private(set) var pricedFromExport = 0
    private(set) var pricedByDefault: [PlacementType: Int] = [:]
    /// Children whose URN names a register entry that is not in the market (closed, suspended,
    /// without places, short breaks only, a children's trust's fostering service): each is kept with
    /// a provider made from the entry, with places for the children there.
    private(set) var inactiveURNs: [(child: String, urn: String, status: String)] = []
    /// Children whose URN names an entry outside England or of a kind the scenarios do not model
    /// (a residential family centre): placed by their provider codes, as children without a URN.
    private(set) var placedByCode: [(child: String, urn: String, why: String)] = []
    /// The providers made from such entries, with their entries.
    private var keptFromRegister: [ProviderID: OfficialData.RegisteredProvider] = [:]
    /// Register entries whose children outnumber their registered places.
    private(set) var overfull: [(provider: String, children: Int, places: Int)] = []
    /// The council's foster households (the carers file, `--carers`), each a provider of its approved
    /// places where it lives.
    private(set) var households: [(record: CarerRecord, provider: ProviderID)] = []
    /// The carers file's name, for messages.
    private(set) var carersFile: String?
    /// Children with the council's carers placed in a listed household by fit, not by `carer_id`.
    private(set) var fittedToHouseholds = 0
    /// Lines of the children with the council's carers that no listed household fits: placed as without
    /// a carers file.
    private(set) var unfittedToHouseholds: [Int] = []
    /// The mean weekly cost of the children with the council's households, their price: a council pays
    /// its carers by its own scale, not by household.
    private(set) var householdPrice: Double?

    private let register: RegisterProviders
    private let entries: [String: OfficialData.RegisteredProvider]
    private var index: [ProviderID: Int] = [:]
    /// Fostering agencies' carers in an authority a child's record names, apart from the agency's office.
    private var agencyCarers: Set<ProviderID> = []
    private let names: [AuthorityCode: String]

    init(council: Authority, authorities: [Authority], data: OfficialData, options: CouncilImport.Options) {
        self.council = council
        register = RegisterProviders(data, known: Set(authorities.map(\.id.rawValue)))
        entries = Dictionary(data.register.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        names = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id, $0.name) })
        let centroids = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id, $0.centroid) })
        for provider in register.providers {
            let national = provider.offers[.secureChildrensHome] != nil || provider.offers[.residentialSchool] != nil
            guard let centroid = centroids[provider.authority] else { continue }
            if national || Geography.miles(from: council.centroid, to: centroid) <= options.radiusMiles {
                add(provider)
            }
        }
        registeredNearby = providers.count
    }

    /// Every provider takes unaccompanied asylum-seeking children: no registration restricts who may
    /// (they are most of supported accommodation's young people), so `uasc` is a need recorded, not a
    /// specialism to find. Listed only where such a child lived, a council's asylum-seeking young
    /// people had stayed out of its area in every mode (a trial: 28 of Stockport's, none in area).
    private mutating func add(_ provider: Provider) {
        var provider = provider
        provider.specialisms.insert(.uasc)
        index[provider.id] = providers.count
        providers.append(provider)
    }

    /// The council's foster households from the carers file: each a provider of the council's, run by
    /// it, where the household lives, with its approved places, needs and ages.
    mutating func addHouseholds(_ carers: [CarerRecord], file: String) {
        carersFile = file
        for carer in carers {
            let id = ProviderID(rawValue: "\(council.id.rawValue)-carer-\(carer.id)")
            add(
                Provider(
                    id: id, name: "Foster household \(carer.id), \(names[carer.authority] ?? carer.authority.rawValue)",
                    sector: .localAuthority, operatingAuthority: council.id, owner: council.name,
                    authority: carer.authority,
                    offers: [
                        .foster: Provider.Offer(
                            places: carer.places, weeklyPrice: Assumptions.price(.foster, sector: .localAuthority))
                    ],
                    rating: .notYetInspected, specialisms: carer.approvedFor, ageRange: carer.ages))
            households.append((carer, id))
        }
    }

    /// Gives every commissioned child a current provider, then sets places and prices.
    mutating func place(_ records: [ChildRecord], file: String, table: CSVTable, log: inout IssueLog) {
        var children: [ProviderID: [PlacementType: Int]] = [:]
        var costs: [ProviderID: [PlacementType: [Double]]] = [:]
        var rules: [ProviderID: String] = [:]
        var lines: [ProviderID: [Int]] = [:]
        let fit = HouseholdFit(
            records, households: households, carersFile: carersFile, council: council.id, names: names, table: table,
            log: &log)
        (fittedToHouseholds, unfittedToHouseholds) = (fit.fitted, fit.unfitted)
        let household = fit.household
        let householdCosts = records.compactMap { household[$0.id] == nil ? nil : $0.weeklyCost }
        if !householdCosts.isEmpty { householdPrice = Self.meanCost(householdCosts) }
        let listedPlaces = Dictionary(uniqueKeysWithValues: households.map { ($0.provider, $0.record.places) })
        for record in records where record.type.isCommissioned {
            var id = household[record.id]
            if id == nil, let urn = record.urn {
                id = provider(urn: urn, record: record, file: file, table: table, log: &log)
            }
            if id == nil, record.urn == nil || placedByCode.contains(where: { $0.child == record.id }) {
                let (made, rule) = madeProvider(for: record)
                id = made
                rules[made] = rule
            }
            guard let id, let position = index[id] else { continue }
            currentProvider[record.id] = id
            // Placement (and so admissibility) is by the provider's authority: avoiding it bars the child
            // from the home they live in.
            let lives = providers[position].authority
            if record.avoid.contains(lives.rawValue) {
                log.warning(
                    file, line: record.line, column: table.column(of: "locations_to_avoid", line: record.line),
                    field: "locations_to_avoid",
                    "names \(names[lives] ?? lives.rawValue), where \(record.id) is placed today: no mode keeps the "
                        + "child there, so every mode moves them (or leaves them unplaced)")
            }
            lines[id, default: []].append(record.line)
            children[id, default: [:]][record.type, default: 0] += 1
            if let cost = record.weeklyCost { costs[id, default: [:]][record.type, default: []].append(cost) }
            // The child lives there now, so the provider meets the child's needs and takes its age; a
            // listed household so widened is said to be, as its approvals were the council's word.
            let ages = providers[position].ageRange
            let unapproved = record.needs.subtracting(providers[position].specialisms)
            let ofApprovedAge = (ages.minimum...ages.maximum).contains(record.age)
            if listedPlaces[id] != nil, !unapproved.isEmpty || !ofApprovedAge {
                let what =
                    (unapproved.isEmpty ? [] : [unapproved.sorted().map(\.rawValue).joined(separator: " and ")])
                    + (ofApprovedAge ? [] : ["age \(record.age)"])
                log.warning(
                    file, line: record.line, column: table.column(of: "carer_id", line: record.line), field: "carer_id",
                    "\(record.id) lives with \(providers[position].name), which \(carersFile ?? "the carers file") does not "
                        + "approve for \(what.joined(separator: " or ")): the household is taken to be approved for them, as "
                        + "the child lives there today; correct the carers file if it is not")
            }
            providers[position].specialisms.formUnion(record.needs)
            providers[position].ageRange = AgeBand(
                minimum: min(ages.minimum, record.age), maximum: max(ages.maximum, record.age))
        }
        for (id, byType) in children.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let position = index[id] else { continue }
            for (type, count) in byType.sorted(by: { $0.key < $1.key }) {
                let sector = providers[position].sector
                let rule = rules[id]
                let places: Int
                if let listed = listedPlaces[id] {
                    if count > listed {
                        let at = lines[id] ?? []
                        log.warning(
                            file, line: at.first ?? 0, column: table.column(of: "carer_id", line: at.first ?? 0),
                            field: "carer_id",
                            "\(count) children with \(providers[position].name), approved for "
                                + "\(NumberText.counted(listed, "place", "places")) in \(carersFile ?? "the carers file") "
                                + "(\(ChildRecords.lineList(at))): its places are raised to the children")
                    }
                    places = max(count, listed)
                } else if rule != nil || keptFromRegister[id] != nil || providers[position].offers[type]?.places == nil
                {
                    places = Self.places(for: count, type: type, sector: sector)
                } else if type == .foster,
                    agencyCarers.contains(id) || register.fosteringAgencies.contains(where: { $0.provider.id == id })
                {
                    places = Self.places(for: count, type: type, sector: sector)
                } else {
                    let registeredPlaces = providers[position].offers[type]?.places ?? 0
                    if count > registeredPlaces {
                        overfull.append((id.rawValue, count, registeredPlaces))
                        let at = lines[id] ?? []
                        log.warning(
                            file, line: at.first ?? 0, column: table.column(of: "provider_urn", line: at.first ?? 0),
                            field: "provider_urn",
                            "\(count) children with \(providers[position].name) (\(id.rawValue)), registered for "
                                + "\(NumberText.counted(registeredPlaces, "place", "places")) "
                                + "(\(ChildRecords.lineList(at))): its places are raised to the children")
                    }
                    places = max(count, registeredPlaces)
                }
                var price = providers[position].offers[type]?.weeklyPrice ?? Assumptions.price(type, sector: sector)
                // The council's households are priced together, below.
                if listedPlaces[id] == nil {
                    if let given = costs[id]?[type], !given.isEmpty {
                        price = Self.meanCost(given)
                        pricedFromExport += 1
                    } else {
                        pricedByDefault[type, default: 0] += 1
                    }
                }
                providers[position].offers[type] = Provider.Offer(places: places, weeklyPrice: price)
                if let rule {
                    madeFromCodes.append((providers[position], count, rule))
                }
            }
        }
        for (_, id) in households {
            guard let householdPrice, let position = index[id] else { continue }
            providers[position].offers[.foster]?.weeklyPrice = householdPrice
        }
        if householdPrice == nil {
            pricedByDefault[.foster, default: 0] += households.count
        } else {
            pricedFromExport += households.count
        }
        // Agencies are on the register without places: only those a child names take part.
        providers.removeAll { provider in provider.offers.values.allSatisfy { $0.places == 0 } }
        addedByURN = providers.filter { namedByURN.contains($0.id) }.count
    }

    /// The mean of children's weekly costs, to the penny: the price of the provider they live with.
    static func meanCost(_ costs: [Double]) -> Double {
        (costs.reduce(0, +) / Double(costs.count) * 100).rounded() / 100
    }

    /// Places for children found with a provider: in-house foster carers with the real scenarios'
    /// headroom, agencies at their vacancy rate (Ofsted 2024), anything else exactly full.
    static func places(for children: Int, type: PlacementType, sector: Sector) -> Int {
        let factor: Double =
            switch (type, sector) {
            case (.foster, .localAuthority): Assumptions.inHouseFosterHeadroom
            case (.foster, _): Assumptions.agencyFosterCapacityFactor
            default: 1
            }
        return Int((Double(children) * factor).rounded(.up))
    }

    /// The register provider of `urn`, added to the market if it is not there yet.
    private mutating func provider(
        urn: String, record: ChildRecord, file: String, table: CSVTable, log: inout IssueLog
    ) -> ProviderID? {
        let id = ProviderID(rawValue: "URN\(urn)")
        if index[id] == nil {
            if let provider = register.providers.first(where: { $0.id == id })
                ?? register.fosteringAgencies.first(where: { $0.provider.id == id })?.provider
            {
                add(provider)
                namedByURN.insert(id)
            } else if let entry = entries[urn], var kept = register.provider(for: entry) {
                // The child lives there today: the entry's sector, area and judgement stand, whatever
                // its status; its places are the children there. A trust serving several councils
                // registers under one of them: the council's own trust runs it for the council.
                if kept.operatingAuthority != council.id, register.isRun(byTrustOf: council.id.rawValue, entry) {
                    kept.operatingAuthority = council.id
                }
                add(kept)
                keptFromRegister[id] = entry
                namedByURN.insert(id)
            } else {
                // Reading the records refuses a URN the register lacks; this one lies outside England (the
                // register gives it no English authority) or is of a kind the scenarios do not model. Its
                // provider code places the child, as one without a URN; without one, nothing can.
                let kind = entries[urn]?.provisionType ?? ""
                let why =
                    RegisterProviders.types[kind] == nil
                    ? "registered as \(kind.lowercased()), which the scenarios do not model"
                    : "registered outside England (the scenario holds English authorities only)"
                // Where the child lives must be given: a code alone would place them in the council's area.
                if record.providerCode != nil, record.placementAuthority != nil {
                    placedByCode.append((record.id, urn, why))
                } else {
                    log.error(
                        file, line: record.line, column: table.column(of: "provider_urn", line: record.line),
                        field: "provider_urn",
                        "URN \(urn) is \(why): give placement_provider and placement_authority (the nearest "
                            + "English authority, where the child is placed outside England) to place the child")
                }
                return nil
            }
        }
        if let entry = keptFromRegister[id] {
            inactiveURNs.append((record.id, urn, Self.notInMarket(entry)))
        }
        guard let position = index[id] else { return nil }
        guard providers[position].offers[record.type] != nil else {
            let registered = entries[urn]?.provisionType ?? "another type"
            log.error(
                file, line: record.line, column: table.column(of: "provider_urn", line: record.line),
                field: "provider_urn",
                "URN \(urn) is registered as \(registered.lowercased()), which does not offer "
                    + "\(record.type.label.lowercased()) (the child's placement code)")
            return nil
        }
        warnOfConflicts(record, urn: urn, provider: providers[position], file: file, table: table, log: &log)
        // An agency's URN is its office; its carers live where the record places the child.
        if let named = record.placementAuthority.map(AuthorityCode.init(rawValue:)),
            named != providers[position].authority, let agency = agency(id)
        {
            let carers = ProviderID(rawValue: "\(id.rawValue)-\(named.rawValue)")
            if index[carers] == nil {
                var provider = agency
                provider.id = carers
                provider.authority = named
                provider.location = nil
                provider.name += ", carers in \(names[named] ?? named.rawValue)"
                add(provider)
                agencyCarers.insert(carers)
                namedByURN.insert(carers)
            }
            return carers
        }
        return id
    }

    /// The fostering agency `id` names (one in the market, or one kept from its register entry).
    private func agency(_ id: ProviderID) -> Provider? {
        if let agency = register.fosteringAgencies.first(where: { $0.provider.id == id }) { return agency.provider }
        guard keptFromRegister[id]?.provisionType == RegisterProviders.fosteringAgency, let position = index[id]
        else { return nil }
        return providers[position]
    }

    /// Why a register entry is not in the market: "suspended", "no places", "short breaks only",
    /// "a children's trust's fostering service".
    static func notInMarket(_ entry: OfficialData.RegisteredProvider) -> String {
        let why =
            entry.status != "Active"
            ? entry.status.lowercased()
            : entry.isShortBreakOnly
                ? "short breaks only"
                : entry.provisionType == RegisterProviders.fosteringAgency
                    ? "a children's trust's fostering service" : "no places"
        return "\(entry.provisionType), \(why)"
    }

    /// A record whose provider code or placement authority the register's entry for its URN
    /// contradicts: the register's is used (it decides M1 and M2), and the user is told, line by line.
    /// An agency's carers live where the record places the child, not at its office.
    private func warnOfConflicts(
        _ record: ChildRecord, urn: String, provider: Provider, file: String, table: CSVTable, log: inout IssueLog
    ) {
        if let code = record.providerCode {
            let runByCouncil = provider.sector == .localAuthority
            let agrees =
                switch code {
                case .ownAuthority, .parents: runByCouncil && provider.operatingAuthority == council.id
                case .otherAuthority: runByCouncil && provider.operatingAuthority != council.id
                default: provider.sector == code.sector
                }
            if !agrees {
                let owner = provider.operatingAuthority.map { names[$0] ?? $0.rawValue } ?? provider.owner
                log.warning(
                    file, line: record.line, column: table.column(of: "placement_provider", line: record.line),
                    field: "placement_provider",
                    "\(code.rawValue) (\(code.meaning)), but URN \(urn) is \(provider.sector.label.lowercased()) "
                        + (owner.isEmpty ? "" : "(\(owner)) ") + "in Ofsted's register; the register's is used")
            }
        }
        if agency(provider.id) == nil, let named = record.placementAuthority.map(AuthorityCode.init(rawValue:)),
            named != provider.authority
        {
            log.warning(
                file, line: record.line, column: table.column(of: "placement_authority", line: record.line),
                field: "placement_authority",
                "\(names[named] ?? named.rawValue), but URN \(urn) is registered in "
                    + "\(names[provider.authority] ?? provider.authority.rawValue); the register's is used")
        }
    }

    /// The provider standing for children placed without a URN: one per placement type, SSDA903
    /// provider code and place.
    private mutating func madeProvider(for record: ChildRecord) -> (ProviderID, String) {
        let code = record.providerCode ?? .ownAuthority
        let place = record.placementAuthority.map(AuthorityCode.init(rawValue:)) ?? council.id
        let operating: AuthorityCode? =
            switch code {
            case .parents, .ownAuthority: council.id
            case .otherAuthority: place
            default: nil
            }
        let id = ProviderID(
            rawValue: "\(council.id.rawValue)-\(record.type.rawValue)-\(code.rawValue)-\(place.rawValue)")
        let rule = "\(record.type.label), \(code.rawValue) (\(code.meaning)), in \(names[place] ?? place.rawValue)"
        if index[id] == nil {
            add(
                Provider(
                    id: id, name: "\(record.type.label): \(code.meaning), \(names[place] ?? place.rawValue)",
                    sector: code.sector, operatingAuthority: operating,
                    owner: operating.map { names[$0] ?? $0.rawValue } ?? "", authority: place, offers: [:],
                    rating: .notYetInspected, ageRange: Assumptions.ageBand(record.type)))
        }
        return (id, rule)
    }
}
