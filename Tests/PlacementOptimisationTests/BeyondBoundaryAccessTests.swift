import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// A council's own places beyond a regional scenario's boundary stand where its children use them
/// today, at a distance known from that council alone: no other council's child is placed there,
/// whatever a mode pools.
///
/// Worked by hand: A and B, one co-operative, and Z, the places beyond the boundary, 12 miles from
/// both (2 within A, 30 between A and B). A has 1 foster child. An agency's foster place in A costs
/// 1,000 + 20 (miles) = £1,020. B's own carers in Z (1 place, £675) would cost 675 + 120 + 250 (out of
/// area) − 100 (the council preference) = £945, so regional and national pooling would choose them.
/// They are 12 miles from B's children, not from A's: every mode places the child with the agency,
/// at £1,020. A's own carers in Z are the child's council's: every mode places it there, at £945.
@Suite("A council's own places beyond the boundary are its own children's")
struct BeyondBoundaryAccessTests {
    static let a = AuthorityCode("T00000001")
    static let b = AuthorityCode("T00000002")
    static let beyond = AuthorityCode("T00000009")

    static func scenario(carersRunBy operating: AuthorityCode) -> Scenario {
        let authorities = [a, b, beyond].enumerated().map { index, code in
            Authority(
                id: code, name: ["A", "B", "beyond the boundary"][index], region: "Test",
                centroid: Coordinate(latitude: 53 + Double(index) * 0.4, longitude: -2), areaSquareKilometres: 50)
        }
        var distances: [AuthorityPair: Double] = [:]
        for from in [a, b, beyond] {
            for to in [a, b, beyond] {
                distances[AuthorityPair(from: from, to: to)] =
                    from == to ? 2 : (from == beyond || to == beyond ? 12 : 30)
            }
        }
        let providers = [
            Provider(
                id: "AGENCY", name: "An agency", sector: .private, authority: a,
                offers: [.foster: .init(places: 1, weeklyPrice: 1_000)]),
            Provider(
                id: "CARERS-BEYOND", name: "Council carers beyond the boundary", sector: .localAuthority,
                operatingAuthority: operating, authority: beyond, offers: [.foster: .init(places: 1, weeklyPrice: 675)]),
        ]
        var scenario = Scenario(
            name: "beyond", authorities: authorities,
            cooperatives: [Cooperative(id: "AB", name: "A and B", members: [a, b])],
            cohorts: [Cohort(id: "A-foster", homeAuthority: a, placementType: .foster, count: 1)],
            providers: providers, distanceOverrides: distances)
        scenario.marketBeyondBoundary = [beyond]
        return scenario
    }

    @Test("another council's carers there are not open to the child", arguments: CommissioningMode.allCases)
    func anotherCouncilsCarers(mode: CommissioningMode) throws {
        let result = try PlacementOptimiser.solve(Self.scenario(carersRunBy: Self.b), mode: mode).result
        #expect(result.decisions.map { $0.provider?.id } == ["AGENCY"])
        #expect(approximately(result.objective, 1_020))
    }

    @Test("the child's own council's carers there are", arguments: CommissioningMode.allCases)
    func ownCouncilsCarers(mode: CommissioningMode) throws {
        let result = try PlacementOptimiser.solve(Self.scenario(carersRunBy: Self.a), mode: mode).result
        #expect(result.decisions.map { $0.provider?.id } == ["CARERS-BEYOND"])
        #expect(approximately(result.objective, 945))
    }
}
