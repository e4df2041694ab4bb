import Foundation

/// Writes files so that a reader never sees half of one: a fresh temporary beside the target, created
/// exclusively (never through a link, never a name another process can guess), then a rename.
/// On failure or interrupt the temporary is removed and the target is as it was.
public enum AtomicFile {
    /// Replaces `path` with `text`.
    public static func write(_ text: String, to path: String) throws(OutputError) {
        removeStaleTemporaries(beside: path)
        let temporary = try ExclusiveFile.temporary(beside: path, bytes: text.utf8)
        try commit(temporary, to: path)
    }

    /// Replaces `path` with what `produce` writes into the temporary whose path it is given (an empty
    /// file, there to be overwritten). Errors thrown by `produce` are rethrown as they are.
    public static func replace(_ path: String, using produce: (String) throws -> Void) throws {
        removeStaleTemporaries(beside: path)
        let temporary = try ExclusiveFile.temporary(beside: path, bytes: [])
        do {
            try produce(temporary)
        } catch {
            discard(temporary)
            throw error
        }
        try commit(temporary, to: path)
    }

    /// Creates `directory` if needed and writes each file into it atomically (one at a time: for
    /// a set that must appear whole, use ``OutputFolder``).
    public static func write(_ files: [(name: String, text: String)], into directory: String) throws(OutputError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OutputError(.system(error.localizedDescription), path: directory)
        }
        for file in files {
            try write(file.text, to: (directory as NSString).appendingPathComponent(file.name))
        }
    }

    private static func commit(_ temporary: String, to path: String) throws(OutputError) {
        let failure = InterruptCleanup.shared.locked {
            let failure = rename(temporary, path) == 0 ? 0 : errno
            if failure == 0 { InterruptCleanup.shared.unregister(temporary) }
            return failure
        }
        guard failure == 0 else {
            discard(temporary)
            throw .system(path, errorNumber: failure)
        }
    }

    private static func discard(_ temporary: String) {
        InterruptCleanup.shared.locked {
            unlink(temporary)
            InterruptCleanup.shared.unregister(temporary)
        }
    }

    private static func removeStaleTemporaries(beside path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        StaleTemporaries.remove(in: folder.isEmpty ? "." : folder)
    }
}
