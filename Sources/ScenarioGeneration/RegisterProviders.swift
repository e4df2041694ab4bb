import PlacementScenarios

/// Providers from Ofsted's register: every active children's home, secure children's home,
/// residential special school and supported-accommodation provider with places, located in its
/// authority; fostering agencies (places estimated elsewhere).
struct RegisterProviders {
    private(set) var providers: [Provider] = []
    /// Fostering agencies with their region; places filled in by the capacity estimate.
    private(set) var fosteringAgencies: [(provider: Provider, region: String)] = []
    /// Registered places of councils' own children's homes, by authority.
    private(set) var inHouseHomePlaces: [String: Int] = [:]
    private(set) var securePlaces = 0
    private(set) var notes: [String: Int] = [:]

    static let types: [String: PlacementType] = [
        "Children's home": .childrensHome,
        "Secure children's home": .secureChildrensHome,
        "Residential special school (registered as a children's home)": .residentialSchool,
        "Supported Accommodation": .supportedAccommodation,
        "Independent Fostering Agency": .foster,
    ]

    init(_ data: OfficialData, known: Set<String>) {
        let regionOf = Dictionary(uniqueKeysWithValues: data.authorities.map { ($0.code, $0.region) })
        for entry in data.register {
            guard let type = Self.types[entry.provisionType] else { continue }
            guard entry.status == "Active" else {
                notes["skipped_not_active", default: 0] += 1
                continue
            }
            guard known.contains(entry.authority), let region = regionOf[entry.authority] else {
                notes["skipped_outside_england", default: 0] += 1
                continue
            }
            let isAgency = entry.provisionType == "Independent Fostering Agency"
            guard isAgency || entry.places > 0 else {
                notes["skipped_no_places", default: 0] += 1
                continue
            }
            let sector = Self.sector(entry.sector)
            let provider = Provider(
                id: ProviderID(rawValue: "URN\(entry.urn)"), name: "\(entry.provisionType) \(entry.urn)",
                sector: sector,
                operatingAuthority: sector == .localAuthority ? AuthorityCode(rawValue: entry.authority) : nil,
                owner: entry.owner, authority: AuthorityCode(rawValue: entry.authority),
                offers: [type: .init(places: entry.places, weeklyPrice: Assumptions.price(type, sector: sector))],
                rating: Self.rating(entry.rating), ageRange: Assumptions.ageBand(type))
            if isAgency {
                fosteringAgencies.append((provider, region))
                continue
            }
            providers.append(provider)
            if type == .childrensHome {
                notes["childrens_home_places", default: 0] += entry.places
                if entry.isShortBreakOnly { notes["short_break_places", default: 0] += entry.places }
                if sector == .localAuthority { inHouseHomePlaces[entry.authority, default: 0] += entry.places }
            }
            if type == .secureChildrensHome { securePlaces += entry.places }
        }
    }

    static func sector(_ text: String) -> Sector {
        switch text {
        case "Local Authority": .localAuthority
        case "Voluntary": .voluntary
        case "Private": .private
        default: .otherPublic
        }
    }

    static func rating(_ text: String) -> OfstedRating {
        switch text {
        case "Outstanding": .outstanding
        case "Good": .good
        case "Requires improvement to be good": .requiresImprovement
        case "Inadequate": .inadequate
        default: .notYetInspected
        }
    }
}
