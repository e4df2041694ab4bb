import LinearProgramming
import PlacementScenarios

/// The placement model of a whole scenario under a mode, opened up for capacity planning: the same
/// units, pools and admissible pairs the optimiser solves (every placement type as one block), with
/// the row and column handles a plan needs to add new places, and the terms on which a unit could use
/// a place that does not exist yet.
package struct PlanningNetwork: Sendable {
    /// A demand unit as a plan sees it.
    package struct Unit: Sendable {
        package let id: DemandUnit.ID
        package let homeAuthority: AuthorityCode
        package let placementType: PlacementType
        /// Children in one placement.
        package let groupSize: Int
        /// Placements needed.
        package let placements: Int
        package let isSiblingGroup: Bool
    }

    /// One unit's terms in a new place.
    package struct Arc: Sendable {
        /// Index into `units`.
        package let unit: Int
        /// Objective per child and week, the place's running cost excluded (miles, out-of-area
        /// penalty, local-authority preference).
        package let cost: Double
        package let miles: Double
    }

    package let units: [Unit]
    /// The model: one column per admissible pair, then one `unplaced` column per unit; one demand row
    /// per unit (in `units` order), then one capacity row per pool used.
    package let model: Model
    /// Pounds actually paid each week by each column's value: weekly price × children for a pair,
    /// nothing for an unplaced child.
    package let columnSpend: [Double]
    /// The weekly spend of kept placements, a constant of every plan.
    package let keptSpend: Double
    package let policy: Policy
    private let placement: PlacementModel
    private let problem: PlacementProblem

    package init(scenario: Scenario, mode: CommissioningMode) {
        let problem = PlacementProblem(scenario: scenario, mode: mode)
        let placement = problem.model(units: Array(problem.units.indices))
        self.problem = problem
        self.placement = placement
        model = placement.model
        units = problem.units.map {
            Unit(
                id: $0.id, homeAuthority: $0.homeAuthority, placementType: $0.placementType, groupSize: $0.groupSize,
                placements: $0.placements, isSiblingGroup: $0.isSiblingGroup)
        }
        columnSpend =
            placement.pairs.map { problem.pools[$0.pool].weeklyPrice * Double(problem.units[$0.unit].groupSize) }
            + Array(repeating: 0, count: placement.units.count)
        keptSpend = problem.keptDecisions.reduce(0) { $0 + ($1.weeklyPrice ?? 0) * Double($1.children) }
        policy = scenario.policy
    }

    /// The demand row of unit `unit` (an index into `units`).
    package func demandRow(ofUnit unit: Int) -> Constraint { placement.demandRow(unit) }

    /// The `unplaced` column of unit `unit`.
    package func unplacedColumn(ofUnit unit: Int) -> Variable { placement.unplacedColumn(unit) }

    /// Every child unplaced and every place free: a feasible basis of `model`.
    package var everyoneUnplacedBasis: Basis { placement.everyoneUnplacedBasis }

    /// The units that could use a place of `candidate` — in its authority's area, run by that council
    /// (or by the market, for a block contract), rated
    /// good, with its specialisms and ages — and what each child would cost there, under the mode's
    /// access rules and the policy's distance limits.
    package func arcs(to candidate: CapacityCandidate) -> [Arc] {
        let provider = Provider(
            id: ProviderID(rawValue: "candidate-\(candidate.id)"), name: candidate.id.rawValue,
            sector: candidate.kind.sector,
            operatingAuthority: candidate.kind.sector == .localAuthority ? candidate.authority : nil,
            authority: candidate.authority,
            offers: [candidate.placementType: Provider.Offer(places: candidate.placesPerUnit, weeklyPrice: 0)],
            rating: .good, specialisms: candidate.specialisms, ageRange: candidate.ageRange)
        let pool = SupplyPool(
            placementType: candidate.placementType, members: [], representative: provider, weeklyPrice: 0)
        let place = problem.costing.profile(pool)
        return problem.unitsNeeding(candidate.placementType).compactMap { index in
            guard problem.units[index].groupSize <= candidate.placesPerUnit,
                case .admissible(let terms) = problem.admissibility(index, place)
            else { return nil }
            return Arc(unit: index, cost: terms.cost, miles: terms.miles)
        }
    }
}
