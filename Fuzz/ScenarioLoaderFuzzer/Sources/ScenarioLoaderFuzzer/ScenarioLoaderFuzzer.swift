import Foundation
import LibFuzzerDriver
import PlacementScenarios

@main
enum ScenarioLoaderFuzzer {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenarioLoader(data, size) })
    }
}

/// libFuzzer's entry point: one input is one scenario folder, loaded as `placement validate` would.
///
/// The input's sections, split at each byte 0xFF (never part of UTF-8 text, so no table needs it), are in
/// order `scenario.yaml`, `authorities.csv`, `children.csv`, `providers.csv`, `cooperatives.csv`,
/// `distances.csv`, `actuals.csv`; missing sections are absent files. Loading may report any number
/// of problems but must never trap, hang or read outside the folder.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzScenarioLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let folder = FuzzFolder.shared
    folder.clear()
    for (name, section) in zip(FuzzFolder.fileNames, bytes.split(separator: 0xFF, omittingEmptySubsequences: false)) {
        folder.write(name, Data(section))
    }
    do {
        let loaded = try ScenarioLoader.load(from: folder.path)
        _ = loaded.warnings.map(\.description)
        _ = ScenarioSummary(loaded.scenario).text
    } catch {
        _ = error.description
    }
    return 0
}

/// The one folder every input is written into, emptied between inputs.
final class FuzzFolder: @unchecked Sendable {
    static let fileNames = [
        "scenario.yaml", "authorities.csv", "children.csv", "providers.csv", "cooperatives.csv", "distances.csv",
        "actuals.csv",
    ]
    static let shared = FuzzFolder()

    let path: String

    private init() {
        let base = ProcessInfo.processInfo.environment["FUZZ_SCENARIO_FOLDER"] ?? NSTemporaryDirectory()
        path = (base as NSString).appendingPathComponent("scenario-loader-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func clear() {
        for name in Self.fileNames { unlink((path as NSString).appendingPathComponent(name)) }
    }

    func write(_ name: String, _ data: Data) {
        _ = FileManager.default.createFile(atPath: (path as NSString).appendingPathComponent(name), contents: data)
    }
}
