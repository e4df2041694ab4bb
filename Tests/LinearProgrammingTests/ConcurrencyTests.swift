import LinearProgramming
import TestSupport
import Testing

@Suite("Solving on many threads at once")
struct ConcurrencyTests {
    @Test("16 models on 8 threads, each with its known optimum, errors on some threads isolated")
    func manyThreads() throws {
        let results = DedicatedThreads.map(16, maximumThreads: 8) { index -> Double in
            if index.isMultiple(of: 3) {
                // A GLPK error on this thread must not disturb the others, nor this one's next solve.
                let doomed = try Solver(KnownModels.sample().model)
                do {
                    try doomed._provokeGLPKError()
                } catch LinearProgrammingError.glpk {}
            }
            let scale = Double(index + 1)
            if index.isMultiple(of: 2) {
                return try KnownModels.transportation(costScale: scale).model.solve().objective / scale
            }
            return try KnownModels.smallInteger().model.solve().objective
        }
        for (index, result) in results.enumerated() {
            let objective = try result.get()
            let expected = index.isMultiple(of: 2) ? KnownModels.transportationOptimum : 40
            #expect(approximately(objective, expected), "model \(index)")
        }
    }

    @Test("a solver used from another thread throws instead of aborting")
    func wrongThread() throws {
        let made = DedicatedThreads.map(1) { _ in 0 }
        #expect(try made[0].get() == 0)
        final class Box: @unchecked Sendable { var solver: Solver?; var outcome: Result<Solution, any Error>? }
        let box = Box()
        _ = DedicatedThreads.map(1) { _ in box.solver = try Solver(KnownModels.sample().model) }
        let outcome = DedicatedThreads.map(1) { _ in try box.solver!.solve() }
        #expect(throws: LinearProgrammingError.wrongThread) { try outcome[0].get() }
        _ = DedicatedThreads.map(1) { _ in box.solver = nil }  // never freed off its thread
    }
}
