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
            LocalityDistanceTable.raked([40, 10, 20, 30], rows: [60, 40], columns: [50, 50])?.map { $0 ?? .nan })
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
    /// inside and far count as near: the targets still meet both margins.
    @Test func smallAreaHasNoneInsideAndFar() throws {
        var figures = PublishedPlacementFigures()
        (figures.insideWithin20Miles, figures.insideOver20Miles) = (55, 5)
        (figures.outsideWithin20Miles, figures.outsideOver20Miles) = (10, 30)
        let targets = try #require(
            LocalityDistanceTable.targets(figures, sides: [60, 40], bands: [65, 35], insideCanBeFar: false))
        #expect(targets[1] == 0)
        #expect(abs((targets[0] ?? 0) - 60) < 1e-6)
        #expect(abs((targets[3] ?? 0) - 35) < 1e-6)
    }

    /// A large authority (3,000 km², so its own pairs reach 39 miles apart) with the joint table
    /// published: the calibrated allocation meets its split of distance inside and outside, not
    /// only the two margins.
    @Test func calibrationMeetsTheJointTable() {
        var year = TinyAsIs.year
        year.authorities[0].areaSquareKilometres = 3_000
        year.figures[0].within20Miles = 5
        year.figures[0].over20Miles = 5
        (year.figures[0].insideWithin20Miles, year.figures[0].insideOver20Miles) = (4, 2)
        (year.figures[0].outsideWithin20Miles, year.figures[0].outsideOver20Miles) = (1, 3)
        let baseline = AsIsBaseline.calibrate(year)
        let northtown = baseline.calibrated.measures[0]
        #expect(abs(northtown.inside - 6) < 0.01)
        #expect(abs(northtown.over20Miles - 5) < 0.01)
        #expect(abs(northtown.insideOver20Miles - 2) < 0.01)
        #expect(abs(northtown.outsideWithin20Miles - 1) < 0.01)
        // Predicting the same year from its inputs keeps the split: the factors carry it.
        let predicted = baseline.predict(year).measures[0]
        #expect(abs(predicted.insideOver20Miles - 2) < 0.01)
    }
}
