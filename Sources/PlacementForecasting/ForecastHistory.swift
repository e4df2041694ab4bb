import PlacementScenarios

/// The published figures a forecast is fitted on: per authority and year, children looked after
/// at 31 March by age band and placement type, children starting during the year by age band, and
/// unaccompanied asylum-seeking children (UASC). Suppressed cells are already estimated here
/// (`HistoryBuilder` says how); the published values are kept beside them for the backtest.
public struct ForecastHistory: Sendable {
    public var authorities: [AuthorityHistory]
    /// England's published figures (for the England check).
    public var england: [Int: PublishedYear]
    public var firstYear: Int
    public var lastYear: Int

    public init(authorities: [AuthorityHistory], england: [Int: PublishedYear], firstYear: Int, lastYear: Int) {
        self.authorities = authorities
        self.england = england
        self.firstYear = firstYear
        self.lastYear = lastYear
    }
}

/// One authority's history.
public struct AuthorityHistory: Sendable {
    public var code: String
    public var name: String
    public var region: String
    /// Children aged 0–17 (ONS mid-2024): the population entry rates are per.
    public var childPopulation: Double
    public var years: [Int: YearFigures]

    public init(code: String, name: String, region: String, childPopulation: Double, years: [Int: YearFigures]) {
        self.code = code
        self.name = name
        self.region = region
        self.childPopulation = childPopulation
        self.years = years
    }
}

/// One authority's figures for one year; `nil` where nothing was published or could be estimated.
public struct YearFigures: Sendable {
    /// Children looked after at 31 March (estimated where suppressed or reconstructed).
    public var total: Double?
    /// Children by age band at 31 March, adding up to `total`.
    public var stockByAge: [Double]?
    /// Children who started to be looked after during the year to 31 March, by age band on starting.
    public var startsByAge: [Double]?
    /// Children by forecast type at 31 March, adding up to `total`.
    public var byType: [PlacementType: Double]
    public var uasc: Double?
    public var uascStarts: Double?
    /// What DfE published (no estimate): the backtest compares with these only.
    public var published: PublishedYear

    public init(
        total: Double?, stockByAge: [Double]?, startsByAge: [Double]?, byType: [PlacementType: Double],
        uasc: Double?, uascStarts: Double?, published: PublishedYear
    ) {
        self.total = total
        self.stockByAge = stockByAge
        self.startsByAge = startsByAge
        self.byType = byType
        self.uasc = uasc
        self.uascStarts = uascStarts
        self.published = published
    }
}

/// Published counts at 31 March: `nil` when suppressed.
public struct PublishedYear: Sendable, Equatable {
    public var total: Int?
    public var byType: [PlacementType: Int]
    public var uasc: Int?

    public init(total: Int?, byType: [PlacementType: Int] = [:], uasc: Int? = nil) {
        self.total = total
        self.byType = byType
        self.uasc = uasc
    }

    /// The published figure of a series.
    public func value(_ series: ForecastSeries) -> Int? {
        switch series {
        case .total: total
        case .type(let type): byType[type]
        case .uasc: uasc
        }
    }
}
