import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// Connected carers are a child's own relatives: a kinship child is placed only with its own
/// council's, whatever a mode pools.
///
/// Worked by hand: A and B, one co-operative, 30 miles apart (2 within each). A has 1 kinship child.
/// B's connected carers (1 place, £675) stand in A, 2 miles from the child; A's own (1 place, £675)
/// in B, 30 miles away. Pooling in-house places (regional, national) would put the child with B's at
/// 675 + 20 − 100 (the council preference) = £595 against A's at 675 + 300 + 250 − 100 = £1,125. They
/// are not the child's relatives: every mode places the child with A's, at £1,125. Without A's, the
/// child is unplaced, and the reason says why.
@Suite("Kinship children stay with their own council's connected carers")
struct KinshipAccessTests {
    static let a = TwoAuthorities.a
    static let b = TwoAuthorities.b

    static func scenario(withOwnCarers: Bool) -> Scenario {
        let authorities = TwoAuthorities.authorities(degreesNorth: 0.4)
        let distances = TwoAuthorities.distances(inside: 2, between: 30)
        var providers = [
            Provider(
                id: "B-KINSHIP", name: "B connected carers", sector: .localAuthority, operatingAuthority: b,
                authority: a, offers: [.kinship: .init(places: 1, weeklyPrice: 675)])
        ]
        if withOwnCarers {
            providers.append(
                Provider(
                    id: "A-KINSHIP", name: "A connected carers", sector: .localAuthority, operatingAuthority: a,
                    authority: b, offers: [.kinship: .init(places: 1, weeklyPrice: 675)]))
        }
        return Scenario(
            name: "kinship", authorities: authorities,
            cooperatives: [Cooperative(id: "AB", name: "A and B", members: [a, b])],
            cohorts: [Cohort(id: "A-kinship", homeAuthority: a, placementType: .kinship, count: 1)],
            providers: providers, distanceOverrides: distances)
    }

    @Test("with the council's own carers", arguments: CommissioningMode.allCases)
    func ownCarers(mode: CommissioningMode) throws {
        let result = try PlacementOptimiser.solve(Self.scenario(withOwnCarers: true), mode: mode).result
        #expect(result.decisions.map { $0.provider?.id } == ["A-KINSHIP"])
        #expect(approximately(result.objective, 1_125))
    }

    /// A's own carers 30 miles away, beyond a 20-mile kinship limit: the child is unplaced, and told
    /// why its own carers could not take it, not that B's are not its relatives.
    @Test("with the council's own carers too far", arguments: CommissioningMode.allCases)
    func ownCarersTooFar(mode: CommissioningMode) throws {
        var scenario = Self.scenario(withOwnCarers: true)
        scenario.policy.maximumDistanceMiles[.kinship] = 20
        let result = try PlacementOptimiser.solve(scenario, mode: mode).result
        let decision = try #require(result.decisions.first)
        #expect(!decision.isPlaced)
        #expect(decision.unplacedReason == "no suitable provider within 20 miles")
    }

    @Test("with only another council's carers", arguments: CommissioningMode.allCases)
    func anotherCouncilsCarers(mode: CommissioningMode) throws {
        let result = try PlacementOptimiser.solve(Self.scenario(withOwnCarers: false), mode: mode).result
        let decision = try #require(result.decisions.first)
        #expect(!decision.isPlaced)
        #expect(decision.unplacedReason?.contains("another council's are not the child's relatives") == true)
    }
}
