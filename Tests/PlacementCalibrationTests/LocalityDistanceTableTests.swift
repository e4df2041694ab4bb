import Foundation
import PlacementScenarios
import Testing

@testable import PlacementCalibration

/// The joint table of distance and locality as targets, and the fitting meeting it.
@Suite("Distance by locality fitted from the joint table")
struct LocalityDistanceTableTests {
    /// Raking keeps the published odds ratio and meets both margins: the seed 40/10/20/30 (odds ratio
    /// 40·30 ÷ 10·20 = 6) raked to rows 60/40 and columns 50/50.
    @Test func rakingKeepsTheOddsRatio() throws {
        let table = try #require(
            LocalityDistanceTable.raked([40, 10, 20, 30], rows: [60, 40], columns: [50, 50]))
        #expect(abs(table[0] + table[1] - 60) < 1e-6)
        #expect(abs(table[2] + table[3] - 40) < 1e-6)
        #expect(abs(table[0] + table[2] - 50) < 1e-6)
        #expect(abs(table[0] * table[3] / (table[1] * table[2]) - 6) < 1e-6)
        // By hand: cells a b / c d with a + b = 60, a + c = 50, c + d = 40 give a = 60 − b,
        // c = b − 10, d = 50 − b, and a·d = 6·b·c: (60 − b)(50 − b) = 6b(b − 10), so
        // b² + 10b − 600 = 0 and b = 20: the table 40 20 / 10 30.
        #expect(abs(table[1] - 20) < 1e-6)
    }

    /// Zeros that leave no table with the margins give no target (the margins alone are fitted).
    @Test func impossibleZerosGiveNone() {
        #expect(LocalityDistanceTable.raked([10, 0, 0, 10], rows: [5, 15], columns: [10, 10]) == nil)
    }

    /// A suppressed cell is what its published distance band leaves when the band's other cell is
    /// published; a band with both cells suppressed is not guessed.
    @Test func suppressedCellsAreReadFromTheirBand() {
        var figures = PublishedPlacementFigures()
        figures.within20Miles = 50
        figures.over20Miles = 50
        figures.outsideWithin20Miles = 10
        figures.outsideOver20Miles = 45
        #expect(LocalityDistanceTable.seed(figures) == [40, 5, 10, 45])
        figures.insideWithin20Miles = 40
        figures.outsideOver20Miles = nil
        #expect(LocalityDistanceTable.seed(figures) == nil)
    }

    /// In an area too small for two of its points to be 20 miles apart, the published children
    /// inside and far count as near, and the margins are kept: as many outside move from near to far.
    @Test func smallAreaHasNoneInsideAndFar() throws {
        var figures = PublishedPlacementFigures()
        (figures.insideWithin20Miles, figures.insideOver20Miles) = (55, 5)
        (figures.outsideWithin20Miles, figures.outsideOver20Miles) = (10, 30)
        let targets = try #require(
            LocalityDistanceTable.targets(figures, sides: [60, 40], bands: [65, 35], insideCanBeFar: false))
        #expect(targets[1] == 0)
        #expect(abs(targets[0] - 60) < 1e-6)
        #expect(abs(targets[2] - 5) < 1e-6)
        #expect(abs(targets[3] - 35) < 1e-6)
    }

    /// Publishes `figures`' joint table of distance and locality and, as DfE does, its two margins.
    private static func publish(
        _ figures: inout PublishedPlacementFigures, inside: (near: Int, far: Int), outside: (near: Int, far: Int)
    ) {
        (figures.insideWithin20Miles, figures.insideOver20Miles) = (inside.near, inside.far)
        (figures.outsideWithin20Miles, figures.outsideOver20Miles) = (outside.near, outside.far)
        (figures.inside, figures.outside) = (inside.near + inside.far, outside.near + outside.far)
        (figures.within20Miles, figures.over20Miles) = (inside.near + outside.near, inside.far + outside.far)
    }

    /// A large authority (3,000 km², so its own pairs reach 39 miles apart) with the joint table
    /// published: the calibrated allocation meets its split of distance inside and outside, not only
    /// the two margins. Southvale (the second authority), so that its own pair is not the first.
    @Test func calibrationMeetsTheJointTable() {
        var year = TinyAsIs.year
        year.authorities[1].areaSquareKilometres = 3_000
        Self.publish(&year.figures[1], inside: (near: 4, far: 2), outside: (near: 1, far: 3))
        // Southvale's children placed outside are Northtown's imports (as Northtown's are Southvale's).
        year.figures[0].otherCouncilsChildrenInside = 4
        let baseline = AsIsBaseline.calibrate(year)
        let southvale = baseline.calibrated.measures[1]
        #expect(abs(southvale.inside - 6) < 0.01)
        #expect(abs(southvale.over20Miles - 5) < 0.01)
        #expect(abs(southvale.insideOver20Miles - 2) < 0.01)
        #expect(abs(southvale.outsideWithin20Miles - 1) < 0.01)
        #expect(baseline.calibrated.constrained?[1].contains(.insideOver20MilesShare) == true)
        #expect(baseline.calibrated.constrained?[0].contains(.insideOver20MilesShare) == false)
        // Predicting the same year from its inputs keeps the split: the factors carry it.
        let predicted = baseline.predict(year).measures[1]
        #expect(abs(predicted.insideOver20Miles - 2) < 0.01)
        #expect(baseline.over20MilesFactors[1].inside != nil)
        // Northtown (100 km²) has no two points 20 miles apart: no factor inside and far.
        #expect(baseline.over20MilesFactors[0].inside == nil)
    }

    /// Northtown is too small for a child inside and far: its published one counts as near, both
    /// margins are met, and one child outside moves from near to far (joint 4 1 / 2 3 raked to
    /// 5 0 / 1 4 with rows 5, 5 and columns 6, 4).
    @Test func smallAreaThroughTheCalibration() {
        var year = TinyAsIs.year
        Self.publish(&year.figures[0], inside: (near: 4, far: 1), outside: (near: 2, far: 3))
        let baseline = AsIsBaseline.calibrate(year)
        let northtown = baseline.calibrated.measures[0]
        #expect(abs(northtown.inside - 5) < 0.01)
        #expect(abs(northtown.over20Miles - 4) < 0.01)
        #expect(northtown.insideOver20Miles < 1e-6)
        #expect(abs(northtown.outsideWithin20Miles - 1) < 0.01)
        #expect(baseline.calibrated.constrained?[0].contains(.outsideWithin20MilesShare) == true)
    }

    /// DfE suppresses a locality (Derby 2025: inside and outside both `c`) that its joint table gives:
    /// outside is that side's cells with those of unknown distance (1 + 1 + 1), inside the rest of the
    /// locality's total (10 − 3); other councils' children placed inside, suppressed too, are the `LA
    /// of placement` total less the authority's own children inside (9 − 7).
    @Test func aSuppressedLocalityIsReadFromTheJointTable() throws {
        func row(_ group: String, _ characteristic: String, _ number: String) -> String {
            "2025,Local authority,T00000001,\(group),\"\(characteristic)\",\(number)"
        }
        let locality = "Locality of placement"
        let joint = "Distance between home and placement and locality of placement"
        let data = try TinyData(lookedAfterRows: [
            row(locality, "Placed inside the local authority boundary", "c"),
            row(locality, "Placed outside the local authority boundary", "c"), row(locality, "Total", "10"),
            row(joint, "1. Placed inside the LA boundary, 20 miles or less from home", "c"),
            row(joint, "3. Placed inside the LA boundary, more than 20 miles from home", "c"),
            row(joint, "2. Placed outside the LA boundary, 20 miles or less from home", "1"),
            row(joint, "4. Placed outside the LA boundary, more than 20 miles from home", "1"),
            row(joint, "6. Placed outside the LA boundary, distance not known or not recorded", "1"),
            row("LA of placement", "2. Other LA children externally placed within the local authority boundary", "c"),
            row("LA of placement", "1. Own LA children placed internally within the local authority boundary", "c"),
            row("LA of placement", "Total", "9"),
        ])
        defer { data.directory.remove() }
        let figures = try #require(
            try OfficialPlacementData.read(from: data.directory.path).figures[2025]?["T00000001"])
        #expect(figures.outside == 3)
        #expect(figures.inside == 7)
        #expect(figures.otherCouncilsChildrenInside == 2)
    }

    /// An authority where no child at all is placed (`LA of placement` total 0, its parts `z`, its
    /// locality suppressed: City of London 2022–2023) has none of other councils' children inside;
    /// before, that published 0 was read as unknown.
    @Test func noChildPlacedInsideMeansNoneOfOtherCouncils() throws {
        func row(_ characteristic: String, _ number: String) -> String {
            "2025,Local authority,T00000001,LA of placement,\"\(characteristic)\",\(number)"
        }
        let data = try TinyData(lookedAfterRows: [
            row("2. Other LA children externally placed within the local authority boundary", "z"),
            row("1. Own LA children placed internally within the local authority boundary", "z"),
            row("Total", "0"),
            "2025,Local authority,T00000001,Locality of placement,Placed inside the local authority boundary,c",
        ])
        defer { data.directory.remove() }
        let figures = try #require(
            try OfficialPlacementData.read(from: data.directory.path).figures[2025]?["T00000001"])
        #expect(figures.otherCouncilsChildrenInside == 0)
    }

    /// Children placed elsewhere (counted in no published import) include those of an authority whose
    /// outside count is suppressed but whose inside and total are published: Northtown's 10 − 6 = 4
    /// outside, less Southvale's 1 published import, leave 3 (a suppressed count read as none left 0).
    @Test func aSuppressedOutsideCountsInElsewhere() {
        var year = TinyAsIs.year
        year.figures[0].outside = nil
        year.figures[1].otherCouncilsChildrenInside = 1
        let layout = CellLayout(authorities: year.authorities, assumptions: CalibrationAssumptions())
        let targets = FittingTargets(calibrating: year, layout: layout)
        #expect(targets.imports[layout.elsewhere] == 3)
    }
}
