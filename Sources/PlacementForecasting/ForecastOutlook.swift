import PlacementReports
import PlacementScenarios

extension DemandForecast {
    /// A scope's forecast as a sufficiency report shows it: the published totals of the fitted
    /// years (the members' sum, `nil` when any member's is suppressed), then each forecast year's
    /// total and placement types with their 80% intervals, and the chart `forecast.html` draws.
    public func outlook(_ scope: ScopeForecast, history: ForecastHistory) -> DemandOutlook {
        let fitted = history.firstYear...origin
        let published = fitted.map { year in
            DemandOutlook.Year(
                year: year, published: history.publishedTotal(of: scope.members, year), total: nil, byType: [:])
        }
        func range(_ series: SeriesForecast?) -> DemandOutlook.Range? {
            series.map {
                DemandOutlook.Range(
                    forecast: $0.interval.forecast, lower80: $0.interval.lower80, upper80: $0.interval.upper80)
            }
        }
        let ahead = scope.years.map { year in
            var byType: [PlacementType: DemandOutlook.Range] = [:]
            for type in ForecastCategories.types { byType[type] = range(year.series[.type(type)]) }
            return DemandOutlook.Year(
                year: year.year, published: nil, total: range(year.series[.total]), byType: byType)
        }
        let chart = ForecastChart(
            title: "\(scope.name): children looked after",
            history: history.chartTotals(of: scope, years: fitted),
            forecast: scope.years.compactMap { year in year.series[.total].map { (year.year, $0.interval) } })
        var outlook = DemandOutlook(
            fittedYears: fitted, years: published + ahead, chart: chart.svg,
            typeMixPriorChildren: settings.sharePriorChildren)
        let latest = scope.members.map { code in history.authorities.first { $0.code == code }?.years[origin] }
        if latest.allSatisfy({ $0?.stockByAge?.count == AgeGroup.allCases.count }) {
            outlook.latestByAge = AgeGroup.allCases.indices.map { band in
                latest.reduce(0) { $0 + ($1?.stockByAge?[band] ?? 0) }
            }
        }
        let uasc = latest.map { $0?.published.uasc }
        if uasc.allSatisfy({ $0 != nil }) { outlook.latestUASC = uasc.reduce(0) { $0 + ($1 ?? 0) } }
        return outlook
    }
}

extension ForecastHistory {
    /// The totals a scope's chart draws before its forecast: England's published ones for England
    /// (a member whose total DfE suppresses, as the City of London's in 2025, would drop the year
    /// from a sum), else its members' (``totals(of:years:)``).
    func chartTotals(of scope: DemandForecast.ScopeForecast, years: ClosedRange<Int>) -> [(year: Int, value: Double)] {
        guard scope.code == OfficialTables.englandCode.rawValue else { return totals(of: scope.members, years: years) }
        return years.compactMap { year in england[year]?.total.map { (year, Double($0)) } }
    }

    /// The fitted totals (suppressed figures estimated) of a set of authorities, for the years where
    /// every member has one. A member with no total in a year (DfE suppresses the City of London's
    /// in 2025) counts its nearest year's, the earlier on a tie, so that a co-operative's chart keeps
    /// the year; a member with none in any year drops every year.
    func totals(of codes: [String], years: ClosedRange<Int>) -> [(year: Int, value: Double)] {
        let members = codes.map { code in authorities.first { $0.code == code } }
        func total(_ member: AuthorityHistory?, _ year: Int) -> Double? {
            guard let member else { return nil }
            if let total = member.years[year]?.total { return total }
            let known = member.years.filter { $0.value.total != nil }.keys
            guard let nearest = known.min(by: { (abs($0 - year), $0) < (abs($1 - year), $1) }) else { return nil }
            return member.years[nearest]?.total
        }
        return years.compactMap { year in
            let values = members.map { total($0, year) }
            guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
            return (year, values.reduce(0) { $0 + ($1 ?? 0) })
        }
    }

    /// The members' published total of a year; `nil` when any member's is suppressed or missing.
    func publishedTotal(of codes: [String], _ year: Int) -> Int? {
        let values = codes.map { code in authorities.first { $0.code == code }?.years[year]?.published.total }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else { return nil }
        return values.reduce(0) { $0 + ($1 ?? 0) }
    }
}
