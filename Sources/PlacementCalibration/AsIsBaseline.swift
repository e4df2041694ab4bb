import PlacementScenarios

/// Today's placements as a calibrated behavioural allocation: an entropy-regularised, doubly
/// constrained gravity model over home authority × placement authority × provider × placement
/// group × distance band, fitted by iterative proportional fitting to one year's published
/// marginals. `refit` carries the fitted parameters to another year's demand and places; `predict`
/// lets the stock turn over into that refit.
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
        fitting.fit(FittingTargets(calibrating: year), calibrating: true)
        return AsIsBaseline(
            calibrationYear: year.year, assumptions: assumptions, parameters: fitting.parameters,
            calibrated: AsIsAllocation(year: year.year, layout: layout, fitting: fitting), layout: layout)
    }

    /// The prediction of another year as the stock turns over.
    ///
    /// A year's stock is mostly last year's children where they already were: about half of all
    /// placements end in a year. ``refit(_:)`` places every child afresh under the year's demand and
    /// places, so it moves where children are as if the whole stock had turned over. Here, in each
    /// home authority, the placements that last (a share `1 − turnover` of the calibrated stock) keep
    /// where they are, and only the new ones are placed as the refit places children:
    ///
    /// - how many children each provider group has is the refit's (it follows the year's children by
    ///   placement group and the year's places, which the earlier years' checks favour);
    /// - within a provider group, the spread over placement groups, placement authorities and
    ///   distance bands is `kept × calibrated + new × refitted`, each as a distribution, where `new`
    ///   is the share of the year's children placed during it (the year's total less the lasting
    ///   placements).
    public func predict(_ year: AsIsYear, turnover: StockTurnover) -> AsIsAllocation {
        precondition(turnover.share.count == layout.count, "one turnover share per authority")
        let refitted = refit(year)
        var cells = refitted.cells
        let span = layout.destinations * 2
        let combinationsOfProvider = ProviderGroup.allCases.map { provider in
            layout.combinations.indices.filter { layout.combinations[$0].provider == provider }
        }
        for home in 0..<layout.count {
            let range = (home * layout.blockSize)..<((home + 1) * layout.blockSize)
            let before = calibrated.cells[range].reduce(0, +)
            let after = refitted.cells[range].reduce(0, +)
            guard before > 0, after > 0 else { continue }
            // More lasting placements than the year's children: the year is all survivors.
            let lasting = min(1 - turnover.share[home], after / before) * before
            let new = (after - lasting) / after
            for combinations in combinationsOfProvider {
                let blocks = combinations.map { combination in
                    let first = layout.index(home: home, combination: combination, destination: 0, band: 0)
                    return first..<(first + span)
                }
                let kept = blocks.reduce(0) { $0 + calibrated.cells[$1].reduce(0, +) }
                let placed = blocks.reduce(0) { $0 + refitted.cells[$1].reduce(0, +) }
                guard kept > 0, placed > 0 else { continue }
                for block in blocks {
                    for i in block {
                        cells[i] = placed * ((1 - new) * calibrated.cells[i] / kept + new * refitted.cells[i] / placed)
                    }
                }
            }
        }
        return AsIsAllocation(
            year: year.year, layout: layout, cells: cells, sweeps: refitted.sweeps,
            largestGap: refitted.largestGap, largestExcess: refitted.largestExcess)
    }

    /// The allocation the fitted parameters give for another year, from that year's demand by
    /// placement group and registered places only (`AsIsYear.inputsOnly`), every child placed
    /// afresh: no published pattern of that year is read.
    public func refit(_ year: AsIsYear) -> AsIsAllocation {
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
