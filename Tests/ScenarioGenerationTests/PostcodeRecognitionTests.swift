import Testing

@testable import ScenarioGeneration

/// A placement authority given as a postcode is refused with that reason (the tool ships no postcode
/// directory); a trial's full postcode `SK4 1AA` had been told only "no authority".
@Suite("Postcodes in an authority column")
struct PostcodeRecognitionTests {
    @Test(
        "full postcodes and districts are recognised; names and GSS codes are not",
        arguments: [
            ("SK4 1AA", true), ("SK41AA", true), ("M1 1AE", true), ("SW1A 1AA", true), ("sk4 1aa", true),
            ("SK4", true), ("BS1", true), ("Stockport", false), ("Wales", false), ("E08000007", false),
            ("Bath", false), ("SK4 1A", false), ("SK4 1AAA", false),
        ])
    func recognised(text: String, isPostcode: Bool) {
        #expect(ChildRecords.looksLikePostcode(text) == isPostcode)
    }
}
