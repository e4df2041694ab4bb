import LinearProgramming
import PlacementScenarios

extension PlacementOptimiser {
    /// Test hook: the fewest and the most children that any optimal plan of a joint mode places with
    /// their own council's in-house places, found the textbook way — each type's optimum `z*`, then
    /// that count minimised and maximised subject to `objective ≤ z*` (to 1e-9 relative) — so that the
    /// complementary-slackness refinement in ``PreferredOptimum`` can be checked against it.
    /// Kept placements are not counted.
    public static func _ownCouncilChildrenRange(_ scenario: Scenario, mode: CommissioningMode)
        throws(LinearProgrammingError) -> ClosedRange<Int>
    {
        guard mode != .council else {
            throw .invalidModel("council mode solves councils in turn; its optimal plans are not one model's")
        }
        let problem = PlacementProblem(scenario: scenario, mode: mode)
        var lowest = 0
        var highest = 0
        for type in problem.typesWithDemand {
            let placement = problem.model(units: problem.unitsNeeding(type))
            let optimum = try placement.model.solve()
            var own = LinearExpression()
            for (column, pair) in placement.pairs.enumerated() {
                let unit = problem.units[pair.unit]
                let provider = problem.pools[pair.pool].representative
                if provider.isRun(byCouncil: unit.homeAuthority) {
                    own += Double(unit.groupSize) * Variable(index: column)
                }
            }
            var bounded = placement.model
            let costs = bounded.objectiveCoefficients
            bounded.addConstraint(
                variables: costs.indices.map { Variable(index: $0) }, coefficients: costs,
                upperBound: optimum.objective + PreferredOptimum.objectiveTolerance * max(1, abs(optimum.objective)),
                name: "optimal")
            for sense in [ObjectiveSense.minimise, .maximise] {
                bounded.setObjective(sense, own)
                let extreme = try bounded.solve()
                let count = wholePlacements(extreme.objective)
                if sense == .minimise { lowest += count } else { highest += count }
            }
        }
        return lowest...highest
    }
}
