import Foundation
import TestSupport
import Testing

/// Progress goes to a terminal's stderr only: never into a pipe, never with --quiet.
/// `PLACEMENT_PROGRESS_DELAY=0` shows every step at once, so no step has to be slow.
@Suite("Progress on stderr")
struct ProgressTests {
    static let tiny = Fixtures.scenario("tiny")
    static let now = ["PLACEMENT_PROGRESS_DELAY": "0"]

    @Test("a terminal sees the modes being solved, and how long each took")
    func terminal() throws {
        let run = try PseudoTerminal.run(
            "placement", ["compare", Self.tiny, "--format", "csv"], environment: Self.now)
        #expect(run.status == 0)
        #expect(run.text.contains("loading \(Self.tiny)…"))
        #expect(run.text.contains("solving regional mode…"))
        // Modes solved side by side each still say how long they took.
        for mode in ["council", "council-coordinated", "regional", "national"] {
            #expect(run.text.contains("solving \(mode) mode: done in"), "\(mode)")
        }
        #expect(run.text.contains("council,total,,tiny"))
    }

    @Test(
        "draws and sufficiency reports are counted",
        arguments: [
            (["compare", tiny, "--draws", "3", "--format", "json"], "solving 3 draws…"),
            (["sufficiency", tiny, "--all", "--out", "OUT"], "building reports… 3 of 3"),
        ])
    func counted(arguments: [String], expected: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try PseudoTerminal.run(
            "placement", arguments.map { $0 == "OUT" ? directory.file("out") : $0 }, environment: Self.now)
        #expect(run.status == 0)
        #expect(run.text.contains(expected))
    }

    @Test("--quiet shows none on a terminal")
    func quiet() throws {
        let run = try PseudoTerminal.run(
            "placement", ["compare", Self.tiny, "--format", "csv", "--quiet"], environment: Self.now)
        #expect(run.status == 0)
        #expect(!run.text.contains("solving"))
        #expect(run.text.contains("council,total,,tiny"))
    }

    @Test("piped stderr stays clean")
    func piped() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["PLACEMENT_PROGRESS_DELAY"] = "0"
        let run = try BuiltTool.run("placement", ["compare", Self.tiny, "--format", "csv"], environment: environment)
        #expect(run.status == 0)
        #expect(run.standardError.isEmpty)
        #expect(!run.standardOutput.contains("solving"))
    }
}
