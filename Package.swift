// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "PlacementOptimiser",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placement", targets: ["placement"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        // For the scenario loader's fuzz target, a package of its own under Fuzz/.
        .library(name: "PlacementScenarios", targets: ["PlacementScenarios"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
    ],
    targets: [
        // GLPK 5.0 from Debian's libglpk-dev. It ships no pkg-config file, so none is named here.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // The only C: calls into GLPK under setjmp so that a GLPK error becomes a Swift error.
        .target(
            name: "CGLPKShims",
            dependencies: ["CGLPK"]
        ),
        // Writing files and result sets atomically, safe against links, interrupts and kills.
        .target(name: "OutputFiles"),
        .target(
            name: "LinearProgramming",
            dependencies: ["CGLPK", "CGLPKShims", "OutputFiles"]
        ),
        .target(
            name: "PlacementScenarios",
            dependencies: ["Yams", "OutputFiles", .product(name: "Tagged", package: "swift-tagged")]
        ),
        .target(
            name: "PlacementOptimisation",
            dependencies: ["LinearProgramming", "PlacementScenarios"]
        ),
        .target(
            name: "PlacementPlanning",
            dependencies: [
                "LinearProgramming", "PlacementOptimisation", "PlacementScenarios", "PlacementReports",
                "PlacementSimulation",
            ],
            exclude: ["README.md"]
        ),
        .target(
            name: "ScenarioGeneration",
            dependencies: ["PlacementScenarios", "OutputFiles"]
        ),
        // The as-is allocation: today's placements, calibrated to the published figures.
        .target(
            name: "PlacementCalibration",
            dependencies: ["PlacementScenarios"],
            exclude: ["README.md"]
        ),
        .target(
            name: "PlacementForecasting",
            dependencies: ["PlacementScenarios", "ScenarioGeneration", "PlacementReports"],
            exclude: ["README.md"]
        ),
        .target(
            name: "PlacementShocks",
            dependencies: [
                "PlacementScenarios", "PlacementOptimisation", "LinearProgramming", "ScenarioGeneration", "Yams",
            ],
            exclude: ["README.md"]
        ),
        // Years ahead: a stock of placements moved through arrivals, endings and new placements per mode.
        .target(
            name: "PlacementSimulation",
            dependencies: ["PlacementScenarios", "PlacementOptimisation", "PlacementCalibration"],
            exclude: ["README.md"]
        ),
        .target(
            name: "PlacementReports",
            dependencies: [
                "PlacementOptimisation", "PlacementScenarios", "PlacementCalibration", "PlacementShocks",
                "PlacementSimulation",
            ]
        ),
        .target(
            name: "PlacementCommands",
            dependencies: [
                "PlacementScenarios",
                "PlacementOptimisation",
                "PlacementCalibration",
                "PlacementReports",
                "ScenarioGeneration",
                "PlacementForecasting",
                "PlacementShocks",
                "PlacementPlanning",
                "PlacementSimulation",
                "LinearProgramming",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "placement",
            dependencies: ["PlacementCommands"]
        ),
        .executableTarget(
            name: "placement-benchmark",
            dependencies: [
                "PlacementCalibration", "PlacementOptimisation", "PlacementReports", "PlacementScenarios",
                "PlacementSimulation", "LinearProgramming",
            ]
        ),
        .executableTarget(
            name: "lp-benchmark",
            dependencies: ["LinearProgramming"]
        ),
        .target(
            name: "TestSupport",
            dependencies: ["LinearProgramming", "PlacementScenarios"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", "TestSupport"]
        ),
        .testTarget(
            name: "PlacementOptimisationTests",
            dependencies: [
                "PlacementOptimisation", "PlacementReports", "PlacementScenarios", "ScenarioGeneration",
                "PlacementCommands", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementReportsTests",
            dependencies: [
                "PlacementReports", "PlacementOptimisation", "PlacementScenarios", "PlacementCommands",
                "PlacementSimulation",
                "TestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "PlacementCalibrationTests",
            dependencies: [
                "PlacementCalibration", "PlacementScenarios", "PlacementReports", "PlacementCommands", "TestSupport",
            ]
        ),
        .testTarget(
            name: "ScenarioGenerationTests",
            dependencies: ["ScenarioGeneration", "PlacementScenarios", "TestSupport"]
        ),
        .testTarget(
            name: "PlacementForecastingTests",
            dependencies: [
                "PlacementForecasting", "PlacementReports", "PlacementScenarios", "ScenarioGeneration",
                "PlacementCommands", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementShocksTests",
            dependencies: [
                "PlacementShocks", "PlacementReports", "PlacementOptimisation", "PlacementScenarios",
                "PlacementCommands", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementPlanningTests",
            dependencies: [
                "PlacementPlanning", "PlacementOptimisation", "PlacementScenarios", "PlacementCommands", "TestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PlacementSimulationTests",
            dependencies: [
                "PlacementSimulation", "PlacementOptimisation", "PlacementScenarios", "PlacementCalibration",
                "PlacementPlanning", "PlacementCommands", "PlacementShocks", "TestSupport",
            ]
        ),
        .testTarget(
            name: "PlacementScenariosTests",
            dependencies: [
                "PlacementScenarios", "PlacementCommands", "ScenarioGeneration", "OutputFiles", "TestSupport",
            ]
        ),
    ]
)
