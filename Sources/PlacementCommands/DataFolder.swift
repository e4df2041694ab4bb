import Foundation
import PlacementScenarios

/// The folder of official CSV files a command reads (`--data`, or its default): a folder that is not
/// there is said plainly (exit 1) before anything reads it, rather than as a file missing inside it.
enum DataFolder {
    /// The shipped official tables: `Fixtures/data` from the current folder when it is there, else
    /// the one of the repository the running tool was built in (found above its executable, as in
    /// `.build/release/placement`), so the tool runs from any folder; else `Fixtures/data` as given,
    /// for ``require(_:named:)`` to name.
    static var shipped: String {
        let relative = "Fixtures/data"
        func holdsTables(_ folder: String) -> Bool {
            FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent(OfficialTables.lookedAfterFile))
        }
        if holdsTables(relative) { return relative }
        guard let executable = Bundle.main.executablePath else { return relative }
        var folder = ((executable as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        for _ in 0..<6 {
            let candidate = (folder as NSString).appendingPathComponent(relative)
            if holdsTables(candidate) { return candidate }
            let parent = (folder as NSString).deletingLastPathComponent
            guard parent != folder else { break }
            folder = parent
        }
        return relative
    }

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
