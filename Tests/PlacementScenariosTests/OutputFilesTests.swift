import Foundation
import TestSupport
import Testing

@testable import OutputFiles

@Suite("Output files")
struct OutputFilesTests {
    private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    private func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    @Test("A link planted at a temporary's name is never written through")
    func plantedLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let victim = directory.file("victim.txt")
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        // The name earlier versions used for the temporary of report.md.
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(
            atPath: directory.file(".report.md.\(pid).tmp"), withDestinationPath: victim)
        try AtomicFile.write("report\n", to: directory.file("report.md"))
        #expect(read(victim) == "precious\n")
        #expect(read(directory.file("report.md")) == "report\n")
        #expect(entries(directory.path) == [".report.md.\(pid).tmp", "report.md", "victim.txt"])
    }

    @Test("A file is created exclusively: an existing file or link at the name is an error")
    func exclusive() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "old".write(toFile: directory.file("a"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("b"), withDestinationPath: directory.file("c"))
        #expect(throws: OutputError.self) { try ExclusiveFile.create(directory.file("a"), bytes: Array("new".utf8)) }
        #expect(throws: OutputError.self) { try ExclusiveFile.create(directory.file("b"), bytes: Array("new".utf8)) }
        #expect(read(directory.file("a")) == "old")
        #expect(!FileManager.default.fileExists(atPath: directory.file("c")))
    }

    @Test("Temporary names are unguessable and name their process")
    func temporaryNames() {
        let first = TemporaryName.make(for: "report.md", kind: .file)
        let second = TemporaryName.make(for: "report.md", kind: .file)
        #expect(first != second)
        #expect(TemporaryName.owner(of: first) == ProcessInfo.processInfo.processIdentifier)
        #expect(TemporaryName.owner(of: "report.md") == nil)
        #expect(TemporaryName.owner(of: ".report.md.123.tmp") == nil)
        let long = TemporaryName.make(for: String(repeating: "é", count: 300), kind: .folder)
        #expect(long.utf8.count <= 255)
    }

    @Test("A result set replaces the folder whole, marked as a result set")
    func replaceWhole() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        var first = OutputSet()
        first.add([("a.txt", "1"), ("b.txt", "2")])
        first.add([("c.txt", "3")], in: "sub")
        try OutputFolder.write(first, to: out)
        #expect(entries(out) == [OutputFolder.markerName, "a.txt", "b.txt", "sub"])
        #expect(read("\(out)/sub/c.txt") == "3")
        var second = OutputSet()
        second.add([("a.txt", "new")])
        try OutputFolder.write(second, to: out)
        #expect(entries(out) == [OutputFolder.markerName, "a.txt"])
        #expect(read("\(out)/a.txt") == "new")
        #expect(entries(directory.path) == ["out"])
    }

    @Test("A folder that is not a result set is never replaced")
    func foreignFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "mine".write(toFile: directory.file("notes.txt"), atomically: false, encoding: .utf8)
        var set = OutputSet()
        set.add([("a.txt", "1")])
        let error = #expect(throws: OutputError.self) { try OutputFolder.write(set, to: directory.path) }
        #expect(error?.code == .notAnOutputFolder)
        #expect(entries(directory.path) == ["notes.txt"])
        try OutputFolder.write(set, to: directory.file("empty-or-new"))
        #expect(entries(directory.file("empty-or-new")).contains("a.txt"))
    }

    /// Council mode's model files: a failure writing the second (a full disk) had left the first
    /// replaced and the rest as they were.
    @Test("Several files replaced as one: a failure writing any leaves every target as it was, and no temporary")
    func severalFilesAllOrNone() throws {
        struct Failed: Error {}
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let paths = ["a.mps", "b.mps", "c.mps"].map(directory.file)
        try "old a".write(toFile: paths[0], atomically: false, encoding: .utf8)
        #expect(throws: Failed.self) {
            try AtomicFile.replace(paths) { index, temporary in
                guard index < 1 else { throw Failed() }
                try "new \(index)".write(toFile: temporary, atomically: false, encoding: .utf8)
            }
        }
        #expect(entries(directory.path) == ["a.mps"])
        #expect(read(paths[0]) == "old a")
        try AtomicFile.replace(paths) { index, temporary in
            try "new \(index)".write(toFile: temporary, atomically: false, encoding: .utf8)
        }
        #expect(entries(directory.path) == ["a.mps", "b.mps", "c.mps"])
        #expect(paths.map(read) == ["new 0", "new 1", "new 2"])
    }

    @Test("A command's result set is replaced by the same command, and by no other")
    func anotherCommandsResults() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        var plan = OutputSet(command: "plan")
        plan.add([("plan.csv", "adopted")])
        try OutputFolder.write(plan, to: out)
        #expect(OutputFolder.resultsCommand(of: out) == "plan")
        var comparison = OutputSet(command: "compare")
        comparison.add([("comparison.md", "1")])
        let error = #expect(throws: OutputError.self) { try OutputFolder.write(comparison, to: out) }
        #expect(error?.code == .anotherCommandsResults("plan"))
        #expect(read("\(out)/plan.csv") == "adopted")
        var again = OutputSet(command: "plan")
        again.add([("plan.csv", "revised")])
        try OutputFolder.write(again, to: out)
        #expect(read("\(out)/plan.csv") == "revised")
        // A marker naming no command (sets written before markers named theirs) is replaced by any,
        // but for an adopted plan's (plan.csv and plan.json), which only plan replaces.
        let unnamed = "A result set written by placement; the whole folder is replaced by the next run.\n"
        try unnamed.write(toFile: "\(out)/\(OutputFolder.markerName)", atomically: false, encoding: .utf8)
        #expect(OutputFolder.resultsCommand(of: out) == nil)
        try "{}".write(toFile: "\(out)/plan.json", atomically: false, encoding: .utf8)
        #expect(OutputFolder.resultsCommand(of: out) == "plan")
        let old = #expect(throws: OutputError.self) { try OutputFolder.write(comparison, to: out) }
        #expect(old?.code == .anotherCommandsResults("plan"))
        try FileManager.default.removeItem(atPath: "\(out)/plan.json")
        try OutputFolder.write(comparison, to: out)
        #expect(entries(out) == [OutputFolder.markerName, "comparison.md"])
    }

    /// The trial: `compare --out` on a folder `plan --out` wrote took the adopted plan.csv away.
    @Test("compare --out refuses plan's result set, before solving, and keeps it")
    func compareKeepsAPlan() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("results")
        let planned = try BuiltTool.run(
            "placement", ["plan", Fixtures.scenario("tiny-plan"), "--budget", "1000000", "--out", out])
        #expect(planned.status == 0, "\(planned.standardError)")
        let before = entries(out)
        let run = try BuiltTool.run("placement", ["compare", Fixtures.scenario("tiny"), "--out", out])
        #expect(run.status == 64)
        #expect(
            run.standardError.hasPrefix(
                "--out \(out): holds the results of placement plan, which only plan replaces; choose another folder, "
                    + "or remove it first"), "\(run.standardError)")
        #expect(entries(out) == before)
        #expect(before.contains("plan.csv"))
    }

    @Test("--out naming the current folder, or one holding it, is refused and the folder kept", arguments: [".", ".."])
    func workingFolder(out: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // An earlier result set, which --out may otherwise replace.
        var earlier = OutputSet()
        earlier.add([("a.txt", "1")])
        try OutputFolder.write(earlier, to: directory.file("results"))
        try FileManager.default.createDirectory(
            atPath: directory.file("results/inner"), withIntermediateDirectories: false)
        let working = out == "." ? directory.file("results") : directory.file("results/inner")
        let run = try BuiltTool.run(
            "placement", ["compare", Fixtures.scenario("tiny"), "--out", out], workingDirectory: working)
        #expect(run.status != 0)
        #expect(run.standardError.contains("is the current folder or holds it"), "\(run.standardError)")
        #expect(entries(directory.file("results")) == [OutputFolder.markerName, "a.txt", "inner"])
    }

    @Test("Names that would leave the folder are refused, and nothing is written", arguments: ["..", ".", "a/b", ""])
    func unsafeNames(name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var set = OutputSet()
        set.add([("ok.txt", "1")])
        set.add([("x.txt", "2")], in: name)
        #expect(throws: OutputError.self) { try OutputFolder.write(set, to: directory.file("out")) }
        #expect(entries(directory.path).isEmpty)
    }

    @Test("Several sets are written all or nothing: a failure in the last leaves the first and new folders out")
    func severalSets() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var earlier = OutputSet()
        earlier.add([("a.txt", "old")])
        try OutputFolder.write(earlier, to: directory.file("first"))
        var first = OutputSet()
        first.add([("a.txt", "new")])
        var bad = OutputSet()
        bad.add([("x.txt", "2")], in: "..")
        #expect(throws: OutputError.self) {
            try OutputFolder.write([(first, directory.file("first")), (bad, directory.file("made/for/second"))])
        }
        // The first set is not put in place, no staging is left, and the folders made for the
        // second are gone.
        #expect(read(directory.file("first/a.txt")) == "old")
        #expect(entries(directory.path) == ["first"])
        var second = OutputSet()
        second.add([("b.txt", "2")])
        try OutputFolder.write([(first, directory.file("first")), (second, directory.file("made/for/second"))])
        #expect(read(directory.file("first/a.txt")) == "new")
        #expect(read(directory.file("made/for/second/b.txt")) == "2")
    }

    /// An interrupt while a set was staged in folders made for it left those folders, empty.
    @Test("An interrupt's clean-up removes the staging, then the folders made for it that it emptied")
    func interruptRemovesMadeFolders() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cleanup = InterruptCleanup()
        let made = [
            directory.file("made"), directory.file("made/for"), directory.file("kept"), directory.file("kept/b"),
        ]
        let staging = directory.file("made/for/.out.staging")
        let stagingBeside = directory.file("kept/b/.out.staging")
        for folder in [staging, stagingBeside] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "x".write(toFile: "\(folder)/partial.csv", atomically: false, encoding: .utf8)
        }
        // Something else has put a file in `kept` meanwhile: that folder stays, its empty child goes.
        try "y".write(toFile: directory.file("kept/other.txt"), atomically: false, encoding: .utf8)
        cleanup.locked {
            cleanup.registerMade(made)
            cleanup.register(staging)
            cleanup.register(stagingBeside)
        }
        cleanup.removeAllAndHold()
        #expect(entries(directory.path) == ["kept"])
        #expect(entries(directory.file("kept")) == ["other.txt"])
    }

    @Test("A finished write leaves no made folder registered: a later interrupt keeps the set")
    func finishedWriteUnregistersMadeFolders() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var set = OutputSet()
        set.add([("a.txt", "1")])
        try OutputFolder.write(set, to: directory.file("new/folder/out"))
        let registered = InterruptCleanup.shared.locked { InterruptCleanup.shared.madeFolders }
        #expect(!registered.contains { $0.hasPrefix(directory.path) })
    }

    @Test("What a killed run left is removed by the next; a running process's staging is kept")
    func staleTemporaries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A process id that cannot be running: above the kernel's maximum.
        let deadPID: Int32 = 2_000_000_000
        let stale = directory.file(".out.placement-\(deadPID)-abcdefABCDEF.staging")
        let staleFile = directory.file(".m.mps.placement-\(deadPID)-abcdefABCDE1.tmp")
        let live = directory.file(TemporaryName.make(for: "out", kind: .folder))
        for folder in [stale, live] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        }
        try "x".write(toFile: "\(stale)/partial.csv", atomically: false, encoding: .utf8)
        try "x".write(toFile: staleFile, atomically: false, encoding: .utf8)
        var set = OutputSet()
        set.add([("a.txt", "1")])
        try OutputFolder.write(set, to: directory.file("out"))
        #expect(entries(directory.path) == [(live as NSString).lastPathComponent, "out"])
    }

    @Test("Names from input become safe, distinct folder names inside the output")
    func outputNames() {
        #expect(
            OutputName.distinct(["../../escaped", "..", ".", "T1/.", "T1", "t1", "", "E08000003", "a\u{1B}b"])
                == ["_._.._escaped", "_.", "_", "T1_.", "T1", "t1-2", "_-2", "E08000003", "a_b"])
        #expect(OutputName.distinct(["index.html"], reserved: ["index.html"]) == ["index.html-2"])
    }
}
