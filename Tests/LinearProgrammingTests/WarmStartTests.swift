import LinearProgramming
import TestSupport
import Testing

@Suite("Warm starts")
struct WarmStartTests {
    @Test("a changed cost re-solves from the previous basis to the cold optimum")
    func changedObjective() throws {
        let problem = KnownModels.transportation()
        let solver = try Solver(problem.model)
        let first = try solver.solve()
        #expect(approximately(first.objective, KnownModels.transportationOptimum))
        // Seattle → Topeka becomes the cheapest route into Topeka.
        let route = problem.shipments[0][2]
        try solver.setObjectiveCoefficients([(route, 0.1)])
        let warm = try solver.solve()
        var changed = problem.model
        changed.setObjectiveCoefficient(route, 0.1)
        let cold = try changed.solve()
        #expect(approximately(warm.objective, cold.objective))
        #expect(warm.objective < first.objective)
        #expect(warm.iterations <= cold.iterations)
    }

    @Test("changed bounds re-solve correctly")
    func changedBounds() throws {
        let problem = KnownModels.transportation()
        let solver = try Solver(problem.model)
        _ = try solver.solve()
        // Chicago wants 325 cases, 25 more: San Diego has 50 spare, so Seattle sends 25 more to
        // Chicago and San Diego 25 more to New York: 153.675 + 25 × (0.153 − 0.225 + 0.225) = 157.5.
        try solver.setBounds(problem.demand[1], lower: 325, upper: .infinity)
        let warm = try solver.solve()
        #expect(approximately(warm.objective, 153.675 + 25 * 0.153))
        var changed = problem.model
        changed.setBounds(problem.demand[1], lower: 325, upper: .infinity)
        #expect(approximately(warm.objective, try changed.solve().objective))
        // Forbid a route outright.
        try solver.setBounds(problem.shipments[1][2], lower: 0, upper: 0)
        changed.setBounds(problem.shipments[1][2], lower: 0, upper: 0)
        #expect(approximately(try solver.solve().objective, try changed.solve().objective))
        // Two rows at once: every market back to its demand, then New York and Topeka both 10 more.
        try solver.setBounds([
            (problem.demand[0], 335, .infinity), (problem.demand[1], 300, .infinity),
            (problem.demand[2], 285, .infinity),
        ])
        changed.setBounds(problem.demand[0], lower: 335, upper: .infinity)
        changed.setBounds(problem.demand[1], lower: 300, upper: .infinity)
        changed.setBounds(problem.demand[2], lower: 285, upper: .infinity)
        #expect(approximately(try solver.solve().objective, try changed.solve().objective))
        #expect(throws: LinearProgrammingError.self) {
            try solver.setBounds([(problem.demand[0], 0, .infinity), (Constraint(index: 99), 0, 1)])
        }
    }

    @Test("added columns enter from the previous basis (column generation)")
    func addedColumns() throws {
        let problem = KnownModels.transportation()
        let solver = try Solver(problem.model)
        _ = try solver.solve()
        // A third plant in Denver, 200 cases, with a new supply row is not possible by columns alone;
        // a direct route from San Diego to Chicago at half price is: it must take all it can.
        let cheap = try solver.addVariables([
            .init(
                name: "x_San_Diego_Chicago_express", objective: 0.081,
                coefficients: [(problem.demand[1], 1), (problem.supply[1], 1)])
        ])
        let warm = try solver.solve()
        var grown = problem.model
        grown.addVariable(
            name: "x_San_Diego_Chicago_express", objective: 0.081,
            coefficients: [(problem.demand[1], 1), (problem.supply[1], 1)])
        let cold = try grown.solve()
        #expect(approximately(warm.objective, cold.objective))
        #expect(warm[cheap[0]] > 0)
        #expect(solver.model.variableCount == 7)
    }

    @Test("a basis carried to a fresh solver of the same model needs no iterations")
    func basisTransfer() throws {
        let model = KnownModels.transportation().model
        let first = try Solver(model)
        let cold = try first.solve()
        let basis = try first.basis()
        let second = try Solver(model)
        try second.setBasis(basis)
        let warm = try second.solve()
        #expect(cold.iterations > 0)
        #expect(warm.iterations == 0)
        #expect(approximately(warm.objective, cold.objective))
        #expect(throws: LinearProgrammingError.self) { try second.setBasis(basis.extended(toRows: 6, columns: 6)) }
    }
}
