import PlacementReports
import PlacementScenarios
import PlacementSimulation

/// An adopted capacity plan as the simulation takes it: every build added to the scenario as a
/// provider (`plan-CANDIDATE`, as ``PlacementScenarios/Scenario/applying(_:openBy:)`` adds it), and
/// the year each one's places open — and, for a block contract, close at the end of its term.
public struct SimulationPlan: Sendable {
    public var adopted: AdoptedPlan
    /// The scenario with every build's provider.
    public var scenario: Scenario
    public var openings: CapacityOpenings

    /// Builds the plan opens in `from`, the starting year (a block contract with no years to open):
    /// they open at the start of the first step instead, so that the start is today's placements as
    /// `compare` shows them, made before the plan (a block contract's term moves with it). A build of
    /// an earlier year was open before today's and keeps its years.
    public var deferredToFirstStep: [PlannedBuild] = []

    /// `adopted` must have been checked against `scenario` (``AdoptedPlan/check(against:)``);
    /// `from`: the simulation's starting year.
    public init(_ adopted: AdoptedPlan, scenario: Scenario, from: Int) {
        var adopted = adopted
        for index in adopted.builds.indices where adopted.builds[index].openingYear == from {
            deferredToFirstStep.append(adopted.builds[index])
            adopted.builds[index].openingYear = from + 1
        }
        self.adopted = adopted
        self.scenario = scenario.applying(adopted)
        openings = CapacityOpenings(
            adopted.builds.map { build in
                CapacityOpening(
                    provider: Scenario.plannedProviderID(build.candidate),
                    placementType: build.candidate.placementType, places: build.places, year: build.openingYear,
                    closingYear: Self.closingYear(of: build))
            })
    }

    /// A block contract's places end with its term (whole years, rounded up, after it opens, at most
    /// 1,000); homes and foster households stay open.
    public static func closingYear(of build: PlannedBuild) -> Int? {
        guard build.candidate.kind == .blockContract else { return nil }
        let term = build.candidate.lifeYears
        // A term without end keeps the places open; a term of nothing never opens them.
        guard term.isFinite else { return nil }
        guard term > 0 else { return build.openingYear }
        return build.openingYear + Int(min(term, 1_000).rounded(.up))
    }

    /// What the reports say of the plan over the simulated years.
    public func note(years: ClosedRange<Int>) -> SimulatedPlan {
        SimulatedPlan(
            file: adopted.file, builds: adopted.builds, years: years,
            provider: { Scenario.plannedProviderID($0.candidate) }, closingYear: Self.closingYear(of:),
            names: scenario.authorityNames,
            deferred: deferredToFirstStep.map { ($0.candidate.id.rawValue, $0.openingYear) })
    }
}

extension PlannedBuild {
    /// Whether its places are open in `year`: from its opening year until a block contract's term
    /// ends (``SimulationPlan/closingYear(of:)``, the first year without them).
    public func isOpen(in year: Int) -> Bool {
        PlacementScenarios.isOpen(in: year, opening: openingYear, closing: SimulationPlan.closingYear(of: self))
    }
}
