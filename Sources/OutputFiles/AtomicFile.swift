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

    /// Replaces several files as one, each with what `produce` writes into the temporary beside it
    /// (given the file's index and the temporary's path): every temporary is written before any is
    /// renamed into place, so a failure while writing (a full disk) leaves every target as it was;
    /// only a rename failing part way (rare: each temporary sits beside its target) leaves those
    /// before it in place. Errors thrown by `produce` are rethrown as they are.
    public static func replace(_ paths: [String], using produce: (Int, String) throws -> Void) throws {
        var staged: [(temporary: String, path: String)] = []
        do {
            for (index, path) in paths.enumerated() {
                removeStaleTemporaries(beside: path)
                let temporary: String
                do throws(OutputError) {
                    temporary = try ExclusiveFile.temporary(beside: path, bytes: [])
                } catch {
                    // Named by the user's file, not the temporary's unguessable name.
                    throw OutputError(error.code, path: path)
                }
                staged.append((temporary, path))
                try produce(index, temporary)
            }
        } catch {
            for (temporary, _) in staged { discard(temporary) }
            throw error
        }
        for (index, (temporary, path)) in staged.enumerated() {
            do throws(OutputError) {
                try commit(temporary, to: path)
            } catch {
                for (later, _) in staged[(index + 1)...] { discard(later) }
                throw error
            }
        }
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
