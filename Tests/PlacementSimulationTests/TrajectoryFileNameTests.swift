import Foundation
import TestSupport
import Testing

/// `simulate --out`: the per-measure tables hold all of the scenario's children, whatever its area,
/// and are named so; the JSON keeps its shape.
@Suite("simulate --out file names")
struct TrajectoryFileNameTests {
    @Test("the all-children tables are named for what they hold, not for England")
    func namedForContents() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("out")
        let run = try PlacementProcess.run([
            "simulate", Fixtures.scenario("tiny"), "--to", "2026", "--modes", "regional", "--out", out,
        ])
        #expect(run.status == 0, "\(run.errors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.contains("trajectory-all-children-m2_in_area_share.csv"))
        #expect(!files.contains { $0.contains("england") })
        let json = try String(contentsOfFile: out + "/trajectory.json", encoding: .utf8)
        #expect(json.contains("\"england\""))
    }
}
