import PlacementCalibration
import TestSupport
import Testing

/// The published own-council and private shares are of children in commissioned provision: the
/// providers' total less parents and provider not reported. DfE suppresses small counts (`c`); a
/// suppressed count is unknown, never none.
@Suite("Official provider figures")
struct PublishedProviderShareTests {
    static let parents = "Parents or other person with parental responsibility"
    static let notReported = "Placement provider not reported"

    static func figures(_ rows: [String]) throws -> PublishedPlacementFigures {
        let data = try TinyData(lookedAfterRows: rows)
        defer { data.directory.remove() }
        return try #require(try OfficialPlacementData.read(from: data.directory.path).figures[2025]?["T00000001"])
    }

    static func row(_ group: String, _ characteristic: String, _ number: String) -> String {
        "2025,Local authority,T00000001,\(group),\"\(characteristic)\",\(number)"
    }

    /// Northtown: 10 children, 5 in its own provision. With parents and not reported published (0 and
    /// 2), 8 are commissioned.
    @Test func publishedCountsGiveTheDenominator() throws {
        let figures = try Self.figures([
            Self.row("Place providers", Self.parents, "0"), Self.row("Place providers", Self.notReported, "2"),
        ])
        #expect(figures.commissioned == 8)
        #expect(figures.providerShare(.ownCouncil) == 5.0 / 8)
    }

    /// Parents suppressed in the provider table: the placement table's children placed with parents
    /// (2) are the same children, so 10 − 2 − 0 = 8 are commissioned, not 10.
    @Test func suppressedParentsAreReadFromThePlacementTable() throws {
        let figures = try Self.figures([
            Self.row("Place providers", Self.parents, "c"), Self.row("Place providers", Self.notReported, "0"),
            Self.row("Placement", "Placed with parents or other person with parental responsibility", "2"),
        ])
        #expect(figures.providers[.parents] == 2)
        #expect(figures.commissioned == 8)
        #expect(figures.providerShare(.ownCouncil) == 5.0 / 8)
    }

    /// Suppressed in both tables: the denominator is unknown, so the shares are too (they were 5 of 10
    /// when a suppressed count was read as none, below any share DfE's counts allow).
    @Test func suppressedInBothTablesIsUnknown() throws {
        let figures = try Self.figures([
            Self.row("Place providers", Self.parents, "c"), Self.row("Place providers", Self.notReported, "0"),
            Self.row("Placement", "Placed with parents or other person with parental responsibility", "c"),
        ])
        #expect(figures.commissioned == nil)
        #expect(figures.providerShare(.ownCouncil) == nil)
        #expect(figures.providerShare(.privateSector) == nil)
    }

    /// Every commissioned provider published: their sum is the denominator, whatever the others.
    @Test func everyCommissionedProviderPublishedGivesTheSum() throws {
        let figures = try Self.figures([
            Self.row("Place providers", Self.parents, "c"),
            Self.row("Place providers", "Other LA provision", "0"),
            Self.row("Place providers", "Voluntary/third sector provision", "1"),
            Self.row("Place providers", "Other public provision (e.g. by a PCT etc)", "0"),
        ])
        // Own 5 and private 5 (TinyData) with voluntary 1.
        #expect(figures.commissioned == 11)
    }

    /// In sample, a figure DfE suppresses was no constraint: it is not marked fitted.
    @Test func aSuppressedFigureIsNotMarkedFitted() throws {
        let data = try TinyData(lookedAfterRows: [
            Self.row("Place providers", Self.parents, "c"), Self.row("Place providers", Self.notReported, "0"),
            Self.row("Place providers", "Other LA provision", "0"),
            Self.row("Place providers", "Voluntary/third sector provision", "0"),
            Self.row("Place providers", "Other public provision (e.g. by a PCT etc)", "c"),
        ])
        defer { data.directory.remove() }
        let year = try #require(try OfficialPlacementData.read(from: data.directory.path).year(2025))
        let baseline = AsIsBaseline.calibrate(year)
        let comparison = FitComparison(
            allocation: baseline.calibrated, calibratedOn: 2025, published: year, calibrationYear: nil)
        let northtown = try #require(comparison.rows.first { $0.authority.id == "T00000001" })
        #expect(northtown.values[.ownCouncilShare]?.published == nil)
        #expect(northtown.values[.ownCouncilShare]?.fitted == false)
        #expect(northtown.values[.m2InAreaShare]?.fitted == true)
    }
}
