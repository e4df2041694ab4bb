import PlacementCalibration

/// The backtest as JSON, in the shape checks read (documented in the README):
/// `{"origin", "years": [{"year", "authorities": [{"code", "measures": {MEASURE: {"modelled",
/// "published", "persistence", "trend"}}}], "england": {"measures": {…}}}]}`. Shares are fractions;
/// `null` where a figure is unknown (published suppressed, or no origin-year figure for persistence;
/// no published figure from the origin to the year before for the trend, ``StraightLineTrend``).
public enum BacktestJSON {
    /// The four shares the backtest compares, in the order of the JSON.
    public static let measures: [FitMeasure] = [.m2InAreaShare, .over20MilesShare, .ownCouncilShare, .privateShare]

    public static func render(origin: Int, years: [FitComparison]) -> String {
        ResultJSON.encode(Document(origin: origin, years: years.map(YearObject.init)))
    }

    struct Document: Encodable {
        var origin: Int
        var years: [YearObject]
    }

    struct YearObject: Encodable {
        var year: Int
        var authorities: [FitMeasuresJSON.Authority<ValueObject>]
        var england: FitMeasuresJSON.Total<ValueObject>

        init(_ comparison: FitComparison) {
            year = comparison.predicted
            authorities = comparison.rows.map {
                FitMeasuresJSON.Authority(code: $0.authority.id.rawValue, measures: Self.measures($0.values))
            }
            england = FitMeasuresJSON.Total(measures: Self.measures(comparison.england))
        }

        static func measures(_ values: [FitMeasure: FitComparison.Value]) -> FitMeasuresJSON.Measures<ValueObject> {
            FitMeasuresJSON.Measures(values, order: BacktestJSON.measures) { ValueObject($1) }
        }
    }

    struct ValueObject: Encodable {
        var value: FitComparison.Value

        init(_ value: FitComparison.Value) { self.value = value }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            let round = { (x: Double) in BaselineJSON.ValueObject.rounded(x, 6) }
            try container.encode(value.modelled.map(round), forKey: JSONKey("modelled"))
            try container.encode(value.published.map(round), forKey: JSONKey("published"))
            try container.encode(value.persistence.map(round), forKey: JSONKey("persistence"))
            try container.encode(value.trend.map(round), forKey: JSONKey("trend"))
        }
    }
}
