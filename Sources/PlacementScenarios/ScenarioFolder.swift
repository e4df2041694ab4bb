import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A scenario folder, and the only way the loader reads from it: a file is read only when its name is
/// a relative path without `..` and, with every link followed, it is a regular file inside the folder.
/// So a manifest cannot make the loader read (and echo in messages) `/proc/self/environ`, `/dev/zero`
/// or a file that a link points to elsewhere.
struct ScenarioFolder {
    /// The folder as given, for messages.
    let path: String
    /// The folder with every link resolved.
    private let resolved: String

    /// No table of a real scenario comes near this (England's providers take under 1 MiB).
    static let largestFile = 256 << 20

    /// Why a file could not be read. `name` problems are the manifest's fault (reported at the
    /// line naming the file); the others are about the file itself.
    struct Problem: Error {
        enum Kind { case name, file }
        let kind: Kind
        let message: String
    }

    /// The folder at `path`, or nil when it is not a folder.
    init?(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let resolved = Self.resolve(path)
        else { return nil }
        self.path = path
        self.resolved = resolved
    }

    /// Why `path` is not a scenario folder, for the message: it does not exist, or it is a file.
    static func notAFolder(_ path: String) -> ScenarioError {
        var isDirectory: ObjCBool = false
        let message =
            !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            ? "does not exist (a scenario is a folder with scenario.yaml)"
            : isDirectory.boolValue
                ? "is not a scenario folder" : "is a file, not a scenario folder (a folder with scenario.yaml)"
        return ScenarioError(issues: [ScenarioIssue(.error, file: path, message: message)])
    }

    /// Whether something (a file, a folder, a link even if broken) has this name in the folder.
    func contains(_ name: String) -> Bool {
        var status = stat()
        return lstat((path as NSString).appendingPathComponent(name), &status) == 0
    }

    /// The bytes of the file `name`, a path relative to the folder.
    func read(_ name: String) -> Result<Data, Problem> {
        if let problem = Self.nameProblem(name) { return .failure(Problem(kind: .name, message: problem)) }
        guard let target = Self.resolve((path as NSString).appendingPathComponent(name)) else {
            // A link whose target cannot be found (a loop, a missing file) is there, and said to be a link.
            let why =
                contains(name)
                ? "it is a link that leads to no file: a loop of links, or a target that does not exist"
                : "it does not exist in the scenario folder"
            return .failure(Problem(kind: .file, message: "cannot read the file (\(why))"))
        }
        guard target != resolved else {
            return .failure(Problem(kind: .name, message: "is the scenario folder itself, not a file in it"))
        }
        guard target.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") else {
            return .failure(Problem(kind: .name, message: "is a link to a file outside the scenario folder"))
        }
        // Non-blocking, so that a FIFO cannot stall the open; no links, as `target` has none left.
        let descriptor = open(target, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Problem(kind: .file, message: "cannot read the file (\(String(cString: strerror(errno))))"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return .failure(Problem(kind: .file, message: "cannot read the file (it is not a regular file)"))
        }
        guard status.st_size <= Self.largestFile else {
            return .failure(Problem(kind: .file, message: "is larger than \(Self.largestFile >> 20) MiB"))
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else {
                if errno == EINTR { continue }
                return .failure(
                    Problem(kind: .file, message: "cannot read the file (\(String(cString: strerror(errno))))"))
            }
            data.append(contentsOf: buffer[..<count])
            guard data.count <= Self.largestFile else {
                return .failure(Problem(kind: .file, message: "is larger than \(Self.largestFile >> 20) MiB"))
            }
        }
        return .success(data)
    }

    /// Why `name` cannot name a file inside the folder, judged from the text alone.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is not a file name (it is empty)" }
        if name.unicodeScalars.contains(where: TerminalSafeText.needsEscape) {
            return "contains a control character"
        }
        if name.hasPrefix("/") { return "is an absolute path; tables are named relative to the scenario folder" }
        if name.split(separator: "/").contains("..") {
            return "leaves the scenario folder ('..' is not allowed in a table's path)"
        }
        return nil
    }

    /// `path` with every link and `.`/`..` resolved, or nil when it does not exist.
    private static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// The C library's `read`, out of reach of ``ScenarioFolder/read(_:)``'s name.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
