import Foundation
import PlacementCalibration
import PlacementReports
import PlacementScenarios
import Testing

/// The backtest's figures beside the replay: the straight-line trend as a second rival, and England's
/// share over 20 miles on DfE's denominator (children with a known distance) on both sides.
@Suite("Backtest rivals and England's denominators")
struct BacktestRivalsTests {
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    /// Hand-worked: through (2021, 0.50), (2022, 0.52), (2023, 0.57) the mean year is 2022, the mean
    /// 0.53, the slope (−1 × −0.03 + 0 + 1 × 0.04) ÷ 2 = 0.035, so 2024 is 0.53 + 2 × 0.035 = 0.60.
    /// One point is persistence; none is unknown.
    @Test func lineThroughPublishedYears() {
        #expect(
            Self.close(StraightLineTrend.value(at: 2024, through: [(2021, 0.50), (2022, 0.52), (2023, 0.57)]), 0.60))
        #expect(Self.close(StraightLineTrend.value(at: 2022, through: [(2021, 0.37)]), 0.37))
        #expect(StraightLineTrend.value(at: 2022, through: []) == nil)
    }

    /// The published figures of the two-authority replay (``TwoAuthorityReplay``): Westhaven's M2 is
    /// 80 of 100 in 2021, 66 of 110 in 2022 and 55 of 110 in 2023; Farport places all inside. 2022's
    /// distances: Westhaven 60 within 20 miles and 40 over (10 of its 110 with none recorded),
    /// Farport 20 and 6 (26 of 52). England's rows are the sums.
    static func published(_ year: Int) -> AsIsYear {
        let (westInside, westOutside, farport): (Int, Int, [PlacementGroup: Double]) =
            switch year {
            case 2022: (66, 44, [.foster: 44, .adoption: 8])
            default: (55, 55, [.foster: 20, .adoption: 8])
            }
        var west = TwoAuthorityReplay.figures([.foster: 110], inside: westInside, outside: westOutside)
        var far = TwoAuthorityReplay.figures(farport, inside: Int(farport.values.reduce(0, +)), outside: 0)
        if year == 2022 {
            (west.within20Miles, west.over20Miles) = (60, 40)
            (far.within20Miles, far.over20Miles) = (20, 6)
        }
        var england = PublishedPlacementFigures()
        england.total = (west.total ?? 0) + (far.total ?? 0)
        england.inside = (west.inside ?? 0) + (far.inside ?? 0)
        england.outside = (west.outside ?? 0) + (far.outside ?? 0)
        return AsIsYear(
            year: year, authorities: TwoAuthorityReplay.authorities, figures: [west, far],
            places: TwoAuthorityReplay.authorities.map { _ in ResidentialPlaces() }, england: england)
    }

    /// The replay of 2022 and 2023 compared with ``published(_:)``, the trend filled in. The drift to
    /// agency carers is off, so Westhaven's modelled M2 stays 0.8 (``StockFlowReplayTests``).
    static func comparisons() -> [FitComparison] {
        var assumptions = ReplayAssumptions()
        assumptions.inHouseFosterOddsDecline.value = 0
        let replay = StockFlowReplay.replay(
            origin: TwoAuthorityReplay.origin, inputs: TwoAuthorityReplay.inputs, assumptions: assumptions)
        var origin = TwoAuthorityReplay.origin
        var england = PublishedPlacementFigures()
        (england.inside, england.outside) = (130, 20)
        origin.england = england
        return StraightLineTrend.filled(
            replay.years.map {
                FitComparison(
                    allocation: $0.stock, calibratedOn: 2021, published: published($0.year), calibrationYear: origin)
            })
    }

    /// Westhaven's trend in 2022 is its 2021 figure (one year to fit, persistence), and in 2023 the line
    /// through 0.8 and 0.6: 0.4. England's 2023 line through 130/150 and 118/162. In 2023 the trend's
    /// error is |0.4 − 0.5| = 10 points against the replay's and persistence's |0.8 − 0.5| = 30
    /// (Farport none for all three): means over the two authorities 5, 15 and 15 points, the trend
    /// lowest, in the report's errors table beside persistence and in the JSON.
    @Test func trendBesidePersistence() throws {
        let comparisons = Self.comparisons()
        let west = { (year: Int) in comparisons[year - 2022].rows[0].values[.m2InAreaShare] }
        #expect(Self.close(west(2022)?.trend, 0.8))
        #expect(Self.close(west(2023)?.trend, 0.4))
        #expect(Self.close(comparisons[1].rows[1].values[.m2InAreaShare]?.trend, 1))
        let englandLine: Double = 2 * (118.0 / 162) - 130.0 / 150
        #expect(Self.close(comparisons[1].england[.m2InAreaShare]?.trend, englandLine))

        let replay = StockFlowReplay.replay(origin: TwoAuthorityReplay.origin, inputs: TwoAuthorityReplay.inputs)
        let report = BacktestReport(scenarioName: "two", replay: replay, comparisons: comparisons)
        let table = try #require(
            report.document.sections.flatMap(\.blocks).compactMap { block -> ReportTable? in
                if case .table(let table) = block, table.id == "errors" { return table }
                return nil
            }.first)
        let keys = table.columns.map(\.key)
        let row = try #require(
            table.rows.first { $0[0] == .text("2023") && $0[1] == .text(FitMeasure.m2InAreaShare.label) })
        func number(_ key: String) -> Double? {
            guard let column = keys.firstIndex(of: key), case .number(let value, _) = row[column] else { return nil }
            return value
        }
        #expect(number("authorities") == 2)
        #expect(Self.close(number("persistence_mae_points"), 15))
        #expect(Self.close(number("trend_mae_points"), 5))
        #expect(Self.close(number("model_mae_points"), 15, 1e-2))
        #expect(keys.firstIndex(of: "lowest").map { row[$0] } == .text("trend"))
        #expect(report.authoritiesTable.columns.map(\.key).contains("m2_in_area_share_trend"))
        // England closes each year's rows, as in the JSON: the CSV had the authorities alone.
        let codes = report.authoritiesTable.rows.map { $0[1] }
        #expect(codes.filter { $0 == .text("E92000001") }.count == comparisons.count)
        #expect(codes.last == .text("E92000001"))

        let json = BacktestJSON.render(origin: 2021, years: comparisons)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let years = try #require(object["years"] as? [[String: Any]])
        let authorities = try #require(years[1]["authorities"] as? [[String: Any]])
        let measures = try #require(authorities[0]["measures"] as? [String: [String: Any]])
        #expect(Self.close(measures["m2_in_area_share"]?["trend"] as? Double, 0.4, 1e-6))
        #expect(Self.close(measures["m2_in_area_share"]?["persistence"] as? Double, 0.8, 1e-6))
    }

    /// England's share over 20 miles in the comparison the backtest prints (the weighting itself is
    /// hand-worked in ``EnglandDenominatorTests``): in 2022 Westhaven publishes 100 children
    /// with a known distance of its 110 and Farport 26 of 52, so England's modelled share is theirs
    /// weighted 100 : 26, not 110 : 52 (Westhaven's outside placements are elsewhere, mostly over
    /// 20 miles; Farport's are all inside its small area, within 20).
    @Test func englandOver20MilesInTheBacktest() throws {
        let comparison = Self.comparisons()[0]
        let west = try #require(comparison.rows[0].values[.over20MilesShare]?.modelled)
        let farport = try #require(comparison.rows[1].values[.over20MilesShare]?.modelled)
        #expect(west > 0.05 && farport < 1e-6)
        let england = comparison.england[.over20MilesShare]?.modelled
        #expect(Self.close(england, (west * 100 + farport * 26) / 126, 1e-9))
        #expect(!Self.close(england, (west * 110 + farport * 52) / 162, 1e-3))
    }
}
