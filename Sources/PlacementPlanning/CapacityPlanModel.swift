import LinearProgramming
import PlacementOptimisation
import PlacementScenarios

/// The mixed-integer programme of a capacity plan: the placement model of every type as it stands,
/// plus, for each candidate c, an integer number of units built y(c), columns placing children in its
/// new places, and budget rows:
///
///     minimise   placement objective + Σ_c fixed(c) · y(c)
///     subject to the placement model's demand and capacity rows
///                Σ_u size(u) · x(u, c) − places(c) · y(c) ≤ 0           for every candidate c   (new_c…)
///                Σ_{c held by b} budgetCost(c) · y(c) ≤ budget(b)         for every budget holder b (budget_…)
///                0 ≤ y(c) ≤ units(c), integer
///
/// fixed(c) = price weight × (running cost per place × places per unit + capital charge per unit): a
/// home's running cost is mostly staff, paid whether its places are full or not, so a new place
/// costs its running cost whether or not a child uses it, and a child placed there pays only the
/// miles, out-of-area and preference terms of the objective. budgetCost(c) is the one-off cost, and for
/// a block contract also its places' price over the whole term (the money committed).
struct CapacityPlanModel {
    var model: Model
    let network: PlanningNetwork
    let candidates: [CapacityCandidate]
    let shares: [BudgetShare]
    /// y(c), one per candidate.
    let buildColumns: [Variable]
    /// The columns placing children in each candidate's places, with the unit each places.
    let arcColumns: [[(column: Variable, unit: Int)]]
    /// One per share that holds a candidate, with the share's index.
    let budgetRows: [(row: Constraint, share: Int)]
    /// Weekly capital charge per unit built, per candidate (pounds, unweighted).
    let capitalCharges: [Double]
    /// Pounds paid each week per unit of each column, capital charges excluded.
    let columnSpend: [Double]

    init(network: PlanningNetwork, candidates: [CapacityCandidate], shares: [BudgetShare], discountRate: Double) {
        var model = network.model
        model.name = "capacity_plan"
        var spend = network.columnSpend
        let weight = network.policy.priceWeight
        var holder: [AuthorityCode: Int] = [:]
        for (index, share) in shares.enumerated() {
            for member in share.members where holder[member] == nil { holder[member] = index }
        }
        var arcColumns: [[(column: Variable, unit: Int)]] = []
        for candidate in candidates {
            var columns: [(column: Variable, unit: Int)] = []
            for arc in network.arcs(to: candidate) {
                let unit = network.units[arc.unit]
                let column = model.addVariable(
                    name: "new_u\(arc.unit)_c\(arcColumns.count)", kind: unit.isSiblingGroup ? .binary : .continuous,
                    objective: arc.cost * Double(unit.groupSize),
                    coefficients: [(network.demandRow(ofUnit: arc.unit), 1)])
                spend.append(0)
                columns.append((column, arc.unit))
            }
            arcColumns.append(columns)
        }
        let charges = candidates.map {
            CapitalCharge.weekly($0.capitalCost, rate: discountRate, lifeYears: $0.lifeYears)
        }
        var buildColumns: [Variable] = []
        for (index, candidate) in candidates.enumerated() {
            let running = candidate.weeklyCostPerPlace * Double(candidate.placesPerUnit)
            // A candidate no budget holder can pay for is never built.
            let units = holder[candidate.authority] == nil ? 0 : Double(candidate.maximumUnits)
            buildColumns.append(
                model.addVariable(
                    name: "build_c\(index)", upperBound: units, kind: .integer,
                    objective: weight * (running + charges[index])))
            spend.append(running)
        }
        for (index, candidate) in candidates.enumerated() {
            let columns = arcColumns[index]
            model.addConstraint(
                variables: columns.map(\.column) + [buildColumns[index]],
                coefficients: columns.map { Double(network.units[$0.unit].groupSize) }
                    + [-Double(candidate.placesPerUnit)],
                upperBound: 0, name: "new_c\(index)")
        }
        var budgetRows: [(row: Constraint, share: Int)] = []
        for (shareIndex, share) in shares.enumerated() {
            let held = candidates.indices.filter { holder[candidates[$0].authority] == shareIndex }
            guard !held.isEmpty else { continue }
            let row = model.addConstraint(
                variables: held.map { buildColumns[$0] }, coefficients: held.map { candidates[$0].budgetCost },
                upperBound: share.budget, name: "budget_\(shareIndex)")
            budgetRows.append((row, shareIndex))
        }
        self.model = model
        self.network = network
        self.candidates = candidates
        self.shares = shares
        self.buildColumns = buildColumns
        self.arcColumns = arcColumns
        self.budgetRows = budgetRows
        capitalCharges = charges
        columnSpend = spend
    }

    /// The same model with every column continuous: its LP relaxation.
    var relaxation: Model {
        var relaxed = model
        for index in relaxed.columnKinds.indices where relaxed.columnKinds[index] != .continuous {
            relaxed.setKind(Variable(index: index), .continuous)
        }
        return relaxed
    }

    /// A feasible basis: everyone unplaced, nothing built, every new row's slack basic.
    var startingBasis: Basis {
        let base = network.everyoneUnplacedBasis
        return Basis(
            rows: base.rows + Array(repeating: .basic, count: model.constraintCount - base.rows.count),
            columns: base.columns + Array(repeating: .atLowerBound, count: model.variableCount - base.columns.count))
    }

    /// Pounds paid each week under `values`, capital charges excluded, kept placements included.
    func weeklySpend(_ values: [Double]) -> Double {
        zip(columnSpend, values).reduce(network.keptSpend) { $0 + $1.0 * $1.1 }
    }
}
