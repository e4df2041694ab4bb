import PlacementScenarios
import Testing

@testable import PlacementOptimisation
@testable import PlacementReports

/// A change printed beside two shares is the difference of the two as they print, rounded as the
/// printing rounds (`%.1f`: an exact tie to even).
@Suite("Changes of shares as printed")
struct PrintedShareChangeTests {
    @Test(
        "the change is the difference of the printed percentages",
        arguments: [
            // 3.749% and 3.451% print 3.7% and 3.5%: −0.2, where the unrounded −0.298 printed −0.3.
            (0.03749, 0.03451, "3.7%", "3.5%", "-0.2 pts"),
            (0.0372, 0.0348, "3.7%", "3.5%", "-0.2 pts"),
            // 5/16 = 31.25% prints 31.2% (a tie, to even): against 25.0%, +6.2 (half up gave +6.3).
            (0.25, 5.0 / 16, "25.0%", "31.2%", "+6.2 pts"),
            (0.5, 0.5, "50.0%", "50.0%", "0.0 pts"),
        ])
    func printedDifference(before: Double, after: Double, shownBefore: String, shownAfter: String, change: String) {
        #expect(ReportValue.share(before).display == shownBefore)
        #expect(ReportValue.share(after).display == shownAfter)
        #expect(ReportValue.shareChange(from: before, to: after).display == change)
    }

    @Test("CSV and JSON hold the exact difference, not the printed one")
    func exactForAnalysis() {
        // 49.3719% to 54.7250% prints 49.4% to 54.7%, +5.3 pts; the difference is 5.3531 points.
        let change = ReportValue.shareChange(from: 0.493719, to: 0.547250)
        #expect(change.display == "+5.3 pts")
        #expect(change.raw == "0.053531")
        #expect(change.rawNumber == 0.053531)
        #expect(ReportValue.shareChange(from: nil, to: 0.5).display == "–")
        #expect(ReportValue.shareChange(from: nil, to: 0.5).raw == "")
    }

    @Test("a distance's change beside two printed distances is their printed difference; CSV keeps it exact")
    func miles() {
        // 12.36 and 10.24 miles print 12.4 and 10.2: −2.2 (a trial read −2.1 beside them).
        #expect(ReportValue.miles(12.36).display == "12.4")
        #expect(ReportValue.miles(10.24).display == "10.2")
        let change = ReportValue.change(from: 12.36, to: 10.24, .milesChange)
        #expect(change.display == "-2.2")
        #expect(change.raw == "-2.120")
        #expect(ReportValue.change(from: nil, to: 10.24, .milesChange).display == "–")
        // Counts and pounds stay plain differences.
        #expect(ReportValue.change(from: 3, to: 5, .countChange).display == "+2")
    }
}

/// The comparison's table of who gains and who loses prints each change as the tables by authority
/// do, the difference of the printed figures: a trial read Salford's miles −2.3 there and −2.4 in the
/// table beside the two distances.
@Suite("Gainers and losers as printed")
struct GainersPrintedChangeTests {
    @Test("an authority's change in words is the difference of its printed figures")
    func summary() {
        var before = ScopeMetrics()
        var after = ScopeMetrics()
        // 52.34% to 63.46% print 52.3% and 63.5%: +11.2, where the exact 11.12 prints +11.1.
        before.m2InAreaShare = 0.5234
        after.m2InAreaShare = 0.6346
        // 7.44 to 5.16 miles print 7.4 and 5.2: 2.2 nearer, where the exact 2.28 prints 2.3.
        before.meanDistanceMiles = 7.44
        after.meanDistanceMiles = 5.16
        let change = AuthorityChange(id: AuthorityCode("E1"), name: "A", before: before, after: after)
        #expect(change.summary == "M2 +11.2 pts, 2.2 miles nearer")
        #expect(change.verdict == .gains)
    }
}

@Suite("As-is after shocks, nearer again")
struct NearerAgainTests {
    @Test("the children placed again count as nearer by half a point of M2 or of the share within 20 miles")
    func nearer() {
        var lost = ScopeMetrics()
        lost.m2InAreaShare = 0.535
        lost.within20MilesShare = 0.994
        var made = lost
        #expect(!AsIsComparison.nearerAgain(lost, made))
        made.m2InAreaShare = 0.539
        #expect(!AsIsComparison.nearerAgain(lost, made))
        made.m2InAreaShare = 0.658
        #expect(AsIsComparison.nearerAgain(lost, made))
        made.m2InAreaShare = 0.4
        made.within20MilesShare = 0.9999
        #expect(!AsIsComparison.nearerAgain(lost, made))
    }
}

@Suite("As-is after shocks, why nearer")
struct NearerWhyTests {
    /// A review: England's scenario, which has no market beyond a boundary, was told its places beyond
    /// the region's boundary stay full.
    @Test("the places beyond a boundary are named only where there are some")
    func clauses() {
        #expect(!AsIsComparison.nearerWhy(beyondBoundary: false).contains("boundary"))
        #expect(
            AsIsComparison.nearerWhy(beyondBoundary: true).contains(
                "while the places beyond the region's boundary stay as full as today"))
    }
}
