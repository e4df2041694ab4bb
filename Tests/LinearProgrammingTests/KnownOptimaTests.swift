import LinearProgramming
import TestSupport
import Testing

@Suite("Known optima")
struct KnownOptimaTests {
    @Test(
        "GLPK's sample.c LP: z = 733.33 at (33.33, 66.67, 0)",
        arguments: [
            SolveMethod.automatic, .primalSimplex, .dualSimplex, .dualThenPrimal, .interiorPoint, .exactSimplex,
        ])
    func sample(method: SolveMethod) throws {
        let (model, x) = KnownModels.sample()
        let solution = try model.solve(SolveOptions(method: method))
        #expect(solution.status == .optimal)
        #expect(solution.termination == .completed)
        #expect(approximately(solution.objective, KnownModels.sampleOptimum))
        #expect(approximately(solution[x[0]], 100.0 / 3))
        #expect(approximately(solution[x[1]], 200.0 / 3))
        #expect(approximately(solution[x[2]], 0))
    }

    @Test("transp.mod: optimum 153.675 with the demand duals of the textbook")
    func transportation() throws {
        let problem = KnownModels.transportation()
        let solution = try problem.model.solve()
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective, KnownModels.transportationOptimum))
        // Optimal plan: Seattle ships 50 to New York and 300 to Chicago; San Diego 275 to New York
        // and 275 to Topeka.
        let expected = [[50.0, 300, 0], [275, 0, 275]]
        for i in 0..<2 {
            for j in 0..<3 { #expect(approximately(solution[problem.shipments[i][j]], expected[i][j])) }
        }
        // One more case demanded in a market costs its cheapest delivered price (supply is slack
        // at San Diego, so both plants' duals are 0): 0.225, 0.153 and 0.126.
        let demandDuals = problem.demand.map { solution.dual($0)! }
        #expect(zip(demandDuals, [0.225, 0.153, 0.126]).allSatisfy { approximately($0, $1) })
        #expect(problem.supply.allSatisfy { approximately(solution.dual($0)!, 0) })
        // Reduced cost of an unused route: Seattle → Topeka costs 0.162 against a dual of 0.126.
        #expect(approximately(solution.reducedCost(problem.shipments[0][2])!, 0.162 - 0.126))
    }

    @Test("a small integer model: 40 at (5, 0), LP relaxation 41.25")
    func smallInteger() throws {
        let (model, x, y) = KnownModels.smallInteger()
        let solution = try model.solve()
        #expect(solution.isMIP)
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective, 40))
        #expect(approximately(solution[x], 5) && approximately(solution[y], 0))
        #expect(solution.relativeGap == 0)
        #expect(solution.rowDuals == nil)

        var relaxed = model
        relaxed.setKind(x, .continuous)
        relaxed.setKind(y, .continuous)
        #expect(approximately(try relaxed.solve().objective, 41.25))
    }

    @Test("the same integer model solved with GLPK's presolver")
    func smallIntegerWithPresolve() throws {
        var options = SolveOptions()
        options.presolve = true
        let solution = try KnownModels.smallInteger().model.solve(options)
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective, 40))
    }

    @Test("duals after a MIP come from the LP with integers fixed")
    func dualsAfterMIP() throws {
        // min 3y + x  s.t.  x + y ≥ 2.5 (row d), y integer ≤ 2, x ≤ 10: optimum y = 0, x = 2.5 → 2.5.
        // With y fixed at 0, one more unit of demand costs 1 (the price of x).
        var model = Model(name: "fixed_duals")
        let x = model.addVariable(name: "x", upperBound: 10, objective: 1)
        let y = model.addVariable(name: "y", upperBound: 2, kind: .integer, objective: 3)
        let demand = model.addConstraint(x + y >= 2.5, name: "d")
        var options = SolveOptions()
        options.dualsAfterMIP = true
        let solution = try model.solve(options)
        #expect(approximately(solution.objective, 2.5))
        #expect(approximately(solution.dual(demand)!, 1))
        #expect(approximately(solution.reducedCost(y)!, 2))
    }

    @Test("repeated variables in one expression are merged, not stored twice")
    func mergedTerms() throws {
        var model = Model(name: "merged")
        let x = model.addVariable(name: "x")
        model.addConstraint(x + x + LinearExpression(x) - x <= 4, name: "twice")
        model.setObjective(.maximise, LinearExpression(x))
        #expect(model.nonzeroCount == 1)
        #expect(approximately(try model.solve()[x], 2))
    }
}
