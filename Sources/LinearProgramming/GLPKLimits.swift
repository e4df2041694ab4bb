/// What GLPK accepts without aborting the process. It formats every message into a 4,096-byte
/// buffer and aborts when one comes out longer, and it counts rows, columns, nonzeros and
/// milliseconds in 32-bit integers; so every string and count is checked against these first.
enum GLPKLimits {
    /// Names of the problem, rows and columns (GLPK's own limit).
    static let maximumNameBytes = 255
    /// A file path handed to GLPK: its messages quote a path with under 100 bytes of text, so
    /// 3,800 keeps every message well inside the buffer.
    static let maximumPathBytes = 3_800
    /// An exported model's path: GLPK is given a temporary beside it, whose name is up to 160 bytes
    /// longer.
    static let maximumExportPathBytes = maximumPathBytes - 200
    /// Rows, columns and nonzeros (GLPK's indices are 32-bit, from 1).
    static let maximumCount = Int(Int32.max) - 1
    /// The longest time limit GLPK can be given (its `tm_lim` counts milliseconds in 32 bits, about
    /// 24.8 days); longer limits are clamped to it.
    static let longestTimeLimit = Duration.milliseconds(Int64(Int32.max))

    /// Throws unless GLPK can be given `path` safely.
    static func checkPath(_ path: String, limit: Int = maximumPathBytes) throws(LinearProgrammingError) {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw .file(path: path, reason: "not a usable file name")
        }
        guard path.utf8.count <= limit else {
            throw .file(
                path: String(path.prefix(80)) + "…",
                reason: "the path is \(path.utf8.count) bytes long; at most \(limit) are allowed")
        }
    }
}

extension ModelFileFormat {
    /// The longest path an exported model may have (bytes), checked before anything is solved.
    public static let longestPathBytes = GLPKLimits.maximumExportPathBytes
}
