import PlacementOptimisation
import PlacementScenarios

/// Who plans with the money, and so how the budget is shared and whose places children may use.
public enum BudgetScope: String, CaseIterable, Sendable {
    /// The grant shared among councils in proportion to their children looked after; each council
    /// spends its share on its own capacity, with the access of `council-coordinated` mode.
    case council
    /// Each co-operative gets its members' shares and plans for them, with the access of `regional`
    /// mode; a council in no co-operative plans alone with its own share.
    case cooperative
    /// One plan for England with the whole budget and every in-house place open to every child
    /// (`national` mode): a bound on what the money can do, not a proposal.
    case national

    /// The commissioning mode whose access rules the plan uses.
    public var mode: CommissioningMode {
        switch self {
        case .council: .councilCoordinated
        case .cooperative: .regional
        case .national: .national
        }
    }
}

/// One budget row of a plan: who holds the money and how much.
public struct BudgetShare: Sendable, Equatable {
    /// The authority's code, the co-operative's id, or `england` for the one national budget (whatever
    /// the scenario's authorities).
    public var id: String
    public var name: String
    public var members: [AuthorityCode]
    /// Pounds this holder may spend.
    public var budget: Double

    /// The shares of `total` under `scope`: by children looked after in the scenario (every placement
    /// type, commissioned or not), authorities with no children getting nothing. Shares are whole
    /// pounds (pence when `total` has pence) that add up to `total` exactly, as a grant is allocated.
    /// With `holder` (a holder's id), that holder alone has the whole budget and the others none.
    public static func shares(
        of total: Double, scope: BudgetScope, scenario: Scenario, holder: String? = nil
    ) -> [BudgetShare] {
        let shared = sharedByChildren(total, scope: scope, scenario: scenario)
        guard let holder else { return shared }
        return shared.map { share in
            var share = share
            share.budget = share.id == holder ? total : 0
            return share
        }
    }

    private static func sharedByChildren(_ total: Double, scope: BudgetScope, scenario: Scenario) -> [BudgetShare] {
        var children: [AuthorityCode: Int] = [:]
        for cohort in scenario.cohorts { children[cohort.homeAuthority, default: 0] += cohort.count }
        let councils = scenario.authorities.filter { (children[$0.id] ?? 0) > 0 }
        var holders: [(id: String, name: String, members: [AuthorityCode])]
        switch scope {
        case .national:
            // The id stays `england` (checks read it); the name says who holds the money, which is
            // England only when the scenario is.
            let name =
                councils.count == 1
                ? "\(councils[0].name), one budget" : "All \(councils.count) authorities, one budget"
            return [BudgetShare(id: "england", name: name, members: councils.map(\.id), budget: total)]
        case .council:
            holders = councils.map { ($0.id.rawValue, $0.name, [$0.id]) }
        case .cooperative:
            holders = scenario.cooperatives.map { ($0.id.rawValue, $0.name, $0.members) }
            let inCooperative = Set(scenario.cooperatives.flatMap(\.members))
            holders += councils.filter { !inCooperative.contains($0.id) }.map { ($0.id.rawValue, $0.name, [$0.id]) }
        }
        let weights = holders.map { $0.members.reduce(0) { $0 + (children[$1] ?? 0) } }
        let budgets = apportioned(total, by: weights)
        return zip(holders, budgets).map { BudgetShare(id: $0.id, name: $0.name, members: $0.members, budget: $1) }
    }

    /// `total` (whole pounds: `plan --budget` refuses pence) split in proportion to `weights` by
    /// largest remainders, ties to the first, into whole pounds that add up to `total`. Rounding
    /// each share on its own had left the printed shares a pound or two off the budget.
    static func apportioned(_ total: Double, by weights: [Int]) -> [Double] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        let units = total.rounded()
        let exact = weights.map { units * Double($0) / Double(sum) }
        var parts = exact.map { $0.rounded(.down) }
        let left = max(0, Int(units - parts.reduce(0, +)))
        let byRemainder = exact.indices.sorted {
            (exact[$0] - parts[$0], -$0) > (exact[$1] - parts[$1], -$1)
        }
        for index in byRemainder.prefix(left) { parts[index] += 1 }
        return parts
    }
}
