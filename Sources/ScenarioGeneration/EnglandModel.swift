import Foundation
import PlacementScenarios

/// England in 2025 as a scenario, and the estimates made on the way.
struct EnglandModel {
    let data: OfficialData
    private(set) var scenario: Scenario
    private(set) var estimates: [Estimate]
    /// Figures the README quotes: what was skipped and how capacity was derived.
    private(set) var notes: [String: Int] = [:]

    init(_ data: OfficialData) {
        self.data = data
        let demand = DemandEstimation(data)
        estimates = demand.estimates
        let authorities = data.authorities.map {
            Authority(
                id: AuthorityCode(rawValue: $0.code), name: $0.name, region: $0.region,
                centroid: Coordinate(latitude: $0.latitude, longitude: $0.longitude),
                areaSquareKilometres: $0.areaSquareKilometres, childPopulation: $0.children)
        }
        scenario = Scenario(
            name: RealScenarioBuilder.englandName,
            description: "All 153 English councils with children's services at 31 March 2025: DfE's children looked "
                + "after by placement type, every provider on Ofsted's register, estimated in-house and agency "
                + "fostering, and about 20 co-operatives (the two pathfinders and a partition of each region).",
            authorities: authorities, cohorts: [], providers: [], policy: Assumptions.policy)
        let register = RegisterProviders(data, known: Set(authorities.map(\.id.rawValue)))
        notes.merge(register.notes) { $1 }
        let demandByType = splitTypes(demand, register: register)
        scenario.cohorts = cohorts(demandByType)
        scenario.providers = register.providers + fostering(demand, demandByType, register: register)
        scenario.cooperatives = Self.cooperatives(authorities)
        scenario.actuals = PublishedFigures.actuals(data)
    }

    // MARK: Demand

    /// Children per authority and commissioned or counted type.
    private mutating func splitTypes(_ demand: DemandEstimation, register: RegisterProviders) -> [String:
        [PlacementType: Int]]
    {
        let codes = data.authorities.map(\.code)
        let homes = codes.map { demand.categories[$0]?[.homes] ?? 0 }
        let secureTotal = Int((Double(register.securePlaces) * Assumptions.secureWelfareShareOfPlaces).rounded())
        let secure = Apportion.split(min(secureTotal, homes.reduce(0, +)), weights: homes.map(Double.init))
        notes["secure_children"] = secure.reduce(0, +)
        var result: [String: [PlacementType: Int]] = [:]
        for (index, code) in codes.enumerated() {
            let counts = demand.categories[code] ?? [:]
            let foster = counts[.foster] ?? 0
            let kinship = Int((Double(foster) * Assumptions.kinshipShareOfFoster).rounded())
            let secureHere = min(secure[index], homes[index])
            result[code] = [
                .foster: foster - kinship, .kinship: kinship, .childrensHome: homes[index] - secureHere,
                .secureChildrensHome: secureHere, .supportedAccommodation: counts[.supported] ?? 0,
                .residentialSchool: counts[.schools] ?? 0, .placedWithParents: counts[.parents] ?? 0,
                .placedForAdoption: counts[.adoption] ?? 0,
                .other: (counts[.other] ?? 0) + (counts[.otherResidential] ?? 0),
            ]
        }
        return result
    }

    private func cohorts(_ demandByType: [String: [PlacementType: Int]]) -> [Cohort] {
        data.authorities.flatMap { authority in
            PlacementType.allCases.compactMap { type -> Cohort? in
                let count = demandByType[authority.code]?[type] ?? 0
                guard count > 0 else { return nil }
                return Cohort(
                    id: CohortID(rawValue: "\(authority.code)-\(type.rawValue)"),
                    homeAuthority: AuthorityCode(rawValue: authority.code), placementType: type,
                    ageBand: Assumptions.ageBand(type), count: count)
            }
        }
    }

    // MARK: Fostering

    /// Each council's in-house fostering and connected-carer services (or its children's trust's), and
    /// agency capacity spread over each region's fostering agencies.
    private mutating func fostering(
        _ demand: DemandEstimation, _ demandByType: [String: [PlacementType: Int]], register: RegisterProviders
    ) -> [Provider] {
        var providers: [Provider] = []
        var agencyChildrenByRegion: [String: Int] = [:]
        let usualVoluntaryShare = Self.usualVoluntaryShare(data, demand)
        notes["usual_voluntary_share_per_thousand"] = Int((usualVoluntaryShare * 1000).rounded())
        for authority in data.authorities {
            let code = authority.code
            let types = demandByType[code] ?? [:]
            let foster = (types[.foster] ?? 0) + (types[.kinship] ?? 0)
            let kinship = types[.kinship] ?? 0
            let homes = (types[.childrensHome] ?? 0) + (types[.secureChildrensHome] ?? 0)
            let supported = types[.supportedAccommodation] ?? 0
            // The council's own provision beyond its homes and supported accommodation is foster care.
            let own = demand.ownProvision[code] ?? 0
            let council = register.councilRunPlaces[code] ?? [:]
            let ownHomes = Self.occupied(council[.childrensHome], Assumptions.inHouseHomeOccupancy, atMost: homes)
            let ownSupported = Self.occupied(
                council[.supportedAccommodation], Assumptions.councilSupportedAccommodationOccupancy,
                atMost: supported)
            let ownFoster = min(foster, max(0, own - ownHomes - ownSupported))
            notes["in_house_foster_children", default: 0] += ownFoster
            notes["council_supported_children", default: 0] += ownSupported
            if ownSupported > 0 {
                estimates.append(
                    Estimate(
                        authority: code, figure: "Children in council-run supported accommodation",
                        value: Double(ownSupported),
                        method: "\(council[.supportedAccommodation] ?? 0) registered places × "
                            + "\(Assumptions.councilSupportedAccommodationOccupancy) occupancy, at most its "
                            + "\(supported) children in supported accommodation"))
            }
            let trustFoster = trustFosterChildren(
                authority, demand, register: register, usualVoluntaryShare: usualVoluntaryShare,
                left: (foster - ownFoster, homes - ownHomes, supported - ownSupported))
            agencyChildrenByRegion[authority.region, default: 0] += foster - ownFoster - trustFoster
            // Connected carers go with whichever service holds most of the council's foster children.
            let trustHasCarers = trustFoster > ownFoster
            let councilMainstream = max(0, ownFoster - (trustHasCarers ? 0 : kinship))
            let places = Self.withHeadroom(councilMainstream)
            estimates.append(
                Estimate(
                    authority: code, figure: "In-house mainstream foster places", value: Double(places),
                    method: "(own provision \(own) − \(ownHomes) in own homes − \(ownSupported) in own supported "
                        + "accommodation − \(trustHasCarers ? 0 : kinship) kinship) × "
                        + "\(Assumptions.inHouseFosterHeadroom)"))
            if places > 0 {
                providers.append(inHouse(authority, id: "\(code)-FOSTER", name: "fostering service", .foster, places))
            }
            if let trust = data.trusts[code], trustFoster > 0 {
                let trustPlaces = Self.withHeadroom(max(0, trustFoster - (trustHasCarers ? kinship : 0)))
                estimates.append(
                    Estimate(
                        authority: code, figure: "\(trust.name): mainstream foster places", value: Double(trustPlaces),
                        method: "(\(trustFoster) trust foster children − \(trustHasCarers ? kinship : 0) kinship) × "
                            + "\(Assumptions.inHouseFosterHeadroom)"))
                if trustPlaces > 0 {
                    providers.append(
                        trustService(trust, authority, id: "FOSTER", "fostering service", .foster, trustPlaces))
                }
                if trustHasCarers, kinship > 0 {
                    providers.append(
                        trustService(trust, authority, id: "KINSHIP", "connected carers", .kinship, kinship))
                }
            }
            if !trustHasCarers, kinship > 0 {
                providers.append(inHouse(authority, id: "\(code)-KINSHIP", name: "connected carers", .kinship, kinship))
            }
        }
        notes["agency_foster_children"] = agencyChildrenByRegion.values.reduce(0, +)
        // Agency capacity: each region's agency-placed children over (1 − vacancy), shared equally by
        // the fostering agencies registered there.
        var agencies = register.fosteringAgencies
        for region in Set(agencies.map(\.region)).sorted() {
            let members = agencies.indices.filter { agencies[$0].region == region }
            let capacity = Int(
                (Double(agencyChildrenByRegion[region] ?? 0) * Assumptions.agencyFosterCapacityFactor).rounded())
            let shares = Apportion.split(capacity, weights: members.map { _ in 1 })
            for (index, share) in zip(members, shares) { agencies[index].provider.offers[.foster]?.places = share }
            estimates.append(
                Estimate(
                    authority: region, figure: "Agency foster places in the region", value: Double(capacity),
                    method: "agency-placed children ÷ 0.84, shared equally by its \(members.count) agencies"))
        }
        notes["agency_foster_places"] = agencies.reduce(0) { $0 + ($1.provider.offers[.foster]?.places ?? 0) }
        return providers + agencies.map(\.provider).filter { ($0.offers[.foster]?.places ?? 0) > 0 }
    }

    /// The foster children of a council's children's trust, where DfE counts the trust as voluntary:
    /// the council's voluntary placements above the usual voluntary share, less those in the trust's
    /// homes and supported accommodation; at most the foster children `left` by the council's own.
    private mutating func trustFosterChildren(
        _ authority: OfficialData.Authority, _ demand: DemandEstimation, register: RegisterProviders,
        usualVoluntaryShare: Double, left: (foster: Int, homes: Int, supported: Int)
    ) -> Int {
        let code = authority.code
        guard let trust = data.trusts[code], trust.countedAs == .voluntary else { return 0 }
        guard let voluntary = demand.voluntaryProvision[code] else {
            estimates.append(
                Estimate(
                    authority: code, figure: "\(trust.name): foster children", value: 0,
                    method: "suppressed voluntary provision: the trust's carers are not estimated"))
            return 0
        }
        let usual = Int((Double(demand.totals[code] ?? 0) * usualVoluntaryShare).rounded())
        let places = register.trustRunPlaces[code] ?? [:]
        let homes = Self.occupied(places[.childrensHome], Assumptions.inHouseHomeOccupancy, atMost: left.homes)
        let supported = Self.occupied(
            places[.supportedAccommodation], Assumptions.councilSupportedAccommodationOccupancy,
            atMost: left.supported)
        let children = min(left.foster, max(0, voluntary - usual - homes - supported))
        notes["trust_foster_children", default: 0] += children
        estimates.append(
            Estimate(
                authority: code, figure: "\(trust.name): foster children", value: Double(children),
                method: "voluntary provision \(voluntary) − \(usual) at the usual voluntary share − \(homes) in the "
                    + "trust's homes − \(supported) in its supported accommodation"))
        return children
    }

    /// The share of children placed with voluntary providers in councils without a trust DfE counts as
    /// voluntary: England's voluntary placements less those councils', over the children outside them.
    static func usualVoluntaryShare(_ data: OfficialData, _ demand: DemandEstimation) -> Double {
        let year = DemandEstimation.year
        let voluntary = data.cell(
            year, OfficialData.england, DemandEstimation.providerGroup, DemandEstimation.voluntary)
        let total = data.cell(year, OfficialData.england, DemandEstimation.placementGroup, "Total")
        guard var voluntary = voluntary?.value, var total = total?.value else { return 0 }
        for trust in data.trusts.values where trust.countedAs == .voluntary {
            voluntary -= demand.voluntaryProvision[trust.authority] ?? 0
            total -= demand.totals[trust.authority] ?? 0
        }
        return total > 0 ? Double(max(0, voluntary)) / Double(total) : 0
    }

    /// Children in `places` registered places at `occupancy`, at most `limit`.
    private static func occupied(_ places: Int?, _ occupancy: Double, atMost limit: Int) -> Int {
        min(max(0, limit), Int((Double(places ?? 0) * occupancy).rounded()))
    }

    private static func withHeadroom(_ children: Int) -> Int {
        Int((Double(children) * Assumptions.inHouseFosterHeadroom).rounded(.up))
    }

    private func inHouse(
        _ authority: OfficialData.Authority, id: String, name: String, _ type: PlacementType, _ places: Int
    )
        -> Provider
    {
        Provider(
            id: ProviderID(rawValue: id), name: "\(authority.name) \(name)", sector: .localAuthority,
            operatingAuthority: AuthorityCode(rawValue: authority.code), owner: authority.name,
            authority: AuthorityCode(rawValue: authority.code),
            offers: [type: .init(places: places, weeklyPrice: Assumptions.price(type, sector: .localAuthority))],
            rating: .good, ageRange: Assumptions.ageBand(type))
    }

    /// A trust's service for its council: in the sector DfE counts the trust in, at the in-house
    /// price, run for the council (its places are the council's own for access).
    private func trustService(
        _ trust: ChildrensTrust, _ authority: OfficialData.Authority, id: String, _ name: String,
        _ type: PlacementType, _ places: Int
    ) -> Provider {
        Provider(
            id: ProviderID(rawValue: "\(authority.code)-TRUST-\(id)"),
            name: "\(trust.name) \(name) (\(authority.name))",
            sector: trust.countedAs, operatingAuthority: AuthorityCode(rawValue: authority.code), owner: trust.name,
            authority: AuthorityCode(rawValue: authority.code),
            offers: [type: .init(places: places, weeklyPrice: Assumptions.price(type, sector: .localAuthority))],
            rating: .good, ageRange: Assumptions.ageBand(type))
    }

    // MARK: Co-operatives

    /// The two pathfinders as they are; every other region cut into compact groups of at most 10.
    static func cooperatives(_ authorities: [Authority]) -> [Cooperative] {
        let gm = Set(RealScenarioBuilder.greaterManchester)
        var cooperatives = [
            Cooperative(
                id: "greater-manchester", name: "Greater Manchester", members: RealScenarioBuilder.greaterManchester),
            Cooperative(
                id: "home-and-future", name: "Home and Future (South East)",
                members: authorities.filter {
                    $0.region == "South East" && !RealScenarioBuilder.southEastNonMembers.contains($0.id)
                }.map(\.id)),
        ]
        var regions: [String] = []
        for authority in authorities where !regions.contains(authority.region) { regions.append(authority.region) }
        for region in regions where region != "South East" {
            let members = authorities.filter { $0.region == region && !gm.contains($0.id) }
            let groups = CooperativePartition.groups(members, maximumSize: 10)
            for (number, group) in groups.enumerated() {
                let slug = region.lowercased().replacingOccurrences(of: " ", with: "-")
                let order = Set(group.map(\.id))
                cooperatives.append(
                    Cooperative(
                        id: "\(slug)-\(number + 1)", name: "\(region) \(number + 1) (modelled)",
                        members: authorities.map(\.id).filter(order.contains)))
            }
        }
        return cooperatives
    }

    // MARK: Subsets and notes

    /// The scenario restricted to some authorities: their children, the providers located in them
    /// (but those another council runs: its own provision is not the scenario's), their actuals, and
    /// the given co-operatives.
    func subset(name: String, description: String, authorities codes: Set<AuthorityCode>, cooperatives: [Cooperative])
        -> Scenario
    {
        var subset = scenario
        subset.name = name
        subset.description = description
        subset.authorities = scenario.authorities.filter { codes.contains($0.id) }
        subset.cohorts = scenario.cohorts.filter { codes.contains($0.homeAuthority) }
        subset.providers = scenario.providers.filter {
            codes.contains($0.authority) && $0.operatingAuthority.map(codes.contains) != false
        }
        subset.actuals = scenario.actuals.filter { codes.contains($0.authority) }
        subset.cooperatives = cooperatives
        return subset
    }

    func generated(_ scenario: Scenario) -> GeneratedScenario {
        let codes = Set(scenario.authorities.map(\.id))
        let regions = Set(scenario.authorities.map(\.region))
        let relevant = estimates.filter {
            codes.contains(AuthorityCode(rawValue: $0.authority)) || regions.contains($0.authority)
        }
        return GeneratedScenario(
            folder: scenario.name, scenario: scenario,
            extraFiles: [
                ("estimates.csv", Estimate.table(relevant)),
                (
                    "README.md",
                    ScenarioNotes.readme(
                        scenario, estimates: relevant, notes: notes,
                        trusts: data.trusts.values.filter { codes.contains(AuthorityCode(rawValue: $0.authority)) }
                            .sorted { $0.authority < $1.authority })
                ),
            ])
    }
}
