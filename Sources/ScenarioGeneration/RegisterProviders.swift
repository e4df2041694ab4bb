import Foundation
import PlacementScenarios

/// Providers from Ofsted's register: every active children's home, secure children's home,
/// residential special school and supported-accommodation provider with long-term places, located in
/// its authority; fostering agencies (places estimated elsewhere). A children's trust's entries are
/// its council's own services, in the sector DfE counts the trust in.
struct RegisterProviders {
    private(set) var providers: [Provider] = []
    /// Fostering agencies with their region; places filled in by the capacity estimate.
    private(set) var fosteringAgencies: [(provider: Provider, region: String)] = []
    /// Registered places that DfE counts as a council's own provision (run by the council, or by a
    /// trust DfE counts as the council), by authority and type.
    private(set) var councilRunPlaces: [String: [PlacementType: Int]] = [:]
    /// Registered places of trusts DfE counts as voluntary, by the council they serve and type.
    private(set) var trustRunPlaces: [String: [PlacementType: Int]] = [:]
    private(set) var securePlaces = 0
    private(set) var notes: [String: Int] = [:]
    private let known: Set<String>
    private let trusts: [String: ChildrensTrust]
    private let codeOfName: [String: String]

    /// The register's provision type of a fostering agency (its places are estimated elsewhere).
    static let fosteringAgency = "Independent Fostering Agency"

    static let types: [String: PlacementType] = [
        "Children's home": .childrensHome,
        "Secure children's home": .secureChildrensHome,
        "Residential special school (registered as a children's home)": .residentialSchool,
        "Supported Accommodation": .supportedAccommodation,
        fosteringAgency: .foster,
    ]

    init(_ data: OfficialData, known: Set<String>) {
        self.known = known
        trusts = data.trusts
        codeOfName = Dictionary(
            data.authorities.map { (Self.councilName($0.name), $0.code) }, uniquingKeysWith: { first, _ in first })
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
            let isAgency = entry.provisionType == Self.fosteringAgency
            guard isAgency || entry.places > 0 else {
                notes["skipped_no_places", default: 0] += 1
                continue
            }
            if type == .childrensHome { notes["childrens_home_places", default: 0] += entry.places }
            // Short breaks hold no child looked after at 31 March: not long-term capacity.
            guard !entry.isShortBreakOnly else {
                notes["skipped_short_break", default: 0] += 1
                notes["short_break_places", default: 0] += entry.places
                if type == .childrensHome { notes["short_break_home_places", default: 0] += entry.places }
                continue
            }
            let trust = trust(of: entry)
            if isAgency, trust != nil {
                // The trust's carers are its council's fostering service, estimated with the council's.
                notes["trust_fostering_agencies", default: 0] += 1
                continue
            }
            guard let provider = provider(for: entry) else { continue }
            if isAgency {
                fosteringAgencies.append((provider, region))
                continue
            }
            providers.append(provider)
            if provider.sector == .localAuthority, let operating = provider.operatingAuthority?.rawValue {
                councilRunPlaces[operating, default: [:]][type, default: 0] += entry.places
            } else if trust != nil {
                trustRunPlaces[entry.authority, default: [:]][type, default: 0] += entry.places
            }
            if type == .childrensHome { notes["long_term_home_places", default: 0] += entry.places }
            if type == .secureChildrensHome { securePlaces += entry.places }
        }
    }

    /// The provider a register entry stands for, whatever its status and places: a trust's entry is
    /// its council's service, in the sector DfE counts the trust in; a council's own is run by the
    /// council its owner names (it may lie in another council's area). Nil for a provision type the
    /// scenarios do not model, or an entry outside England.
    func provider(for entry: OfficialData.RegisteredProvider) -> Provider? {
        guard let type = Self.types[entry.provisionType], known.contains(entry.authority) else { return nil }
        let trust = trust(of: entry)
        let sector = trust?.countedAs ?? Self.sector(entry.sector)
        var operating: String?
        if trust != nil {
            operating = entry.authority
        } else if sector == .localAuthority {
            operating = codeOfName[Self.councilName(entry.owner)] ?? entry.authority
        }
        return Provider(
            id: ProviderID(rawValue: "URN\(entry.urn)"), name: "\(entry.provisionType) \(entry.urn)",
            sector: sector, operatingAuthority: operating.map(AuthorityCode.init(rawValue:)),
            owner: entry.owner, authority: AuthorityCode(rawValue: entry.authority),
            offers: [type: .init(places: entry.places, weeklyPrice: Assumptions.price(type, sector: sector))],
            rating: Self.rating(entry.rating), ageRange: Assumptions.ageBand(type))
    }

    /// Whether `council`'s children's trust (one may serve several councils) runs the entry.
    func isRun(byTrustOf council: String, _ entry: OfficialData.RegisteredProvider) -> Bool {
        trusts[council]?.registerOwners.contains(entry.owner) ?? false
    }

    /// The children's trust an entry belongs to, if any.
    private func trust(of entry: OfficialData.RegisteredProvider) -> ChildrensTrust? {
        trusts[entry.authority].flatMap { $0.owns(entry) ? $0 : nil }
    }

    /// A council's name as owners and the authority list both write it: "Wandsworth Borough Council"
    /// and "Wandsworth", "Stoke on Trent City Council" and "Stoke-on-Trent" alike.
    static func councilName(_ text: String) -> String {
        var name = text.lowercased().replacingOccurrences(of: "-", with: " ")
        for suffix in [
            " metropolitan borough council", " borough council", " county council", " city council", " council",
        ]
        where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name.trimmingCharacters(in: .whitespaces)
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
