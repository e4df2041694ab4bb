import Foundation
import PlacementScenarios
import Testing

@Suite("Number and CSV text")
struct NumberTextTests {
    @Test(
        "Pounds print for any value, however large, infinite or not a number",
        arguments: [
            (1234.4, "£1,234"), (-56.0, "-£56"), (-0.4, "£0"), (1e19, "£10,000,000,000,000,000,000"),
            (-1e19, "-£10,000,000,000,000,000,000"), (.infinity, "£∞"), (-.infinity, "-£∞"), (.nan, "–"),
        ])
    func pounds(value: Double, expected: String) {
        #expect(NumberText.pounds(value) == expected)
    }

    @Test("The largest Double prints all 309 digits, grouped")
    func largest() {
        let text = NumberText.grouped(Double.greatestFiniteMagnitude)
        #expect(text.filter(\.isNumber).count == 309)
        #expect(text.hasPrefix("179,769,313,486,231,570,"))
        #expect(NumberText.percent(.infinity) == "–")
        #expect(NumberText.decimal(.nan, places: 2).isEmpty)
    }

    @Test(
        "Text cells that spreadsheets would run as formulas get a leading quote",
        arguments: [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-1+2", "'-1+2"),
            ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("Manchester", "Manchester"), ("", ""),
            ("a=b", "a=b"),
        ])
    func spreadsheetText(text: String, expected: String) {
        #expect(CSVWriter.spreadsheetText(text) == expected)
    }
}
