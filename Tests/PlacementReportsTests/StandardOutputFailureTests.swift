import Foundation
import TestSupport
import Testing

/// What the built tool does when its standard output cannot be written: a full disk, a closed stdout, a
/// pipe nobody reads. Each must end with exit 2 and the reason on stderr, never with success (output
/// silently lost) or death by SIGPIPE (141, which only interrupts' 130 and 143 may look like).
@Suite("Standard output that cannot be written")
struct StandardOutputFailureTests {
    private static let tiny = Fixtures.scenario("tiny")

    @Test(
        "stdout on a full disk exits 2 with the reason on stderr",
        arguments: [["validate", tiny], ["solve", tiny], ["compare", tiny, "--format", "json"], ["--help"]])
    func fullDisk(arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try BuiltTool.run("placement", arguments, standardOutput: full)
        #expect(run.status == 2)
        #expect(run.standardError.contains("cannot write to standard output: No space left on device"))
    }

    @Test(
        "stdout a pipe nobody reads exits 2 with one line on stderr, not 141 by SIGPIPE",
        arguments: [
            ["validate", tiny], ["compare", tiny, "--format", "csv"],
            ["forecast", "--data", "\(Fixtures.root)/data", "--format", "csv"],
        ])
    func closedPipe(arguments: [String]) throws {
        let run = try BuiltTool.run("placement", arguments, standardOutput: try Self.pipeWithNoReader())
        #expect(run.status == 2)
        #expect(run.standardError == "cannot write to standard output: Broken pipe\n")
    }

    @Test("stdout closed (>&-) exits 2 rather than success with the output lost")
    func closedStandardOutput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The shell closes descriptor 1 and then becomes the tool, which so starts without a stdout.
        process.arguments = [
            "-c", #"exec "$0" "$@" >&-"#, BuiltTool.productsDirectory.appendingPathComponent("placement").path,
            "compare", Self.tiny,
        ]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message.contains("cannot write to standard output: Bad file descriptor"))
    }

    @Test("a stderr nobody reads neither kills nor crashes the tool: an invalid scenario still exits 1")
    func closedStandardError() throws {
        let copy = try ScenarioCopy(of: "tiny")
        defer { copy.remove() }
        try copy.replace("providers.csv", "foster,2,600", with: "foster,three,600")
        let run = try BuiltTool.run("placement", ["validate", copy.path], standardError: try Self.pipeWithNoReader())
        #expect(run.status == 1)
        #expect(run.standardOutput.isEmpty)
    }

    @Test("--out's result set is written whole even when stdout then fails")
    func resultSetKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try BuiltTool.run("placement", ["solve", Self.tiny, "--out", out], standardOutput: full)
        #expect(run.status == 2)
        let json = try Data(contentsOf: URL(fileURLWithPath: "\(out)/regional.json"))
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
        #expect(FileManager.default.fileExists(atPath: "\(out)/regional.md"))
    }

    /// The write end of a pipe whose read end is closed before the tool starts, so that its first write
    /// meets a closed pipe whatever the timing.
    private static func pipeWithNoReader() throws -> FileHandle {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        return pipe.fileHandleForWriting
    }
}
