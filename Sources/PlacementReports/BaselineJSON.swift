import Foundation
import PlacementCalibration
import PlacementScenarios

/// The fit check as JSON, in the shape checks read (documented in the README):
/// `{"calibrated_on", "predicted", "authorities": [{"code", "measures": {MEASURE: {"modelled",
/// "published", "fitted"}}}], "england": {"measures": {…}}}`. Shares are fractions, the count of
/// other councils' children a number of children; `null` where a figure is unknown.
public enum BaselineJSON {
    public static func render(_ comparison: FitComparison) -> String {
        ResultJSON.encode(Document(comparison))
    }

    struct Document: Encodable {
        var calibratedOn: Int
        var predicted: Int
        var authorities: [FitMeasuresJSON.Authority<ValueObject>]
        var england: FitMeasuresJSON.Total<ValueObject>

        init(_ comparison: FitComparison) {
            calibratedOn = comparison.calibratedOn
            predicted = comparison.predicted
            let outOfSample = comparison.predicted != comparison.calibratedOn
            authorities = comparison.rows.map {
                FitMeasuresJSON.Authority(
                    code: $0.authority.id.rawValue, measures: Self.measures($0.values, outOfSample: outOfSample))
            }
            england = FitMeasuresJSON.Total(measures: Self.measures(comparison.england, outOfSample: outOfSample))
        }

        static func measures(
            _ values: [FitMeasure: FitComparison.Value], outOfSample: Bool
        ) -> FitMeasuresJSON.Measures<ValueObject> {
            FitMeasuresJSON.Measures(values, order: FitMeasure.headline) {
                ValueObject($1, measure: $0, outOfSample: outOfSample)
            }
        }

        enum CodingKeys: String, CodingKey {
            case calibratedOn = "calibrated_on"
            case predicted, authorities, england
        }
    }

    struct ValueObject: Encodable {
        var modelled: Double?
        var published: Double?
        var fitted: Bool
        /// Out of sample only: the calibration year's published figure (null where it is suppressed).
        var persistence: Double?
        var outOfSample: Bool

        init(_ value: FitComparison.Value, measure: FitMeasure, outOfSample: Bool) {
            self.outOfSample = outOfSample
            let places = measure.isShare ? 6 : 2
            modelled = value.modelled.map { Self.rounded($0, places) }
            published = value.published.map { Self.rounded($0, places) }
            fitted = value.fitted
            persistence = value.persistence.map { Self.rounded($0, places) }
        }

        /// Rounded as the CSV and Markdown print it, so the three agree on ties.
        static func rounded(_ value: Double, _ places: Int) -> Double {
            Double(NumberText.decimal(value, places: places)) ?? value
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(modelled, forKey: JSONKey("modelled"))
            try container.encode(published, forKey: JSONKey("published"))
            try container.encode(fitted, forKey: JSONKey("fitted"))
            if outOfSample { try container.encode(persistence, forKey: JSONKey("persistence")) }
        }
    }
}
