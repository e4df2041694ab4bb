import PlacementScenarios

/// A way of forecasting: the product's model, or one of the simple alternatives it must beat.
public enum ForecastMethod: String, CaseIterable, Sendable {
    /// Age-band stock and flow, damped towards the last count; type mix shrunk to the region;
    /// UASC apart.
    case model
    /// The last fitted year's count carried forward.
    case persistence
    /// A least-squares straight line through the fitted years, extended (never below zero).
    case linearTrend = "linear_trend"
}

/// Point forecasts of every series for every authority (in history order) from one origin:
/// `values[authority][series]` holds one number per year ahead; a series with no fitted history
/// is absent.
struct PointForecast {
    var values: [[ForecastSeries: [Double]]]

    static func make(
        _ history: ForecastHistory, origin: Int, steps: Int, settings: ForecastSettings, method: ForecastMethod
    ) -> PointForecast {
        switch method {
        case .model: model(history, origin: origin, steps: steps, settings: settings)
        case .persistence, .linearTrend: simple(history, origin: origin, steps: steps, method: method)
        }
    }

    /// The fitted history of one series.
    static func observed(_ figures: YearFigures, _ series: ForecastSeries) -> Double? {
        switch series {
        case .total: figures.total
        case .type(let type): figures.total == nil ? nil : figures.byType[type]
        case .uasc: figures.uasc
        }
    }

    static func latest(_ authority: AuthorityHistory, _ series: ForecastSeries, origin: Int, from first: Int) -> Double?
    {
        for year in stride(from: origin, through: first, by: -1) {
            if let figures = authority.years[year], let value = observed(figures, series) { return value }
        }
        return nil
    }

    private static func model(
        _ history: ForecastHistory, origin: Int, steps: Int, settings: ForecastSettings
    ) -> PointForecast {
        let rates = StockFlowModel.fit(history, origin: origin, settings: settings)
        let shares = TypeMixModel.shares(history, origin: origin, steps: steps, settings: settings)
        let uasc = UASCModel.fit(history, origin: origin)
        var values: [[ForecastSeries: [Double]]] = []
        for (index, authority) in history.authorities.enumerated() {
            var result: [ForecastSeries: [Double]] = [:]
            guard let last = latest(authority, .total, origin: origin, from: history.firstYear) else {
                values.append(result)
                continue
            }
            var totals = Array(repeating: last, count: steps)
            if let stock = authority.years[origin]?.stockByAge {
                let projected = StockFlowModel.project(
                    stock: stock, rates: rates[index], children: authority.childPopulation, steps: steps)
                totals = projected.map { settings.stockFlowWeight * $0 + (1 - settings.stockFlowWeight) * last }
            }
            result[.total] = totals
            for type in ForecastCategories.types {
                result[.type(type)] = (0..<steps).map { step in totals[step] * (shares[index][step][type] ?? 0) }
            }
            if let lastUASC = latest(authority, .uasc, origin: origin, from: history.firstYear) {
                let projected =
                    uasc.project(authority, origin: origin, steps: steps) ?? Array(repeating: lastUASC, count: steps)
                result[.uasc] = projected.map {
                    settings.uascModelWeight * $0 + (1 - settings.uascModelWeight) * lastUASC
                }
            }
            values.append(result)
        }
        return PointForecast(values: values)
    }

    private static func simple(
        _ history: ForecastHistory, origin: Int, steps: Int, method: ForecastMethod
    ) -> PointForecast {
        PointForecast(
            values: history.authorities.map { authority in
                var result: [ForecastSeries: [Double]] = [:]
                for series in ForecastSeries.all {
                    let points = (history.firstYear...origin).compactMap { year in
                        authority.years[year].flatMap { observed($0, series) }.map { (Double(year), $0) }
                    }
                    guard let last = points.last else { continue }
                    guard method == .linearTrend, let line = StraightLine(points) else {
                        result[series] = Array(repeating: last.1, count: steps)
                        continue
                    }
                    result[series] = (1...steps).map { step in max(0, line.value(at: Double(origin + step))) }
                }
                return result
            })
    }
}
