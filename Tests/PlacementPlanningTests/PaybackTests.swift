import Foundation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

@Suite("Payback of a build")
struct PaybackTests {
    /// £52,000 repaid at £100 a week: 52,000 / (100 × 52) = 10 years.
    @Test("years for the saving to repay the capital; none for a rounding's saving or beyond a plan file's")
    func years() {
        #expect(Payback.years(capital: 52_000, weeklySaving: 100) == 10)
        #expect(Payback.years(capital: 52_000, weeklySaving: 0) == nil)
        #expect(Payback.years(capital: 52_000, weeklySaving: -5) == nil)
        // A solver's rounding (Greater Manchester's plan wrote 32,831,721,156,923 years).
        #expect(Payback.years(capital: 265_000, weeklySaving: 1.5e-10) == nil)
        // 10,000 years is the longest a plan file holds: 520,000 / (1 × 52) = 10,000 exactly.
        #expect(Payback.years(capital: 520_000, weeklySaving: 1) == 10_000)
        #expect(Payback.years(capital: 520_001, weeklySaving: 1) == nil)
    }

    /// `plan --out`'s plan.csv was refused by `simulate --plan` ("payback_years: 32831721156923.08 is
    /// out of range") where a build saved a rounding's worth of spend.
    @Test("the plan file plan --out writes on Greater Manchester reads back")
    func planFileReadsBack() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let out = directory.file("plan")
        let plan = try PlacementProcess.run([
            "plan", Fixtures.scenario("greater-manchester"), "--budget", "10000000", "--by", "cooperative", "--out",
            out, "--quiet",
        ])
        #expect(plan.status == 0, "\(plan.errors)")
        let builds = try PlanFileReader.read(out + "/plan.csv", file: "plan.csv")
        #expect(!builds.isEmpty)
        #expect(builds.allSatisfy { ($0.paybackYears ?? 0) <= PlanFileReader.longestPaybackYears })
    }

    /// A block contract's price over its term is no one-off cost: `sufficiency --plan` gave a
    /// three-year contract saving £1,830 a week a payback of 57.0 years, where the plan said none.
    @Test func aBlockContractHasNoPaybackWhenAPlanIsMeasuredAgain() {
        func build(_ kind: CapacityCandidate.Kind) -> PlannedBuild {
            PlannedBuild(
                candidate: CapacityCandidate(
                    id: "c", kind: kind, authority: "E08000002", placementType: .childrensHome, placesPerUnit: 6,
                    maximumUnits: 1, capitalCost: 5_424_120, weeklyCostPerPlace: 0, yearsToOpen: 0, lifeYears: 3),
                units: 1, openingYear: 2025)
        }
        #expect(AdoptedPlan.measured(build(.blockContract), saving: 1_830).paybackYears == nil)
        let home = AdoptedPlan.measured(build(.home), saving: 1_830).paybackYears
        #expect(home.map { abs($0 - 5_424_120 / (1_830 * 52)) < 1e-9 } == true)
    }
}
