import PlacementOptimisation
import PlacementScenarios

/// A solved capacity plan: what to build where, what it costs and saves, how close to optimal it is
/// proven to be, and the placement measures with and without it.
public struct CapacityPlan: Sendable {
    /// One candidate the plan builds.
    public struct Build: Sendable {
        public var candidate: CapacityCandidate
        /// Homes or households.
        public var units: Int
        public var places: Int { units * candidate.placesPerUnit }
        /// Pounds drawn from the budget: the one-off cost, and for a block contract its term's price.
        public var capital: Double { Double(units) * candidate.budgetCost }
        /// Weekly capital charge (annualised one-off cost ÷ 52).
        public var weeklyCapitalCharge: Double
        /// Weekly running cost of its places, used or not.
        public var weeklyRunningCost: Double { Double(places) * candidate.weeklyCostPerPlace }
        /// Children the plan places in it.
        public var childrenPlaced: Double
        /// Weekly objective saved by building it, net of its running cost and capital charge (the
        /// other builds kept): what the plan would lose without it.
        public var weeklySaving: Double
        /// Pounds actually paid each week less with it than without it, its running cost included and
        /// its capital charge excluded (never the unplaced penalty: placing a child now unplaced costs
        /// money, so it lowers this).
        public var weeklySpendSaving: Double
        /// Years for the spend saving to repay the one-off cost; `nil` when it saves no money, or would
        /// take longer than a plan file holds (``Payback``), or for a block contract, whose "capital"
        /// is its price over the term, already netted out of the saving: it has no one-off cost.
        public var paybackYears: Double? {
            candidate.kind == .blockContract ? nil : Payback.years(capital: capital, weeklySaving: weeklySpendSaving)
        }
        /// Children now unplaced it lets the model place (directly or by moving others).
        public var childrenNoLongerUnplaced: Double
    }

    /// A budget holder's share and what the plan spends of it.
    public struct Spending: Sendable {
        public var share: BudgetShare
        public var spent: Double
        /// The least a home candidate in the holder's authorities costs the budget (nil: none).
        public var cheapestHome: Double?
        /// The least a home candidate of the holder's with units still unbuilt costs the budget (nil:
        /// every home is at its most, or there is none).
        public var cheapestHomeLeft: Double?

        public init(share: BudgetShare, spent: Double, cheapestHome: Double? = nil, cheapestHomeLeft: Double? = nil) {
            self.share = share
            self.spent = spent
            self.cheapestHome = cheapestHome
            self.cheapestHomeLeft = cheapestHomeLeft
        }
    }

    /// Budget holders whose whole share is below the cheapest home open to them: under `--by
    /// council` most shares are, and their money can only recruit carers (or stay unspent).
    public var holdersShortOfAHome: [Spending] {
        spending.filter { holder in holder.cheapestHome.map { holder.share.budget + 0.005 < $0 } ?? false }
    }

    public enum Status: String, Sendable {
        /// Proven optimal, or within the relative gap asked for.
        case optimal
        /// A time limit stopped branch-and-cut: the plan is feasible, its gap is reported.
        case timeLimit = "time_limit"
    }

    public var scope: BudgetScope
    /// The one holder of the whole budget (`plan --cooperative`), whose share alone `spending` lists;
    /// nil when the budget is shared over the scope's holders.
    public var holder: BudgetShare?
    /// Who holds the budget, as titles say it: "by cooperative", or "for Home and Future (South East)".
    public var heldBy: String { holder.map { "for \($0.name)" } ?? "by \(scope.rawValue)" }
    public var mode: CommissioningMode
    public var budget: Double
    public var status: Status
    /// Weekly objective (weighted pounds) with the plan, capital charges included.
    public var objective: Double
    /// The best proven lower bound on the objective.
    public var bestBound: Double
    /// (objective − best bound) ÷ |objective|, GLPK's measure.
    public var relativeGap: Double
    /// (objective − best bound) ÷ (baseline − best bound): the share of the best possible saving not
    /// yet proven reached; `nil` when building cannot save anything.
    public var savingGap: Double?
    /// The LP relaxation's objective (fractional homes allowed).
    public var lpBound: Double
    /// The objective with no new capacity.
    public var baselineObjective: Double
    /// Weekly spend without and with the plan, capital charges excluded.
    public var baselineWeeklySpend: Double
    public var weeklySpend: Double
    /// Weekly capital charges of everything built.
    public var weeklyCapitalCharge: Double
    public var builds: [Build]
    public var spending: [Spending]
    /// Weekly objective saved by one more pound of budget, from the LP relaxation's budget rows
    /// (largest over holders); ≥ 0.
    public var marginalValueOfBudget: Double
    /// The starting plan given to branch-and-cut (the LP relaxation rounded within budget).
    public var startObjective: Double?
    public var candidatesConsidered: Int
    /// Candidates in an authority no budget holder covers (no children of its own in the scenario,
    /// so no share of the budget): never built, and said, rather than left out without a word.
    public var candidatesNoOneHolds: [CandidateID] = []
    /// Block contracts of the scenario's candidates the plan's scope may not buy (a single council's
    /// plan, or a council in no co-operative): left out of the plan, and said.
    public var contractsNotOffered: [CandidateID] = []
    /// Where the candidates came from.
    public var candidateSource: CandidateSource

    /// Where a plan's candidates came from: the scenario's `candidates.csv`, or the default
    /// candidates built from its providers and the planning assumptions.
    public enum CandidateSource: String, Sendable {
        case scenario
        case `default`
    }
    /// The placement model re-solved with and without the new places (each place at its running
    /// cost), for M1, M2, distance, cost and unmet need.
    public var withPlan: SolvedMode
    public var withoutPlan: SolvedMode
    /// Wall-clock seconds from the start of planning to the end of branch-and-cut.
    public var seconds: Double
    public var statistics: Statistics

    public struct Statistics: Sendable {
        public var rows: Int
        public var columns: Int
        public var integerColumns: Int
        public var nonzeros: Int
        public var iterations: Int
    }

    public var weeklySaving: Double { baselineObjective - objective }
    public var capitalSpent: Double { builds.reduce(0) { $0 + $1.capital } }
    /// What the builds of one kind cost the budget (a block contract's: its price over the term).
    public func spent(on kind: CapacityCandidate.Kind) -> Double {
        builds.filter { $0.candidate.kind == kind }.reduce(0) { $0 + $1.capital }
    }
    public var homes: [Build] { builds.filter { $0.candidate.kind == .home } }
    public var carers: [Build] { builds.filter { $0.candidate.kind == .fosterCarers } }
    public var blockContracts: [Build] { builds.filter { $0.candidate.kind == .blockContract } }
}
