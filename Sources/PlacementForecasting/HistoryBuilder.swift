import PlacementScenarios
import ScenarioGeneration

/// Builds a `ForecastHistory` from DfE's published tables.
///
/// - A suppressed part of a table (an age band, a placement category) is estimated as the children
///   the published parts leave of the authority's total, shared in the proportions the region's
///   published cells of those parts hold that year. Never zero.
/// - Two authorities were reorganised: Cumbria (E10000006) became Cumberland (E06000063) and
///   Westmorland and Furness (E06000064) in April 2023, and Northamptonshire (E10000021) became North
///   (E06000061) and West (E06000062) Northamptonshire in April 2021. DfE publishes the successors as
///   `z` before their first year and no figures under the old codes in these tables. For those years
///   the old county's figure is the region's published figure less its other authorities' published
///   figures, and is shared between the successors by their children aged 0–17 (ONS mid-2024). The
///   successors' own later shares are not used, so a backtest uses nothing after its fitting years.
///   These estimates are never counted as published.
public enum HistoryBuilder {
    static let stockGroup = "Age group"
    static let startsGroup = "Started during the year: age on starting"
    static let placementGroup = "Placement"
    static let uascGroup = "Unaccompanied asylum-seeking children"
    static let uascStartsGroup = "Started during the year: UASC"

    /// The retired county a successor authority's early figures are a share of, if it is one.
    static func predecessor(of code: String) -> RetiredCounty? {
        guard let county = RetiredCounties.county(succeededBy: code) else { return nil }
        return RetiredCounty(code: county, name: RetiredCounties.names[county] ?? county)
    }

    /// The history of the years up to the last the stock table publishes (the origin), from the first
    /// of their unbroken run: a year missing before it would read as a year of no children, and its
    /// one-year errors would widen every interval. Or why the tables cannot be forecast from
    /// (``ForecastYears``).
    public static func build(_ data: OfficialData) throws(ForecastDataError) -> ForecastHistory {
        let origin = try ForecastYears.origin(data)
        let published = Set(data.stockYears)
        var first = origin
        while published.contains(first - 1) { first -= 1 }
        let years = first...origin
        let context = Context(data: data)
        var authorities: [AuthorityHistory] = []
        for authority in data.authorities {
            var figures: [Int: YearFigures] = [:]
            for year in years { figures[year] = context.figures(authority, year) }
            authorities.append(
                AuthorityHistory(
                    code: authority.code, name: authority.name, region: authority.region,
                    childPopulation: Double(authority.children ?? 0), years: figures))
        }
        var england: [Int: PublishedYear] = [:]
        for year in years {
            england[year] = context.published(OfficialData.england, year)
        }
        return ForecastHistory(
            authorities: authorities, england: england, firstYear: years.lowerBound, lastYear: years.upperBound)
    }

    private struct Context {
        let data: OfficialData
        let regionOf: [String: String]
        let membersOf: [String: [String]]
        let siblingOf: [String: String]
        let population: [String: Double]

        init(data: OfficialData) {
            self.data = data
            regionOf = Dictionary(data.authorities.map { ($0.code, $0.region) }, uniquingKeysWith: { a, _ in a })
            membersOf = Dictionary(grouping: data.authorities, by: \.region).mapValues { $0.map(\.code) }
            var siblings: [String: String] = [:]
            for pair in RetiredCounties.successors.values where pair.count == 2 {
                siblings[pair[0]] = pair[1]
                siblings[pair[1]] = pair[0]
            }
            siblingOf = siblings
            population = Dictionary(
                data.authorities.map { ($0.code, Double($0.children ?? 0)) }, uniquingKeysWith: { a, _ in a })
        }

        /// A published count, or for a successor authority before it existed, its share of the
        /// retired county's figure (see the type's comment).
        func value(_ code: String, _ year: Int, _ group: String, _ characteristic: String) -> Double? {
            let cell = data.cell(year, code, group, characteristic)
            if let value = cell?.value { return Double(value) }
            guard cell == .suppressed("z"), let sibling = siblingOf[code],
                data.cell(year, sibling, group, characteristic) == .suppressed("z"),
                let region = regionOf[code],
                let regional = data.cell(year, OfficialData.regionKey(region), group, characteristic)?.value
            else { return nil }
            let others = (membersOf[region] ?? []).filter { $0 != code && $0 != sibling }
                .reduce(0) { $0 + (data.cell(year, $1, group, characteristic)?.value ?? 0) }
            let own = population[code] ?? 0
            let both = own + (population[sibling] ?? 0)
            guard both > 0 else { return nil }
            return max(0, Double(regional - others)) * own / both
        }

        /// A suppressed count of unaccompanied children (DfE hides small ones): England's count less
        /// every known authority's, shared among the suppressed by their children looked after. Nil
        /// where England's is not published.
        func suppressedUASC(_ code: String, _ year: Int) -> Double? {
            let group = HistoryBuilder.uascGroup
            guard data.cell(year, code, group, "UASC") != nil,
                let england = data.cell(year, OfficialData.england, group, "UASC")?.value
            else { return nil }
            var published = 0.0
            var suppressedChildren = 0.0
            for authority in data.authorities {
                // A successor's share of its retired county's count is known, as published ones are.
                if let count = value(authority.code, year, group, "UASC") {
                    published += count
                } else if data.cell(year, authority.code, group, "UASC") != nil {
                    suppressedChildren += value(authority.code, year, group, "Total") ?? 0
                }
            }
            let own = value(code, year, group, "Total") ?? 0
            guard suppressedChildren > 0 else { return nil }
            return max(0, Double(england) - published) * own / suppressedChildren
        }

        /// Each part of a table whose parts add up to `total`, suppressed parts estimated.
        func parts(
            _ code: String, _ year: Int, _ group: String, _ characteristics: [String], total: Double?
        ) -> [Double]? {
            guard let total else { return nil }
            let known = characteristics.map { value(code, year, group, $0) }
            let missing = known.indices.filter { known[$0] == nil }
            if missing.isEmpty { return known.map { $0 ?? 0 } }
            let rest = max(0, total - known.compactMap { $0 }.reduce(0, +))
            let region = regionOf[code] ?? ""
            let weights = missing.map { index in
                (membersOf[region] ?? []).reduce(0.0) {
                    $0 + Double(data.cell(year, $1, group, characteristics[index])?.value ?? 0)
                }
            }
            let weightSum = weights.reduce(0, +)
            var result = known.map { $0 ?? 0 }
            for (position, index) in missing.enumerated() {
                result[index] =
                    weightSum > 0 ? rest * weights[position] / weightSum : rest / Double(missing.count)
            }
            return result
        }

        func figures(_ authority: OfficialData.Authority, _ year: Int) -> YearFigures {
            let code = authority.code
            let total = value(code, year, HistoryBuilder.placementGroup, "Total")
            let stock = parts(
                code, year, HistoryBuilder.stockGroup, AgeGroup.allCases.map(\.characteristic), total: total)
            let starts = parts(
                code, year, HistoryBuilder.startsGroup, AgeGroup.allCases.map(\.characteristic),
                total: value(code, year, HistoryBuilder.startsGroup, "Total"))
            let categories = ForecastCategories.types.flatMap(ForecastCategories.dfeCategories)
            let categoryCounts = parts(code, year, HistoryBuilder.placementGroup, categories, total: total)
            var byType: [PlacementType: Double] = [:]
            if let categoryCounts {
                let countOf = Dictionary(zip(categories, categoryCounts), uniquingKeysWith: +)
                for type in ForecastCategories.types {
                    byType[type] = ForecastCategories.dfeCategories(type).reduce(0) { $0 + (countOf[$1] ?? 0) }
                }
            }
            return YearFigures(
                total: total, stockByAge: stock, startsByAge: starts, byType: byType,
                // An estimate of suppressed unaccompanied children is at most all the authority's children.
                uasc: value(code, year, HistoryBuilder.uascGroup, "UASC")
                    ?? suppressedUASC(code, year).map { estimate in total.map { min(estimate, $0) } ?? estimate },
                uascStarts: value(code, year, HistoryBuilder.uascStartsGroup, "Unaccompanied asylum-seeking children"),
                published: published(code, year))
        }

        func published(_ code: String, _ year: Int) -> PublishedYear {
            var byType: [PlacementType: Int] = [:]
            for type in ForecastCategories.types {
                let cells = ForecastCategories.dfeCategories(type).map {
                    data.cell(year, code, HistoryBuilder.placementGroup, $0)?.value
                }
                if cells.allSatisfy({ $0 != nil }) { byType[type] = cells.reduce(0) { $0 + ($1 ?? 0) } }
            }
            return PublishedYear(
                total: data.cell(year, code, HistoryBuilder.placementGroup, "Total")?.value, byType: byType,
                uasc: data.cell(year, code, HistoryBuilder.uascGroup, "UASC")?.value)
        }
    }
}

/// A county split into successor authorities, whose figures DfE publishes under neither its code
/// nor theirs before the split.
public struct RetiredCounty: Sendable, Equatable {
    public var code: String
    public var name: String
}
