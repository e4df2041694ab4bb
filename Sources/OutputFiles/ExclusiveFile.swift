import Foundation

/// Creating a file that did not exist, never through a symbolic link, and filling it.
enum ExclusiveFile {
    /// Creates `path` (it must not exist, and a link at it is not followed) and writes `bytes`.
    /// On failure nothing is left at `path`.
    static func create(_ path: String, bytes: some Collection<UInt8>) throws(OutputError) {
        let failure = attempt(path, bytes: bytes)
        guard failure == 0 else { throw .system(path, errorNumber: failure) }
    }

    /// Creates a file with `bytes` at a fresh temporary name beside `target`, registered for
    /// clean-up on interrupt. Returns its path.
    static func temporary(beside target: String, bytes: some Collection<UInt8>) throws(OutputError) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        while true {
            let path = (folder as NSString).appendingPathComponent(TemporaryName.make(for: name, kind: .file))
            let failure = InterruptCleanup.shared.locked {
                let failure = attempt(path, bytes: bytes)
                if failure == 0 { InterruptCleanup.shared.register(path) }
                return failure
            }
            if failure == 0 { return path }
            // A random name already taken (72 bits: in practice never): draw another.
            guard failure == EEXIST else { throw .system(path, errorNumber: failure) }
        }
    }

    /// 0, or the error number of the call that failed (the file then removed).
    private static func attempt(_ path: String, bytes: some Collection<UInt8>) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { return errno }
        var failure: Int32 = 0
        Array(bytes).withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 { unlink(path) }
        return failure
    }
}
