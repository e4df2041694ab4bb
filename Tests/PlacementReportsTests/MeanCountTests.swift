import PlacementReports
import Testing

/// A count averaged over draws reads to a tenth and is analysed to three decimals: the stress tables
/// had printed 197 beside a summary's 197.3, and their CSV and JSON held 197 for 197.333.
@Suite("Means of counts over draws")
struct MeanCountTests {
    @Test(
        "read to a tenth, whole where whole, grouped",
        arguments: [
            (197.333, "197.3", "197.333"), (1_334.8, "1,334.8", "1,334.800"), (1_334, "1,334", "1,334.000"),
            (-0.46, "-0.5", "-0.460"), (0.04, "0", "0.040"), (197.96, "198", "197.960"),
        ])
    func readAndAnalysed(value: Double, shown: String, analysed: String) {
        #expect(ReportValue.number(value, .meanCount).display == shown)
        #expect(ReportValue.number(value, .meanCount).raw == analysed.replacingOccurrences(of: ",", with: ""))
    }

    @Test("any double prints without trapping")
    func extremes() {
        #expect(ReportValue.number(.infinity, .meanCount).display == "∞")
        #expect(ReportValue.number(.nan, .meanCount).display == "–")
        #expect(ReportValue.number(1e300, .meanCount).display.hasPrefix("1,000,000"))
    }

    @Test("the draws' count measures use it")
    func drawCounts() {
        for measure in [DrawMeasure.unplaced, .placed, .children, .outOfArea, .over20Miles] {
            #expect(measure.style == .meanCount)
        }
    }
}
