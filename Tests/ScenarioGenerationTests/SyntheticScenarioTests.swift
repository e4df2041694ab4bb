import Foundation
import PlacementScenarios
import ScenarioGeneration
import TestSupport
import Testing

@Suite("Synthetic scenarios")
struct SyntheticScenarioTests {
    @Test("the same seed gives the same scenario; another seed another")
    func reproducible() throws {
        let first = try ScenarioFiles(SyntheticScenarioBuilder.build(seed: 3, scale: 0.2))
        let again = try ScenarioFiles(SyntheticScenarioBuilder.build(seed: 3, scale: 0.2))
        let other = try ScenarioFiles(SyntheticScenarioBuilder.build(seed: 4, scale: 0.2))
        #expect(first.contents == again.contents)
        #expect(first.contents != other.contents)
    }

    @Test("calibrated to England: councils, children and placement shares scale with the size")
    func calibrated() throws {
        let scenario = SyntheticScenarioBuilder.build(seed: 1, scale: 2)
        #expect(scenario.authorities.count == 306)
        let children = Double(scenario.childCount)
        #expect(abs(children / (2 * 81_770) - 1) < 0.1)
        let foster = scenario.cohorts.filter { [.foster, .kinship].contains($0.placementType) }.reduce(0) {
            $0 + $1.count
        }
        #expect(abs(Double(foster) / children - 0.67) < 0.01)
        let homes = scenario.providers.filter { $0.offers[.childrensHome] != nil }.count
        #expect(abs(Double(homes) / (2 * 3_935) - 1) < 0.15)
        // It loads back as a valid scenario.
        let files = try ScenarioFiles(scenario)
        #expect(try ScenarioLoader.load(from: files.directory.path).scenario.childCount == scenario.childCount)
    }
}

/// A scenario written to a temporary folder, with its files' contents.
struct ScenarioFiles {
    let directory: TemporaryDirectory
    let contents: [String: String]

    init(_ scenario: Scenario) throws {
        directory = try TemporaryDirectory()
        try ScenarioWriter.write(scenario, to: directory.path)
        var contents: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            contents[file] = try String(contentsOfFile: directory.file(file), encoding: .utf8)
        }
        self.contents = contents
    }
}
