import PlacementScenarios

/// Each authority's forecast growth by placement type: a year's point forecast ÷ the origin year's
/// count (estimated where DfE suppresses it). `forecast --children-for` scales a scenario's cohorts
/// by it and `simulate`'s arrivals follow it, so that both agree with `forecast`.
public struct DemandGrowth: Sendable {
    /// factors[authority code][forecast type][year], each counted from the origin year's children
    private let factors: [String: [PlacementType: [Int: Double]]]

    /// Growth from a forecast already made (its origin and years).
    public init(forecast: DemandForecast, history: ForecastHistory) {
        let byCode = Dictionary(
            forecast.authorities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var factors: [String: [PlacementType: [Int: Double]]] = [:]
        for authority in history.authorities {
            guard let scope = byCode[authority.code] else { continue }
            factors[authority.code] = Self.factors(
                authority, origin: forecast.origin,
                forecasts: scope.years.map { year in
                    (year.year, year.series.mapValues(\.interval.forecast))
                })
        }
        self.init(factors: factors)
    }

    /// Growth from the product's point forecast fitted on `history`'s years up to `origin` (no
    /// intervals: a simulation needs only the central path), for each year to `lastYear`.
    public init(_ history: ForecastHistory, origin: Int, through lastYear: Int) {
        let steps = max(1, lastYear - origin)
        let point = PointForecast.make(
            history, origin: origin, steps: steps, settings: ForecastSettings(), method: .model)
        var factors: [String: [PlacementType: [Int: Double]]] = [:]
        for (index, authority) in history.authorities.enumerated() {
            factors[authority.code] = Self.factors(
                authority, origin: origin,
                forecasts: (0..<steps).map { step in
                    (origin + step + 1, point.values[index].mapValues { $0[step] })
                })
        }
        self.init(factors: factors)
    }

    private init(factors: [String: [PlacementType: [Int: Double]]]) {
        self.factors = factors
    }

    /// Whether the forecast has any figure for `authority`.
    public func covers(_ authority: String) -> Bool { !(factors[authority]?.isEmpty ?? true) }

    /// The growth to `year` of the forecast type that gathers a scenario cohort's `type`
    /// (``ForecastCategories/forecastType(of:)``); `nil` where the origin year has none of them or
    /// the forecast no figure.
    public func factor(_ authority: String, _ type: PlacementType, in year: Int) -> Double? {
        factors[authority]?[ForecastCategories.forecastType(of: type)]?[year]
    }

    private static func factors(
        _ authority: AuthorityHistory, origin: Int, forecasts: [(year: Int, values: [ForecastSeries: Double])]
    ) -> [PlacementType: [Int: Double]] {
        guard let base = TypeMixModel.latest(authority, origin) else { return [:] }
        var result: [PlacementType: [Int: Double]] = [:]
        for type in ForecastCategories.types {
            guard let baseCount = base.byType[type], baseCount > 0 else { continue }
            for (year, values) in forecasts {
                guard let target = values[.type(type)] else { continue }
                let growth = target / baseCount
                if growth.isFinite, growth >= 0 { result[type, default: [:]][year] = growth }
            }
        }
        return result
    }
}
