import PlacementScenarios

/// A mode solved on a scenario, with what it came from: the result, the problem the optimiser
/// prepared (so that new places are priced against the same units, pools and costs), and the
/// metrics per scope, computed once. Reports read it; they never rebuild the optimiser's problem.
///
/// The result's fields read through it directly (`solved.decisions`, `solved.objective`).
@dynamicMemberLookup
public struct SolvedMode: Sendable {
    public let result: ModeResult
    /// M1, M2, distance, cost and unmet need for the scenario, each co-operative and each authority.
    public let metrics: ModeMetrics
    let problem: PlacementProblem

    init(result: ModeResult, problem: PlacementProblem) {
        self.result = result
        self.problem = problem
        metrics = ModeMetrics(result, scenario: problem.scenario)
    }

    public var scenario: Scenario { problem.scenario }

    public subscript<Value>(dynamicMember field: KeyPath<ModeResult, Value>) -> Value { result[keyPath: field] }

    /// What one more in-house place would save, for every authority in `authorities` and placement
    /// type with demand, priced from this solve's duals (see ``InHousePlaceValuation``). Computed on
    /// each call: ask once and keep the answer.
    public func inHousePlaceValues(for authorities: [AuthorityCode]) -> [InHousePlaceValue] {
        InHousePlaceValuation.values(of: self, authorities: authorities)
    }
}
