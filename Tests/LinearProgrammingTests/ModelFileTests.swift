import Foundation
import TestSupport
import Testing

@testable import LinearProgramming

@Suite("Exported models")
struct ModelFileTests {
    @Test("transp exported to free MPS is solved by glpsol to the same objective")
    func mpsThroughGlpsol() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let model = KnownModels.transportation().model
        let path = directory.file("transp.mps")
        try model.write(to: path)
        let ours = try model.solve().objective
        #expect(approximately(try Glpsol.objective(ofFreeMPS: path), ours))
    }

    @Test("an integer model exported to CPLEX LP is solved by glpsol to the same objective")
    func lpThroughGlpsol() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let model = KnownModels.smallInteger().model
        let path = directory.file("winston.lp")
        try model.write(to: path)
        #expect(approximately(try Glpsol.objective(ofCPLEXLP: path), try model.solve().objective))
    }

    @Test("a model read back from MPS has the same shape and optimum", arguments: [ModelFileFormat.freeMPS, .cplexLP])
    func roundTrip(format: ModelFileFormat) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let original = KnownModels.transportation().model
        let path = directory.file(format == .freeMPS ? "t.mps" : "t.lp")
        try original.write(to: path)
        let read = try Model(contentsOf: path)
        #expect(read.variableCount == original.variableCount)
        #expect(read.constraintCount == original.constraintCount)
        #expect(read.nonzeroCount == original.nonzeroCount)
        #expect(read.columnNames == original.columnNames)
        #expect(approximately(try read.solve().objective, KnownModels.transportationOptimum))
    }

    @Test("a file that is not MPS is reported, not fatal")
    func unreadable() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("garbage.mps")
        try "this is not an MPS file\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: LinearProgrammingError.self) { try Model(contentsOf: path) }
        #expect(throws: LinearProgrammingError.self) { try Model(contentsOf: directory.file("missing.mps")) }
        #expect(throws: LinearProgrammingError.self) {
            try KnownModels.sample().model.write(to: directory.file("no/such/dir.mps"))
        }
    }
}

/// GLPK ignores the error of closing the file it writes, so a full disk left an empty model and a
/// success (the trial: `--export-model` on a full disk exited 0 with a 0-byte file). `/dev/full`
/// fails every write with "no space left on device".
@Suite("Exported models on a full disk")
struct FullDiskModelFileTests {
    @Test(
        "a model GLPK could not write out in full is an error, in either format",
        arguments: [
            ModelFileFormat.freeMPS, .cplexLP,
        ])
    func fullDisk(format: ModelFileFormat) throws {
        try #require(FileManager.default.isWritableFile(atPath: "/dev/full"), "the test needs Linux's /dev/full")
        let problem = try GLPKProblem()
        try problem.load(KnownModels.transportation().model)
        let error = #expect(throws: LinearProgrammingError.self) { try problem.write(to: "/dev/full", format: format) }
        #expect("\(error.map { "\($0)" } ?? "")".contains("cut short"))
    }
}
