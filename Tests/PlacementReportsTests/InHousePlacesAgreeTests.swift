import Foundation
import TestSupport
import Testing

/// The trial: Surrey's sufficiency report gave 27 in-house children's-home places in its demand table
/// and 31 in its shadow-price table (the 4 below the Ofsted floor counted in one and not the other).
/// Both now count the places that take new placements.
@Suite("In-house places agree across a sufficiency report's tables")
struct InHousePlacesAgreeTests {
    @Test("Surrey: every placement type's in-house places are the same in both tables")
    func surrey() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let out = folder.file("surrey")
        let run = try BuiltTool.run(
            "placement", ["sufficiency", Fixtures.scenario("south-east"), "--authority", "Surrey", "--out", out])
        #expect(run.status == 0, "\(run.standardError)")
        func rows(_ file: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: "\(out)/\(file)", encoding: .utf8).split(separator: "\n")
            let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return lines.dropFirst().map { line in
                Dictionary(
                    uniqueKeysWithValues: zip(
                        header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            }
        }
        let demand = Dictionary(
            try rows("sufficiency-demand-and-supply.csv").map { ($0["placement_type"] ?? "", $0["in_house_places"]) },
            uniquingKeysWith: { first, _ in first })
        let values = try rows("sufficiency-in-house-place-values.csv")
        #expect(values.contains { $0["placement_type"] == "Children's home" })
        for row in values {
            #expect(demand[row["placement_type"] ?? ""] == row["existing_places"], "\(row)")
        }
        // The 4 places below the floor are the demand table's own column, not among the in-house places.
        #expect(demand["Children's home"] == "28")
    }
}
