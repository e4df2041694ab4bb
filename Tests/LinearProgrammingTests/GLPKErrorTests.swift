import LinearProgramming
import TestSupport
import Testing

@Suite("GLPK errors become Swift errors")
struct GLPKErrorTests {
    @Test("a GLPK error is thrown with GLPK's message and the thread solves again afterwards")
    func errorThenSolve() throws {
        let before = try KnownModels.sample().model.solve()
        let solver = try Solver(KnownModels.transportation().model)
        let other = try Solver(KnownModels.sample().model)
        #expect {
            try solver._provokeGLPKError()
        } throws: { error in
            guard case LinearProgrammingError.glpk(let message) = error else { return false }
            return message.contains("out of range")
        }
        // GLPK freed every problem of this thread; the handles know it and do not touch freed memory.
        #expect(throws: LinearProgrammingError.invalidatedByEarlierError) { try solver.solve() }
        #expect(throws: LinearProgrammingError.invalidatedByEarlierError) { try other.solve() }
        let after = try KnownModels.sample().model.solve()
        #expect(after.status == .optimal)
        #expect(approximately(after.objective, before.objective))
    }

    @Test("bad bounds are caught in Swift before GLPK sees them")
    func badBounds() {
        var model = Model(name: "bad")
        model.addVariable(name: "x", lowerBound: 5, upperBound: 2)
        #expect(throws: LinearProgrammingError.invalidModel("variable x: lower bound 5.0 exceeds upper bound 2.0")) {
            try model.solve()
        }
    }

    @Test("a coefficient that is not finite is rejected with its row and column")
    func notFinite() {
        var model = Model(name: "nan")
        let x = model.addVariable(name: "x")
        model.addConstraint(Double.nan * x <= 1, name: "broken")
        #expect(
            throws: LinearProgrammingError.invalidModel("constraint broken, variable x: coefficient nan is not finite")
        ) {
            try model.solve()
        }
    }

    @Test("a variable of another model is rejected")
    func foreignVariable() {
        var model = Model(name: "small")
        model.addVariable(name: "x")
        model.addConstraint(Variable(index: 7) <= 1, name: "stranger")
        #expect(
            throws: LinearProgrammingError.invalidModel("constraint stranger refers to variable 7, but the model has 1")
        ) {
            try model.solve()
        }
    }

    @Test(
        "names GLPK or MPS cannot take are rejected",
        arguments: ["has space", String(repeating: "n", count: 256), "tab\t"])
    func badNames(name: String) {
        var model = Model(name: "names")
        model.addVariable(name: name)
        #expect(throws: LinearProgrammingError.self) { try model.solve() }
    }

    @Test("interior point refuses integer models instead of ignoring integrality")
    func interiorOnMIP() {
        #expect(throws: LinearProgrammingError.self) {
            try KnownModels.smallInteger().model.solve(SolveOptions(method: .interiorPoint))
        }
    }
}
