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
    /// type, commissioned or not), authorities with no children getting nothing.
    public static func shares(of total: Double, scope: BudgetScope, scenario: Scenario) -> [BudgetShare] {
        var children: [AuthorityCode: Int] = [:]
        for cohort in scenario.cohorts { children[cohort.homeAuthority, default: 0] += cohort.count }
        let all = scenario.childCount
        func share(_ members: [AuthorityCode]) -> Double {
            guard all > 0 else { return 0 }
            return total * Double(members.reduce(0) { $0 + (children[$1] ?? 0) }) / Double(all)
        }
        let councils = scenario.authorities.filter { (children[$0.id] ?? 0) > 0 }
        switch scope {
        case .national:
            // The id stays `england` (checks read it); the name says who holds the money, which is
            // England only when the scenario is.
            let name =
                councils.count == 1
                ? "\(councils[0].name), one budget" : "All \(councils.count) authorities, one budget"
            return [BudgetShare(id: "england", name: name, members: councils.map(\.id), budget: total)]
        case .council:
            return councils.map {
                BudgetShare(id: $0.id.rawValue, name: $0.name, members: [$0.id], budget: share([$0.id]))
            }
        case .cooperative:
            var shares = scenario.cooperatives.map {
                BudgetShare(id: $0.id.rawValue, name: $0.name, members: $0.members, budget: share($0.members))
            }
            let inCooperative = Set(scenario.cooperatives.flatMap(\.members))
            shares += councils.filter { !inCooperative.contains($0.id) }.map {
                BudgetShare(id: $0.id.rawValue, name: $0.name, members: [$0.id], budget: share([$0.id]))
            }
            return shares
        }
    }
}
