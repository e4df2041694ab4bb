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
        fitting.fit(FittingTargets(calibrating: year, layout: layout), calibrating: true)
        return AsIsBaseline(
            calibrationYear: year.year, assumptions: assumptions, parameters: fitting.parameters,
            calibrated: AsIsAllocation(year: year.year, layout: layout, fitting: fitting), layout: layout)
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
