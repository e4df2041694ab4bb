/// The published marginals one fitting meets, already on the model's scale (each authority's
/// children by placement group), one family at a time. A `nil` target is suppressed: its classes
/// are pooled and share what the known ones leave.
struct FittingTargets: Sendable {
    /// Per home authority × placement group: children (always met, also when predicting).
    var demand: [[Double]]
    /// Per home authority: inside, outside.
    var locality: [[Double?]?]
    /// Per home authority: within 20 miles, over 20 miles (distance-known shares × demand).
    var distance: [[Double?]?]
    /// Per home authority: inside within 20 miles, inside over, outside within, outside over: the
    /// published joint table raked to the locality and distance targets, so the three agree (see
    /// ``LocalityDistanceTable``).
    var localityDistance: [[Double?]?]
    /// Per home authority: per provider group.
    var providers: [[Double?]?]
    /// Per placement authority, then elsewhere: other councils' children placed there. Elsewhere's
    /// is what the published imports leave of the children placed outside.
    var imports: [Double?]

    /// Demand only: what a prediction is given.
    init(demand: [[Double]], destinations: Int) {
        self.demand = demand
        locality = demand.map { _ in nil }
        distance = demand.map { _ in nil }
        localityDistance = demand.map { _ in nil }
        providers = demand.map { _ in nil }
        imports = Array(repeating: nil, count: destinations)
    }

    /// The calibration year's marginals, each scaled to the authority's modelled demand.
    init(calibrating year: AsIsYear, layout: CellLayout) {
        let n = year.authorities.count
        self.init(demand: Self.demand(year), destinations: n + 1)
        var outsideTotal = 0.0
        var importsTotal = 0.0
        for (a, figures) in year.figures.enumerated() {
            let children = figures.demand
            guard children > 0 else { continue }
            if let inside = figures.inside, let outside = figures.outside, inside + outside > 0 {
                let scale = children / Double(inside + outside)
                locality[a] = [Double(inside) * scale, Double(outside) * scale]
                outsideTotal += Double(outside) * scale
            } else if let total = figures.total, total > 0, figures.inside != nil || figures.outside != nil {
                let scale = children / Double(total)
                locality[a] = [figures.inside.map { Double($0) * scale }, figures.outside.map { Double($0) * scale }]
                // A suppressed outside count is what the fitting places outside: the rest of the children.
                outsideTotal +=
                    figures.outside.map { Double($0) * scale } ?? max(0, children - Double(figures.inside ?? 0) * scale)
            }
            if let near = figures.within20Miles, let far = figures.over20Miles, near + far > 0 {
                let scale = children / Double(near + far)
                distance[a] = [Double(near) * scale, Double(far) * scale]
            }
            if let sides = locality[a], let bands = distance[a] {
                localityDistance[a] = LocalityDistanceTable.targets(
                    figures, sides: sides, bands: bands,
                    insideCanBeFar: layout.insideCanBeFar(a)
                )?.map { $0 }
            }
            if let total = figures.providersTotal, total > 0 {
                let scale = children / Double(total)
                providers[a] = Self.consistent(
                    ProviderGroup.allCases.map { group in figures.providers[group].map { Double($0) * scale } },
                    demand: &demand[a])
            }
        }
        for (b, figures) in year.figures.enumerated() {
            if let count = figures.otherCouncilsChildrenInside {
                imports[b] = Double(count)
                importsTotal += Double(count)
            }
        }
        // Children placed outside their authority but counted in no published import.
        imports[n] = max(0, outsideTotal - importsTotal)
    }

    /// Provider targets the demand can meet. The children placed with parents or in other
    /// placements are their one provider's children: where the provider figure is known (published,
    /// or read from the placement table) the demand follows it; where it is unknown, the suppressed
    /// providers hold at least those children and the published ones share the rest in proportion.
    static func consistent(_ targets: [Double?], demand: inout [Double]) -> [Double?] {
        let total = demand.reduce(0, +)
        for (group, provider) in PlacementGroup.oneProviderGroups {
            if let target = targets[provider.rawValue] { demand[group.rawValue] = target }
        }
        let adjusted = demand.reduce(0, +)
        // Keep the authority's total: the other groups absorb the change in proportion.
        let others = demand.indices.filter { index in
            !PlacementGroup.oneProviderGroups.contains { $0.group.rawValue == index }
        }
        let othersSum = others.reduce(0.0) { $0 + demand[$1] }
        if othersSum > 0, adjusted != total {
            let scale = max(0, othersSum + total - adjusted) / othersSum
            for index in others { demand[index] *= scale }
        }
        let known = targets.compactMap { $0 }.reduce(0, +)
        guard targets.contains(where: { $0 == nil }) else { return targets }
        let pooledDemand = PlacementGroup.oneProviderGroups.reduce(0.0) { sum, pair in
            targets[pair.provider.rawValue] == nil ? sum + demand[pair.group.rawValue] : sum
        }
        let pool = total - known
        guard pooledDemand > pool, known > 0 else { return targets }
        let scale = max(0, total - pooledDemand) / known
        return targets.map { $0.map { $0 * scale } }
    }

    static func demand(_ year: AsIsYear) -> [[Double]] {
        year.figures.map { figures in PlacementGroup.allCases.map { figures.placements[$0] ?? 0 } }
    }
}

extension FittingTargets {
    /// The measures of authority `a` these targets constrain: a share is met where its own classes
    /// are targets (the joint table's two shares through its raked cells, not the published shares).
    func constrainedMeasures(of a: Int) -> Set<FitMeasure> {
        var measures: Set<FitMeasure> = []
        if locality[a] != nil { measures.insert(.m2InAreaShare) }
        if distance[a] != nil { measures.insert(.over20MilesShare) }
        if let providers = providers[a] {
            if providers[ProviderGroup.ownCouncil.rawValue] != nil { measures.insert(.ownCouncilShare) }
            if providers[ProviderGroup.privateSector.rawValue] != nil { measures.insert(.privateShare) }
        }
        if imports[a] != nil { measures.insert(.otherCouncilsChildrenPlacedInside) }
        if localityDistance[a] != nil {
            measures.formUnion([.insideOver20MilesShare, .outsideWithin20MilesShare])
        }
        return measures
    }

    /// A family's targets per home (nil: none for that home).
    subscript(family: ProportionalFitting.HomeFamily) -> [[Double?]?] {
        switch family {
        case .locality: locality
        case .distance: distance
        case .localityDistance: localityDistance
        case .providers: providers
        }
    }
}
