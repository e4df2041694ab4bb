import PlacementScenarios
import Testing

@testable import PlacementSimulation

/// Places closing while children hold them (a block contract's term ends, a home winds down): the
/// children keep their places, and each place closes when its child leaves.
@Suite struct PlaceClosingTests {
    static let homes = PlaceSlot(provider: 0, placementType: .childrensHome)

    /// One provider's three children's-home places, `held` of them taken by cohort 0.
    static func stock(held: Int) -> PlacementStock {
        var stock = PlacementStock(cohortTypes: [.childrensHome], capacity: [homes: 3])
        stock.place(0, with: 0, children: held)
        return stock
    }

    @Test func aHeldPlaceClosesWhenItsChildLeaves() {
        var stock = Self.stock(held: 2)
        // Three close: the vacant one at once, the two held ones when their children leave.
        stock.changePlaces(Self.homes, by: -3)
        #expect(stock.vacancies(Self.homes) == 0)
        #expect(stock.children(of: 0) == 2)
        stock.leavePlace(0, provider: 0, children: 1)
        // The place left closes: no vacancy for a new child (it had stayed open for good).
        #expect(stock.vacancies(Self.homes) == 0)
        stock.leavePlace(0, provider: 0, children: 1)
        #expect(stock.vacancies(Self.homes) == 0)
        // A place opening later is a new place.
        stock.changePlaces(Self.homes, by: 1)
        #expect(stock.vacancies(Self.homes) == 1)
    }

    @Test func anOpeningKeepsAPlaceWaitingToClose() {
        var stock = Self.stock(held: 3)
        stock.changePlaces(Self.homes, by: -2)
        // One of the two waiting closures is cancelled by a place opening: two places in the end.
        stock.changePlaces(Self.homes, by: 1)
        #expect(stock.vacancies(Self.homes) == 0)
        stock.leavePlace(0, provider: 0, children: 3)
        #expect(stock.vacancies(Self.homes) == 2)
    }

    @Test func noMoreCloseThanThereAre() {
        var stock = Self.stock(held: 1)
        stock.changePlaces(Self.homes, by: -10)
        stock.leavePlace(0, provider: 0, children: 1)
        #expect(stock.vacancies(Self.homes) == 0)
        stock.changePlaces(Self.homes, by: 2)
        #expect(stock.vacancies(Self.homes) == 2)
    }
}
