import PlacementScenarios
import PlacementSimulation

/// The JSON form of a simulation (documented in the README): per mode and year, every measure of
/// England (the scenario), each co-operative and each authority as `{"mean", "p10", "p90"}` across
/// draws, the year's objective, and the flow ledger's balance. Keys sorted; same input, same bytes.
public enum TrajectoryJSON {
    public static func render(_ draws: SimulationDraws, scenario: Scenario, notes: SimulationNotes) -> String {
        ResultJSON.encode(Object(draws: draws, scenario: scenario, notes: notes))
    }

    struct Object: Encodable {
        var scenario: String
        var from: Int
        var to: Int
        var draws: Int
        var seed: UInt64
        var batchesPerYear: Int
        var start: String
        var flows: String
        /// The capacity plan applied; absent without one.
        var plan: PlanObject?
        var modes: [ModeObject]

        init(draws: SimulationDraws, scenario: Scenario, notes: SimulationNotes) {
            self.scenario = scenario.name
            let years = draws.years
            from = years.first ?? 0
            to = years.last ?? 0
            self.draws = draws.drawCount
            seed = draws.seed
            batchesPerYear = notes.batchesPerYear
            start = notes.start
            flows = notes.flows
            plan = notes.plan.map(PlanObject.init)
            let held = notes.plan.map { PlannedPlacesHeld(plan: $0, draws: draws) }
            modes = draws.modes.map { mode in ModeObject(draws: draws, mode: mode, scenario: scenario, held: held) }
        }

        enum CodingKeys: String, CodingKey {
            case scenario, from, to, draws, seed, start, flows, plan, modes
            case batchesPerYear = "batches_per_year"
        }
    }

    /// `{"file", "builds": [{"id", "kind", "authority", "placement_type", "units", "places",
    /// "opening_year", "plan_opening_year", "closing_year"}], "places_by_year": [{"year", "opening",
    /// "open"}]}`: `opening_year` as simulated, `plan_opening_year` as the plan file gives it (a year
    /// later for a build deferred from the starting year).
    struct PlanObject: Encodable {
        var file: String
        var builds: [BuildObject]
        var placesByYear: [YearObject]

        init(_ plan: SimulatedPlan) {
            file = plan.file
            builds = plan.builds.map {
                BuildObject(
                    id: $0.id, kind: $0.kind.rawValue, authority: $0.authority.rawValue,
                    placementType: $0.placementType.rawValue, units: $0.units, places: $0.places,
                    openingYear: $0.openingYear, planOpeningYear: $0.planOpeningYear, closingYear: $0.closingYear)
            }
            placesByYear = plan.years.map { YearObject(year: $0.year, opening: $0.opening, open: $0.open) }
        }

        struct BuildObject: Encodable {
            var id: String
            var kind: String
            var authority: String
            var placementType: String
            var units: Int
            var places: Int
            var openingYear: Int
            var planOpeningYear: Int
            var closingYear: Int?

            enum CodingKeys: String, CodingKey {
                case id, kind, authority, units, places
                case placementType = "placement_type"
                case openingYear = "opening_year"
                case planOpeningYear = "plan_opening_year"
                case closingYear = "closing_year"
            }
        }

        struct YearObject: Encodable {
            var year: Int
            var opening: Int
            var open: Int
        }

        enum CodingKeys: String, CodingKey {
            case file, builds
            case placesByYear = "places_by_year"
        }
    }

    struct ModeObject: Encodable {
        var mode: String
        var years: [YearObject]

        init(draws: SimulationDraws, mode: SimulatedMode, scenario: Scenario, held: PlannedPlacesHeld?) {
            self.mode = mode.name
            years = draws.years.map { year in
                YearObject(draws: draws, mode: mode, year: year, scenario: scenario, held: held)
            }
        }
    }

    struct YearObject: Encodable {
        var year: Int
        var objective: BandObject?
        var ledgerBalances: Bool
        /// The ledger's totals over authorities and types (``FlowLedgerTotals``); absent in the start year.
        var ledger: [String: BandObject]?
        var batchesStoppedEarly: Int
        var england: ScopeObject
        var cooperatives: [ScopeObject]
        var authorities: [ScopeObject]
        /// Children in the plan's places; absent without a plan.
        var planPlacesHeld: HeldObject?

        init(draws: SimulationDraws, mode: SimulatedMode, year: Int, scenario: Scenario, held: PlannedPlacesHeld?) {
            self.year = year
            objective = draws.band(mode, year: year) { $0.objective }.map(BandObject.init)
            let outcomes = (draws.trajectories[mode] ?? []).compactMap { $0.years.first { $0.year == year } }
            ledgerBalances = outcomes.allSatisfy { $0.ledger.values.allSatisfy(\.balances) }
            let totals = FlowLedgerTotals(draws: draws)
            let entries = FlowLedgerTotals.Entry.allCases.compactMap { entry in
                totals.band(mode, year: year, entry).map { (entry.rawValue, BandObject(band: $0)) }
            }
            ledger = entries.isEmpty ? nil : Dictionary(uniqueKeysWithValues: entries)
            batchesStoppedEarly = outcomes.reduce(0) { $0 + $1.batchesStoppedEarly }
            england = ScopeObject(draws: draws, mode: mode, year: year, scope: .total, id: nil, name: scenario.name)
            cooperatives = scenario.cooperatives.map {
                ScopeObject(
                    draws: draws, mode: mode, year: year, scope: .cooperative($0.id.rawValue), id: $0.id.rawValue,
                    name: $0.name)
            }
            authorities = scenario.ownAuthoritiesWithChildren.map {
                ScopeObject(
                    draws: draws, mode: mode, year: year, scope: .authority($0.id.rawValue), id: $0.id.rawValue,
                    name: $0.name)
            }
            planPlacesHeld = held.map { HeldObject($0, mode: mode, year: year) }
        }

        enum CodingKeys: String, CodingKey {
            case year, objective, england, cooperatives, authorities, ledger
            case planPlacesHeld = "plan_places_held"
            case ledgerBalances = "ledger_balances"
            case batchesStoppedEarly = "batches_stopped_early"
        }
    }

    /// `{"total": band, "builds": {build id: band}, "empty_places_weekly_cost": pounds}`: children in the
    /// plan's places, across draws, and what the open homes' and contracts' empty places cost a week
    /// (means over draws), which the weekly cost of prices paid leaves out.
    struct HeldObject: Encodable {
        var total: BandObject?
        /// Of `total`, the children still in a block contract's places after its term.
        var pastTerm: BandObject?
        var builds: [String: BandObject?]
        var emptyPlacesWeeklyCost: Double

        enum CodingKeys: String, CodingKey {
            case total, builds
            case pastTerm = "past_term"
            case emptyPlacesWeeklyCost = "empty_places_weekly_cost"
        }

        init(_ held: PlannedPlacesHeld, mode: SimulatedMode, year: Int) {
            emptyPlacesWeeklyCost = held.idleCost(mode, year: year)
            total = held.held(mode, year: year).map(BandObject.init)
            pastTerm = held.heldPastTerm(mode, year: year).map(BandObject.init)
            builds = Dictionary(
                held.plan.builds.map { ($0.id, held.held(mode, year: year, build: $0).map(BandObject.init)) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    struct ScopeObject: Encodable {
        var code: String?
        var name: String
        var measures: [String: BandObject?]

        init(draws: SimulationDraws, mode: SimulatedMode, year: Int, scope: TrajectoryScope, id: String?, name: String)
        {
            code = id
            self.name = name
            var measures: [String: BandObject?] = [:]
            for measure in TrajectoryMeasure.allCases {
                measures[measure.rawValue] = draws.band(mode, year: year, scope: scope, measure).map(BandObject.init)
            }
            self.measures = measures
        }
    }

    struct BandObject: Encodable {
        var band: Band

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encodeNumber(band.mean, forKey: JSONKey("mean"))
            try container.encodeNumber(band.p10, forKey: JSONKey("p10"))
            try container.encodeNumber(band.p90, forKey: JSONKey("p90"))
        }
    }
}

/// What a simulation report says of its inputs.
public struct SimulationNotes: Sendable {
    public var start: String
    public var flows: String
    public var batchesPerYear: Int
    public var assumptions: [(name: String, value: Double, range: ClosedRange<Double>, source: String)]
    /// The capacity plan whose places open over the years, if any.
    public var plan: SimulatedPlan?
    /// Whether the start is today's market (the calibrated baseline), with the places beyond a
    /// region's boundary; a scenario without published figures starts from the council optimum.
    public var startsInTodaysMarket: Bool

    public init(
        start: String, flows: String, batchesPerYear: Int,
        assumptions: [(name: String, value: Double, range: ClosedRange<Double>, source: String)],
        plan: SimulatedPlan? = nil, startsInTodaysMarket: Bool = true
    ) {
        self.start = start
        self.flows = flows
        self.batchesPerYear = batchesPerYear
        self.assumptions = assumptions
        self.plan = plan
        self.startsInTodaysMarket = startsInTodaysMarket
    }
}
