import Foundation
import PlacementOptimisation
import PlacementScenarios
import TestSupport
import Testing

@testable import PlacementPlanning

/// `sufficiency --plan` measured every build in scope by solving again without it, a solve of the
/// whole plan per build (`Scripts/benchmark-sufficiency-plan.sh`). A build no child uses is now
/// measured without a solve. Here the two ways are compared on a generated plan of homes and foster
/// households, cheap enough to be used or too dear to be, under every mode.
@Suite("The plan's effect, measured build by build")
struct AdoptedPlanEffectTests {
    /// Builds in each of tiny-plan's three authorities, at running costs from below the market's to
    /// far above it, some opening after 2027.
    static func generatedPlan() throws -> AdoptedPlan {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let authorities = ["T00000001", "T00000002", "T00000003"]
        let homeCosts = [2_000, 3_500, 4_800, 6_000, 9_000]
        let fosterCosts = [300, 450, 700, 1_000]
        var rows: [String] = []
        for index in 0..<48 {
            let authority = authorities[index % authorities.count]
            let opening = 2026 + index % 3
            if index % 2 == 0 {
                let cost = homeCosts[index / 2 % homeCosts.count]
                rows.append(
                    "H\(index),home,\(authority),childrens_home,local_authority,\(1 + index % 3),1,500000,\(cost),2,\(opening)"
                )
            } else {
                let cost = fosterCosts[index / 2 % fosterCosts.count]
                rows.append(
                    "F\(index),foster_carers,\(authority),foster,local_authority,\(1 + index % 2),1,10000,\(cost),1,\(opening)"
                )
            }
        }
        let path = directory.file("plan.csv")
        try (AdoptedPlanTests.header + rows.joined(separator: "\n") + "\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        return try AdoptedPlan.read(from: URL(fileURLWithPath: path))
    }

    // MARK: The measure before, as the reference

    /// `AdoptedPlan.weeklySpend` as it was.
    static func referenceSpend(_ solved: SolvedMode, builds: [PlannedBuild]) -> Double {
        var used: [ProviderID: Int] = [:]
        for decision in solved.result.decisions {
            if let provider = decision.provider { used[provider.id, default: 0] += decision.children }
        }
        return builds.reduce(solved.metrics.total.weeklyCost) { total, build in
            let empty = max(0, build.places - (used[Scenario.plannedProviderID(build.candidate)] ?? 0))
            return total + Double(empty) * build.candidate.weeklyCostPerPlace
        }
    }

    /// `AdoptedPlan.effect`'s builds as they were: every build in scope solved again without it.
    static func referenceBuilds(
        _ plan: AdoptedPlan, on scenario: Scenario, members: Set<AuthorityCode>, openBy: Int?,
        mode: CommissioningMode
    ) throws -> [PlannedBuild] {
        let open = plan.builds.filter { build in openBy.map { build.openingYear <= $0 } ?? true }
        let withPlan = try PlacementOptimiser.solve(scenario.applying(AdoptedPlan(builds: open)), mode: mode)
        let spendWith = referenceSpend(withPlan, builds: open)
        var measured: [PlannedBuild] = []
        for (index, build) in open.enumerated() where members.contains(build.candidate.authority) {
            var others = open
            others.remove(at: index)
            let lacking = try PlacementOptimiser.solve(scenario.applying(AdoptedPlan(builds: others)), mode: mode)
            let saving = referenceSpend(lacking, builds: others) - spendWith
            var result = build
            result.weeklySaving = nil
            result.weeklySpendSaving = saving
            result.paybackYears =
                saving > 0
                ? Double(build.units) * build.candidate.budgetCost / (saving * CapitalCharge.weeksPerYear) : nil
            measured.append(result)
        }
        return measured
    }

    /// A build's figures as the report writes them: pounds to the penny, years to three decimals.
    static func figures(_ build: PlannedBuild) -> String {
        "\(build.candidate.id.rawValue) \(NumberText.decimal(build.weeklySpendSaving, places: 2)) "
            + NumberText.decimal(build.paybackYears, places: 3)
    }

    @Test(
        "Each build's weekly saving and payback are those of solving again without it",
        arguments: [CommissioningMode.council, .councilCoordinated, .regional, .national], [nil, 2027])
    func sameAsSolvingEach(mode: CommissioningMode, openBy: Int?) throws {
        let scenario = TinyPlanTests.scenario
        let plan = try Self.generatedPlan()
        for members in [Set(scenario.authorities.map(\.id)), [AuthorityCode(rawValue: "T00000001")]] {
            let effect = try plan.effect(on: scenario, members: members, openBy: openBy) {
                try PlacementOptimiser.solve($0, mode: mode)
            }
            let reference = try Self.referenceBuilds(
                plan, on: scenario, members: members, openBy: openBy, mode: mode)
            #expect(effect.builds.map(Self.figures) == reference.map(Self.figures))
            #expect(effect.builds.map(\.candidate) == reference.map(\.candidate))
            // Both kinds of build are here: some used (solved again), some not.
            let used = AdoptedPlan.childrenPlaced(effect.withPlan)
            let inUse = effect.builds.filter { used[Scenario.plannedProviderID($0.candidate), default: 0] > 0 }
            #expect(!inUse.isEmpty && inUse.count < effect.builds.count, "\(inUse.count) of \(effect.builds.count)")
        }
    }
}
