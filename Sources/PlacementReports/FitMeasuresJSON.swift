import PlacementCalibration

/// Fit measures as the baseline's and the backtest's JSON write them: per authority `{"code",
/// "measures": {MEASURE: VALUE}}`, and England's `{"measures": {…}}`. Each JSON chooses its
/// measures and how a value is written.
enum FitMeasuresJSON {
    struct Authority<Value: Encodable>: Encodable {
        var code: String
        var measures: Measures<Value>
    }

    struct Total<Value: Encodable>: Encodable {
        var measures: Measures<Value>
    }

    /// The measures of `order` that have a value, keyed by the measure's name.
    struct Measures<Value: Encodable>: Encodable {
        var entries: [(measure: FitMeasure, value: Value)]

        init(
            _ values: [FitMeasure: FitComparison.Value], order: [FitMeasure],
            _ written: (FitMeasure, FitComparison.Value) -> Value
        ) {
            entries = order.compactMap { measure in values[measure].map { (measure, written(measure, $0)) } }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            for entry in entries { try container.encode(entry.value, forKey: JSONKey(entry.measure.rawValue)) }
        }
    }
}
