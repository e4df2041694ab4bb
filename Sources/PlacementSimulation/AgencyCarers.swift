import PlacementCalibration
import PlacementScenarios

/// Independent fostering agencies' places where their carers live today.
///
/// The register gives an agency one address, and the scenario generator shares a region's agency
/// places among the agencies registered in it: every agency place then stands in the few authorities
/// with an agency office, and a council with none has no agency carer inside its boundary, though
/// today about 57% of agency-fostered children live inside their own authority. Today's market moves
/// each region's agency places, per sector, to the scenario's authorities of that region in
/// proportion to the calibrated allocation's agency-fostered children placed in each (from anywhere),
/// and cuts them into per-authority pieces of the agencies: agencies and authorities each in
/// north-to-south order, each agency's places filling the authorities' shares in turn, so an agency
/// becomes at most a few pieces in neighbouring authorities and the scenario gains at most one
/// provider per authority and sector. A piece keeps its agency's owner, sector, price, rating and
/// ages; the piece in the agency's own authority (else its largest) keeps its id, the others are
/// `ID@CODE`. Agencies a child's record names as current provider stay whole where they are, and a
/// council's own services (a children's trust's carers, voluntary as DfE counts them) are no agency.
enum AgencyCarers {
    /// Where one agency's places go: (authority, places), in the order cut.
    typealias Pieces = [(authority: AuthorityCode, places: Int)]

    /// `scenario` with its agencies' foster places cut into pieces where agency carers live today, and
    /// how many places moved to another authority than their agency's. `carers`: the allocation's
    /// agency-fostered children placed in each of the scenario's authorities, by sector.
    static func relocated(_ scenario: Scenario, carers: [AuthorityCode: [Sector: Double]]) -> (
        scenario: Scenario, movedPlaces: Int
    ) {
        relocated(scenario, pieces: pieces(scenario, carers: carers))
    }

    /// Each agency's pieces (by its id) as ``relocated(_:carers:)`` cuts them.
    static func pieces(_ scenario: Scenario, carers: [AuthorityCode: [Sector: Double]]) -> [ProviderID: Pieces] {
        let own = scenario.ownAuthorities
        let authorityOf = Dictionary(own.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let recorded = scenario.providersNamedByRecords
        struct Group: Hashable {
            var region: String
            var sector: Sector
        }
        var agencies: [Group: [Int]] = [:]
        for (index, provider) in scenario.providers.enumerated()
        where (provider.sector == .private || provider.sector == .voluntary) && !provider.isCouncilService {
            guard let offer = provider.offers[.foster], offer.places > 0, provider.offers.count == 1,
                !recorded.contains(provider.id), let authority = authorityOf[provider.authority]
            else { continue }
            agencies[Group(region: authority.region, sector: provider.sector), default: []].append(index)
        }
        var pieces: [Int: Pieces] = [:]
        for (group, members) in agencies {
            let destinations = own.filter { $0.region == group.region }
                .map { ($0, carers[$0.id]?[group.sector] ?? 0) }
                .filter { $0.1 > 0 }
                .sorted { northToSouth($0.0, $1.0) }
            guard !destinations.isEmpty else { continue }
            let ordered = members.sorted {
                let (a, b) = (scenario.providers[$0], scenario.providers[$1])
                guard a.authority != b.authority, let first = authorityOf[a.authority],
                    let second = authorityOf[b.authority]
                else { return a.id.rawValue < b.id.rawValue }
                return northToSouth(first, second)
            }
            let places = ordered.map { scenario.providers[$0].offers[.foster]?.places ?? 0 }
            let shares = Apportion.split(places.reduce(0, +), weights: destinations.map(\.1))
            for (agency, cut) in zip(ordered, cutInTurn(places, into: shares)) {
                pieces[agency] = cut.map { (destinations[$0.destination].0.id, $0.places) }
            }
        }
        return Dictionary(
            pieces.map { (scenario.providers[$0.key].id, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// `scenario` with its agencies cut into `pieces` (by agency id; ``pieces(_:carers:)``): today's
    /// cut, kept after shocks so that the carers of an agency that stays stay where they live (cut
    /// anew, an exit moved other agencies' pieces between authorities and displaced their children).
    /// An agency whose places a shock changed keeps its pieces' shares.
    static func relocated(_ scenario: Scenario, pieces byID: [ProviderID: Pieces]) -> (
        scenario: Scenario, movedPlaces: Int
    ) {
        var pieces: [Int: Pieces] = [:]
        for (index, provider) in scenario.providers.enumerated() {
            guard let cut = byID[provider.id], let places = provider.offers[.foster]?.places, places > 0 else {
                continue
            }
            let total = cut.reduce(0) { $0 + $1.places }
            pieces[index] =
                total == places
                ? cut
                : zip(cut, Apportion.split(places, weights: cut.map { Double($0.places) })).map {
                    (authority: $0.0.authority, places: $0.1)
                }
        }
        guard !pieces.isEmpty else { return (scenario, 0) }
        var result = scenario
        var moved = 0
        result.providers = []
        let names = scenario.authorityNames
        for (index, provider) in scenario.providers.enumerated() {
            guard let cut = pieces[index], !cut.isEmpty else {
                result.providers.append(provider)
                continue
            }
            let keeper =
                cut.firstIndex { $0.authority == provider.authority }
                ?? cut.indices.max { cut[$0].places < cut[$1].places }!
            for (number, piece) in cut.enumerated() {
                var part = provider
                part.offers[.foster]?.places = piece.places
                part.authority = piece.authority
                if piece.authority != provider.authority {
                    part.location = nil
                    moved += piece.places
                }
                if number != keeper {
                    part.id = ProviderID("\(provider.id.rawValue)@\(piece.authority.rawValue)")
                    part.name += " (carers in \(names[piece.authority] ?? piece.authority.rawValue))"
                }
                result.providers.append(part)
            }
        }
        return (result, moved)
    }

    /// North to south, then west to east, then by code: a deterministic walk through a region.
    static func northToSouth(_ a: Authority, _ b: Authority) -> Bool {
        if a.centroid.latitude != b.centroid.latitude { return a.centroid.latitude > b.centroid.latitude }
        if a.centroid.longitude != b.centroid.longitude { return a.centroid.longitude < b.centroid.longitude }
        return a.id.rawValue < b.id.rawValue
    }

    /// Lays `supplies` end to end against `demands` end to end (equal totals) and cuts where either
    /// ends: per supply, (demand index, amount) pieces, at most supplies + demands − 1 in all.
    static func cutInTurn(_ supplies: [Int], into demands: [Int]) -> [[(destination: Int, places: Int)]] {
        var left = demands
        var destination = 0
        return supplies.map { supply in
            var remaining = supply
            var cut: [(destination: Int, places: Int)] = []
            while remaining > 0, destination < left.count {
                let taken = min(remaining, left[destination])
                if taken > 0 { cut.append((destination, taken)) }
                remaining -= taken
                left[destination] -= taken
                if left[destination] == 0 { destination += 1 }
            }
            return cut
        }
    }
}
