import Foundation

/// Names of the temporaries written beside an output: `.STEM.placement-PID-RANDOM.tmp` for a file,
/// `….staging` for a folder. The random part makes the name unguessable; the process id lets a
/// later run recognise, and remove, what a killed run left behind.
enum TemporaryName {
    enum Kind: String {
        case file = "tmp"
        case folder = "staging"
    }

    private static let tag = ".placement-"
    /// The stem is cut so that the whole name stays within the 255 bytes a file name may have.
    private static let stemBytes = 120
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A fresh name for a temporary beside `target` (a file or folder name, not a path).
    static func make(for target: String, kind: Kind) -> String {
        var stem = ""
        for scalar in target.unicodeScalars {
            guard stem.utf8.count + String(scalar).utf8.count <= stemBytes else { break }
            stem.unicodeScalars.append(scalar)
        }
        var generator = SystemRandomNumberGenerator()
        let random = String((0..<12).map { _ in alphabet.randomElement(using: &generator)! })
        return ".\(stem)\(tag)\(ProcessInfo.processInfo.processIdentifier)-\(random).\(kind.rawValue)"
    }

    /// The process that made a temporary of this naming scheme, or nil for any other name.
    static func owner(of name: String) -> Int32? {
        guard name.hasPrefix("."),
            name.hasSuffix(".\(Kind.file.rawValue)") || name.hasSuffix(".\(Kind.folder.rawValue)"),
            let tagRange = name.range(of: tag, options: .backwards)
        else { return nil }
        let rest = name[tagRange.upperBound...]
        let parts = rest.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let pid = Int32(parts[0]), pid > 0 else { return nil }
        let random = parts[1].prefix { $0 != "." }
        guard random.count == 12, random.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        return pid
    }
}

/// Removes what killed runs left behind: temporaries whose process no longer exists.
public enum StaleTemporaries {
    /// Removes from `directory` every temporary file or staging folder of a process that has ended.
    /// Returns how many were removed. Entries of running processes (including this one) are left.
    @discardableResult
    public static func remove(in directory: String) -> Int {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for entry in entries {
            guard let pid = TemporaryName.owner(of: entry), !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(entry)))
                != nil
            {
                removed += 1
            }
        }
        return removed
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno != ESRCH
    }
}
