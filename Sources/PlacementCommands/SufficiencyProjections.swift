import PlacementCalibration
import PlacementOptimisation
import PlacementPlanning
import PlacementReports
import PlacementScenarios
import PlacementSimulation

/// The projection a sufficiency report shows with `--simulate-to`: the report's scenario simulated
/// as `simulate` does it, under as-is (when the scenario's authorities have a calibrated pattern)
/// and the report's mode, an adopted plan's places opening in their years; with shocks (`shocked`:
/// `scenario` after them), the shocks strike at the start.
enum SufficiencyProjections {
    static func make(
        _ scenario: Scenario, folder: String, data: String, from: Int, to: Int, mode: CommissioningMode, draws: Int,
        plan: AdoptedPlan?, calibrated: AsIsAllocation? = nil, shocked: Scenario? = nil
    ) throws -> SufficiencyProjection {
        let planned = plan.map { SimulationPlan($0, scenario: scenario, from: from) }
        // Shocks strike today's providers at the start; a plan's places open as planned after them.
        let plannedShocked = shocked.map { shocked in
            plan.map { SimulationPlan($0, scenario: shocked, from: from).scenario } ?? shocked
        }
        let assumptions = SimulationAssumptions()
        let inputs = try SimulationInputs.prepare(
            planned?.scenario ?? scenario, folder: folder, data: data, from: from, to: to, assumptions: assumptions,
            openings: planned?.openings ?? CapacityOpenings(), calibrated: calibrated, shocked: plannedShocked,
            fromOption: "--simulate-to, which starts from", command: PlacementCommand.Sufficiency.self)
        let asIs = inputs.start.propensity != nil
        let simulation = Simulation(
            scenario: inputs.scenario, flows: inputs.flows, start: inputs.start, from: from, to: to,
            assumptions: assumptions)
        let results: SimulationDraws
        do {
            results = try SimulationDraws(
                simulation, modes: (asIs ? [.asIs] : []) + [.optimised(mode)], draws: draws, seed: 1)
        } catch {
            printToStandardError("\(scenario.name): \(error.description)")
            throw failureExitCode
        }
        let notes = SimulationNotes(
            start: inputs.start.method, flows: inputs.flows.source, batchesPerYear: assumptions.batchesPerYear,
            assumptions: assumptions.listed.map {
                ($0.name, $0.assumption.value, $0.assumption.range, $0.assumption.source)
            }, plan: planned?.note(years: from...to), startsInTodaysMarket: inputs.start.propensity != nil)
        return SufficiencyProjection(
            draws: results, notes: notes,
            asIsMissing: asIs
                ? nil : "it needs the calibrated baseline, and DfE publishes no figures for the scenario's authorities")
    }
}
