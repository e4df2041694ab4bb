import Foundation
import Testing

@testable import PlacementReports

@Suite("JSON numbers")
struct ResultJSONTests {
    struct Figures: Encodable {
        var margin: Double
        var missing: Double

        enum CodingKeys: String, CodingKey { case margin, missing }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeNumber(margin, forKey: .margin)
            try container.encode(missing, forKey: .missing)
        }
    }

    @Test("Numbers JSON cannot hold never stop the program: null in result objects, a string elsewhere")
    func nonFinite() throws {
        let text = ResultJSON.encode(Figures(margin: 1e308 * 10, missing: .nan))
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["margin"] is NSNull)
        #expect(object?["missing"] as? String == "NaN")
    }
}
