import Foundation
import PlacementOptimisation
import PlacementScenarios

/// A capacity plan as adopted: the homes and foster households chosen, where, and when they open,
/// read from the `plan.csv` that `placement plan --out` writes (format in ``PlanFileReader``). Other
/// commands add its places to a scenario with ``PlacementScenarios/Scenario/applying(_:openBy:)``.
public struct AdoptedPlan: Sendable {
    public var builds: [PlannedBuild]
    /// The file it was read from, for reports.
    public var file: String

    public init(builds: [PlannedBuild], file: String = "plan.csv") {
        self.builds = builds
        self.file = file
    }

    /// The plan chosen by `plan`, its places opening `yearsToOpen` (rounded up) after `year`.
    public init(_ plan: CapacityPlan, decidedIn year: Int) {
        builds = plan.builds.map {
            PlannedBuild(
                candidate: $0.candidate, units: $0.units,
                openingYear: year + Self.wholeYears($0.candidate.yearsToOpen), weeklySaving: $0.weeklySaving,
                weeklySpendSaving: $0.weeklySpendSaving, paybackYears: $0.paybackYears)
        }
        file = "plan.csv"
    }

    /// Reads a plan file; a problem is a ``PlacementScenarios/ScenarioError`` naming the file, line,
    /// column and field.
    public static func read(from url: URL) throws(ScenarioError) -> AdoptedPlan {
        let name = url.lastPathComponent
        return AdoptedPlan(builds: try PlanFileReader.read(url.path, file: name), file: name)
    }

    /// Refuses a plan naming an authority the scenario lacks (file, line and column of each).
    public func check(against scenario: Scenario) throws(ScenarioError) {
        let issues = PlanFileReader.unknownAuthorities(builds, authorities: scenario.authorities)
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
    }

    /// The plan file's text.
    public var csv: String { PlanFileReader.csv(builds) }

    /// Whole years from the decision to opening: a home taking 1.5 years opens in the second year.
    static func wholeYears(_ years: Double) -> Int {
        guard years.isFinite, years > 0 else { return 0 }
        return Int(min(years, 1000).rounded(.up))
    }
}

extension Scenario {
    /// The scenario with an adopted plan's places added as new council-run providers (one per build,
    /// id `plan-CANDIDATE`, rated good, at the build's weekly cost per place); with `year`, only the
    /// builds open by then (opening year ≤ `year`). The plan's authorities must be the scenario's
    /// (``AdoptedPlan/check(against:)``); a build naming another is skipped.
    public func applying(_ plan: AdoptedPlan, openBy year: Int? = nil) -> Scenario {
        let known = Set(authorities.map(\.id))
        let open = plan.builds.filter { build in
            known.contains(build.candidate.authority) && (year.map(build.isOpen(in:)) ?? true)
        }
        return adding(open.map { (candidate: $0.candidate, places: $0.places) })
    }
}
