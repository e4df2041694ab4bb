import ArgumentParser
import Foundation
import PlacementCalibration
import PlacementForecasting
import PlacementScenarios
import PlacementSimulation
import ScenarioGeneration

/// The starting stock and the flows of a simulation, from the scenario and the official data.
struct SimulationInputs {
    /// The scenario the simulation runs on: as it stands in the first year (places of `openings`
    /// still to come at zero, their providers listed), in today's market when calibrated.
    var scenario: Scenario
    var start: SimulationStart
    var flows: SimulationFlows

    /// `scenario` lists every provider of `openings`; their places open in their years. `calibrated`:
    /// the as-is baseline a command has already calibrated with `assumptions.calibration`, used when
    /// it is of `from` rather than calibrating again. `fromOption`: what set `from`, and `command`: which
    /// command's usage a year out of range is said with. `shocked`: `scenario` after shocks that strike
    /// at the start of the first year (the simulation runs on it; today's placements are fitted
    /// before them, in today's market, and kept where the shocks leave their places).
    static func prepare(
        _ scenario: Scenario, folder: String, data: String, from: Int, to: Int, assumptions: SimulationAssumptions,
        openings: CapacityOpenings = CapacityOpenings(), calibrated: AsIsAllocation? = nil, shocked: Scenario? = nil,
        fromOption: String, command: any ParsableCommand.Type
    ) throws -> SimulationInputs {
        let today = openings.scenario(scenario, in: from)
        // What the simulation runs on: the scenario as it stands in the first year, after any shocks.
        let now = shocked.map { openings.scenario($0, in: from) } ?? today
        let tables = try readingInput { () throws(ScenarioError) in
            try FlowTables.read(folder: folder, scenario: scenario)
        }
        // No official data is a fictional scenario's case; official data that is there but damaged
        // is an error in its file and line, never read as none.
        let hasData = FileManager.default.fileExists(atPath: "\(data)/\(OfficialTables.authoritiesFile)")
        let official =
            hasData ? try readingInput { () throws(ScenarioError) in try OfficialPlacementData.read(from: data) } : nil
        let known = Set(official?.authorities.map(\.id) ?? [])
        let real = official != nil && scenario.authorities.allSatisfy { known.contains($0.id) }
        // Real authorities start from the year's published figures: a year without them is out of range.
        if real, let official {
            _ = try official.requireYear(
                from, option: fromOption, data: data,
                why: "; a simulation of the scenario's authorities starts from one of those years", in: command)
        }
        // Without flows.csv, DfE's leaver and placement-change rates of `from` are carried forward:
        // checked before anything is calibrated.
        let officialFlows =
            real && tables == nil
            ? try readingInput { () throws(ScenarioError) in try OfficialFlowData.read(from: data) } : nil
        if let officialFlows, to > from {
            try officialFlows.requireYear(
                from, option: fromOption, data: data,
                why: "; a simulation carries that year's leaver and placement-change rates forward",
                in: command)
        }
        let published = real ? official?.year(from) : nil
        // A scenario of real authorities runs in today's market (as `compare` solves it) from today's
        // placements; a fictional one in its usable places from the council optimum.
        var start: SimulationStart
        var simulated = now
        var fitted: AsIsAllocation?
        if let published {
            let allocation =
                calibrated.flatMap { $0.year == from ? $0 : nil }
                ?? AsIsBaseline.calibrate(published, assumptions: assumptions.calibration).calibrated
            fitted = allocation
            let market = TodaysMarket(
                today, year: published, allocation: allocation, assumptions: assumptions.todaysMarket)
            simulated = shocked == nil ? market.applied(to: now) : market.rebuilt(for: now).applied(to: now)
            start = SimulationStart.today(
                simulated, allocation: allocation, openings: openings, from: from,
                before: shocked == nil ? nil : market.applied(to: today), assumptions: assumptions)
        } else {
            do {
                start = try SimulationStart.solved(
                    shocked ?? scenario, by: .council, openings: openings, from: from, assumptions: assumptions)
                // No today to keep: the optimum is of what the shocks leave, said so.
                if shocked != nil {
                    start.method +=
                        " in what the shocks leave (with no calibrated today, no placement is kept through them)"
                }
            } catch {
                printToStandardError("\(scenario.name): \(error.description)")
                throw failureExitCode
            }
        }
        if let tables {
            // A year the scenario's flows do not cover moves nobody: said, so that a --from or --to
            // beyond the file is not read as a quiet market.
            let covered = Set(tables.flows.map(\.year))
            let uncovered = to > from ? ((from + 1)...to).filter { !covered.contains($0) } : []
            if !uncovered.isEmpty {
                printToStandardError(
                    "\(FlowTables.flowsFile): warning: no rows for "
                        + uncovered.map(String.init).joined(separator: ", ")
                        + ": no child arrives, leaves or moves in \(uncovered.count == 1 ? "that year" : "those years")"
                )
            }
            let flows = SimulationFlows(tables)
            if let fitted { start = start.withPlacesToCome(flows.placeChanges, in: simulated, allocation: fitted) }
            return SimulationInputs(
                scenario: simulated, start: start, flows: flows.opening(openings, after: from, through: to))
        }
        guard let published, let official, let flows = officialFlows else {
            printToStandardError(
                "\(folder): no flows.csv, and no published flows for its authorities in \(data): give the "
                    + "scenario a flows.csv (year, authority, placement_type, arrivals, leavers, moves), or name "
                    + "the folder of DfE's official tables with --data DIR")
            throw invalidInputExitCode
        }
        var lookedAfter: [AuthorityCode: Int] = [:]
        for (index, authority) in published.authorities.enumerated() {
            if let total = published.figures[index].total { lookedAfter[authority.id] = total }
        }
        let england = published.england?.total ?? lookedAfter.values.reduce(0, +)
        let years = (from + 1)...max(from + 1, to)
        var yearFlows = flows.scenarioFlows(
            now, year: from, lookedAfter: lookedAfter, englandLookedAfter: england, years: years,
            assumptions: assumptions, path: try demandPath(data: data, from: from, through: years.upperBound))
        // The registered-places trend moves the places open at the start; a plan's come on top.
        let supply = SupplyTrend(
            now, places: official.places, through: from, years: years,
            occupancy: assumptions.calibration.occupancy.value)
        yearFlows.placeChanges = supply.placeChanges
        yearFlows.source += "; " + supply.note
        if let fitted { start = start.withPlacesToCome(supply.placeChanges, in: simulated, allocation: fitted) }
        return SimulationInputs(
            scenario: simulated, start: start,
            flows: yearFlows.opening(openings, after: from, through: to))
    }

    /// The demand forecast fitted on DfE's years up to `from` (as `placement forecast` makes it from
    /// the last published year), as the path the simulated children follow; `nil`, and `from`'s
    /// flows carried forward as they are, where the tables cannot start a forecast there (three
    /// years in a row up to `from`, each with the stock and the starts). Damaged tables are an error
    /// in their file and line, never a quiet fallback.
    static func demandPath(data: String, from: Int, through lastYear: Int) throws -> DemandPath? {
        let official = try readingInput { () throws(ScenarioError) in try OfficialData.read(from: data) }
        guard ForecastYears.canStart(official, at: from), let history = try? HistoryBuilder.build(official) else {
            return nil
        }
        let growth = DemandGrowth(history, origin: from, through: lastYear)
        return DemandPath(
            source: "each authority's children by placement type follow the demand forecast fitted on DfE's "
                + "\(history.firstYear)–\(from) (`placement forecast`'s central path; a type it has no figure for "
                + "keeps its children)"
        ) { authority, type, year in growth.factor(authority.rawValue, type, in: year) }
    }
}
