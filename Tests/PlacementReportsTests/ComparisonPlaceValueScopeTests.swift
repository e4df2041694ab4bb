import Foundation
import TestSupport
import Testing

/// A council's import lists every authority for its places but has children of one council only.
@Suite("compare's in-house place values")
struct ComparisonPlaceValueScopeTests {
    @Test("are of councils with children in the scenario, not of every authority it lists")
    func onlyCouncilsWithChildren() throws {
        let copy = try ScenarioCopy(of: "greater-manchester")
        defer { copy.remove() }
        // Manchester's children alone (E08000003); the other nine councils keep their places.
        let children = try copy.read("children.csv").split(separator: "\n", omittingEmptySubsequences: false)
        let kept = children.enumerated().filter { $0.offset == 0 || $0.element.contains(",E08000003,") }.map(\.element)
        try copy.write("children.csv", kept.joined(separator: "\n") + "\n")
        let out = copy.path + "-out"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try BuiltTool.run("placement", ["compare", copy.path, "--empty-market", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        let csv = try String(contentsOfFile: out + "/report-in-house-place-values.csv", encoding: .utf8)
        let names = Set(csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(names == ["Manchester"], "\(csv)")
    }
}
