import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

@Suite("Default candidates and budget shares")
struct DefaultCandidatesTests {
    static let scenario = try! ScenarioLoader.load(from: Fixtures.scenario("tiny")).scenario

    @Test("every authority gets a home and foster carers; no secure home is ever a candidate")
    func oneOfEach() {
        let candidates = DefaultCandidates.candidates(for: Self.scenario)
        for authority in Self.scenario.authorities {
            let own = candidates.filter { $0.authority == authority.id }
            #expect(Set(own.map(\.placementType)) == [.childrensHome, .foster])
        }
        #expect(!candidates.contains { $0.placementType == .secureChildrensHome })
        // Northtown runs a children's home at £4,500: its new home is priced like it; 3 places at £265,000.
        let home = candidates.first { $0.authority.rawValue == "T00000001" && $0.kind == .home }
        #expect(home?.weeklyCostPerPlace == 4_500)
        #expect(home?.capitalCost == 795_000)
        // Eastbury runs no fostering: the median in-house price, (600 + 550) / 2.
        let carers = candidates.first { $0.authority.rawValue == "T00000003" && $0.kind == .fosterCarers }
        #expect(carers?.weeklyCostPerPlace == 575)
        // Eastbury's 2 foster children × 0.07 households a child, rounded up: 1 household (at least 1).
        #expect(carers?.maximumUnits == 1)
    }

    /// The running cost of a new home, varied by `--sensitivity` (it had only been the council's price).
    @Test("a new home runs at its council's in-house price times the running-cost factor; carers do not move")
    func runningCostFactor() {
        var assumptions = PlanningAssumptions()
        assumptions.newHomeRunningCostFactor.value = 1.25
        let candidates = DefaultCandidates.candidates(for: Self.scenario, assumptions: assumptions)
        // Northtown's £4,500 home × 1.25.
        #expect(
            candidates.first { $0.authority.rawValue == "T00000001" && $0.kind == .home }?.weeklyCostPerPlace == 5_625)
        #expect(
            candidates.first { $0.authority.rawValue == "T00000003" && $0.kind == .fosterCarers }?.weeklyCostPerPlace
                == 575)
        #expect(PlanningAssumptions().listed.contains { $0.keyPath == \.newHomeRunningCostFactor })
    }

    /// A budget recruits no more carers than a council approves: 1,148 households had been bought
    /// for Greater Manchester's £20m, a fifth of England's approvals in a year.
    @Test("foster households at most follow the recruitment rate, and never pass the council's foster children")
    func recruitmentCap() throws {
        var scenario = Self.scenario
        // Northtown with 100 foster children: 7 households at 0.07, 15 at the range's 0.15.
        let c03 = try #require(scenario.cohorts.firstIndex { $0.id == "C03" })
        scenario.cohorts[c03].count = 98
        func households(_ rate: Double) -> Int? {
            var assumptions = PlanningAssumptions()
            assumptions.fosterRecruitmentPerChild.value = rate
            return DefaultCandidates.candidates(for: scenario, assumptions: assumptions)
                .first { $0.authority.rawValue == "T00000001" && $0.kind == .fosterCarers }?.maximumUnits
        }
        #expect(households(0.07) == 7)
        #expect(households(0.15) == 15)
        #expect(households(2) == 100)
    }

    @Test("shares follow children looked after: Northtown 6 of 13, Southvale 3, Eastbury 4")
    func shares() {
        let council = BudgetShare.shares(of: 1_300_000, scope: .council, scenario: Self.scenario)
        #expect(council.map(\.budget) == [600_000, 300_000, 400_000])
        let cooperative = BudgetShare.shares(of: 1_300_000, scope: .cooperative, scenario: Self.scenario)
        #expect(cooperative.map(\.id) == ["north-south", "T00000003"])
        #expect(cooperative.map(\.budget) == [900_000, 400_000])
        let national = BudgetShare.shares(of: 1_300_000, scope: .national, scenario: Self.scenario)
        #expect(national.map(\.budget) == [1_300_000])
        // A scenario of three councils is not England: the one budget is named by who holds it.
        #expect(national.map(\.name) == ["All 3 authorities, one budget"])
    }

    @Test("shares are whole pounds adding up to the budget: £1m in thirds is 333,334 + 333,333 + 333,333")
    func sharesAddUp() {
        #expect(BudgetShare.apportioned(1_000_000, by: [1, 1, 1]) == [333_334, 333_333, 333_333])
        // Northtown 6, Southvale 3, Eastbury 4 of 13: £1,000,000 × 6/13 = 461,538.46, so each share
        // rounded alone would print 461,538 + 230,769 + 307,692 = £999,999.
        let council = BudgetShare.shares(of: 1_000_000, scope: .council, scenario: Self.scenario)
        #expect(council.map(\.budget) == [461_539, 230_769, 307_692])
        #expect(council.map(\.budget).reduce(0, +) == 1_000_000)
        #expect(BudgetShare.apportioned(0, by: [1, 2]) == [0, 0])
    }
}
