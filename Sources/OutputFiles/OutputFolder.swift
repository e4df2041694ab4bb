import Foundation

/// What a written folder is: a command's results, or a scenario (`generate`, `forecast
/// --scenario-out`, `import`). Each kind replaces only a folder of its own kind, so no command's
/// `--out` can replace a scenario, the shipped ones included.
public enum OutputKind: Sendable {
    case results
    case scenario

    /// The file that marks a folder of this kind.
    public var markerName: String {
        switch self {
        case .results: OutputFolder.markerName
        case .scenario: ".placement-scenario"
        }
    }

    /// What a folder of this kind is, for messages.
    public var described: String {
        switch self {
        case .results: "a result set"
        case .scenario: "a scenario written by placement"
        }
    }

    func markerText(command: String?) -> String {
        switch self {
        case .results:
            command.map { "A result set written by placement \($0); only placement \($0) replaces it, whole.\n" }
                ?? "A result set written by placement; the whole folder is replaced by the next run.\n"
        case .scenario:
            "A scenario written by placement; only placement generate, forecast --scenario-out and import "
                + "replace it, whole.\n"
        }
    }
}

/// The files of one result set, by path inside the output folder.
public struct OutputSet: Sendable {
    public private(set) var files: [(folder: String?, name: String, text: String)] = []
    public let kind: OutputKind
    /// The command whose results these are (`compare`, `plan`, …): only it replaces them, so that
    /// `compare --out` cannot take away a plan someone has adopted. Nil for a scenario.
    public let command: String?

    public init(kind: OutputKind = .results, command: String? = nil) {
        self.kind = kind
        self.command = command
    }

    /// Adds files at the top of the set, or in one sub-folder of it.
    public mutating func add(_ files: [(name: String, text: String)], in folder: String? = nil) {
        self.files += files.map { (folder, $0.name, $0.text) }
    }

    /// How many distinct report folders the set holds.
    public var folders: Set<String> { Set(files.compactMap(\.folder)) }
}

/// Writes a result set all or nothing: into a fresh staging folder beside the destination, then
/// swapped into place whole. A reader sees the old set or the new one, never a mixture; a failure or
/// an interrupt leaves the old set (or nothing) and no temporaries; what a killed run leaves, the next
/// run removes.
///
/// An existing destination is replaced as a whole, so files of an earlier set do not linger; to
/// protect folders that are not result sets, an existing destination must be empty or carry the
/// ``markerName`` file every set carries.
public enum OutputFolder {
    /// The file that marks a folder as a command's results, so that the next results may replace it
    /// (``OutputKind`` has the scenario's).
    public static let markerName = ".placement-output"

    /// Throws unless `destination` may be written: absent, an empty folder, or a result set, and
    /// neither one of `inputs` (the files and folders the run reads) nor a folder holding one: a
    /// result set replaces its folder whole, and an imported scenario is a result set too.
    ///
    /// A result set another command wrote (its marker names the command) is replaced only by that
    /// command; a set whose marker names none (written before markers named their command) by any,
    /// but for one holding `plan.csv` and `plan.json`, taken as `plan`'s (``resultsCommand(of:)``).
    public static func checkReplaceable(
        _ destination: String, keeping inputs: [String] = [], kind: OutputKind = .results, command: String? = nil
    ) throws(OutputError) {
        for input in inputs where isWithin(input, destination) {
            throw OutputError(.holdsAnInput(input), path: destination)
        }
        if let (folder, kind) = enclosingWrittenFolder(of: destination) {
            throw OutputError(.insideAWrittenFolder(folder, kind), path: destination)
        }
        var status = stat()
        guard stat(destination, &status) == 0 else {
            if errno == ENOENT { return }
            throw .system(destination, errorNumber: errno)
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(.notAFolder, path: destination) }
        if let folder = realPath(destination), let working = realPath(FileManager.default.currentDirectoryPath),
            working == folder || working.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        {
            throw OutputError(.holdsTheWorkingFolder, path: destination)
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        guard entries.isEmpty || entries.contains(kind.markerName) else {
            if kind == .results, entries.contains(OutputKind.scenario.markerName) {
                throw OutputError(.isAScenario, path: destination)
            }
            if kind == .scenario, entries.contains(OutputKind.results.markerName) {
                throw OutputError(.isAResultSet, path: destination)
            }
            throw OutputError(.notAnOutputFolder, path: destination)
        }
        if kind == .results, let command, entries.contains(kind.markerName),
            let writer = resultsCommand(of: destination), writer != command
        {
            throw OutputError(.anotherCommandsResults(writer), path: destination)
        }
    }

    /// The command a result set's marker names, nil when it names none or cannot be read. A set
    /// from before markers named their command is `plan`'s when it holds `plan.csv` and `plan.json`:
    /// an adopted plan is what another command's `--out` must not take away.
    static func resultsCommand(of folder: String) -> String? {
        let marker = (folder as NSString).appendingPathComponent(markerName)
        guard let text = try? String(contentsOfFile: marker, encoding: .utf8) else { return nil }
        guard let range = text.range(of: "written by placement ") else {
            let holds = { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
            return holds("plan.csv") && holds("plan.json") ? "plan" : nil
        }
        let name = text[range.upperBound...].prefix { $0.isLetter || $0 == "-" }
        return name.isEmpty ? nil : String(name)
    }

    /// The nearest folder above `destination` (links followed) that a run writes whole, a result set
    /// or a scenario, and which it is; nil when there is none.
    public static func enclosingWrittenFolder(of destination: String) -> (folder: String, kind: OutputKind)? {
        var folder = (canonical(destination) as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            for kind in [OutputKind.results, .scenario]
            where FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(kind.markerName)) {
                return (folder, kind)
            }
            let parent = (folder as NSString).deletingLastPathComponent
            guard parent != folder else { return nil }
            folder = parent
        }
        return nil
    }

    /// Throws unless a result set can be staged beside `destination`: a new folder can be made in the
    /// folder that would hold it (or, when that is still to be made, in its nearest existing ancestor).
    /// Checked by making one and removing it, so that a run fails before its work, not after. The
    /// error names `destination`, never the probe.
    public static func checkWritable(_ destination: String) throws(OutputError) {
        let target = resolved(destination)
        var folder = (target as NSString).deletingLastPathComponent
        while true {
            var status = stat()
            if stat(folder, &status) == 0 {
                guard (status.st_mode & S_IFMT) == S_IFDIR else {
                    throw OutputError(.system("\(folder) is not a folder"), path: destination)
                }
                break
            }
            let failure = errno
            let parent = (folder as NSString).deletingLastPathComponent
            // Missing folders are made by `write`: what counts is the first one that exists.
            guard failure == ENOENT, parent != folder else {
                throw OutputError(
                    .system("cannot reach \(folder): \(String(cString: strerror(failure)))"), path: destination)
            }
            folder = parent
        }
        let probe = try makeStaging(in: folder, for: (target as NSString).lastPathComponent, reportedAs: destination)
        InterruptCleanup.shared.locked {
            rmdir(probe)
            InterruptCleanup.shared.unregister(probe)
        }
    }

    /// Writes `set` to `destination`, replacing what is there as a whole.
    public static func write(_ set: OutputSet, to destination: String) throws(OutputError) {
        try write([(set, destination)])
    }

    /// Writes several sets as one: every set is staged in full before any is put in place, so a
    /// failure while writing (a full disk) leaves every destination as it was, and no folder made
    /// for them. Putting them in place is then one rename each: only a rename failing part way (rare:
    /// the folders were checked and staged beside their targets) leaves the sets before it in place.
    public static func write(_ sets: [(set: OutputSet, destination: String)]) throws(OutputError) {
        var made: [String] = []
        var stagings: [(staging: String, target: String)] = []
        // Removes the stagings from `first` on (those not put in place) and the folders made, deepest
        // first: rmdir takes only an emptied one, so those holding a set in place, or a file something
        // else has put there since, stay.
        func abandon(from first: Int) {
            InterruptCleanup.shared.locked {
                for (staging, _) in stagings[first...] {
                    try? FileManager.default.removeItem(atPath: staging)
                    InterruptCleanup.shared.unregister(staging)
                }
            }
            InterruptCleanup.shared.locked {
                for folder in made.reversed() { rmdir(folder) }
                InterruptCleanup.shared.unregisterMade(made)
            }
        }
        do throws(OutputError) {
            for (set, destination) in sets {
                let target = resolved(destination)
                let parent = (target as NSString).deletingLastPathComponent
                made += try makeFolders(parent)
                StaleTemporaries.remove(in: parent)
                try checkReplaceable(target, kind: set.kind, command: set.command)
                for file in set.files {
                    guard OutputName.isSafe(file.name), file.folder.map(OutputName.isSafe) ?? true else {
                        throw OutputError(
                            .unsafeName, path: [file.folder, file.name].compactMap { $0 }.joined(separator: "/"))
                    }
                }
                let staging = try makeStaging(
                    in: parent, for: (target as NSString).lastPathComponent, reportedAs: destination)
                stagings.append((staging, target))
                try fill(staging, with: set)
            }
        } catch {
            abandon(from: 0)
            throw error
        }
        for (index, (staging, target)) in stagings.enumerated() {
            do throws(OutputError) {
                try swap(staging, into: target)
            } catch {
                abandon(from: index)
                throw error
            }
        }
        InterruptCleanup.shared.locked { InterruptCleanup.shared.unregisterMade(made) }
    }

    /// Makes `folder` and any missing folders above it; returns those it made, outermost first, which
    /// stay registered for an interrupt's clean-up until the caller unregisters them.
    private static func makeFolders(_ folder: String) throws(OutputError) -> [String] {
        var missing: [String] = []
        var current = folder
        while !current.isEmpty, !FileManager.default.fileExists(atPath: current) {
            missing.insert(current, at: 0)
            let parent = (current as NSString).deletingLastPathComponent
            guard parent != current else { break }
            current = parent
        }
        let failure: (any Error)? = InterruptCleanup.shared.locked {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                InterruptCleanup.shared.registerMade(missing)
                return nil
            } catch {
                for made in missing.reversed() { rmdir(made) }
                return error
            }
        }
        if let failure { throw OutputError(.system(failure.localizedDescription), path: folder) }
        return missing
    }

    /// Whether `path` lies inside `folder` (not the folder itself): a file there goes when the folder
    /// is written as a result set. Both are compared by ``canonical(_:)``, so either may not exist yet.
    public static func lies(_ path: String, inside folder: String) -> Bool {
        let folder = canonical(folder)
        return canonical(path).hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// Whether `path` is `folder` itself or lies inside it.
    public static func isWithin(_ path: String, _ folder: String) -> Bool {
        canonical(path) == canonical(folder) || lies(path, inside: folder)
    }

    /// Whether two paths name the same place or one lies inside the other.
    public static func overlap(_ a: String, _ b: String) -> Bool {
        isWithin(a, b) || lies(b, inside: a)
    }

    /// The absolute path with every symbolic link of its longest existing part followed, and the
    /// rest (still to be made) appended as given, standardized.
    public static func canonical(_ path: String) -> String {
        let absolute = (path as NSString).isAbsolutePath ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while realPath(existing) == nil, existing != "/", !existing.isEmpty {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let base = realPath(existing) ?? existing
        return rest.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }

    /// The path itself, or where it points when it is a symbolic link (the link is kept).
    private static func resolved(_ path: String) -> String {
        let absolute = (path as NSString).isAbsolutePath ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standard = (absolute as NSString).standardizingPath
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: standard) else { return standard }
        let joined =
            (target as NSString).isAbsolutePath
            ? target : ((standard as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        return (joined as NSString).standardizingPath
    }

    /// A fresh private folder in `parent` named after `name`, registered for clean-up; a failure
    /// names `destination` (the user's path) and `parent`, not the temporary name.
    private static func makeStaging(
        in parent: String, for name: String, reportedAs destination: String
    ) throws(OutputError) -> String {
        while true {
            let staging = (parent as NSString).appendingPathComponent(TemporaryName.make(for: name, kind: .folder))
            let failure = InterruptCleanup.shared.locked {
                guard mkdir(staging, 0o700) == 0 else { return errno }
                InterruptCleanup.shared.register(staging)
                return 0
            }
            if failure == 0 { return staging }
            guard failure == EEXIST else {
                throw OutputError(
                    .system("cannot create a folder in \(parent): \(String(cString: strerror(failure)))"),
                    path: destination)
            }
        }
    }

    private static func fill(_ staging: String, with set: OutputSet) throws(OutputError) {
        try InterruptCleanup.shared.locked { () throws(OutputError) in
            try ExclusiveFile.create(
                (staging as NSString).appendingPathComponent(set.kind.markerName),
                bytes: set.kind.markerText(command: set.command).utf8)
        }
        for folder in set.folders.sorted() {
            let path = (staging as NSString).appendingPathComponent(folder)
            guard mkdir(path, 0o777) == 0 else { throw .system(path, errorNumber: errno) }
        }
        for file in set.files {
            let folder = file.folder.map { (staging as NSString).appendingPathComponent($0) } ?? staging
            let path = (folder as NSString).appendingPathComponent(file.name)
            try InterruptCleanup.shared.locked { () throws(OutputError) in
                try ExclusiveFile.create(path, bytes: file.text.utf8)
            }
        }
        // Staged privately; readable as any new folder once in place.
        let mask = umask(0)
        umask(mask)
        chmod(staging, 0o777 & ~mask)
    }

    /// Puts `staging` at `target`: one exchange where the system offers it, else the old set moved
    /// aside first. The old set then goes, under the staging name (removed by the next run if this one
    /// is killed meanwhile).
    private static func swap(_ staging: String, into target: String) throws(OutputError) {
        try InterruptCleanup.shared.locked { () throws(OutputError) in
            if rename(staging, target) == 0 {
                InterruptCleanup.shared.unregister(staging)
                return
            }
            guard errno == EEXIST || errno == ENOTEMPTY else { throw .system(target, errorNumber: errno) }
            if RenameExchange.exchange(staging, target) {
                return  // staging now holds the old set, still registered for clean-up
            }
            let aside = ((target as NSString).deletingLastPathComponent as NSString)
                .appendingPathComponent(TemporaryName.make(for: (target as NSString).lastPathComponent, kind: .folder))
            guard rename(target, aside) == 0 else { throw .system(target, errorNumber: errno) }
            InterruptCleanup.shared.register(aside)
            guard rename(staging, target) == 0 else {
                let failure = errno
                rename(aside, target)
                InterruptCleanup.shared.unregister(aside)
                throw .system(target, errorNumber: failure)
            }
            InterruptCleanup.shared.unregister(staging)
            try? FileManager.default.removeItem(atPath: aside)
            InterruptCleanup.shared.unregister(aside)
        }
        // After an exchange the old set sits at the staging name.
        InterruptCleanup.shared.locked {
            try? FileManager.default.removeItem(atPath: staging)
            InterruptCleanup.shared.unregister(staging)
        }
    }

    /// The path with every link and `.` or `..` resolved, or nil when it cannot be.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swaps two paths in one step. Looked up at run time, as
/// Glibc's Swift module does not declare it; absent elsewhere.
enum RenameExchange {
    private typealias Function =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let exchangeFlag: UInt32 = 2  // RENAME_EXCHANGE in <linux/fs.h>

    private static let function: Function? = {
        #if os(Linux)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: Function.self)
        #else
            return nil
        #endif
    }()

    /// Whether the two paths were swapped.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let function else { return false }
        return function(AT_FDCWD, first, AT_FDCWD, second, exchangeFlag) == 0
    }
}
