import LinearProgramming
import TestSupport
import Testing

@Suite("Statuses are results, not errors")
struct StatusTests {
    static func infeasible() -> Model {
        var model = Model(name: "infeasible")
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        model.addConstraint(x + y >= 5, name: "at_least")
        model.addConstraint(x + y <= 3, name: "at_most")
        model.setObjective(.minimise, LinearExpression(x))
        return model
    }

    static func unbounded() -> Model {
        var model = Model(name: "unbounded")
        let x = model.addVariable(name: "x")
        let y = model.addVariable(name: "y")
        model.addConstraint(x - y <= 1, name: "gap")
        model.setObjective(.maximise, x + y)
        return model
    }

    @Test("an infeasible LP", arguments: [SolveMethod.primalSimplex, .dualSimplex, .exactSimplex])
    func infeasibleLP(method: SolveMethod) throws {
        let solution = try Self.infeasible().solve(SolveOptions(method: method))
        #expect(solution.status == .noFeasibleSolution)
        #expect(!solution.status.hasFeasibleValues)
    }

    @Test("an infeasible LP under GLPK's presolver")
    func infeasiblePresolved() throws {
        var options = SolveOptions()
        options.presolve = true
        #expect(try Self.infeasible().solve(options).status == .noFeasibleSolution)
    }

    @Test("an unbounded LP")
    func unboundedLP() throws {
        #expect(try Self.unbounded().solve().status == .unbounded)
    }

    @Test("an integer model whose relaxation is feasible but which has no integer point")
    func infeasibleMIP() throws {
        var model = Model(name: "odd")
        let x = model.addVariable(name: "x", upperBound: 10, kind: .integer)
        model.addConstraint(2 * x == 1, name: "half")
        model.setObjective(.minimise, LinearExpression(x))
        let solution = try model.solve()
        #expect(solution.isMIP)
        #expect(solution.status == .noFeasibleSolution)
    }

    @Test("an infeasible integer model stops at its LP relaxation")
    func infeasibleRelaxation() throws {
        var model = Self.infeasible()
        model.setKind(Variable(index: 0), .integer)
        #expect(try model.solve().status == .noFeasibleSolution)
    }

    @Test("a time-limited MIP reports the incumbent, the best bound and the gap")
    func timeLimitedMIP() throws {
        let model = KnownModels.marketSplit()
        // A trivial incumbent: no x chosen, every row's shortfall in its `under` slack.
        var start = [Double](repeating: 0, count: model.variableCount)
        let slacks = model.variableCount - model.constraintCount * 2
        for row in 0..<model.constraintCount { start[slacks + 2 * row + 1] = model.rowLowerBounds[row] }
        var options = SolveOptions(timeLimit: .milliseconds(500))
        options.mipStart = start
        let solution = try model.solve(options)
        #expect(solution.termination == .timeLimit)
        #expect(solution.status == .feasible)
        let bound = try #require(solution.bestBound)
        #expect(bound <= solution.objective + 1e-9)
        #expect(bound >= -1e-9)  // the slacks are non-negative
        let gap = try #require(solution.relativeGap)
        #expect(gap > 0 && gap <= 1 + 1e-9)
        #expect(solution.solveTime < .seconds(5))
        // The incumbent is genuinely feasible.
        for row in 0..<model.constraintCount {
            #expect(approximately(solution.rowActivities[row], model.rowLowerBounds[row]))
        }
    }

    @Test("an iteration limit stops the simplex with a status, not an error")
    func iterationLimit() throws {
        var options = SolveOptions()
        options.iterationLimit = 1
        let solution = try KnownModels.transportation().model.solve(options)
        #expect(solution.termination == .iterationLimit)
        #expect(solution.status != .optimal)
    }
}
