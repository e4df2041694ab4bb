import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

/// Secure welfare places are allocated across England whoever commissions: another council's secure
/// home takes a council's child in every mode, where another council's ordinary home does not.
///
/// Worked by hand: A and B, in no co-operative, 30 miles apart (2 within each). A has 1 child needing
/// a secure children's home and 1 needing a children's home; B runs one of each (1 place, £8,500 and
/// £6,100), in B, and there is nothing else. The secure child is placed with B's secure home in every
/// mode, at 8,500 + 300 (30 miles × £10) + 250 (out of area) − 100 (a council's place) = £8,950. The
/// other child takes B's home only where B's places are open to A (`national`; A and B share no
/// co-operative): 6,100 + 300 + 250 − 100 = £6,550; otherwise it is unplaced, at the £100,000 penalty.
@Suite("Secure children's homes take any council's child in every mode")
struct SecureHomeAccessTests {
    static let a = TwoAuthorities.a
    static let b = TwoAuthorities.b

    static var scenario: Scenario {
        let authorities = TwoAuthorities.authorities(degreesNorth: 0.4)
        let distances = TwoAuthorities.distances(inside: 2, between: 30)
        return Scenario(
            name: "secure", authorities: authorities,
            cohorts: [
                Cohort(id: "A-secure", homeAuthority: a, placementType: .secureChildrensHome, count: 1),
                Cohort(id: "A-home", homeAuthority: a, placementType: .childrensHome, count: 1),
            ],
            providers: [
                Provider(
                    id: "B-SECURE", name: "B secure home", sector: .localAuthority, operatingAuthority: b,
                    authority: b, offers: [.secureChildrensHome: .init(places: 1, weeklyPrice: 8_500)]),
                Provider(
                    id: "B-HOME", name: "B home", sector: .localAuthority, operatingAuthority: b,
                    authority: b, offers: [.childrensHome: .init(places: 1, weeklyPrice: 6_100)]),
            ],
            distanceOverrides: distances)
    }

    @Test(arguments: CommissioningMode.allCases)
    func anotherCouncilsSecureHomeIsOpenInEveryMode(mode: CommissioningMode) throws {
        let result = try PlacementOptimiser.solve(Self.scenario, mode: mode).result
        let secure = try #require(result.decisions.first { $0.cohortIDs == ["A-secure"] })
        #expect(secure.provider?.id == "B-SECURE")
        let home = try #require(result.decisions.first { $0.cohortIDs == ["A-home"] })
        #expect(home.isPlaced == (mode == .national))
        #expect(approximately(result.objective, 8_950 + (mode == .national ? 6_550 : 100_000)))
    }
}
