import Foundation
import PlacementScenarios

/// The folder of official CSV files a command reads (`--data`, or its default): a folder that is not
/// there is said plainly (exit 1) before anything reads it, rather than as a file missing inside it.
enum DataFolder {
    /// Throws unless `folder` is a folder; `named`: the user gave it with `--data`.
    static func require(_ folder: String, named: Bool) throws {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        guard !exists || !isFolder.boolValue else { return }
        let shown = TerminalSafeText.escaping(folder)
        let what = exists ? "is not a folder" : "no such folder"
        printToStandardError(
            named
                ? "\(shown): --data: \(what)"
                : "\(shown): \(what) (the default place of the official CSV files): name theirs with --data DIR")
        throw invalidInputExitCode
    }
}
