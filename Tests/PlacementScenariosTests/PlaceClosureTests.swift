import PlacementScenarios
import Testing

/// Closures stack: each strikes what the ones before it left, and only the places they name.
@Suite struct PlaceClosureTests {
    static let closures = [
        PlaceClosure(sector: .private, placementType: .childrensHome, share: 0.2),
        PlaceClosure(sector: nil, placementType: nil, share: 0.5),
    ]

    @Test func closuresOfTheSameSectorAndTypeMultiply() {
        // 0.8 of private homes left by the first, half of that by the second.
        #expect(abs(PlaceClosure.openShare(of: .private, .childrensHome, after: Self.closures) - 0.4) < 1e-12)
    }

    @Test func aClosureStrikesOnlyTheSectorAndTypeItNames() {
        #expect(PlaceClosure.openShare(of: .voluntary, .childrensHome, after: Self.closures) == 0.5)
        #expect(PlaceClosure.openShare(of: .private, .foster, after: Self.closures) == 0.5)
        #expect(PlaceClosure.openShare(of: .private, .foster, after: [Self.closures[0]]) == 1)
    }

    @Test func aProviderNotReportedIsStruckOnlyByClosuresOfEverySector() {
        #expect(PlaceClosure.openShare(of: nil, .childrensHome, after: [Self.closures[0]]) == 1)
        #expect(PlaceClosure.openShare(of: nil, .childrensHome, after: Self.closures) == 0.5)
    }
}
