import ArgumentParser
import Foundation
import LinearProgramming
import OutputFiles

/// `--export-model`: where the model file may go, checked before anything is solved, and the files
/// of a model that joins a result set.
enum ModelExport {
    /// Before solving, `--export-model`'s `path` against `out`: true when the model goes inside
    /// `out` (then directly in it, a file of the result set); else its folder must exist and may be
    /// written. Naming `out` itself, or a sub-folder of it, is a usage error; so is any place inside
    /// `out` unless the model `mayJoinOut` (`plan` writes it before the set, which would replace it),
    /// and any file or place inside the folders the run `reads` (its scenario, official data), whose
    /// files the model would overwrite.
    static func check(_ path: String, out: String?, reading inputs: [String?], mayJoinOut: Bool = true) throws -> Bool {
        // Said before the folder is looked at: a folder with so long a path cannot be opened, and had
        // been called one that cannot be written.
        guard path.utf8.count <= ModelFileFormat.longestPathBytes else {
            printToStandardError(
                "--export-model: the path is \(path.utf8.count) bytes long; at most "
                    + "\(ModelFileFormat.longestPathBytes) are allowed")
            throw failureExitCode
        }
        for input in inputs.compactMap({ $0 }) where OutputFolder.isWithin(path, input) {
            printToStandardError(
                "--export-model \(path): lies in \(input), which this run reads; choose a file outside it")
            throw ExitCode.validationFailure
        }
        if let out, OutputFolder.overlap(path, out) {
            let folder = (path as NSString).deletingLastPathComponent
            guard mayJoinOut, OutputFolder.lies(path, inside: out),
                OutputFolder.canonical(folder.isEmpty ? "." : folder) == OutputFolder.canonical(out)
            else {
                printToStandardError(
                    mayJoinOut
                        ? "--export-model \(path): --out \(out) is replaced whole; give a file directly in it, or outside it"
                        : "--export-model \(path): inside --out (or --out itself), which the result set replaces whole; "
                            + "choose a file outside it")
                throw ExitCode.validationFailure
            }
            return true
        }
        // Anywhere else in a result set or a written scenario, the next run writing it would delete the model.
        if let (folder, kind) = OutputFolder.enclosingWrittenFolder(of: path) {
            printToStandardError(
                "--export-model \(path): lies inside \(folder), \(kind.described) that the next run writing it "
                    + "replaces whole; choose a file outside it")
            throw ExitCode.validationFailure
        }
        try checkFolder(of: path)
        return false
    }

    /// The files `export` writes when given `path`'s file name in a private temporary folder, read
    /// back to join a result set (by the names it gave them).
    static func files(named path: String, export: (String) throws -> Void) throws -> [(
        name: String, text: String
    )] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "placement-model-\(UUID().uuidString)"
        )
        .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        } catch {
            printToStandardError("--export-model: cannot make a temporary folder: \(error.localizedDescription)")
            throw failureExitCode
        }
        try export((folder as NSString).appendingPathComponent((path as NSString).lastPathComponent))
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return try names.map { name in
            do {
                return (
                    name, try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
                )
            } catch {
                printToStandardError("--export-model: cannot read back \(name): \(error.localizedDescription)")
                throw failureExitCode
            }
        }
    }

    /// A usage error unless the folder `--export-model`'s `path` names exists and may be written:
    /// checked before solving, as `--out` is.
    private static func checkFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue,
            access(directory, W_OK) == 0, canCreateFile(in: directory)
        else {
            printToStandardError("--export-model \(path): \(directory) is not a folder that can be written")
            throw ExitCode.validationFailure
        }
    }

    /// Whether a file can be made in `directory`: `access` grants root every folder, though a read-only
    /// file system (`/proc`) refuses the file, which a run found only after solving. A probe file,
    /// made and removed at once.
    private static func canCreateFile(in directory: String) -> Bool {
        let probe = (directory as NSString).appendingPathComponent(".placement-probe-\(UUID().uuidString)")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { return false }
        close(descriptor)
        unlink(probe)
        return true
    }
}
