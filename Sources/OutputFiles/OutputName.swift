/// File and folder names derived from input (an authority code, say) that are safe to write: one
/// plain name, never `.`, `..`, hidden, a path, or a control character.
public enum OutputName {
    /// The longest name made, in bytes (file systems allow 255; room is left for a suffix).
    static let maximumBytes = 100

    /// `text` with every character but ASCII letters, digits, `-`, `_` and `.` replaced by `_`, a
    /// leading `.` replaced too, cut to ``maximumBytes``; `_` when nothing is left.
    public static func sanitised(_ text: String) -> String {
        var name = String(
            text.unicodeScalars.prefix(maximumBytes).map { scalar -> Character in
                let allowed =
                    scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                        || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                return allowed ? Character(scalar) : "_"
            })
        if name.hasPrefix(".") { name = "_" + name.dropFirst() }
        return name.isEmpty ? "_" : name
    }

    /// One sanitised name per text, in order, made distinct (ignoring case, for file systems that do)
    /// by a `-2`, `-3`… suffix on later ones.
    public static func distinct(_ texts: [String], reserved: Set<String> = []) -> [String] {
        var taken = Set(reserved.map { $0.lowercased() })
        return texts.map { text in
            let base = sanitised(text)
            var name = base
            var suffix = 2
            while taken.contains(name.lowercased()) {
                name = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(name.lowercased())
            return name
        }
    }

    /// Whether `name` is one plain, visible file name (what ``sanitised(_:)`` makes, or a fixed name).
    static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && name.utf8.count <= 255
            && !name.unicodeScalars.contains { $0.value < 32 || $0.value == 127 }
    }
}
