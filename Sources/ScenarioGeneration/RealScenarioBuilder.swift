import Foundation
import OutputFiles
import PlacementScenarios

/// A scenario built by the generator, with the notes that go beside its tables.
public struct GeneratedScenario: Sendable {
    /// The folder name under `Fixtures/scenarios/`.
    public var folder: String
    public var scenario: Scenario
    public var extraFiles: [(name: String, text: String)]

    /// The scenario's folder under `parent`.
    public func folder(in parent: String) -> String { (parent as NSString).appendingPathComponent(folder) }

    public func write(into parent: String) throws(OutputError) {
        try ScenarioWriter.write(scenario, to: folder(in: parent), extraFiles: extraFiles)
    }
}

/// Builds `england-2025`, `greater-manchester` and `south-east` from the official data: DfE's
/// children looked after by authority, Ofsted's register, and the authorities' centroids and areas.
public enum RealScenarioBuilder {
    /// The scenarios' names, which are their folders: England's, Greater Manchester's, the South East's.
    public static let englandName = "england-2025"
    public static let greaterManchesterName = "greater-manchester"
    public static let southEastName = "south-east"
    public static let folders = [englandName, greaterManchesterName, southEastName]

    public static let greaterManchester = (1...10).map { AuthorityCode(rawValue: String(format: "E080000%02d", $0)) }
    /// Hampshire, Kent and Slough: South East councils outside Home and Future.
    public static let southEastNonMembers: Set<AuthorityCode> = ["E10000014", "E10000016", "E06000039"]

    public static func build(from dataDirectory: String) throws(ScenarioError) -> [GeneratedScenario] {
        let data = try OfficialData.read(from: dataDirectory)
        let england = EnglandModel(data)
        let gmMembers = Set(greaterManchester)
        let southEast = england.scenario.authorities.filter { $0.region == "South East" }.map(\.id)
        let gm = england.subset(
            name: greaterManchesterName,
            description: "Greater Manchester's 10 councils as one regional care co-operative (pathfinder from "
                + "April 2025), with their 2025 demand and every provider the Ofsted register locates in them.",
            authorities: gmMembers, cooperatives: england.scenario.cooperatives.filter { $0.id == "greater-manchester" }
        )
        let se = england.subset(
            name: southEastName,
            description: "The South East's 19 councils: Home and Future (15 members and the Isle of Wight) as a "
                + "co-operative; Hampshire, Kent and Slough outside it.",
            authorities: Set(southEast),
            cooperatives: england.scenario.cooperatives.filter { $0.id == "home-and-future" })
        return [england.generated(england.scenario), england.generated(gm), england.generated(se)]
    }
}
