import Foundation
import LinearProgramming
import TestSupport
import Testing

/// GLPK aborts the process when a message it formats exceeds its 4 KB buffer; every string it is
/// given is checked first, and every failure is an error the caller can handle.
@Suite("GLPK limits")
struct GLPKLimitsTests {
    @Test("A model file path of over 4 KB is an error, not an abort", arguments: ["x.mps", "x.lp"])
    func longPath(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + String(repeating: "/a", count: 2_100) + "/" + name
        let model = KnownModels.transportation().model
        #expect(throws: LinearProgrammingError.self) { try model.write(to: path) }
        #expect(throws: LinearProgrammingError.self) { _ = try Model(contentsOf: path) }
    }

    @Test("A problem name over 255 bytes is refused before GLPK sees it")
    func longProblemName() throws {
        var model = KnownModels.transportation().model
        model.name = String(repeating: "n", count: 5_000)
        #expect(throws: LinearProgrammingError.self) { _ = try model.solve() }
    }

    @Test("Export is atomic: a failed export leaves the old file and no temporary")
    func atomicExport() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("model.mps")
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        var broken = KnownModels.transportation().model
        broken.name = String(repeating: "n", count: 300)
        #expect(throws: LinearProgrammingError.self) { try broken.write(to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        try KnownModels.transportation().model.write(to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("*"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.mps"])
    }

    @Test("A time limit longer than GLPK can count is clamped, not a trap")
    func longTimeLimit() throws {
        let solution = try KnownModels.sample().model.solve(SolveOptions(timeLimit: .seconds(Int64.max)))
        #expect(solution.status == .optimal)
        #expect(approximately(solution.objective, KnownModels.sampleOptimum))
    }
}
