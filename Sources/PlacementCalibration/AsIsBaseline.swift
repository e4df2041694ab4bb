import PlacementScenarios

/// Today's placements as a calibrated behavioural allocation: an entropy-regularised, doubly
/// constrained gravity model over home authority × placement authority × provider × placement
/// group × distance band, fitted by iterative proportional fitting to one year's published
/// marginals. `predict` carries the fitted parameters to another year's demand and places.
public struct AsIsBaseline: Sendable {
    public let calibrationYear: Int
    public let assumptions: CalibrationAssumptions
    public let parameters: AsIsParameters
    /// The calibration year's allocation (every published marginal it was fitted to is met).
    public let calibrated: AsIsAllocation
    let layout: CellLayout

    /// Fits the model to `year`: its demand, its published locality, distance, provider and
    /// other-council figures, and its registered places as capacity.
    public static func calibrate(_ year: AsIsYear, assumptions: CalibrationAssumptions = CalibrationAssumptions())
        -> AsIsBaseline
    {
        let layout = CellLayout(authorities: year.authorities, assumptions: assumptions)
        var fitting = ProportionalFitting(
            layout: layout, prior: layout.prior(places: year.places, assumptions: assumptions),
            parameters: AsIsParameters(authorities: year.authorities.count),
            capacity: capacity(year, assumptions))
        let targets = FittingTargets(calibrating: year, layout: layout)
        fitting.fit(targets, calibrating: true)
        // For predictions only: the calibrated allocation keeps the factors it was fitted with.
        var parameters = fitting.parameters
        parameters.fillWithTypical(
            targets, insideCanBeFar: layout.insideCanBeFar, predecessorArea: layout.predecessorArea)
        let allocation = AsIsAllocation(
            year: year.year, layout: layout, fitting: fitting,
            constrained: year.authorities.indices.map(targets.constrainedMeasures))
        return AsIsBaseline(
            calibrationYear: year.year, assumptions: assumptions, parameters: parameters,
            calibrated: allocation, layout: layout)
    }

    /// The allocation the fitted parameters give for another year, from that year's demand by
    /// placement group and registered places only (`AsIsYear.inputsOnly`): no published pattern of
    /// the predicted year is read.
    public func predict(_ year: AsIsYear) -> AsIsAllocation {
        precondition(year.authorities.map(\.id) == layout.authorities.map(\.id), "the same authorities, in order")
        let inputs = year.inputsOnly
        var fitting = ProportionalFitting(
            layout: layout, prior: layout.prior(places: inputs.places, assumptions: assumptions),
            parameters: parameters, capacity: Self.capacity(inputs, assumptions))
        fitting.fit(
            FittingTargets(demand: FittingTargets.demand(inputs), destinations: layout.destinations), calibrating: false
        )
        return AsIsAllocation(year: year.year, layout: layout, fitting: fitting)
    }

    /// Per home authority: the factor on placements over 20 miles over the factor within, inside its
    /// boundary and outside; inside is nil where no two points of the area are 20 miles apart (no
    /// child is placed inside and far).
    public var over20MilesFactors: [(inside: Double?, outside: Double?)] {
        parameters.distance.indices.map { home in
            let distance = parameters.distance[home]
            let joint = parameters.localityDistance[home]
            return (
                layout.insideCanBeFar(home) ? distance[1] * joint[1] / (distance[0] * joint[0]) : nil,
                distance[1] * joint[3] / (distance[0] * joint[2])
            )
        }
    }

    /// Usable residential places per authority and sector, with the floor the prior gives them.
    static func capacity(_ year: AsIsYear, _ assumptions: CalibrationAssumptions) -> [[Double]] {
        year.places.map { places in
            ResidentialSector.allCases.map { sector in
                assumptions.usablePlaces(
                    registered: places.registered[sector] ?? 0, shortBreakOnly: places.shortBreakOnly[sector] ?? 0)
                    + assumptions.residentialPlaceFloor.value
            }
        }
    }
}
