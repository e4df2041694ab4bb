import Foundation
import PlacementScenarios

/// A fictional country calibrated to England's 2025 shares, of any size: for benchmarks and tests
/// that need more than the real data. The same seed and scale give the same scenario.
public enum SyntheticScenarioBuilder {
    /// England's 2025 figures the generator reproduces on average per 153 councils.
    enum England {
        static let authorities = 153.0
        static let childrenPerAuthority = 81_770.0 / 153
        static let areaSquareKilometres = 130_300.0
        /// DfE placement shares; foster split into kinship and mainstream as for the real scenarios.
        static let typeShares: [(PlacementType, Double)] = [
            (.foster, 0.67 * (1 - Assumptions.kinshipShareOfFoster)),
            (.kinship, 0.67 * Assumptions.kinshipShareOfFoster),
            (.childrensHome, 0.1145), (.secureChildrensHome, 0.0015), (.supportedAccommodation, 0.092),
            (.residentialSchool, 0.0012), (.placedWithParents, 0.061), (.placedForAdoption, 0.02), (.other, 0.0388),
        ]
        static let homesPerAuthority = 3_935.0 / 153
        static let supportedProvidersPerAuthority = 891.0 / 153
        static let supportedPlacesPerProvider = 20_219.0 / 891
        static let secureHomes = 14.0
        static let residentialSchools = 49.0
        static let fosteringAgencies = 338.0
        /// Agency-placed foster children over (1 − vacancy): about 40.5% of foster placements.
        static let agencyPlacesPerChild = 0.67 * 0.405 / 0.84
        /// In-house mainstream places per mainstream foster child: (59.5% − kinship 18%) / 82%, with headroom.
        static let inHousePlacesPerMainstreamChild = (0.595 - 0.18) / 0.82 * Assumptions.inHouseFosterHeadroom
    }

    public static func build(seed: UInt64, scale: Double) -> Scenario {
        var random = SeededRandom(seed: seed)
        let count = max(3, Int((England.authorities * scale).rounded()))
        let stretch = scale.squareRoot()
        var authorities: [Authority] = []
        for index in 0..<count {
            let latitude = 52.5 + (random.unit() - 0.5) * 5 * stretch
            let longitude = -1.5 + (random.unit() - 0.5) * 6.5 * stretch
            let area = England.areaSquareKilometres / England.authorities * logNormal(&random, sigma: 0.8)
            authorities.append(
                Authority(
                    id: AuthorityCode(rawValue: String(format: "S%08d", index + 1)),
                    name: String(format: "Synthetic %04d", index + 1),
                    region: "Synthetic", centroid: Coordinate(latitude: latitude, longitude: longitude),
                    areaSquareKilometres: (area * 10).rounded() / 10))
        }
        var cohorts: [Cohort] = []
        var providers: [Provider] = []
        for authority in authorities {
            let children = Int((England.childrenPerAuthority * logNormal(&random, sigma: 0.5)).rounded())
            let counts = Apportion.split(children, weights: England.typeShares.map(\.1))
            for ((type, _), count) in zip(England.typeShares, counts) where count > 0 {
                cohorts.append(
                    Cohort(
                        id: "\(authority.id)-\(type.rawValue)", homeAuthority: authority.id, placementType: type,
                        ageBand: Assumptions.ageBand(type), count: count))
            }
            let mainstream = counts[0]
            let inHouse = Int(
                (Double(mainstream) * England.inHousePlacesPerMainstreamChild * logNormal(&random, sigma: 0.3))
                    .rounded())
            if inHouse > 0 { providers.append(council(authority, "FOSTER", "fostering service", .foster, inHouse)) }
            if counts[1] > 0 {
                providers.append(council(authority, "KINSHIP", "connected carers", .kinship, counts[1]))
            }
            let homes = Int((England.homesPerAuthority * logNormal(&random, sigma: 0.6)).rounded())
            for home in 0..<homes {
                providers.append(
                    market(
                        &random, id: "\(authority.id)-H\(home + 1)", authority: authority, type: .childrensHome,
                        places: [1, 2, 2, 3, 3, 3, 4, 4, 5, 6][random.next(below: 10)],
                        sectors: (localAuthority: 0.12, voluntary: 0.04)))
            }
            let supported = Int((England.supportedProvidersPerAuthority * logNormal(&random, sigma: 0.6)).rounded())
            for provider in 0..<supported {
                let places = max(
                    1, Int((England.supportedPlacesPerProvider * logNormal(&random, sigma: 0.8)).rounded()))
                providers.append(
                    market(
                        &random, id: "\(authority.id)-A\(provider + 1)", authority: authority,
                        type: .supportedAccommodation, places: places, sectors: (localAuthority: 0.05, voluntary: 0.08))
                )
            }
        }
        let totalFoster = cohorts.filter { $0.placementType == .foster || $0.placementType == .kinship }
            .reduce(0) { $0 + $1.count }
        let scattered: [(PlacementType, Double, String, Int)] = [
            (.secureChildrensHome, England.secureHomes, "S", 17),
            (.residentialSchool, England.residentialSchools, "R", 25),
        ]
        for (type, perEngland, letter, places) in scattered {
            for index in 0..<max(1, Int((perEngland * scale).rounded())) {
                let authority = authorities[random.next(below: authorities.count)]
                providers.append(
                    market(
                        &random, id: "\(authority.id)-\(letter)\(index + 1)", authority: authority, type: type,
                        places: places, sectors: (localAuthority: 0.8, voluntary: 0.1)))
            }
        }
        let agencies = max(1, Int((England.fosteringAgencies * scale).rounded()))
        let agencyPlaces = Apportion.split(
            Int((Double(totalFoster) * England.agencyPlacesPerChild / 0.67).rounded()),
            weights: Array(repeating: 1, count: agencies))
        for (index, places) in agencyPlaces.enumerated() where places > 0 {
            let authority = authorities[random.next(below: authorities.count)]
            providers.append(
                market(
                    &random, id: "\(authority.id)-F\(index + 1)", authority: authority, type: .foster, places: places,
                    sectors: (localAuthority: 0, voluntary: 0.16)))
        }
        let groups = CooperativePartition.groups(authorities, maximumSize: 10)
        let cooperatives = groups.enumerated().map { number, members in
            Cooperative(
                id: "cooperative-\(number + 1)", name: "Co-operative \(number + 1)",
                members: members.map(\.id).sorted())
        }
        return Scenario(
            name: "synthetic-\(seed)-x\(ScenarioWriter.number(scale))",
            description: "Synthetic scenario (seed \(seed), \(ScenarioWriter.number(scale)) × England), calibrated to "
                + "England's 2025 placement shares, provider counts and places; fictional places and councils.",
            authorities: authorities, cooperatives: cooperatives, cohorts: cohorts, providers: providers,
            policy: Assumptions.policy)
    }

    private static func council(
        _ authority: Authority, _ suffix: String, _ name: String, _ type: PlacementType, _ places: Int
    )
        -> Provider
    {
        Provider(
            id: "\(authority.id)-\(suffix)", name: "\(authority.name) \(name)", sector: .localAuthority,
            operatingAuthority: authority.id, owner: authority.name, authority: authority.id,
            offers: [type: .init(places: places, weeklyPrice: Assumptions.price(type, sector: .localAuthority))],
            ageRange: Assumptions.ageBand(type))
    }

    /// A provider whose sector and Ofsted judgement are drawn at England's rates.
    private static func market(
        _ random: inout SeededRandom, id: String, authority: Authority, type: PlacementType, places: Int,
        sectors: (localAuthority: Double, voluntary: Double)
    ) -> Provider {
        let draw = random.unit()
        let sector: Sector =
            draw < sectors.localAuthority
            ? .localAuthority : draw < sectors.localAuthority + sectors.voluntary ? .voluntary : .private
        let ratings: [(OfstedRating, Double)] = [
            (.outstanding, 0.10), (.good, 0.55), (.requiresImprovement, 0.10), (.inadequate, 0.01),
            (.notYetInspected, 0.24),
        ]
        var threshold = random.unit()
        var rating = OfstedRating.good
        for (candidate, share) in ratings {
            if threshold < share {
                rating = candidate
                break
            }
            threshold -= share
        }
        return Provider(
            id: ProviderID(rawValue: id), name: "\(type.label) \(id)", sector: sector,
            operatingAuthority: sector == .localAuthority ? authority.id : nil, owner: "", authority: authority.id,
            offers: [type: .init(places: places, weeklyPrice: Assumptions.price(type, sector: sector))], rating: rating,
            ageRange: Assumptions.ageBand(type))
    }

    /// A log-normal factor with mean 1.
    private static func logNormal(_ random: inout SeededRandom, sigma: Double) -> Double {
        let u1 = max(random.unit(), 1e-12)
        let u2 = random.unit()
        let normal = (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
        return exp(sigma * normal - sigma * sigma / 2)
    }
}
