import PlacementScenarios
import Testing

@testable import PlacementCalibration

/// The prior of children's homes: the provider prior is already the sectors' national split, so each
/// placement authority weighs in by its share of a sector's places, not by the places themselves.
@Suite("Residential prior")
struct ResidentialPriorTests {
    /// `tiny`'s authorities with private homes 20 times the voluntary ones' places, and a decay long
    /// enough that distance weighs nothing: a home's children's-home prior splits between private
    /// and voluntary as the provider prior does (0.76 to 0.05), whatever the places. Weighted by the
    /// places themselves it was 20 times that, so that small sectors (council homes) held a third of
    /// their national share.
    @Test func sectorsKeepTheProviderPriorsSplit() throws {
        var assumptions = CalibrationAssumptions()
        assumptions.decayMiles[.homes] = Assumption(1e12, range: 1...1e12, source: "test: no decay")
        let year = TinyAsIs.year
        let layout = CellLayout(authorities: year.authorities, assumptions: assumptions)
        let places = [
            ResidentialPlaces(registered: [.privateSector: 40, .voluntary: 2, .council: 6]),
            ResidentialPlaces(registered: [.privateSector: 60, .voluntary: 3]),
            ResidentialPlaces(registered: [.privateSector: 100, .voluntary: 5]),
        ]
        let prior = layout.prior(places: places, assumptions: assumptions)
        func inAuthorities(_ home: Int, _ provider: ProviderGroup) throws -> Double {
            let c = try #require(layout.combinations.firstIndex { $0.group == .homes && $0.provider == provider })
            var sum = 0.0
            for destination in 0..<layout.count {
                let base = layout.index(home: home, combination: c, destination: destination, band: 0)
                sum += prior[base] + prior[base + 1]
            }
            return sum
        }
        for home in 0..<layout.count {
            let ratio = try inAuthorities(home, .privateSector) / inAuthorities(home, .voluntary)
            #expect(abs(ratio / (0.76 / 0.05) - 1) < 1e-9, "home \(home): \(ratio)")
        }
    }
}
