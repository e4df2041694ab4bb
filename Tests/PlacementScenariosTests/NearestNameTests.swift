import PlacementScenarios
import Testing

@Suite("The nearest name suggested for a typo")
struct NearestNameTests {
    @Test("a near name is suggested; a code that shares nothing with any is not")
    func suggestions() {
        let codes = ["A3", "U1", "K2"]
        #expect(nearest(to: "U9", in: codes) == "U1")
        #expect(nearest(to: "X9", in: codes) == nil)
        #expect(nearest(to: "fostr", in: ["foster", "kinship"]) == "foster")
        #expect(nearest(to: "secure", in: ["secure_childrens_home", "foster"]) == "secure_childrens_home")
    }

    @Test("a code in the wrong letter case is that code, though another is as few edits away")
    func letterCase() {
        // 'c2' is one edit from 'c1' (listed first) and one from 'C2'.
        #expect(nearest(to: "c2", in: ["c1", "C2"]) == "C2")
        #expect(nearest(to: "e08000003", in: ["E08000002", "E08000003"]) == "E08000003")
    }

    @Test("a text far longer than every name suggests none, and its edit distance is never taken")
    func hugeText() {
        let huge = String(repeating: "x", count: 1_000_000)
        // At a million characters the edit distance against 150 names would take minutes.
        #expect(nearest(to: huge, in: (1...150).map { "E0800\($0)" }) == nil)
        #expect(nearest(to: "fosterr" + String(repeating: " ", count: 10), in: ["foster"]) == nil)
    }
}
