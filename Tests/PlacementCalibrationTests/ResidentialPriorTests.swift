import PlacementScenarios
import Testing

@testable import PlacementCalibration

/// The prior of children's homes: the provider prior is already the sectors' national split, so each
/// placement authority weighs in by its share of a sector's places, not by the places themselves;
/// a council's own homes, in its own area, by its places over the average authority's.
@Suite("Residential prior")
struct ResidentialPriorTests {
    /// `tiny`'s three authorities, a decay long enough that distance weighs nothing, and every
    /// home's children's-home prior summed over the authorities for one provider.
    static func sums(_ places: [ResidentialPlaces]) throws -> (
        layout: CellLayout, sum: (Int, ProviderGroup) throws -> Double
    ) {
        var assumptions = CalibrationAssumptions()
        assumptions.decayMiles[.homes] = Assumption(1e12, range: 1...1e12, source: "test: no decay")
        let layout = CellLayout(authorities: TinyAsIs.year.authorities, assumptions: assumptions)
        let prior = layout.prior(places: places, assumptions: assumptions)
        func sum(_ home: Int, _ provider: ProviderGroup) throws -> Double {
            let c = try #require(layout.combinations.firstIndex { $0.group == .homes && $0.provider == provider })
            var total = 0.0
            for destination in 0..<layout.count {
                let base = layout.index(home: home, combination: c, destination: destination, band: 0)
                total += prior[base] + prior[base + 1]
            }
            return total
        }
        return (layout, sum)
    }

    /// Private homes 20 times the voluntary ones' places: a home's prior splits between private and
    /// voluntary as the provider prior does (0.76 to 0.05), whatever the places. Weighted by the
    /// places themselves it was 20 times that, so that small sectors held a fraction of their share.
    @Test func sectorsKeepTheProviderPriorsSplit() throws {
        let (layout, sum) = try Self.sums([
            ResidentialPlaces(registered: [.privateSector: 40, .voluntary: 2, .council: 6]),
            ResidentialPlaces(registered: [.privateSector: 60, .voluntary: 3]),
            ResidentialPlaces(registered: [.privateSector: 100, .voluntary: 5]),
        ])
        for home in 0..<layout.count {
            let ratio = try sum(home, .privateSector) / sum(home, .voluntary)
            #expect(abs(ratio / (0.76 / 0.05) - 1) < 1e-9, "home \(home): \(ratio)")
        }
    }

    /// Every council with the same places (so each the average authority's): a home's own council's
    /// homes against private ones as the provider prior's 0.14 to 0.76, less the floor's share of the
    /// council places (the own council's floor stands in every other authority, at the same weight).
    /// Divided by England's council places, as the other sectors are, own homes had a third of that.
    @Test func ownCouncilHomesKeepTheirShare() throws {
        let council = 10.0
        let places = (0..<3).map { _ in
            ResidentialPlaces(registered: [.privateSector: 50, .council: council])
        }
        let (layout, sum) = try Self.sums(places)
        let assumptions = CalibrationAssumptions()
        let usable = council * assumptions.occupancy.value + assumptions.residentialPlaceFloor.value
        // In its own area the average authority's places (1), and the floor in each of the others.
        let own = 1 + Double(layout.count - 1) * assumptions.residentialPlaceFloor.value / usable
        for home in 0..<layout.count {
            let ratio = try sum(home, .ownCouncil) / sum(home, .privateSector)
            #expect(abs(ratio / (0.14 / 0.76 * own) - 1) < 1e-9, "home \(home): \(ratio)")
        }
    }
}
