import ArgumentParser
import Foundation
import PlacementScenarios
import ScenarioGeneration

extension PlacementCommand {
    /// `placement generate`: real-data scenarios from the official files, or synthetic ones from a seed.
    public struct Generate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Build scenarios: the real-data ones from official files, or synthetic ones of any size.",
            subcommands: [Real.self, Synthetic.self])

        public init() {}
    }
}

extension PlacementCommand.Generate {
    /// `placement generate real`: england-2025, greater-manchester and south-east.
    public struct Real: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Rebuild england-2025, greater-manchester and south-east from DfE and Ofsted data.")

        @Option(help: "The folder with the official CSV files (default: Fixtures/data; see its README.md).")
        var data: String?

        @Option(help: "Where the scenario folders are written.")
        var out = "Fixtures/scenarios"

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func run() throws {
            quietOption.apply()
            InterruptHandling.install()
            let data = self.data ?? DataFolder.shipped
            // Every folder is checked before anything is built, so that one refused folder does not
            // leave the others rewritten from a different build.
            for folder in RealScenarioBuilder.folders {
                let path = (out as NSString).appendingPathComponent(folder)
                try ModeRunner.checkOutput(path, option: "--out", command: nil, reading: [data], kind: .scenario)
            }
            try DataFolder.require(data, named: self.data != nil)
            let generated = try readingInput { () throws(ScenarioError) in try RealScenarioBuilder.build(from: data) }
            // All three or none: a failure part way must not leave them from two different builds.
            try ModeRunner.write(
                generated.map {
                    (ScenarioWriter.set($0.scenario, extraFiles: $0.extraFiles), $0.folder(in: out))
                })
            for scenario in generated {
                try printToStandardOutput(
                    "\(out)/\(scenario.folder): \(scenario.scenario.authorities.count) authorities, "
                        + "\(scenario.scenario.childCount) children, \(scenario.scenario.providers.count) providers")
            }
        }
    }
}

extension PlacementCommand.Generate {
    /// `placement generate synthetic`: a fictional country calibrated to England's shares.
    public struct Synthetic: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic scenario calibrated to England's 2025 shares, of any size, from a seed.")

        @Option(parsing: .unconditional, help: "The seed: the same seed and scale give the same scenario.")
        var seed: UInt64 = 1

        @Option(
            parsing: .unconditional,
            help: "Size relative to England (1 = 153 councils and about 81,770 children). (default: 1)",
            transform: DecimalOption.parse)
        var scale = 1.0

        @Option(help: "The scenario folder to write.")
        var out: String

        @OptionGroup var quietOption: QuietOption

        public init() {}

        public func validate() throws {
            guard scale > 0, scale <= 50 else { throw ValidationError("--scale must be above 0 and at most 50") }
            try SeedRange.check(seed)
        }

        public func run() throws {
            quietOption.apply()
            InterruptHandling.install()
            try ModeRunner.checkOutput(out, option: "--out", command: nil, kind: .scenario)
            let scenario = SyntheticScenarioBuilder.build(seed: seed, scale: scale)
            try ModeRunner.write(ScenarioWriter.set(scenario), to: out)
            try printToStandardOutput(
                "\(out): \(scenario.authorities.count) authorities, \(scenario.childCount) children, "
                    + "\(scenario.providers.count) providers")
        }
    }
}
