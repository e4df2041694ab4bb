// swift-tools-version: 6.0
// The scenario loader's libFuzzer target. Built only by Scripts/fuzz-scenario-loader.sh, which adds
// `-sanitize=fuzzer`, so it never slows the main package's build or tests.
import PackageDescription

let package = Package(
    name: "ScenarioLoaderFuzzer",
    dependencies: [
        .package(name: "PlacementOptimiser", path: "../..")
    ],
    targets: [
        .target(name: "LibFuzzerDriver"),
        .executableTarget(
            name: "ScenarioLoaderFuzzer",
            dependencies: [
                "LibFuzzerDriver", .product(name: "PlacementScenarios", package: "PlacementOptimiser"),
            ]
        ),
    ]
)
