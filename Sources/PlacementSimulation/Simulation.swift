import PlacementCalibration
import PlacementOptimisation
import PlacementScenarios

/// A scenario moved through the years: each year placements end (children leave care, placements
/// break down), children arrive, places open and close, and each mode makes the new placements in
/// batches. Children already placed keep their places until their placement ends.
public struct Simulation: Sendable {
    public let scenario: Scenario
    public let flows: SimulationFlows
    public let start: SimulationStart
    public let assumptions: SimulationAssumptions
    public let firstYear: Int
    public let lastYear: Int
    let pricing: PlacementPricing
    /// The scenario's provider numbers, for place changes.
    let providerIndex: [ProviderID: Int]
    /// Per flow key: the scenario cohorts of that home and type, and each one's share of arrivals.
    let cohortsOfKey: [FlowKey: [Int]]
    /// As-is placing, with its candidates' slots numbered in the starting stock.
    let asIsPlacing: AsIsPlacing
    /// The mean age of the start's foster placements, in years: as-is weights are the stock's, so
    /// new placements are that far along the drift to agencies already.
    let fosterStockAge: Double

    public init(
        scenario: Scenario, flows: SimulationFlows, start: SimulationStart, from firstYear: Int, to lastYear: Int,
        assumptions: SimulationAssumptions = SimulationAssumptions()
    ) {
        self.scenario = scenario
        self.flows = flows
        self.start = start
        self.assumptions = assumptions
        self.firstYear = firstYear
        self.lastYear = lastYear
        pricing = PlacementPricing(scenario)
        providerIndex = scenario.providerIndices
        var cohortsOfKey: [FlowKey: [Int]] = [:]
        for (index, cohort) in scenario.cohorts.enumerated() where cohort.placementType.isCommissioned {
            cohortsOfKey[FlowKey(authority: cohort.homeAuthority, placementType: cohort.placementType), default: []]
                .append(index)
        }
        self.cohortsOfKey = cohortsOfKey
        asIsPlacing = AsIsPlacing(propensity: start.propensity, stock: start.stock, scenario: scenario)
        fosterStockAge = Self.fosterStockAge(start: start, flows: flows, after: firstYear, scenario: scenario)
    }

    /// ``FlowRates/meanStockAge(ending:)`` of the start's foster children, from the share of them
    /// whose placement ends in the first simulated year (leavers and moves over the stock).
    static func fosterStockAge(start: SimulationStart, flows: SimulationFlows, after year: Int, scenario: Scenario)
        -> Double
    {
        var children = 0
        for (cohort, record) in scenario.cohorts.enumerated() where record.placementType == .foster {
            children += start.stock.children(of: cohort)
        }
        var endings = 0
        for (key, counts) in flows.years[year + 1] ?? [:] where key.placementType == .foster {
            endings += counts.leavers + counts.moves
        }
        guard children > 0 else { return 0 }
        return FlowRates.meanStockAge(ending: min(1, Double(endings) / Double(children)))
    }

    /// A run's random numbers: the generator started from the seed's mixed value. Started from a
    /// multiple of its own step, seeds s and s + 1 had given one stream shifted by a number, so that
    /// neighbouring draws were not independent.
    static func generator(seed: UInt64) -> SeededRandom {
        var mixer = SeededRandom(seed: seed)
        return SeededRandom(seed: mixer.next())
    }

    /// Runs one mode for one seed. Deterministic for a seed: every draw (which placements end, the
    /// order of arrivals, councils' buying order) comes from it. `market`: the mode's batch market
    /// (``market(for:options:)``), which runs of one mode may share; built for the run when nil.
    public func run(
        _ mode: SimulatedMode, seed: UInt64, options: OptimiserOptions = OptimiserOptions(),
        market: BatchMarket? = nil
    ) throws(OptimiserError) -> Trajectory {
        var stock = start.stock
        var random = Self.generator(seed: seed)
        var priced: [[Int: PlacementDecision]] = []
        var years = [outcome(year: firstYear, stock: stock, ledger: [:], stoppedEarly: 0, priced: &priced)]
        let batchSolve: BatchSolve? =
            if case .optimised(let commissioning) = mode {
                BatchSolve(scenario: scenario, mode: commissioning, market: market, options: options)
            } else {
                nil
            }
        guard firstYear < lastYear else { return Trajectory(mode: mode, seed: seed, years: years) }
        for year in (firstYear + 1)...lastYear {
            for change in flows.placeChanges[year] ?? [] {
                guard let provider = providerIndex[change.provider] else { continue }
                stock.changePlaces(
                    PlaceSlot(provider: provider, placementType: change.placementType), by: change.places)
            }
            var ledger: [FlowKey: FlowLedger] = [:]
            for key in cohortsOfKey.keys {
                ledger[key, default: FlowLedger()].start = cohortsOfKey[key]!.reduce(0) { $0 + stock.children(of: $1) }
            }
            var stoppedEarly = 0
            let yearFlows = flows.years[year] ?? [:]
            let batches = max(1, assumptions.batchesPerYear)
            for batch in 0..<batches {
                var demand = Array(repeating: 0, count: scenario.cohorts.count)
                for key in yearFlows.keys.sorted() {
                    guard let cohorts = cohortsOfKey[key], let counts = yearFlows[key] else { continue }
                    let leaving = Apportion.evenly(counts.leavers, parts: batches)[batch]
                    let moving = Apportion.evenly(counts.moves, parts: batches)[batch]
                    let arriving = Apportion.evenly(counts.arrivals, parts: batches)[batch]
                    let left = stock.endPlacements(leaving, among: cohorts, withUnplaced: true, random: &random)
                    let moved = stock.endPlacements(moving, among: cohorts, withUnplaced: false, random: &random)
                    for (cohort, children) in moved { demand[cohort] += children }
                    let shares = Apportion.split(arriving, weights: cohorts.map { Double(start.arrivalWeight[$0]) })
                    for (k, cohort) in cohorts.enumerated() { demand[cohort] += shares[k] }
                    ledger[key, default: FlowLedger()].leavers += left.values.reduce(0, +)
                    ledger[key, default: FlowLedger()].moves += moved.values.reduce(0, +)
                    ledger[key, default: FlowLedger()].arrivals += arriving
                }
                // Children still waiting for a place are placed with the batch.
                for cohort in demand.indices { demand[cohort] += stock.takeUnplaced(cohort) }
                let order = UInt64(year) &* 1_000 &+ UInt64(batch)
                let drift = assumptions.fosterDrift.inHouseFosterFactor(
                    years: year - firstYear, stockAge: fosterStockAge)
                if let batchSolve {
                    let solved = try batchSolve.place(demand, in: &stock, councilOrderSeed: seed &* 1_000_003 &+ order)
                    if !solved { stoppedEarly += 1 }
                    asIsPlacing.approveConnectedCarersForWaiting(in: &stock)
                } else {
                    asIsPlacing.place(demand, in: &stock, ownCarersFactor: drift, random: &random)
                }
            }
            for key in ledger.keys {
                ledger[key]!.end = cohortsOfKey[key]!.reduce(0) { $0 + stock.children(of: $1) }
            }
            years.append(
                outcome(year: year, stock: stock, ledger: ledger, stoppedEarly: stoppedEarly, priced: &priced))
        }
        return Trajectory(mode: mode, seed: seed, years: years)
    }

    /// The market a commissioning mode's batches are solved in, built once for every run of it.
    public func market(for mode: CommissioningMode, options: OptimiserOptions = OptimiserOptions()) -> BatchMarket {
        BatchMarket(scenario: scenario, mode: mode, options: options)
    }

    /// The stock's metrics, objective and vacancies.
    /// `priced`: each placement priced once in a run, by cohort and provider (most last the years).
    func outcome(
        year: Int, stock: PlacementStock, ledger: [FlowKey: FlowLedger], stoppedEarly: Int,
        priced: inout [[Int: PlacementDecision]]
    ) -> YearOutcome {
        var decisions: [PlacementDecision] = []
        var objective = 0.0
        var unplacedByKind: [UnplacedKind: Int] = [:]
        if priced.count != scenario.cohorts.count { priced = Array(repeating: [:], count: scenario.cohorts.count) }
        for (c, cohort) in scenario.cohorts.enumerated() {
            for (provider, children) in stock.placed[c].sorted(by: { $0.key < $1.key }) {
                var decision =
                    priced[c][provider]
                    ?? pricing.decision(cohort, provider: scenario.providers[provider], children: children)
                priced[c][provider] = decision
                decision.children = children
                objective += decision.objectiveCostPerChild * Double(children)
                decisions.append(decision)
            }
            if stock.unplaced[c] > 0 {
                let kind = UnplacedKind(placementType: cohort.placementType, needs: cohort.requirements.sorted())
                unplacedByKind[kind, default: 0] += stock.unplaced[c]
                let decision = pricing.decision(
                    cohort, provider: nil, children: stock.unplaced[c], reason: "no vacancy it may use")
                objective += decision.objectiveCostPerChild * Double(decision.children)
                decisions.append(decision)
            }
        }
        var vacancies: [Sector: [PlacementType: Int]] = [:]
        var plannedPlacesHeld: [ProviderID: Int] = [:]
        for (number, slot) in stock.slots.enumerated() {
            let provider = scenario.providers[slot.provider]
            vacancies[provider.sector, default: [:]][slot.placementType, default: 0] += stock.vacancies(at: number)
            if provider.isPlannedBuild { plannedPlacesHeld[provider.id, default: 0] += stock.occupied(at: number) }
        }
        return YearOutcome(
            year: year, metrics: ModeMetrics(decisions: decisions, scenario: scenario), objective: objective,
            vacancies: vacancies, plannedPlacesHeld: plannedPlacesHeld, ledger: ledger,
            batchesStoppedEarly: stoppedEarly, unplacedByKind: unplacedByKind)
    }
}

extension PlacementStock {
    /// The most children ``endPlacements(_:among:withUnplaced:random:)`` draws one at a time; above
    /// it (far above any authority's leavers or moves of a type in a batch), they are drawn together
    /// (``ChildDraw/takeTogether(_:random:)``): the same distribution in time per placement, not per
    /// child, from other numbers of `random`.
    static let childByChildLimit = 10_000

    /// Ends `count` placements drawn at random among the children of `cohorts` (children waiting
    /// without a place too, when `withUnplaced`); returns the children taken per cohort.
    ///
    /// The children are drawn one at a time, each uniformly among those left (one number from
    /// `random` per child ended), but counted per placement in a ``ChildDraw`` and taken from the
    /// stock once per placement at the end: the stock's dictionaries are touched per placement, not
    /// per child. When the draws cannot change which children end (every child ends, or all are in
    /// one placement) the numbers are skipped without drawing them; over ``childByChildLimit``
    /// children are drawn together.
    mutating func endPlacements(
        _ count: Int, among cohorts: [Int], withUnplaced: Bool, random: inout SeededRandom
    ) -> [Int: Int] {
        guard count > 0 else { return [:] }
        var entries: [(cohort: Int, provider: Int?, children: Int)] = []
        for cohort in cohorts {
            for (provider, children) in placed[cohort].sorted(by: { $0.key < $1.key }) {
                entries.append((cohort, provider, children))
            }
            if withUnplaced, unplaced[cohort] > 0 { entries.append((cohort, nil, unplaced[cohort])) }
        }
        let children = entries.map(\.children)
        var draw = ChildDraw(children)
        let ending = min(count, draw.total)
        if ending == draw.total {
            draw.takeAll()
            random.skip(ending)
        } else if children.filter({ $0 > 0 }).count == 1, let only = children.firstIndex(where: { $0 > 0 }) {
            draw.take(ending, from: only)
            random.skip(ending)
        } else if ending > Self.childByChildLimit {
            draw.takeTogether(ending, random: &random)
        } else {
            for _ in 0..<ending { draw.take(at: random.next(below: draw.total)) }
        }
        var taken: [Int: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let ended = entry.children - draw.left(index)
            guard ended > 0 else { continue }
            if let provider = entry.provider {
                leavePlace(entry.cohort, provider: provider, children: ended)
            } else {
                removeUnplaced(entry.cohort, children: ended)
            }
            taken[entry.cohort, default: 0] += ended
        }
        return taken
    }
}
