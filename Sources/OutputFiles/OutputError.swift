import Foundation

/// Why an output file or folder could not be written. Callers match ``code``; the message is built
/// from it and the path.
public struct OutputError: Error, Equatable, CustomStringConvertible {
    public enum Code: Equatable, Sendable {
        /// A file or folder could not be created, written or renamed; `reason` says why (the system's words).
        case system(String)
        /// An output name would leave its folder, is empty, or is not a plain file name.
        case unsafeName
        /// The destination exists and is not a folder.
        case notAFolder
        /// The destination folder holds files this program did not write; it is never replaced.
        case notAnOutputFolder
        /// The destination is a scenario written by this program, which a command's results never replace.
        case isAScenario
        /// The destination is a result set, which a scenario never replaces.
        case isAResultSet
        /// The destination is the result set of another command (named), which only that command replaces.
        case anotherCommandsResults(String)
        /// The destination lies inside a result set or a written scenario (the folder given, of the
        /// kind given), which the next run writing that folder replaces whole, taking this output with it.
        case insideAWrittenFolder(String, OutputKind)
        /// The destination is the current folder or holds it: replacing it whole would leave the
        /// shell that ran the command in a deleted folder.
        case holdsTheWorkingFolder
        /// The folder is, or holds, an input of the run (its scenario, data, plan or shocks).
        case holdsAnInput(String)
    }

    public var code: Code
    public var path: String

    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    /// An error from the last failed system call.
    static func system(_ path: String, errorNumber: Int32) -> OutputError {
        OutputError(.system(String(cString: strerror(errorNumber))), path: path)
    }

    public var description: String {
        switch code {
        case .system(let reason): "\(path): \(reason)"
        case .unsafeName: "\(path): not a safe output name"
        case .notAFolder: "\(path): exists and is not a folder"
        case .isAScenario:
            "\(path): is a scenario (written by generate, forecast --scenario-out or import), which results never replace; choose another folder"
        case .isAResultSet:
            "\(path): is a result set, which a scenario never replaces; choose another folder"
        case .anotherCommandsResults(let command):
            "\(path): holds the results of placement \(command), which only \(command) replaces; choose another "
                + "folder, or remove it first"
        case .insideAWrittenFolder(let folder, let kind):
            "\(path): lies inside \(folder), \(kind.described) that the next run writing it replaces whole; choose a "
                + "folder outside it"
        case .notAnOutputFolder:
            "\(path): the folder holds files placement did not write; empty it, remove it or choose another"
        case .holdsAnInput(let input):
            "\(path): holds \(input), which this run reads, and a result set replaces its folder whole; choose another folder"
        case .holdsTheWorkingFolder:
            "\(path): is the current folder or holds it, and a result set replaces its folder whole; choose a folder inside it or elsewhere"
        }
    }
}
