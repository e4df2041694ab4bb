import Foundation

/// Why a file named on the command line (a plan, a shocks file, a data table) cannot be read, in
/// words a user can act on: the path as given and the system's reason.
package enum UnreadableFile {
    /// `path (reason)`, for a file that could not be opened or read.
    package static func described(_ path: String) -> String {
        "\(TerminalSafeText.escaping(path)): \(reason(path))"
    }

    /// Why `path` cannot be read, as the system or its kind says.
    package static func reason(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return String(cString: strerror(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return "it is a folder, not a file"
        case S_IFREG: break
        default: return "it is not a regular file"
        }
        guard access(path, R_OK) == 0 else { return String(cString: strerror(errno)) }
        return "it could not be read"
    }
}
