import Foundation
import LinearProgramming
import PlacementCalibration
import PlacementOptimisation
import PlacementReports
import PlacementScenarios
import PlacementSimulation

// Times `placement compare` phase by phase on each scenario named on the command line: load,
// then per mode build, solve and report, with model sizes and iterations; optionally exports the
// joint models for a peer solver. With `--market DATA`, each scenario is first put in today's market
// (the as-is baseline calibrated on DATA's latest year, as `placement compare` does), so the models
// timed and exported are the ones `compare` solves; the calibration's time is printed as a phase.
// Usage:
//   placement-benchmark [--modes a,b] [--export DIR] [--market DATA] SCENARIO...

var arguments = Array(CommandLine.arguments.dropFirst())
var modes = CommissioningMode.allCases
var exportDirectory: String?
var marketData: String?
var scenarios: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--modes":
        modes = arguments.removeFirst().split(separator: ",").compactMap { CommissioningMode(rawValue: String($0)) }
    case "--export":
        exportDirectory = arguments.removeFirst()
    case "--market":
        marketData = arguments.removeFirst()
    default:
        scenarios.append(argument)
    }
}

func peakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

let clock = ContinuousClock()
print(
    "scenario\tmode\tload_s\tbuild_s\tsolve_s\treport_s\twall_s\trows\tcolumns\tnonzeros\titerations\tstatus\tpeak_MiB")
/// `scenario` in today's market calibrated on the latest year of the official data in `folder`.
func inTodaysMarket(_ scenario: Scenario, data folder: String) -> Scenario {
    let official: OfficialPlacementData
    do {
        official = try OfficialPlacementData.read(from: folder)
    } catch {
        FileHandle.standardError.write(Data("\(folder): \(error.description)\n".utf8))
        exit(1)
    }
    // As `placement compare` decides it: only a scenario whose every authority DfE publishes has one.
    guard let (market, _) = TodaysMarket.calibrated(for: scenario, official: official) else {
        FileHandle.standardError.write(
            Data("\(folder): the scenario's authorities have no published figures there: no today's market\n".utf8))
        exit(1)
    }
    return market.applied(to: scenario)
}

for path in scenarios {
    let loadStart = clock.now
    var scenario: Scenario
    do {
        scenario = try ScenarioLoader.load(from: path).scenario
    } catch {
        FileHandle.standardError.write(Data("\(path): \(error.description)\n".utf8))
        exit(1)
    }
    let load = (clock.now - loadStart).seconds
    print(
        "\(scenario.name)\tload\t\(String(format: "%.3f", load))\t\t\t\t\t\t\t\t\t\t\(String(format: "%.0f", peakMemoryMiB()))"
    )
    if let marketData {
        let marketStart = clock.now
        scenario = inTodaysMarket(scenario, data: marketData)
        let market = (clock.now - marketStart).seconds
        print(
            "\(scenario.name)\tmarket\t\(String(format: "%.3f", market))\t\t\t\t\t\t\t\t\t\t\(String(format: "%.0f", peakMemoryMiB()))"
        )
    }
    for mode in modes {
        let started = clock.now
        let result = try PlacementOptimiser.solve(scenario, mode: mode)
        let solved = clock.now
        _ = ResultJSON.mode(result)
        _ = ResultMarkdown.mode(result)
        _ = ResultCSV.placements(result.result)
        let report = (clock.now - solved).seconds
        let s = result.statistics
        let fields: [String] = [
            scenario.name, mode.rawValue, "", String(format: "%.3f", s.buildSeconds),
            String(format: "%.3f", s.solveSeconds),
            String(format: "%.3f", report), String(format: "%.3f", (clock.now - started).seconds), String(s.rows),
            String(s.columns), String(s.nonzeros), String(s.iterations), result.status.label,
            String(format: "%.0f", peakMemoryMiB()),
        ]
        print(fields.joined(separator: "\t"))
        if let exportDirectory, mode != .council {
            for (name, model) in PlacementOptimiser.models(of: scenario, mode: mode) {
                try model.write(to: "\(exportDirectory)/\(scenario.name)-\(name).mps")
                print("# exported \(exportDirectory)/\(scenario.name)-\(name).mps objective \(result.objective)")
            }
        }
    }
}
