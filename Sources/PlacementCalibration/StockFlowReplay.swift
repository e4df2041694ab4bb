import PlacementScenarios

/// The as-is stock and its flows replayed year by year: the origin year's calibrated stock, then
/// each year placements end (shares from that year's published ceased and placement changes), a
/// group's survivors above the year's demand move on too (children ageing out of foster care into
/// supported accommodation or leaving care), and new placements fill the gap to the year's demand by
/// placement group, allocated by the calibrated behaviour (the same parameters and prior, with the
/// national drift from council to agency foster carers) into the residential places the survivors
/// leave vacant.
public struct StockFlowReplay: Sendable {
    /// The calibration of the origin year (its allocation is the first stock).
    public let baseline: AsIsBaseline
    public let replayAssumptions: ReplayAssumptions
    /// The replayed years, in order.
    public let years: [ReplayYear]

    /// Calibrates on `origin` only (with the default calibration assumptions) and replays `inputs` in order.
    public static func replay(
        origin: AsIsYear, inputs: [ReplayInput], assumptions: ReplayAssumptions = ReplayAssumptions()
    ) -> StockFlowReplay {
        let baseline = AsIsBaseline.calibrate(origin)
        var cells = baseline.calibrated.cells
        var years: [ReplayYear] = []
        let age = inputs.first.map { stockAge(first: $0, assumptions: assumptions) } ?? 0
        for input in inputs {
            let (year, next) = step(
                cells, baseline: baseline, input: input, stockAge: age, assumptions: assumptions)
            years.append(year)
            cells = next
        }
        return StockFlowReplay(baseline: baseline, replayAssumptions: assumptions, years: years)
    }

    /// The mean age of the origin's stock (``FlowRates/meanStockAge(ending:)``), from England's share
    /// of foster placements ending in the first replayed year.
    static func stockAge(first: ReplayInput, assumptions: ReplayAssumptions) -> Double {
        let demand = FittingTargets.demand(first.year.inputsOnly)
        let england = PlacementGroup.allCases.map { g in demand.reduce(0) { $0 + $1[g.rawValue] } }
        let rates = FlowRates(
            flows: first.england, demand: england, england: first.england, englandDemand: england,
            assumptions: assumptions)
        return FlowRates.meanStockAge(ending: rates.endingShare[PlacementGroup.foster.rawValue])
    }

    /// One year: endings, survivors, new placements; returns the year and its end stock's cells.
    /// `stockAge`: the mean age of the origin's stock, for the drift of new foster placements.
    static func step(
        _ cells: [Double], baseline: AsIsBaseline, input: ReplayInput, stockAge: Double,
        assumptions: ReplayAssumptions
    ) -> (ReplayYear, [Double]) {
        let layout = baseline.layout
        let inputs = input.year.inputsOnly
        precondition(inputs.authorities.map(\.id) == layout.authorities.map(\.id), "the same authorities, in order")
        let n = layout.count
        let groups = PlacementGroup.allCases.count
        let demand = FittingTargets.demand(inputs)
        let englandDemand = PlacementGroup.allCases.map { g in demand.reduce(0) { $0 + $1[g.rawValue] } }
        let start = layout.groupSums(cells)

        var shares = [[Double]]()
        var factor = Array(repeating: [Double](repeating: 1, count: groups), count: n)
        for home in 0..<n {
            let rates = FlowRates(
                flows: input.flows[home], demand: demand[home], england: input.england, englandDemand: englandDemand,
                assumptions: assumptions)
            shares.append(rates.endingShare)
            for g in 0..<groups {
                let kept = start[home][g] * (1 - rates.endingShare[g])
                // Survivors above the year's demand of their group move on as well.
                factor[home][g] =
                    kept > demand[home][g] && start[home][g] > 0
                    ? demand[home][g] / start[home][g] : 1 - rates.endingShare[g]
            }
        }
        var survivorCells = cells
        layout.scaleGroups(&survivorCells, by: factor)
        let survivors = layout.groupSums(survivorCells)
        let gap = (0..<n).map { home in (0..<groups).map { max(0, demand[home][$0] - survivors[home][$0]) } }

        var prior = layout.prior(places: inputs.places, assumptions: baseline.assumptions)
        layout.scale(
            &prior, group: .foster, provider: .ownCouncil,
            by: assumptions.inHouseFosterFactor(years: inputs.year - baseline.calibrationYear, stockAge: stockAge))
        var fitting = ProportionalFitting(
            layout: layout, prior: prior,
            parameters: baseline.parameters,
            capacity: vacantPlaces(inputs, occupied: layout.residentialOccupancy(survivorCells), baseline.assumptions))
        fitting.fit(FittingTargets(demand: gap, destinations: layout.destinations), calibrating: false)
        var newCells = fitting.cells
        layout.meetExactly(&newCells, gap)
        let newPlacements = layout.groupSums(newCells)

        var next = survivorCells
        for i in next.indices { next[i] += newCells[i] }
        let endings = (0..<n).map { home in (0..<groups).map { start[home][$0] - survivors[home][$0] } }
        let year = ReplayYear(
            year: inputs.year,
            stock: AsIsAllocation(
                year: inputs.year, layout: layout, cells: next, sweeps: fitting.sweeps,
                largestGap: fitting.largestGap, largestExcess: fitting.largestExcess),
            startStock: start, endings: endings, survivors: survivors, newPlacements: newPlacements,
            endingShares: shares)
        return (year, next)
    }

    /// Usable residential places per placement authority and sector less those the survivors hold,
    /// with the calibration's floor, so a full sector is unlikely rather than impossible.
    static func vacantPlaces(_ year: AsIsYear, occupied: [[Double]], _ assumptions: CalibrationAssumptions)
        -> [[Double]]
    {
        year.places.enumerated().map { placement, places in
            ResidentialSector.allCases.map { sector in
                let usable = assumptions.usablePlaces(
                    registered: places.registered[sector] ?? 0, shortBreakOnly: places.shortBreakOnly[sector] ?? 0)
                return max(0, usable - occupied[placement][sector.rawValue]) + assumptions.residentialPlaceFloor.value
            }
        }
    }
}

extension CellLayout {
    /// Children per home authority × placement group.
    func groupSums(_ cells: [Double]) -> [[Double]] {
        let span = destinations * 2
        var sums = Array(repeating: [Double](repeating: 0, count: PlacementGroup.allCases.count), count: count)
        for home in 0..<count {
            for (c, combination) in combinations.enumerated() {
                let base = index(home: home, combination: c, destination: 0, band: 0)
                var sum = 0.0
                for i in base..<(base + span) { sum += cells[i] }
                sums[home][combination.group.rawValue] += sum
            }
        }
        return sums
    }

    /// Multiplies each home authority × group's cells by its factor.
    func scaleGroups(_ cells: inout [Double], by factor: [[Double]]) {
        let span = destinations * 2
        for home in 0..<count {
            for (c, combination) in combinations.enumerated() {
                let f = factor[home][combination.group.rawValue]
                guard f != 1 else { continue }
                let base = index(home: home, combination: c, destination: 0, band: 0)
                for i in base..<(base + span) { cells[i] *= f }
            }
        }
    }

    /// Scales each home authority × group to its target exactly (the fitting meets demand to its
    /// tolerance; the stock identity must hold to rounding). A group the cells leave empty takes
    /// its children inside the home authority, within 20 miles, spread over its providers.
    func meetExactly(_ cells: inout [Double], _ targets: [[Double]]) {
        let sums = groupSums(cells)
        var factor = sums.indices.map { home in
            sums[home].indices.map { g in sums[home][g] > 0 ? targets[home][g] / sums[home][g] : 1 }
        }
        for home in 0..<count {
            for g in targets[home].indices where sums[home][g] <= 0 && targets[home][g] > 0 {
                let members = combinations.indices.filter { combinations[$0].group.rawValue == g }
                for c in members {
                    cells[index(home: home, combination: c, destination: home, band: 0)] =
                        targets[home][g] / Double(members.count)
                }
                factor[home][g] = 1
            }
        }
        scaleGroups(&cells, by: factor)
    }

    /// Multiplies every cell of one placement group and provider by `factor`.
    func scale(_ cells: inout [Double], group: PlacementGroup, provider: ProviderGroup, by factor: Double) {
        guard factor != 1 else { return }
        let span = destinations * 2
        for (c, combination) in combinations.enumerated()
        where combination.group == group && combination.provider == provider {
            for home in 0..<count {
                let base = index(home: home, combination: c, destination: 0, band: 0)
                for i in base..<(base + span) { cells[i] *= factor }
            }
        }
    }

    /// Children in residential places per placement authority × sector (`ResidentialSector.rawValue`).
    func residentialOccupancy(_ cells: [Double]) -> [[Double]] {
        var held = Array(repeating: [Double](repeating: 0, count: ResidentialSector.allCases.count), count: count)
        for home in 0..<count {
            for (c, combination) in combinations.enumerated() where combination.group == .homes {
                guard let sector = ResidentialSector(combination.provider) else { continue }
                for placement in 0..<count {
                    let i = index(home: home, combination: c, destination: placement, band: 0)
                    held[placement][sector.rawValue] += cells[i] + cells[i + 1]
                }
            }
        }
        return held
    }
}
