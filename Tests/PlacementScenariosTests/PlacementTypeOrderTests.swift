import PlacementScenarios
import Testing

@Suite("Placement types")
struct PlacementTypeOrderTests {
    @Test("Each type's ordinal is its position in allCases, so order, equality and hashing agree")
    func ordinalIsPosition() {
        for (position, type) in PlacementType.allCases.enumerated() {
            #expect(type.ordinal == position, "\(type)")
        }
        let sorted = PlacementType.allCases.shuffled().sorted()
        #expect(sorted == PlacementType.allCases)
        #expect(Set(PlacementType.allCases.map(\.ordinal)).count == PlacementType.allCases.count)
    }
}
