import Foundation
import PlacementCalibration

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
        var authorities: [AuthorityObject]
        var england: MeasuresObject

        init(_ comparison: FitComparison) {
            calibratedOn = comparison.calibratedOn
            predicted = comparison.predicted
            authorities = comparison.rows.map {
                AuthorityObject(code: $0.authority.id.rawValue, measures: MeasureMap($0.values))
            }
            england = MeasuresObject(measures: MeasureMap(comparison.england))
        }

        enum CodingKeys: String, CodingKey {
            case calibratedOn = "calibrated_on"
            case predicted, authorities, england
        }
    }

    struct AuthorityObject: Encodable {
        var code: String
        var measures: MeasureMap
    }

    struct MeasuresObject: Encodable {
        var measures: MeasureMap
    }

    struct MeasureMap: Encodable {
        var values: [FitMeasure: FitComparison.Value]

        init(_ values: [FitMeasure: FitComparison.Value]) { self.values = values }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            for measure in FitMeasure.headline {
                guard let value = values[measure] else { continue }
                try container.encode(ValueObject(value, measure: measure), forKey: JSONKey(measure.rawValue))
            }
        }
    }

    struct ValueObject: Encodable {
        var modelled: Double?
        var published: Double?
        var fitted: Bool

        init(_ value: FitComparison.Value, measure: FitMeasure) {
            let places = measure.isShare ? 6 : 2
            modelled = value.modelled.map { Self.rounded($0, places) }
            published = value.published.map { Self.rounded($0, places) }
            fitted = value.fitted
        }

        static func rounded(_ value: Double, _ places: Int) -> Double {
            let scale = pow(10, Double(places))
            return (value * scale).rounded() / scale
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: JSONKey.self)
            try container.encode(modelled, forKey: JSONKey("modelled"))
            try container.encode(published, forKey: JSONKey("published"))
            try container.encode(fitted, forKey: JSONKey("fitted"))
        }
    }
}
