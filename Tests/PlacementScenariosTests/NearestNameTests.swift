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
}
