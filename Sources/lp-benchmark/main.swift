// Times building, loading and solving a generated transportation problem through the
// LinearProgramming module. Run it with Scripts/benchmark-lp.sh.
import Foundation
import LinearProgramming

struct Arguments {
    var demands = 110_000
    var supplies = 5_000
    var arcsPerDemand = 4
    var seed: UInt64 = 1
    var timeLimitSeconds = 120

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { fatalError("\(flag) needs a value") }
            switch flag {
            case "--demands": demands = Int(value)!
            case "--supplies": supplies = Int(value)!
            case "--arcs-per-demand": arcsPerDemand = Int(value)!
            case "--seed": seed = UInt64(value)!
            case "--time-limit": timeLimitSeconds = Int(value)!
            default: fatalError("unknown option \(flag)")
            }
        }
    }
}

/// A deterministic generator (SplitMix64), so every run builds the same problem.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ")[1])
    else { return .nan }
    return kilobytes / 1024
}

func seconds(_ duration: Duration) -> String {
    String(format: "%.3f s", duration.seconds)
}

let arguments = Arguments(CommandLine.arguments)
let clock = ContinuousClock()
var random = SplitMix64(state: arguments.seed)

// Demand and supply points on a unit square. Each demand may use a few random supplies (as a child
// has a few admissible placements) or an unmet-demand slack at a high price; supplies have capacity.
let supplyPoints = (0..<arguments.supplies).map { _ in (random.unit(), random.unit()) }
var arcSupply: [Int] = []
var arcCost: [Double] = []
for _ in 0..<arguments.demands {
    let point = (random.unit(), random.unit())
    for _ in 0..<arguments.arcsPerDemand {
        let s = Int(random.next() % UInt64(arguments.supplies))
        arcSupply.append(s)
        arcCost.append(100 + 1000 * hypot(point.0 - supplyPoints[s].0, point.1 - supplyPoints[s].1))
    }
}

let buildStart = clock.now
var model = Model(name: "transportation")
let arcCount = arcCost.count
model.reserveCapacity(
    variables: arcCount + arguments.demands, constraints: arguments.demands + arguments.supplies,
    nonzeros: 2 * arcCount + arguments.demands)
let arcs = arcCost.map { model.addVariable(objective: $0) }
let unmet = (0..<arguments.demands).map { _ in model.addVariable(objective: 100_000) }
var arcsBySupply = Array(repeating: [Variable](), count: arguments.supplies)
for (arc, supply) in zip(arcs, arcSupply) { arcsBySupply[supply].append(arc) }
let capacity = (2.0 * Double(arguments.demands) / Double(arguments.supplies)).rounded(.up)
for supplyArcs in arcsBySupply {
    model.addConstraint(
        variables: supplyArcs, coefficients: Array(repeating: 1, count: supplyArcs.count), upperBound: capacity)
}
let perDemand = arguments.arcsPerDemand
for d in 0..<arguments.demands {
    let demandArcs = Array(arcs[(d * perDemand)..<((d + 1) * perDemand)]) + [unmet[d]]
    model.addConstraint(
        variables: demandArcs, coefficients: Array(repeating: 1, count: demandArcs.count), lowerBound: 1, upperBound: 1)
}
let build = clock.now - buildStart

let loadStart = clock.now
let solver = try Solver(model)
let load = clock.now - loadStart
let solution = try solver.solve(SolveOptions(timeLimit: .seconds(arguments.timeLimitSeconds)))

print(
    "transportation problem: \(arguments.demands) demands × \(arguments.supplies) supplies, \(arguments.arcsPerDemand) arcs each, seed \(arguments.seed)"
)
print("rows \(model.constraintCount), columns \(model.variableCount), nonzeros \(model.nonzeroCount)")
print("build (Swift model): \(seconds(build))")
print("load (into GLPK):    \(seconds(load))")
print(
    "solve (primal simplex): \(seconds(solution.solveTime)), \(solution.iterations) iterations, status \(solution.status)"
        + (solution.termination == .timeLimit ? ", stopped by the \(arguments.timeLimitSeconds) s time limit" : ""))
print("objective: \(String(format: "%.4f", solution.objective))")
print("peak memory: \(String(format: "%.0f", peakMemoryMiB())) MiB")
